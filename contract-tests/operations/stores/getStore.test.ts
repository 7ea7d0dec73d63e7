import { testWith } from '../../support/capabilities';
import { createApi } from '../../support/client';
import { expectSpecResponse, inferredRule } from '../../support/provenance';
import { useTarget } from '../../support/target';
import {
  createOtherPartner,
  createPendingMerchant,
  createStore,
  createTestMerchant,
  directApi,
  expectErrorNaming,
  expectMockCode,
  type Store,
  expectNoOtherFields,
  storePath,
  UNKNOWN_ID,
  UNKNOWN_STORE,
  STORE_FIELDS,
} from '../helpers';

const target = useTarget();

/** A new store of a new test merchant, and its getStore answer. */
async function newStoreRead() {
  const api = createApi(target());
  const { merchantId } = await createTestMerchant(api);
  const store = await createStore(api, merchantId);
  const res = await api.get(storePath(merchantId, store.storeId));
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
    await expectNoOtherFields(res.body, STORE_FIELDS, "D16: a store has no field beyond the Stores guide's");
  });

  test('answers a deactivated store with isActive false', async () => {
    const api = createApi(target());
    const { merchantId } = await createTestMerchant(api);
    const store = await createStore(api, merchantId);
    await api.delete(storePath(merchantId, store.storeId));
    const res = await api.get(storePath(merchantId, store.storeId));
    await expectSpecResponse(target(), res, 'getStore', 200);
    expect(res.body).toMatchObject({ storeId: store.storeId, isActive: false, isDefault: false });
  });

  test('answers 404 for a store id that does not exist', async () => {
    const { merchantId } = await createTestMerchant(createApi(target()));
    const res = await createApi(target()).get(storePath(merchantId, UNKNOWN_STORE));
    await expectSpecResponse(target(), res, 'getStore', 404);
    expectMockCode(res, 'store_not_found');
  });

  test('answers 404 for a store of another merchant of the same partner', async () => {
    const api = createApi(target());
    const { merchantId } = await createPendingMerchant(api);
    const { merchantId: otherMerchant } = await createPendingMerchant(api);
    const theirs: Store = await createStore(api, otherMerchant);
    await inferredRule(target(), "D17: a store is found only under its own merchant's path", async () => {
      const res = await api.get(storePath(merchantId, theirs.storeId));
      await expectSpecResponse(target(), res, 'getStore', 404);
    });
  });

  test('answers 404 for a merchant id that does not exist', async () => {
    const res = await createApi(target()).get(storePath(UNKNOWN_ID, UNKNOWN_STORE));
    await expectSpecResponse(target(), res, 'getStore', 404);
  });

  testWith('control')("answers 404 for another partner's store (D2)", async () => {
    const other = await createOtherPartner(target());
    const { merchantId } = await createTestMerchant(other);
    const theirs = await createStore(other, merchantId);
    const res = await createApi(target()).get(storePath(merchantId, theirs.storeId));
    await expectSpecResponse(target(), res, 'getStore', 404);
  });

  test('answers 400 naming merchantId when it is not a number', async () => {
    const res = await directApi(target()).get(storePath('main', UNKNOWN_STORE));
    await expectErrorNaming(target(), res, 'getStore', 400, 'merchantId');
  });
});
