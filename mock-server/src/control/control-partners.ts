/** D2/D3: a second (third, ...) partner with one active credential, for tenancy tests. */
import type { PartnerParts } from './control-parts';
import { apiError } from '../http/api-error';
import { addActivePartner } from '../state/seed';
import { created, type ControlHandlers } from '../http/handler';

export function createControlPartnerHandlers({ state, clock, ids }: PartnerParts) {
  return {
    createPartner(ctx) {
      const input = ctx.body;
      if (input.clientId !== undefined && state.credentialByClientId(input.clientId)) {
        throw apiError('client_id_taken', input.clientId);
      }
      const clientId = input.clientId ?? ids.uuid();
      const clientSecret = input.clientSecret ?? ids.hex(32); // D3: 64 hex characters
      const profile = (partnerId: number) => ({
        name: input.name,
        companyName: input.companyName ?? input.name,
        contactEmail: input.contactEmail ?? `partner-${partnerId}@example.com`,
      });
      const partnerId = addActivePartner(state, clock, profile, { clientId, secret: clientSecret });
      return created({ partnerId, name: input.name, clientId, clientSecret });
    },
  } satisfies Partial<ControlHandlers>;
}
