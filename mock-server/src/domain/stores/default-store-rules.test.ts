/** D18: at most one default store per merchant, always an active one; each rule its own test. */
import { createTestApp, createTestDeps } from '../../../test/helpers';
import {
  activeMerchant,
  createStore,
  defaultStore,
  getStore,
  LATER,
  pendingMerchant,
  storePath,
  type StoreBody,
} from './store-test-support';

// Building the first app of a file compiles every validator of the spec once.
beforeAll(() => void createTestDeps(), 60_000);

describe('D18 default-store rules', () => {
  test("makes a merchant's first store the default even when isDefault is false", async () => {
    const t = createTestApp();
    const merchantId = await pendingMerchant(t);
    const store = await createStore(t, merchantId, { name: 'First', isDefault: false });
    expect(store.isDefault).toBe(true);
  });

  test('moves the default to a store created with isDefault true, clearing the previous one in one step', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const previous = await defaultStore(t, merchantId);
    t.deps.clock.advance(60_000);
    const store = await createStore(t, merchantId, { name: 'New default', isDefault: true });
    expect(store.isDefault).toBe(true);
    expect(await getStore(t, merchantId, previous.storeId)).toMatchObject({ isDefault: false, updatedAt: LATER });
    expect(await defaultStore(t, merchantId)).toMatchObject({ storeId: store.storeId });
  });

  test('moves the default to a store updated with isDefault true, clearing the previous one in one step', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const previous = await defaultStore(t, merchantId);
    const store = await createStore(t, merchantId);
    t.deps.clock.advance(60_000);
    const res = await t.api.put(storePath(merchantId, store.storeId)).set(t.auth).send({ isDefault: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ isDefault: true, updatedAt: LATER });
    expect(await getStore(t, merchantId, previous.storeId)).toMatchObject({ isDefault: false, updatedAt: LATER });
  });

  test('keeps at most one default store per merchant', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const a = await createStore(t, merchantId, { name: 'A', isDefault: true });
    await createStore(t, merchantId, { name: 'B', isDefault: true });
    await t.api.put(storePath(merchantId, a.storeId)).set(t.auth).send({ isDefault: true });
    const list = await t.api.get(storePath(merchantId)).set(t.auth);
    expect((list.body.stores as StoreBody[]).filter((s) => s.isDefault).map((s) => s.storeId)).toEqual([a.storeId]);
  });

  test('answers 409 to isDefault false on the default store (choose another default instead)', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const current = await defaultStore(t, merchantId);
    const res = await t.api.put(storePath(merchantId, current.storeId)).set(t.auth).send({ isDefault: false });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('default_store_required');
    expect(res.body.message).toContain('Choose another default');
  });

  test('accepts isDefault true on the store that already is the default', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const current = await defaultStore(t, merchantId);
    const res = await t.api.put(storePath(merchantId, current.storeId)).set(t.auth).send({ isDefault: true });
    expect(res.status).toBe(200);
    expect(res.body.isDefault).toBe(true);
  });

  test('answers 409 to deactivating the default store, saying to set another default first', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const current = await defaultStore(t, merchantId);
    const res = await t.api.delete(storePath(merchantId, current.storeId)).set(t.auth);
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message:
        'The default store cannot be deactivated. Set another store as default first by updating it with "isDefault" true.',
      code: 'default_store_required',
    });
    expect((await getStore(t, merchantId, current.storeId)).isActive).toBe(true);
  });

  test('answers 409 to making a deactivated store the default', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId);
    await t.api.delete(storePath(merchantId, store.storeId)).set(t.auth);
    const res = await t.api.put(storePath(merchantId, store.storeId)).set(t.auth).send({ isDefault: true });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('store_inactive');
  });

  test('reactivates a deactivated store with isActive true', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId);
    await t.api.delete(storePath(merchantId, store.storeId)).set(t.auth);
    const res = await t.api.put(storePath(merchantId, store.storeId)).set(t.auth).send({ isActive: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ isActive: true, isDefault: false });
  });

  test('reactivates a store and makes it the default in one request', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId);
    await t.api.delete(storePath(merchantId, store.storeId)).set(t.auth);
    const res = await t.api
      .put(storePath(merchantId, store.storeId))
      .set(t.auth)
      .send({ isActive: true, isDefault: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ isActive: true, isDefault: true });
  });

  test('deactivates a store that is not the default through PUT isActive false, like DELETE', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const store = await createStore(t, merchantId);
    const res = await t.api.put(storePath(merchantId, store.storeId)).set(t.auth).send({ isActive: false });
    expect(res.status).toBe(200);
    expect(res.body.isActive).toBe(false);
  });

  test('answers 409 to PUT isActive false on the default store', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const current = await defaultStore(t, merchantId);
    const res = await t.api.put(storePath(merchantId, current.storeId)).set(t.auth).send({ isActive: false });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('default_store_required');
  });

  test('leaves the store unchanged when any rule refuses the request', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const current = await defaultStore(t, merchantId);
    t.deps.clock.advance(60_000);
    const res = await t.api
      .put(storePath(merchantId, current.storeId))
      .set(t.auth)
      .send({ name: 'Renamed', locationId: 'SKAT-9', isDefault: false });
    expect(res.status).toBe(409);
    expect(await getStore(t, merchantId, current.storeId)).toEqual(current);
  });

  test('leaves the previous default untouched when making an inactive store default is refused', async () => {
    const t = createTestApp();
    const merchantId = await activeMerchant(t);
    const previous = await defaultStore(t, merchantId);
    const store = await createStore(t, merchantId);
    await t.api.delete(storePath(merchantId, store.storeId)).set(t.auth);
    t.deps.clock.advance(60_000);
    await t.api.put(storePath(merchantId, store.storeId)).set(t.auth).send({ isDefault: true });
    expect(await getStore(t, merchantId, previous.storeId)).toEqual(previous);
  });
});
