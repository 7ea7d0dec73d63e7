/** The partner that every fresh mock starts with (D2), using the configured credential (D1). */
import type { MockConfig } from '../config';
import type { Clock } from '../shared/clock';
import type { MockState } from './mock-state';
// Not the fixtures index: that would load faker (the builders) into every mock start.
import { DEFAULT_PARTNER } from '../../../fixtures/src/magic';

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
