/**
 * D15-D18: a merchant's stores, following the seed's Stores guide. Store calls are allowed for a
 * merchant in any status ("at any time"); unknown or foreign merchants and stores answer 404 (D2).
 */
import type { components } from '../../../../spec/generated/partner-api';
import { apiError } from '../../http/api-error';
import type { MerchantRecord, PartnerRecord, StoreRecord } from '../../state/records';
import { findMerchantOfPartner } from '../merchants/find-merchant';
import type { ServiceDeps } from '../service-deps';
import { checkLocationIdFree, checkStoreUpdate } from './store-rules';

type Store = components['schemas']['Store'];
type StoreList = components['schemas']['StoreList'];
type StoreCreate = components['schemas']['StoreCreateRequest'];
type StoreUpdate = components['schemas']['StoreUpdateRequest'];

/** The create body, with the spec's defaults optional for callers inside the mock. */
export type StoreInput = Omit<StoreCreate, 'countryCode' | 'isDefault'> &
  Partial<Pick<StoreCreate, 'countryCode' | 'isDefault'>>;
export type StoreAddress = Pick<StoreInput, 'streetAddress' | 'city' | 'postalCode'>;

const TEXT_FIELDS = ['name', 'streetAddress', 'city', 'postalCode', 'countryCode', 'phone', 'email'] as const;
const DEFAULT_COUNTRY = 'DK';
const LOCATION_ID_ATTEMPTS = 1000;

/** D16: unset optional fields are omitted, never null (also for imported records that carry null); keys in the seed's order. */
export function toStoreResponse(s: StoreRecord): Store {
  return withoutUnset({
    storeId: s.storeId,
    locationId: s.locationId,
    name: s.name,
    streetAddress: s.streetAddress,
    city: s.city,
    postalCode: s.postalCode,
    countryCode: s.countryCode,
    phone: s.phone,
    email: s.email,
    isActive: s.isActive,
    isDefault: s.isDefault,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  });
}

function withoutUnset<T extends object>(value: T): T {
  // One pass over the literal's keys, in its order (no entry arrays per call: this runs twice a store).
  const set: Record<string, unknown> = {};
  const fields = value as Record<string, unknown>;
  for (const key in fields) {
    const field = fields[key];
    if (field !== undefined && field !== null) set[key] = field;
  }
  return set as T;
}

export function createStoresService({ state, clock, ids }: Pick<ServiceDeps, 'state' | 'clock' | 'ids'>) {
  function findStore(merchant: MerchantRecord, storeId: string): StoreRecord {
    const store = state.stores.get(storeId);
    if (!store || store.merchantId !== merchant.id) throw apiError('store_not_found', storeId);
    return store;
  }

  /** D3: `LOC-YYYYMMDD-XXXX` by the mock's clock, drawn again until unused within the merchant. */
  function newLocationId(merchantId: number): string {
    const day = clock.now().toISOString().slice(0, 10).replace(/-/g, '');
    for (let i = 0; i < LOCATION_ID_ATTEMPTS; i += 1) {
      const candidate = `LOC-${day}-${ids.alphanumeric(4)}`;
      if (!state.storeByLocationId(merchantId, candidate)) return candidate;
    }
    throw new Error(`No free locationId left for merchant ${merchantId} on ${day}`);
  }

  function addStore(merchant: MerchantRecord, input: StoreInput): StoreRecord {
    if (input.locationId !== undefined) checkLocationIdFree(state, merchant.id, input.locationId);
    const now = clock.now().toISOString();
    const store: StoreRecord = withoutUnset({
      storeId: ids.uuid(),
      merchantId: merchant.id,
      partnerId: merchant.partnerId,
      locationId: input.locationId ?? newLocationId(merchant.id),
      name: input.name,
      streetAddress: input.streetAddress,
      city: input.city,
      postalCode: input.postalCode,
      countryCode: input.countryCode ?? DEFAULT_COUNTRY,
      phone: input.phone,
      email: input.email,
      isActive: true,
      isDefault: false,
      createdAt: now,
      updatedAt: now,
    });
    state.addStore(store);
    // D18: the first store becomes the default whatever `isDefault` says.
    if (input.isDefault === true || !state.defaultStoreOf(merchant.id)) state.setDefaultStore(store, now);
    return store;
  }

  return {
    create: (partner: PartnerRecord, merchantId: number, input: StoreInput): Store =>
      toStoreResponse(addStore(findMerchantOfPartner(state, partner, merchantId), input)),

    list(partner: PartnerRecord, merchantId: number): StoreList {
      const stores = state.storesOf(findMerchantOfPartner(state, partner, merchantId).id);
      return { stores: stores.map(toStoreResponse), total: stores.length };
    },

    get: (partner: PartnerRecord, merchantId: number, storeId: string): Store =>
      toStoreResponse(findStore(findMerchantOfPartner(state, partner, merchantId), storeId)),

    /** D17: only the fields sent change; updatedAt always moves. */
    update(partner: PartnerRecord, merchantId: number, storeId: string, patch: StoreUpdate): Store {
      const store = findStore(findMerchantOfPartner(state, partner, merchantId), storeId);
      checkStoreUpdate(state, store, patch);
      const now = clock.now().toISOString();
      if (patch.locationId !== undefined) state.setStoreLocationId(store, patch.locationId);
      for (const field of TEXT_FIELDS) if (patch[field] !== undefined) store[field] = patch[field];
      if (patch.isActive !== undefined) store.isActive = patch.isActive;
      if (patch.isDefault === true) state.setDefaultStore(store, now);
      store.updatedAt = now;
      state.touch('stores', store);
      return toStoreResponse(store);
    },

    /** D17/D18: DELETE deactivates; an already deactivated store answers 200 unchanged (idempotent). */
    deactivate(partner: PartnerRecord, merchantId: number, storeId: string): Store {
      const store = findStore(findMerchantOfPartner(state, partner, merchantId), storeId);
      if (!store.isActive) return toStoreResponse(store);
      if (store.isDefault) throw apiError('default_store_required');
      store.isActive = false;
      store.updatedAt = clock.now().toISOString();
      state.touch('stores', store);
      return toStoreResponse(store);
    },

    /** D15: "Main Store" for a merchant that becomes active without any store; undefined otherwise. */
    createDefaultStore(merchant: MerchantRecord, address: StoreAddress = {}): StoreRecord | undefined {
      if (state.storesOf(merchant.id).length > 0) return undefined;
      return addStore(merchant, { name: 'Main Store', ...address, isDefault: true });
    },

    /** D19: the store a payment is attributed to: 404 when not the merchant's, 409 when deactivated. */
    findActiveStoreForPayment(merchant: MerchantRecord, storeId: string): StoreRecord {
      const store = findStore(merchant, storeId);
      if (!store.isActive) throw apiError('store_inactive', storeId, 'payment');
      return store;
    },
  };
}

export type StoresService = ReturnType<typeof createStoresService>;
