/** D6: faults injected into the Partner API, and the journal of the requests it answered. */
import type { FaultParts } from './control-parts';
import { apiError } from '../http/api-error';
import { created, ok, type ControlHandlers } from '../http/handler';

export function createControlFaultHandlers({ faults, journal, clock }: FaultParts) {
  return {
    createFault: (ctx) => created({ ...faults.add(ctx.body, clock.now().toISOString()) }),
    listFaults: () => ok({ faults: faults.list() }),
    clearFaults: () => ok({ ok: true, removed: faults.clear() }),
    deleteFault(ctx) {
      const fault = faults.remove(ctx.params.faultId);
      if (!fault) throw apiError('fault_not_found', ctx.params.faultId);
      return ok(fault);
    },

    listRequests(ctx) {
      const { operationId, paymentId, limit } = ctx.query;
      const filter = {
        ...(operationId !== undefined && { operationId }),
        ...(paymentId !== undefined && { paymentId }),
      };
      return ok(journal.list({ ...filter, limit }));
    },
    clearRequests() {
      journal.clear();
      return ok({ ok: true });
    },
  } satisfies Partial<ControlHandlers>;
}
