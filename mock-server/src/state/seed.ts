/** The partner that every fresh mock starts with (D2), using the configured credential (D1). */
import type { MockConfig } from '../config';
import type { Clock } from '../shared/clock';
import type { MockState } from './mock-state';
import type { PartnerRecord } from './records';
// Not the fixtures index: that would load faker (the builders) into every mock start.
import { DEFAULT_PARTNER } from '../../../fixtures/src/magic';

/** A partner's profile; the contact phone, website and registration number are null unless given. */
type PartnerProfile = Pick<PartnerRecord, 'name' | 'companyName' | 'contactEmail'> &
  Partial<Pick<PartnerRecord, 'contactPhone' | 'website' | 'registrationNumber'>>;

/**
 * Adds an active partner with one active credential, "Default credential" (D2, D3), both dated now
 * by the clock; `profile` gets the new partner's id. Returns that id.
 */
export function addActivePartner(
  state: MockState,
  clock: Clock,
  profile: (partnerId: number) => PartnerProfile,
  credential: { clientId: string; secret: string },
): number {
  const now = clock.now().toISOString();
  const partnerId = state.nextId('partner');
  const given = profile(partnerId);
  state.addPartner({
    id: partnerId,
    name: given.name,
    companyName: given.companyName,
    contactEmail: given.contactEmail,
    contactPhone: given.contactPhone ?? null,
    website: given.website ?? null,
    registrationNumber: given.registrationNumber ?? null,
    status: 'active',
    createdAt: now,
    updatedAt: now,
  });
  state.addCredential({
    id: state.nextId('credential'),
    partnerId,
    name: 'Default credential',
    ...credential,
    status: 'active',
    createdAt: now,
    updatedAt: now,
  });
  return partnerId;
}

export function seedDefaultPartner(
  state: MockState,
  config: Pick<MockConfig, 'clientId' | 'clientSecret'>,
  clock: Clock,
): void {
  addActivePartner(state, clock, () => DEFAULT_PARTNER, { clientId: config.clientId, secret: config.clientSecret });
}
