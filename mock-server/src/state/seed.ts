/** The partner that every fresh mock starts with (D2), using the configured credential (D1). */
import type { MockConfig } from '../config';
import type { Clock } from '../shared/clock';
import type { MockState } from './mock-state';

export const DEFAULT_PARTNER = {
  name: 'Acme POS',
  companyName: 'Acme POS ApS',
  contactEmail: 'partner@acmepos.dk',
  contactPhone: '+4512345678',
  website: 'https://acmepos.dk',
  registrationNumber: '12345678',
};

export function seedDefaultPartner(
  state: MockState,
  config: Pick<MockConfig, 'clientId' | 'clientSecret'>,
  clock: Clock,
): void {
  const now = clock.now().toISOString();
  const partnerId = state.nextId('partner');
  state.addPartner({ id: partnerId, ...DEFAULT_PARTNER, status: 'active', createdAt: now, updatedAt: now });
  state.addCredential({
    id: state.nextId('credential'),
    partnerId,
    name: 'Default credential',
    clientId: config.clientId,
    secret: config.clientSecret,
    status: 'active',
    createdAt: now,
    updatedAt: now,
  });
}
