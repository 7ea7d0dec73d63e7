import type { Response } from 'supertest';
import { buildStoreUpdateRequest } from '../../../fixtures/src';
import { testWith } from '../../support/capabilities';
import { createApi, type ApiClient } from '../../support/client';
import { assertFact, expectSpecResponse, inferredRule } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

const target = useTarget();

async function get(api: ApiClient, merchantId: number, storeId: string): Promise<kit.Store> {
  const res = await api.get(kit.storePath(merchantId, storeId));
  expect(res).toMatchSpec();
  return res.body as kit.Store;
}

/** The store an update answered, or read back when the target answered 204 without one. */
function updated(api: ApiClient, res: Response, merchantId: number, storeId: string): Promise<kit.Store> {
  return kit.answeredOrReadBack(res, () => get(api, merchantId, storeId));
}

describe('PUT /v1/partner/merchants/{merchantId}/stores/{storeId} (updateStore)', () => {
  test("applies the Stores guide's update example, sent as-is", async () => {
    const api = createApi(target());
    const { merchantId } = await kit.createTestMerchant(api);
    const store = await kit.createStore(api, merchantId, {
      name: 'Downtown Branch',
      streetAddress: 'Nørregade 12',
      city: 'København',
      postalCode: '1165',
      countryCode: 'DK',
      phone: '+4512345678',
      email: 'downtown@example.dk',
    });
    const res = await api.put(kit.storePath(merchantId, store.storeId), {
      name: 'Downtown Branch - Renovated',
      phone: '+4598765432',
    });
    await expectSpecResponse(target(), res, 'updateStore', 200);
    const { updatedAt: _updated, ...unchanged } = store;
    expect(await updated(api, res, merchantId, store.storeId)).toEqual({
      ...unchanged,
      name: 'Downtown Branch - Renovated',
      phone: '+4598765432',
      updatedAt: expect.any(String),
    });
  });

  test('changes only the fields sent, also for the next GET (D17)', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    const res = await api.put(kit.storePath(merchantId, other.storeId), { city: 'Aarhus C' });
    await expectSpecResponse(target(), res, 'updateStore', 200);
    const { updatedAt: _updated, ...unchanged } = other;
    expect(await get(api, merchantId, other.storeId)).toEqual({
      ...unchanged,
      city: 'Aarhus C',
      updatedAt: expect.any(String),
    });
  });

  test('changes every writable field that is sent', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    const patch = buildStoreUpdateRequest({ locationId: 'SKAT-AAR-0007', countryCode: 'DK' });
    const res = await api.put(kit.storePath(merchantId, other.storeId), patch);
    await expectSpecResponse(target(), res, 'updateStore', 200);
    expect(await updated(api, res, merchantId, other.storeId)).toMatchObject(patch);
  });

  test('moves the default with isDefault true and clears the previous default in one step (D18)', async () => {
    const api = createApi(target());
    const { merchantId, main, other } = await kit.merchantWithTwoStores(api);
    const res = await api.put(kit.storePath(merchantId, other.storeId), { isDefault: true });
    await expectSpecResponse(target(), res, 'updateStore', 200);
    expect((await updated(api, res, merchantId, other.storeId)).isDefault).toBe(true);
    const previous = await get(api, merchantId, main.storeId);
    await assertFact(target(), 'inferred', 'D18: the previous default loses the flag', () => {
      expect(previous).toMatchObject({ isDefault: false, isActive: true });
    });
  });

  test('keeps exactly one default, an active one, after the default moved (D18)', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    await api.put(kit.storePath(merchantId, other.storeId), { isDefault: true });
    const list = await kit.listStores(api, merchantId);
    await assertFact(target(), 'inferred', 'D18: at most one default store', () => {
      expect(kit.expectOneActiveDefault(list).storeId).toBe(other.storeId);
    });
  });

  test('answers 200 unchanged for isDefault true on the default store itself', async () => {
    const api = createApi(target());
    const { merchantId, main } = await kit.merchantWithTwoStores(api);
    const res = await api.put(kit.storePath(merchantId, main.storeId), { isDefault: true });
    await expectSpecResponse(target(), res, 'updateStore', 200);
    expect(kit.expectOneActiveDefault(await kit.listStores(api, merchantId)).storeId).toBe(main.storeId);
  });

  test('answers 409 for isDefault false on the default store, which stays the default (D18)', async () => {
    const api = createApi(target());
    const { merchantId, main } = await kit.merchantWithTwoStores(api);
    await inferredRule(target(), 'D18: isDefault false on the default store is refused', async () => {
      const res = await api.put(kit.storePath(merchantId, main.storeId), { isDefault: false });
      await expectSpecResponse(target(), res, 'updateStore', 409);
      kit.expectMockCode(res, 'default_store_required');
      expect((res.body as { message?: unknown }).message).toContain('Choose another default');
      expect((await get(api, merchantId, main.storeId)).isDefault).toBe(true);
    });
  });

  test('answers 409 for isDefault false on the default store sent with other changes, changing none (D18)', async () => {
    const api = createApi(target());
    const { merchantId, main } = await kit.merchantWithTwoStores(api);
    await inferredRule(target(), 'D18: a refused update changes none of its fields', async () => {
      const res = await api.put(kit.storePath(merchantId, main.storeId), {
        name: 'Renamed',
        locationId: 'SKAT-KBH-0009',
        isDefault: false,
      });
      await expectSpecResponse(target(), res, 'updateStore', 409);
      expect(await get(api, merchantId, main.storeId)).toEqual(main);
    });
  });

  test('accepts isDefault false on a store that is not the default', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    const res = await api.put(kit.storePath(merchantId, other.storeId), { isDefault: false });
    await expectSpecResponse(target(), res, 'updateStore', 200);
    expect((await updated(api, res, merchantId, other.storeId)).isDefault).toBe(false);
  });

  test('answers 409 when a deactivated store is made the default, and the default stays (D18)', async () => {
    const api = createApi(target());
    const { merchantId, main, other } = await kit.merchantWithTwoStores(api);
    kit.expectOk(await api.delete(kit.storePath(merchantId, other.storeId)), 'deactivateStore');
    await inferredRule(target(), 'D18: a deactivated store cannot become the default', async () => {
      const res = await api.put(kit.storePath(merchantId, other.storeId), { isDefault: true });
      await expectSpecResponse(target(), res, 'updateStore', 409);
      kit.expectMockCode(res, 'store_inactive');
      expect(await get(api, merchantId, other.storeId)).toMatchObject({ isActive: false, isDefault: false });
      expect(kit.expectOneActiveDefault(await kit.listStores(api, merchantId)).storeId).toBe(main.storeId);
      expect(await get(api, merchantId, main.storeId)).toEqual(main);
    });
  });

  test('answers 409 when the default store is deactivated through isActive false (D18)', async () => {
    const api = createApi(target());
    const { merchantId, main } = await kit.merchantWithTwoStores(api);
    await inferredRule(target(), 'E4: PUT isActive false deactivates, refused for the default', async () => {
      const res = await api.put(kit.storePath(merchantId, main.storeId), { isActive: false });
      await expectSpecResponse(target(), res, 'updateStore', 409);
      kit.expectMockCode(res, 'default_store_required');
      expect(await get(api, merchantId, main.storeId)).toMatchObject({ isActive: true, isDefault: true });
    });
  });

  test('deactivates a store that is not the default through isActive false, as DELETE does (E4)', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    const res = await api.put(kit.storePath(merchantId, other.storeId), { isActive: false });
    await expectSpecResponse(target(), res, 'updateStore', 200);
    await assertFact(target(), 'inferred', 'E4: PUT isActive false deactivates a store that is not the default', () =>
      expect(res.body).toMatchObject({ storeId: other.storeId, isActive: false, isDefault: false }),
    );
  });

  test('answers 409 for isDefault true together with isActive false, changing nothing (D18)', async () => {
    const api = createApi(target());
    const { merchantId, main, other } = await kit.merchantWithTwoStores(api);
    await inferredRule(target(), 'D18: isDefault true with isActive false is refused', async () => {
      const res = await api.put(kit.storePath(merchantId, other.storeId), { isDefault: true, isActive: false });
      await expectSpecResponse(target(), res, 'updateStore', 409);
      expect(await get(api, merchantId, other.storeId)).toEqual(other);
      expect(kit.expectOneActiveDefault(await kit.listStores(api, merchantId)).storeId).toBe(main.storeId);
    });
  });

  test('reactivates a deactivated store with isActive true (D18)', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    await api.delete(kit.storePath(merchantId, other.storeId));
    const res = await api.put(kit.storePath(merchantId, other.storeId), { isActive: true });
    await expectSpecResponse(target(), res, 'updateStore', 200);
    const store = await updated(api, res, merchantId, other.storeId);
    await assertFact(target(), 'inferred', 'D18: PUT {"isActive": true} reactivates, not as default', () => {
      expect(store).toMatchObject({
        storeId: other.storeId,
        isActive: true,
        isDefault: false,
      });
    });
  });

  test('lets a reactivated store become the default (D18)', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    await api.delete(kit.storePath(merchantId, other.storeId));
    await api.put(kit.storePath(merchantId, other.storeId), { isActive: true });
    const res = await api.put(kit.storePath(merchantId, other.storeId), { isDefault: true });
    await expectSpecResponse(target(), res, 'updateStore', 200);
    expect(await updated(api, res, merchantId, other.storeId)).toMatchObject({ isActive: true, isDefault: true });
  });

  test('reactivates a store and makes it the default in one request (D18)', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    kit.expectOk(await api.delete(kit.storePath(merchantId, other.storeId)), 'deactivateStore');
    const res = await api.put(kit.storePath(merchantId, other.storeId), { isActive: true, isDefault: true });
    await expectSpecResponse(target(), res, 'updateStore', 200);
    expect(await updated(api, res, merchantId, other.storeId)).toMatchObject({ isActive: true, isDefault: true });
    expect(kit.expectOneActiveDefault(await kit.listStores(api, merchantId)).storeId).toBe(other.storeId);
  });

  test("frees a store's previous locationId for another store of the merchant (D17)", async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    kit.expectOk(
      await api.put(kit.storePath(merchantId, other.storeId), { locationId: 'SKAT-KBH-0010' }),
      'updateStore',
    );
    const reuse = await kit.createStore(api, merchantId, { locationId: other.locationId });
    expect(reuse.locationId).toBe(other.locationId);
  });

  test('answers 409 for a locationId another store of the merchant has, changing nothing (D17)', async () => {
    const api = createApi(target());
    const { merchantId, main, other } = await kit.merchantWithTwoStores(api);
    await inferredRule(target(), "D17: a locationId is unique among a merchant's stores", async () => {
      const res = await api.put(kit.storePath(merchantId, other.storeId), {
        locationId: main.locationId,
        name: 'Taken',
      });
      await expectSpecResponse(target(), res, 'updateStore', 409);
      kit.expectMockCode(res, 'location_id_taken');
      expect(await get(api, merchantId, other.storeId)).toEqual(other);
    });
  });

  test('accepts the store’s own locationId', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    const res = await api.put(kit.storePath(merchantId, other.storeId), { locationId: other.locationId });
    await expectSpecResponse(target(), res, 'updateStore', 200);
  });

  test('answers 400 for an empty body', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    const res = await kit.directApi(target()).put(kit.storePath(merchantId, other.storeId), {});
    await expectSpecResponse(target(), res, 'updateStore', 400);
  });

  test('answers 400 naming countryCode when it is not two capital letters', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    const res = await kit.directApi(target()).put(kit.storePath(merchantId, other.storeId), { countryCode: 'Denmark' });
    await kit.expectErrorNaming(target(), res, 'updateStore', 400, 'countryCode');
  });

  test('answers 400 naming isDefault when it is not a boolean', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    const res = await kit.directApi(target()).put(kit.storePath(merchantId, other.storeId), { isDefault: 'true' });
    await kit.expectErrorNaming(target(), res, 'updateStore', 400, 'isDefault');
  });

  test('answers 400 naming an unknown field (D7)', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    const res = await kit
      .directApi(target())
      .put(kit.storePath(merchantId, other.storeId), { storeId: kit.UNKNOWN_STORE });
    await kit.expectErrorNaming(target(), res, 'updateStore', 400, 'storeId');
  });

  test('answers 404 for a store id that does not exist', async () => {
    const { merchantId } = await kit.createTestMerchant(createApi(target()));
    const res = await createApi(target()).put(kit.storePath(merchantId, kit.UNKNOWN_STORE), { name: 'Ghost' });
    await expectSpecResponse(target(), res, 'updateStore', 404);
  });

  test('answers 404 for a merchant id that does not exist', async () => {
    const res = await createApi(target()).put(kit.storePath(kit.UNKNOWN_ID, kit.UNKNOWN_STORE), { name: 'Ghost' });
    await expectSpecResponse(target(), res, 'updateStore', 404);
  });

  testWith('control')("answers 404 for another partner's store, which stays unchanged (D2)", async () => {
    const other = await kit.createOtherPartner(target());
    const { merchantId } = await kit.createTestMerchant(other);
    const theirs = await kit.createStore(other, merchantId);
    const res = await createApi(target()).put(kit.storePath(merchantId, theirs.storeId), { name: 'Taken over' });
    await expectSpecResponse(target(), res, 'updateStore', 404);
    expect(await get(other, merchantId, theirs.storeId)).toEqual(theirs);
  });
});
