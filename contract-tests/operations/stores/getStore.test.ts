import { testWith } from '../../support/capabilities';
import { createApi } from '../../support/client';
import { expectSpecResponse, inferredRule } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

const target = useTarget();

/** A new store of a new test merchant, and its getStore answer. */
async function newStoreRead() {
  const api = createApi(target());
  const { merchantId } = await kit.createTestMerchant(api);
  const store = await kit.createStore(api, merchantId);
  const res = await api.get(kit.storePath(merchantId, store.storeId));
  await expectSpecResponse(target(), res, 'getStore', 200);
  return { store, res };
}

describe('GET /v1/partner/merchants/{merchantId}/stores/{storeId} (getStore)', () => {
  test('answers a store of the merchant exactly as it was created', async () => {
    const { store, res } = await newStoreRead();
    expect(res.body).toEqual(store);
  });

  test("answers only the Stores guide's fields (D16)", async () => {
    const { res } = await newStoreRead();
    await kit.expectNoOtherFields(res.body, kit.STORE_FIELDS, "D16: a store has no field beyond the Stores guide's");
  });

  test('answers a deactivated store with isActive false', async () => {
    const api = createApi(target());
    const { merchantId } = await kit.createTestMerchant(api);
    const store = await kit.createStore(api, merchantId);
    await api.delete(kit.storePath(merchantId, store.storeId));
    const res = await api.get(kit.storePath(merchantId, store.storeId));
    await expectSpecResponse(target(), res, 'getStore', 200);
    expect(res.body).toMatchObject({ storeId: store.storeId, isActive: false, isDefault: false });
  });

  test('answers 404 for a store id that does not exist', async () => {
    const { merchantId } = await kit.createTestMerchant(createApi(target()));
    const res = await createApi(target()).get(kit.storePath(merchantId, kit.UNKNOWN_STORE));
    await expectSpecResponse(target(), res, 'getStore', 404);
    kit.expectMockCode(res, 'store_not_found');
  });

  test('answers 404 for a store of another merchant of the same partner', async () => {
    const api = createApi(target());
    const { merchantId } = await kit.createPendingMerchant(api);
    const { merchantId: otherMerchant } = await kit.createPendingMerchant(api);
    const theirs: kit.Store = await kit.createStore(api, otherMerchant);
    await inferredRule(target(), "D17: a store is found only under its own merchant's path", async () => {
      const res = await api.get(kit.storePath(merchantId, theirs.storeId));
      await expectSpecResponse(target(), res, 'getStore', 404);
    });
  });

  test('answers 404 for a merchant id that does not exist', async () => {
    const res = await createApi(target()).get(kit.storePath(kit.UNKNOWN_ID, kit.UNKNOWN_STORE));
    await expectSpecResponse(target(), res, 'getStore', 404);
  });

  testWith('control')("answers 404 for another partner's store (D2)", async () => {
    const other = await kit.createOtherPartner(target());
    const { merchantId } = await kit.createTestMerchant(other);
    const theirs = await kit.createStore(other, merchantId);
    const res = await createApi(target()).get(kit.storePath(merchantId, theirs.storeId));
    await expectSpecResponse(target(), res, 'getStore', 404);
  });

  test('answers 400 naming merchantId when it is not a number', async () => {
    const res = await kit.directApi(target()).get(kit.storePath('main', kit.UNKNOWN_STORE));
    await kit.expectErrorNaming(target(), res, 'getStore', 400, 'merchantId');
  });
});
