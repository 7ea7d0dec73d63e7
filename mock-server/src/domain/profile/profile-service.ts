/** D30: the calling partner's profile; updates change only the fields sent. */
import type { components } from '../../../../spec/generated/partner-api';
import type { PartnerRecord } from '../../state/records';
import type { ServiceDeps } from '../service-deps';

type Profile = components['schemas']['Profile'];
type ProfileUpdate = components['schemas']['ProfileUpdateRequest'];

export function toProfileResponse(partner: PartnerRecord): Profile {
  return {
    id: partner.id,
    name: partner.name,
    companyName: partner.companyName,
    contactEmail: partner.contactEmail,
    contactPhone: partner.contactPhone,
    website: partner.website,
    registrationNumber: partner.registrationNumber,
    status: partner.status,
    createdAt: partner.createdAt,
    updatedAt: partner.updatedAt,
  };
}

export function createProfileService({ state, clock }: Pick<ServiceDeps, 'state' | 'clock'>) {
  return {
    get: (partner: PartnerRecord) => toProfileResponse(partner),
    update(partner: PartnerRecord, patch: ProfileUpdate): Profile {
      Object.assign(partner, patch, { updatedAt: clock.now().toISOString() });
      state.touchPartner(partner);
      return toProfileResponse(partner);
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
