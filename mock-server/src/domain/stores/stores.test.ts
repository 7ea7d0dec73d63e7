import { buildStoreCreateRequest, buildStoreUpdateRequest } from '../../../../fixtures/src';
import { addPartner, createTestApp, createTestDeps } from '../../../test/helpers';
import {
  activeMerchant,
  createStore,
  defaultStore,
  getStore,
  LATER,
  NOW,
  pendingMerchant,
  SEED_STORE,
  storePath,
  type StoreBody,
} from './store-test-support';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// Building the first app of a file compiles every validator of the spec once.
beforeAll(() => void createTestDeps(), 60_000);

describe('POST /v1/partner/merchants/{merchantId}/stores (createStore)', () => {
  test("creates the Stores guide's example store beside the merchant's default", async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const res = await t.api.post(storePath(merchantId)).set(t.auth).send(SEED_STORE);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      storeId: expect.stringMatching(UUID),
      locationId: expect.stringMatching(/^LOC-20260318-[A-Z0-9]{4}$/),
      ...SEED_STORE,
      isActive: true,
      isDefault: false,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(Object.keys(res.body)).toEqual([
      'storeId',
      'locationId',
      ...Object.keys(SEED_STORE),
      'isActive',
      'isDefault',
      'createdAt',
      'updatedAt',
    ]);
  });

  test('omits unset address fields and defaults countryCode to DK (D16)', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId, { name: 'Kiosk' });
    expect(store).toEqual({
      storeId: expect.any(String),
      locationId: expect.any(String),
      name: 'Kiosk',
      countryCode: 'DK',
      isActive: true,
      isDefault: false,
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  test('dates a generated locationId by the mock clock', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    t.deps.clock.advance(2 * 24 * 60 * 60 * 1000);
    const store = await createStore(t, merchantId, buildStoreCreateRequest());
    expect(store.locationId).toMatch(/^LOC-20260320-[A-Z0-9]{4}$/);
  });

  test('keeps a given locationId', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId, buildStoreCreateRequest({ locationId: 'SKAT-0001' }));
    expect(store.locationId).toBe('SKAT-0001');
  });

  test('answers 409 for a locationId already used within the merchant', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    await createStore(t, merchantId, buildStoreCreateRequest({ locationId: 'SKAT-0001' }));
    const res = await t.api
      .post(storePath(merchantId))
      .set(t.auth)
      .send(buildStoreCreateRequest({ locationId: 'SKAT-0001' }));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('location_id_taken');
  });

  test('allows the same locationId in another merchant', async () => {
    const t = createTestApp();
    const first = await activeMerchant(t);
    const second = await activeMerchant(t);
    await createStore(t, first, buildStoreCreateRequest({ locationId: 'SKAT-0001' }));
    const res = await t.api
      .post(storePath(second))
      .set(t.auth)
      .send(buildStoreCreateRequest({ locationId: 'SKAT-0001' }));
    expect(res.status).toBe(201);
  });

  test('allows stores for a pending merchant and for an inactive one ("at any time")', async () => {
    const t = createTestApp();
    const pendingId = await pendingMerchant(t);
    const inactiveId = await activeMerchant(t);
    t.deps.services.merchants.deactivate(t.deps.state.merchants.get(inactiveId)!);
    expect((await t.api.post(storePath(pendingId)).set(t.auth).send(buildStoreCreateRequest())).status).toBe(201);
    expect((await t.api.post(storePath(inactiveId)).set(t.auth).send(buildStoreCreateRequest())).status).toBe(201);
  });

  test('rejects a missing name with 400 naming the field', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const res = await t.api.post(storePath(merchantId)).set(t.auth).send({ city: 'København' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain('name');
  });

  test('rejects a countryCode that is not two uppercase letters with 400 naming the field', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const res = await t.api.post(storePath(merchantId)).set(t.auth).send({ name: 'Kiosk', countryCode: 'dk' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain('countryCode');
  });

  test('rejects an invalid email with 400 naming the field', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const res = await t.api.post(storePath(merchantId)).set(t.auth).send({ name: 'Kiosk', email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain('email');
  });

  test('answers 404 for an unknown merchant', async () => {
    const t = createTestApp();
    const res = await t.api.post(storePath(999)).set(t.auth).send(buildStoreCreateRequest());
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('merchant_not_found');
  });

  test("answers 404 for another partner's merchant (D2)", async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const other = addPartner(t.deps);
    const res = await t.api.post(storePath(merchantId)).set(other.auth).send(buildStoreCreateRequest());
    expect(res.status).toBe(404);
    expect(t.deps.state.storesOf(merchantId)).toHaveLength(1);
  });
});

describe('GET /v1/partner/merchants/{merchantId}/stores (listStores)', () => {
  test('lists every store of the merchant, deactivated ones too, oldest first with the total', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const main = await defaultStore(t, merchantId);
    const branch = await createStore(t, merchantId);
    await t.api.delete(storePath(merchantId, branch.storeId)).set(t.auth);
    const res = await t.api.get(storePath(merchantId)).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.stores.map((s: StoreBody) => [s.storeId, s.isActive])).toEqual([
      [main.storeId, true],
      [branch.storeId, false],
    ]);
  });

  test('answers an empty list for a merchant without stores', async () => {
    const t = createTestApp();
    const merchantId = await pendingMerchant(t);
    const res = await t.api.get(storePath(merchantId)).set(t.auth);
    expect(res.body).toEqual({ stores: [], total: 0 });
  });

  test("answers 404 for another partner's merchant (D2)", async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const other = addPartner(t.deps);
    expect((await t.api.get(storePath(merchantId)).set(other.auth)).status).toBe(404);
  });
});

describe('GET /v1/partner/merchants/{merchantId}/stores/{storeId} (getStore)', () => {
  test('returns the store', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId);
    const res = await t.api.get(storePath(merchantId, store.storeId)).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(store);
  });

  test('answers 404 for an unknown store', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const res = await t.api.get(storePath(merchantId, 'no-such-store')).set(t.auth);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('store_not_found');
  });

  test("answers 404 for a store of the partner's other merchant", async () => {
    const t = createTestApp();
    const first = await activeMerchant(t);
    const second = await activeMerchant(t);
    const store = await createStore(t, first);
    expect((await t.api.get(storePath(second, store.storeId)).set(t.auth)).status).toBe(404);
  });

  test("answers 404 for another partner's store (D2)", async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId);
    const other = addPartner(t.deps);
    expect((await t.api.get(storePath(merchantId, store.storeId)).set(other.auth)).status).toBe(404);
  });
});

describe('PUT /v1/partner/merchants/{merchantId}/stores/{storeId} (updateStore)', () => {
  test("changes only the fields of the guide's example and moves updatedAt", async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId);
    t.deps.clock.advance(60_000);
    const res = await t.api
      .put(storePath(merchantId, store.storeId))
      .set(t.auth)
      .send({ name: 'Downtown Branch - Renovated', phone: '+4598765432' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...store, name: 'Downtown Branch - Renovated', phone: '+4598765432', updatedAt: LATER });
  });

  test('adds an address field that was unset', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId, { name: 'Kiosk' });
    const { city } = buildStoreUpdateRequest();
    const res = await t.api.put(storePath(merchantId, store.storeId)).set(t.auth).send({ city });
    expect(res.body).toMatchObject({ name: 'Kiosk', city });
  });

  test("changes the store's own locationId", async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId);
    const res = await t.api
      .put(storePath(merchantId, store.storeId))
      .set(t.auth)
      .send(buildStoreUpdateRequest({ locationId: 'SKAT-0002' }));
    expect(res.body.locationId).toBe('SKAT-0002');
    const reuse = await t.api
      .post(storePath(merchantId))
      .set(t.auth)
      .send(buildStoreCreateRequest({ locationId: store.locationId }));
    expect(reuse.status).toBe(201);
  });

  test("answers 409 for another store's locationId", async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const main = await defaultStore(t, merchantId);
    const store = await createStore(t, merchantId);
    const res = await t.api
      .put(storePath(merchantId, store.storeId))
      .set(t.auth)
      .send(buildStoreUpdateRequest({ locationId: main.locationId }));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('location_id_taken');
  });

  test('rejects an empty body with 400', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId);
    const res = await t.api.put(storePath(merchantId, store.storeId)).set(t.auth).send({});
    expect(res.status).toBe(400);
  });

  test('rejects an unknown field with 400 naming it', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId);
    const res = await t.api.put(storePath(merchantId, store.storeId)).set(t.auth).send({ status: 'inactive' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain('status');
  });

  test('answers 404 for an unknown store', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    expect(
      (await t.api.put(storePath(merchantId, 'no-such-store')).set(t.auth).send(buildStoreUpdateRequest())).status,
    ).toBe(404);
  });

  test("answers 404 for another partner's store and leaves it unchanged (D2)", async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId);
    const other = addPartner(t.deps);
    expect(
      (await t.api.put(storePath(merchantId, store.storeId)).set(other.auth).send(buildStoreUpdateRequest())).status,
    ).toBe(404);
    expect(await getStore(t, merchantId, store.storeId)).toEqual(store);
  });
});

describe('DELETE /v1/partner/merchants/{merchantId}/stores/{storeId} (deactivateStore)', () => {
  test('deactivates a store that is not the default and returns it', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId);
    t.deps.clock.advance(60_000);
    const res = await t.api.delete(storePath(merchantId, store.storeId)).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...store, isActive: false, updatedAt: LATER });
  });

  test('answers 200 with the store unchanged when it is already deactivated', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId);
    const first = await t.api.delete(storePath(merchantId, store.storeId)).set(t.auth);
    t.deps.clock.advance(60_000);
    const second = await t.api.delete(storePath(merchantId, store.storeId)).set(t.auth);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
  });

  test('answers 404 for an unknown store', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    expect((await t.api.delete(storePath(merchantId, 'no-such-store')).set(t.auth)).status).toBe(404);
  });

  test("answers 404 for another partner's store and leaves it active (D2)", async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId);
    const other = addPartner(t.deps);
    expect((await t.api.delete(storePath(merchantId, store.storeId)).set(other.auth)).status).toBe(404);
    expect((await getStore(t, merchantId, store.storeId)).isActive).toBe(true);
  });
});
