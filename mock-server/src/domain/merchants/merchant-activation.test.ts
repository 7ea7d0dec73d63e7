import { addPartner, addStoreFor, createTestDeps, defaultPartnerId, statusOf } from '../../../test/helpers';
import type { Runtime } from '../../runtime/runtime';
import type { DomainEvent } from '../../shared/events';
import type { MerchantRecord } from '../../state/records';

function setup() {
  const deps = createTestDeps();
  const partner = deps.state.partners.get(defaultPartnerId(deps))!;
  const merchants = deps.services.merchants;
  const pending = (): MerchantRecord => {
    const { merchantId } = merchants.create(partner, {
      companyName: 'Restaurant XYZ',
      contactEmail: 'owner@restaurant-xyz.dk',
    });
    return deps.state.merchants.get(merchantId)!;
  };
  return { deps, partner, merchants, pending };
}

function recordEvents(deps: Runtime): DomainEvent[] {
  const events: DomainEvent[] = [];
  deps.events.subscribe((e) => events.push(e));
  return events;
}

describe('merchant activation (D14, D15)', () => {
  test('activates a pending merchant, creates "Main Store" and publishes merchant.activated', () => {
    const { deps, merchants, pending } = setup();
    const merchant = pending();
    const events = recordEvents(deps);
    merchants.activate(merchant);
    expect(merchant.status).toBe('active');
    expect(deps.state.storesOf(merchant.id)).toEqual([
      expect.objectContaining({ name: 'Main Store', isDefault: true, isActive: true }),
    ]);
    expect(events.map((e) => [e.type, e.data.status])).toEqual([['merchant.activated', 'active']]);
  });

  test('publishes only after the status, the link and the default store are in place', () => {
    const { deps, merchants, pending } = setup();
    const merchant = pending();
    const seen: unknown[] = [];
    deps.events.subscribe(() =>
      seen.push([merchant.status, merchant.onboardingToken, deps.state.storesOf(merchant.id).length]),
    );
    merchants.activate(merchant);
    expect(seen).toEqual([['active', null, 1]]);
  });

  test('uses up the open onboarding link when activated another way', () => {
    const { merchants, pending } = setup();
    const merchant = pending();
    const token = merchant.onboardingToken!;
    merchants.activate(merchant);
    expect(merchants.onboardingLink(token)).toEqual({ state: 'used', merchant });
  });

  test('creates no default store when the merchant already has a store', () => {
    const { deps, merchants, pending } = setup();
    const merchant = pending();
    const own = addStoreFor(deps, merchant, { isDefault: true, name: 'Own' });
    merchants.activate(merchant);
    expect(deps.state.storesOf(merchant.id)).toEqual([own]);
  });

  test('answers 409 when activating a merchant that is already active', () => {
    const { merchants, pending } = setup();
    const merchant = pending();
    merchants.activate(merchant);
    expect(statusOf(() => merchants.activate(merchant))).toBe(409);
  });

  test('deactivates an active merchant and publishes merchant.deactivated', () => {
    const { deps, merchants, pending } = setup();
    const merchant = merchants.activate(pending());
    const events = recordEvents(deps);
    merchants.deactivate(merchant);
    expect(merchant.status).toBe('inactive');
    expect(events).toEqual([
      {
        type: 'merchant.deactivated',
        partnerId: merchant.partnerId,
        timestamp: '2026-03-18T12:00:00.000Z',
        data: {
          merchantId: merchant.id,
          clientId: merchant.clientId,
          companyName: 'Restaurant XYZ',
          status: 'inactive',
        },
      },
    ]);
  });

  test('answers 409 when deactivating a merchant that is already inactive', () => {
    const { merchants, pending } = setup();
    const merchant = merchants.deactivate(merchants.activate(pending()));
    expect(statusOf(() => merchants.deactivate(merchant))).toBe(409);
  });

  test('reactivates an inactive merchant without a second default store', () => {
    const { deps, merchants, pending } = setup();
    const merchant = merchants.deactivate(merchants.activate(pending()));
    const events = recordEvents(deps);
    merchants.activate(merchant);
    expect(merchant.status).toBe('active');
    expect(deps.state.storesOf(merchant.id)).toHaveLength(1);
    expect(events.map((e) => e.type)).toEqual(['merchant.activated']);
  });

  test('closes the onboarding link of a pending merchant that is deactivated', () => {
    const { merchants, pending } = setup();
    const merchant = pending();
    const token = merchant.onboardingToken!;
    merchants.deactivate(merchant);
    expect(merchants.onboardingLink(token).state).toBe('used');
  });

  test('keeps the status filter of the merchant list in step', () => {
    const { deps, merchants, pending } = setup();
    const merchant = merchants.activate(pending());
    expect(deps.state.countMerchants(merchant.partnerId, 'active')).toBe(1);
    expect(deps.state.countMerchants(merchant.partnerId, 'pending')).toBe(0);
  });
});

describe('merchant lookups (D2)', () => {
  test('finds a merchant of the partner by id and by clientId', () => {
    const { merchants, partner, pending } = setup();
    const merchant = pending();
    expect(merchants.findForPartner(partner, merchant.id)).toBe(merchant);
    expect(merchants.findByClientId(partner, merchant.clientId)).toBe(merchant);
  });

  test("answers 404 for another partner's merchant by id and by clientId", () => {
    const { deps, merchants, pending } = setup();
    const merchant = pending();
    const other = { id: addPartner(deps).partnerId };
    expect(statusOf(() => merchants.findForPartner(other, merchant.id))).toBe(404);
    expect(statusOf(() => merchants.findByClientId(other, merchant.clientId))).toBe(404);
  });

  test('answers 404 for an unknown id and an unknown clientId', () => {
    const { merchants, partner } = setup();
    expect(statusOf(() => merchants.findForPartner(partner, 12345))).toBe(404);
    expect(statusOf(() => merchants.findByClientId(partner, 'no-such-client'))).toBe(404);
  });
});
