import { testWith } from '../../support/capabilities';
import { createApi, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type StoreList = ResponseBody<'listStores', 200>;

const target = useTarget();

describe('GET /v1/partner/merchants/{merchantId}/stores (listStores)', () => {
  test('lists a test merchant’s default "Main Store" with total 1 (D13, D15)', async () => {
    const { merchantId } = await kit.createTestMerchant(createApi(target()));
    const res = await createApi(target()).get(kit.storesPath(merchantId));
    await expectSpecResponse(target(), res, 'listStores', 200);
    await assertFact(target(), 'inferred', 'D15: the activated merchant has "Main Store" as its default', () => {
      expect(res.body).toMatchObject({ total: 1, stores: [{ name: 'Main Store', isDefault: true, isActive: true }] });
    });
  });

  test('answers an empty list for a merchant that has no store yet', async () => {
    const { merchantId } = await kit.createPendingMerchant(createApi(target()));
    const res = await createApi(target()).get(kit.storesPath(merchantId));
    await expectSpecResponse(target(), res, 'listStores', 200);
    expect(res.body).toMatchObject({ stores: [], total: 0 });
  });

  test('lists active and deactivated stores, oldest first, with their total', async () => {
    const api = createApi(target());
    const { merchantId } = await kit.createPendingMerchant(api);
    const first = await kit.createStore(api, merchantId);
    const second = await kit.createStore(api, merchantId);
    const third = await kit.createStore(api, merchantId);
    kit.expectOk(await api.delete(`${kit.storesPath(merchantId)}/${second.storeId}`), 'deactivateStore');
    const res = await api.get(kit.storesPath(merchantId));
    await expectSpecResponse(target(), res, 'listStores', 200);
    const list = res.body as StoreList;
    await assertFact(target(), 'inferred', 'E23: deactivated stores are listed too, oldest first', () => {
      expect(list.total).toBe(3);
      expect(list.stores.map((s) => [s.storeId, s.isActive])).toEqual([
        [first.storeId, true],
        [second.storeId, false],
        [third.storeId, true],
      ]);
    });
  });

  test('lists each store as it was created', async () => {
    const api = createApi(target());
    const { merchantId } = await kit.createTestMerchant(api);
    const store = await kit.createStore(api, merchantId);
    const list = (await api.get(kit.storesPath(merchantId))).body as StoreList;
    const listed = list.stores.find((s) => s.storeId === store.storeId);
    // The Stores guide's own list leaves fields out of a store, so the documented ones it shows must agree.
    expect(listed).toMatchObject(Object.fromEntries(Object.entries(store).filter(([k]) => listed && k in listed)));
    await assertFact(target(), 'inferred', 'D16: a listed store has every field of the created one', () =>
      expect(listed).toEqual(store),
    );
  });

  test('shows exactly one default, an active one, after the default moved (D18)', async () => {
    const api = createApi(target());
    const { merchantId } = await kit.createTestMerchant(api);
    await kit.createStore(api, merchantId);
    const moved = await kit.createStore(api, merchantId, { isDefault: true });
    const res = await api.get(kit.storesPath(merchantId));
    await expectSpecResponse(target(), res, 'listStores', 200);
    await assertFact(target(), 'inferred', 'D18: at most one default store, always an active one', () => {
      expect(kit.expectOneActiveDefault(res.body as StoreList).storeId).toBe(moved.storeId);
    });
  });

  test("lists only the merchant's own stores", async () => {
    const api = createApi(target());
    const { merchantId } = await kit.createPendingMerchant(api);
    const ours = await kit.createStore(api, merchantId);
    const { merchantId: otherMerchant } = await kit.createPendingMerchant(api);
    await kit.createStore(api, otherMerchant);
    const list = (await api.get(kit.storesPath(merchantId))).body as StoreList;
    expect(list.stores.map((s) => s.storeId)).toEqual([ours.storeId]);
  });

  test('answers 404 for a merchant id that does not exist', async () => {
    const res = await createApi(target()).get(kit.storesPath(kit.UNKNOWN_ID));
    await expectSpecResponse(target(), res, 'listStores', 404);
  });

  testWith('control')("answers 404 for another partner's merchant (D2)", async () => {
    const theirs = await kit.createTestMerchant(await kit.createOtherPartner(target()));
    const res = await createApi(target()).get(kit.storesPath(theirs.merchantId));
    await expectSpecResponse(target(), res, 'listStores', 404);
  });

  test('answers 400 naming merchantId when it is not a number', async () => {
    const res = await kit.directApi(target()).get(kit.storesPath('main'));
    await kit.expectErrorNaming(target(), res, 'listStores', 400, 'merchantId');
  });
});
