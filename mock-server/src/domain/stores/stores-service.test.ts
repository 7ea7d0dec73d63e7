import { addActiveMerchant, addStoreFor, createTestDeps, defaultPartnerId } from '../../../test/helpers';
import type { ApiError } from '../../http/api-error';
import { createSeededIds, type IdGenerator } from '../../shared/ids';

// Building the first deps of a file compiles every validator of the spec once.
beforeAll(() => void createTestDeps(), 60_000);

function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as ApiError).statusCode;
  }
}

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
