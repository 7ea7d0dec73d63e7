/** D30: the calling partner's profile; updates change only the fields sent. */
import type { components } from '../../../../spec/generated/partner-api';
import type { PartnerRecord } from '../../state/records';
import { responseFields } from '../response-fields';
import type { ServiceDeps } from '../service-deps';

type Profile = components['schemas']['Profile'];
type ProfileUpdate = components['schemas']['ProfileUpdateRequest'];

/** The profile's fields as the spec lists them (E175). */
export const toProfileResponse: (partner: PartnerRecord) => Profile = responseFields('Profile');

export function createProfileService({ state, clock }: Pick<ServiceDeps, 'state' | 'clock'>) {
  return {
    get: (partner: PartnerRecord) => toProfileResponse(partner),
    update(partner: PartnerRecord, patch: ProfileUpdate): Profile {
      Object.assign(partner, patch, { updatedAt: clock.now().toISOString() });
      state.touch('partners', partner);
      return toProfileResponse(partner);
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
