import { buildProfileUpdateRequest } from '../../../../fixtures/src';
import { createTestDeps, defaultPartnerId } from '../../../test/helpers';

describe('profile updates by the mock clock (D30)', () => {
  test('change only the fields sent and stamp updatedAt with the clock', () => {
    const deps = createTestDeps();
    const partner = deps.state.partners.get(defaultPartnerId(deps))!;
    const before = deps.services.profile.get(partner);
    deps.clock.advance(60_000);
    const { contactEmail, contactPhone } = buildProfileUpdateRequest();
    const updated = deps.services.profile.update(partner, { contactEmail, contactPhone });
    expect(updated).toEqual({ ...before, contactEmail, contactPhone, updatedAt: '2026-03-18T12:01:00.000Z' });
    expect(deps.services.profile.get(partner)).toEqual(updated);
  });
});
