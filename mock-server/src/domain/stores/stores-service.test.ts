import { addActiveMerchant, addStoreFor, createTestDeps, defaultPartnerId, statusOf } from '../../../test/helpers';
import { createSeededIds, type IdGenerator } from '../../shared/ids';

/** Seeded ids whose `alphanumeric` answers from a fixed list first. */
function idsWithLocations(...codes: string[]): IdGenerator {
  const ids = createSeededIds(7);
  return { ...ids, alphanumeric: (n) => codes.shift() ?? ids.alphanumeric(n) };
}

function setup(ids?: IdGenerator) {
  const deps = createTestDeps({}, ids ? { ids } : {});
  const partner = deps.state.partners.get(defaultPartnerId(deps))!;
  const merchant = addActiveMerchant(deps, partner.id);
  return { deps, partner, merchant, stores: deps.services.stores };
}

describe('store locationId (D3)', () => {
  test('draws a generated locationId again when the merchant already uses it', () => {
    const { partner, merchant, stores } = setup(idsWithLocations('AAAA', 'AAAA', 'BBBB'));
    stores.create(partner, merchant.id, { name: 'One' });
    const second = stores.create(partner, merchant.id, { name: 'Two' });
    expect(second.locationId).toBe('LOC-20260318-BBBB');
  });

  test('does not take a generated locationId that was given to another store by hand', () => {
    const { partner, merchant, stores } = setup(idsWithLocations('CCCC', 'DDDD'));
    stores.create(partner, merchant.id, { name: 'Manual', locationId: 'LOC-20260318-CCCC' });
    expect(stores.create(partner, merchant.id, { name: 'Generated' }).locationId).toBe('LOC-20260318-DDDD');
  });
});

describe('default store on activation (D15)', () => {
  test('creates "Main Store" as the active default with the given address', () => {
    const { deps, merchant, stores } = setup();
    const store = stores.createDefaultStore(merchant, {
      streetAddress: 'Hovedgaden 1',
      city: 'København',
      postalCode: '1000',
    });
    expect(store).toMatchObject({
      name: 'Main Store',
      isDefault: true,
      isActive: true,
      countryCode: 'DK',
      city: 'København',
    });
    expect(deps.state.defaultStoreOf(merchant.id)).toBe(store);
  });

  test('creates nothing for a merchant that already has a store, even an inactive one', () => {
    const { deps, merchant, stores } = setup();
    addStoreFor(deps, merchant, { isActive: false });
    expect(stores.createDefaultStore(merchant)).toBeUndefined();
    expect(deps.state.storesOf(merchant.id)).toHaveLength(1);
  });
});

describe('store for a payment (D19)', () => {
  test('returns an active store of the merchant', () => {
    const { deps, merchant, stores } = setup();
    const store = addStoreFor(deps, merchant);
    expect(stores.findActiveStoreForPayment(merchant, store.storeId)).toBe(store);
  });

  test('answers 404 for an unknown store', () => {
    const { merchant, stores } = setup();
    expect(statusOf(() => stores.findActiveStoreForPayment(merchant, 'no-such-store'))).toBe(404);
  });

  test('answers 404 for a store of another merchant', () => {
    const { deps, partner, merchant, stores } = setup();
    const store = addStoreFor(deps, addActiveMerchant(deps, partner.id));
    expect(statusOf(() => stores.findActiveStoreForPayment(merchant, store.storeId))).toBe(404);
  });

  test('answers 409 for a deactivated store', () => {
    const { deps, merchant, stores } = setup();
    const store = addStoreFor(deps, merchant, { isActive: false });
    expect(statusOf(() => stores.findActiveStoreForPayment(merchant, store.storeId))).toBe(409);
  });
});

describe("store times by the mock's clock (D4, D17, D18)", () => {
  const LATER = '2026-03-18T12:01:00.000Z';

  test('dates createdAt and a generated locationId by the clock, two days on', () => {
    const { deps, partner, merchant, stores } = setup();
    deps.clock.advance(2 * 24 * 60 * 60 * 1000);
    const store = stores.create(partner, merchant.id, { name: 'Kiosk' });
    expect(store.locationId).toMatch(/^LOC-20260320-[A-Z0-9]{4}$/);
    expect(store).toMatchObject({ createdAt: '2026-03-20T12:00:00.000Z', updatedAt: '2026-03-20T12:00:00.000Z' });
  });

  test('an update and a deactivation move updatedAt to the clock; a second deactivation changes nothing', () => {
    const { deps, partner, merchant, stores } = setup();
    stores.create(partner, merchant.id, { name: 'Main' });
    const store = stores.create(partner, merchant.id, { name: 'Branch' });
    deps.clock.advance(60_000);
    expect(stores.update(partner, merchant.id, store.storeId, { phone: '+4598765432' })).toEqual({
      ...store,
      phone: '+4598765432',
      updatedAt: LATER,
    });
    deps.clock.advance(60_000);
    const deactivated = stores.deactivate(partner, merchant.id, store.storeId);
    expect(deactivated).toMatchObject({ isActive: false, updatedAt: '2026-03-18T12:02:00.000Z' });
    deps.clock.advance(60_000);
    expect(stores.deactivate(partner, merchant.id, store.storeId)).toEqual(deactivated);
  });

  test('moving the default stamps the previous default with the same time, by create and by update', () => {
    const { deps, partner, merchant, stores } = setup();
    const first = stores.create(partner, merchant.id, { name: 'First' });
    deps.clock.advance(60_000);
    const second = stores.create(partner, merchant.id, { name: 'Second', isDefault: true });
    expect(stores.get(partner, merchant.id, first.storeId)).toMatchObject({ isDefault: false, updatedAt: LATER });
    deps.clock.advance(60_000);
    expect(stores.update(partner, merchant.id, first.storeId, { isDefault: true })).toMatchObject({
      isDefault: true,
      updatedAt: '2026-03-18T12:02:00.000Z',
    });
    expect(stores.get(partner, merchant.id, second.storeId)).toMatchObject({
      isDefault: false,
      updatedAt: '2026-03-18T12:02:00.000Z',
    });
  });

  test('a refused change leaves the store and the default as they were, updatedAt too', () => {
    const { deps, partner, merchant, stores } = setup();
    const main = stores.create(partner, merchant.id, { name: 'Main' });
    const branch = stores.create(partner, merchant.id, { name: 'Branch' });
    stores.deactivate(partner, merchant.id, branch.storeId);
    const inactive = stores.get(partner, merchant.id, branch.storeId);
    deps.clock.advance(60_000);
    const patch = { name: 'Renamed', locationId: 'SKAT-9', isDefault: false };
    expect(statusOf(() => stores.update(partner, merchant.id, main.storeId, patch))).toBe(409);
    expect(statusOf(() => stores.update(partner, merchant.id, branch.storeId, { isDefault: true }))).toBe(409);
    expect(stores.get(partner, merchant.id, main.storeId)).toEqual(main);
    expect(stores.get(partner, merchant.id, branch.storeId)).toEqual(inactive);
  });
});
