import { testWith } from '../../support/capabilities';
import { createApi } from '../../support/client';
import { assertFact, expectSpecResponse, inferredRule } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

const target = useTarget();

describe('DELETE /v1/partner/merchants/{merchantId}/stores/{storeId} (deactivateStore)', () => {
  test('answers 200 with the store, now with isActive false (D17)', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    const res = await api.delete(kit.storePath(merchantId, other.storeId));
    await expectSpecResponse(target(), res, 'deactivateStore', 200);
    await assertFact(target(), 'inferred', 'D17: DELETE answers the store with isActive false', () => {
      const { updatedAt: _updated, ...unchanged } = other;
      expect(res.body).toEqual({ ...unchanged, isActive: false, updatedAt: expect.any(String) });
    });
  });

  test('keeps the deactivated store, readable and listed with isActive false', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    await api.delete(kit.storePath(merchantId, other.storeId));
    expect(await kit.readStore(api, merchantId, other.storeId)).toMatchObject({ isActive: false, isDefault: false });
    const list = await kit.listStores(api, merchantId);
    await assertFact(target(), 'inferred', 'E23: the list shows deactivated stores too', () => {
      expect(list.total).toBe(2);
      expect(list.stores.find((s) => s.storeId === other.storeId)).toMatchObject({ isActive: false, isDefault: false });
    });
  });

  test('answers 409 for the default store, saying to set another default first', async () => {
    const api = createApi(target());
    const { merchantId, main } = await kit.merchantWithTwoStores(api);
    const res = await api.delete(kit.storePath(merchantId, main.storeId));
    await expectSpecResponse(target(), res, 'deactivateStore', 409);
    await assertFact(target(), 'inferred', 'D18: the message says to set another store as default first', () => {
      const message = [(res.body as { message?: unknown }).message].flat().join(' ');
      expect(message).toMatch(/default/i);
      expect(message).toMatch(/another/i);
      expect(message).toMatch(/isDefault/);
    });
    kit.expectMockCode(res, 'default_store_required');
    await assertFact(target(), 'inferred', 'D5: the error body in the NestJS shape, with one message', () =>
      expect(res.body).toMatchObject({
        statusCode: 409,
        error: 'Conflict',
        message:
          'The default store cannot be deactivated. Set another store as default first by updating it with "isDefault" true.',
      }),
    );
  });

  test('answers 200 with the store unchanged when it is already deactivated', async () => {
    const api = createApi(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(api);
    const first = await api.delete(kit.storePath(merchantId, other.storeId));
    kit.expectOk(first, 'deactivateStore');
    const second = await api.delete(kit.storePath(merchantId, other.storeId));
    await expectSpecResponse(target(), second, 'deactivateStore', 200);
    await assertFact(target(), 'inferred', 'D17: deactivating a deactivated store changes nothing', () =>
      expect(second.body).toEqual(first.body),
    );
  });

  test('leaves the default store active and default after the refused deactivation', async () => {
    const api = createApi(target());
    const { merchantId, main } = await kit.merchantWithTwoStores(api);
    await api.delete(kit.storePath(merchantId, main.storeId));
    expect(kit.expectOneActiveDefault(await kit.listStores(api, merchantId)).storeId).toBe(main.storeId);
  });

  test('answers 409 for the only store of a merchant, its default (D18)', async () => {
    const api = createApi(target());
    const { merchantId } = await kit.createPendingMerchant(api);
    const only = await kit.createStore(api, merchantId);
    await inferredRule(
      target(),
      "D18: a merchant's first store becomes its default, so it cannot be deactivated",
      async () => {
        const res = await api.delete(kit.storePath(merchantId, only.storeId));
        await expectSpecResponse(target(), res, 'deactivateStore', 409);
      },
    );
  });

  test('deactivates the old default once another store was made the default', async () => {
    const api = createApi(target());
    const { merchantId, main, other } = await kit.merchantWithTwoStores(api);
    kit.expectOk(await api.put(kit.storePath(merchantId, other.storeId), { isDefault: true }), 'updateStore');
    const res = await api.delete(kit.storePath(merchantId, main.storeId));
    await expectSpecResponse(target(), res, 'deactivateStore', 200);
    const deactivated = await kit.answeredOrReadBack(res, () => kit.readStore(api, merchantId, main.storeId));
    expect(deactivated).toMatchObject({ storeId: main.storeId, isActive: false, isDefault: false });
    expect(kit.expectOneActiveDefault(await kit.listStores(api, merchantId)).storeId).toBe(other.storeId);
  });

  test('answers 404 for a store id that does not exist', async () => {
    const { merchantId } = await kit.createTestMerchant(createApi(target()));
    const res = await createApi(target()).delete(kit.storePath(merchantId, kit.UNKNOWN_STORE));
    await expectSpecResponse(target(), res, 'deactivateStore', 404);
  });

  test('answers 404 for a store of another merchant of the same partner, which stays active', async () => {
    const api = createApi(target());
    const { merchantId } = await kit.createPendingMerchant(api);
    const { other, merchantId: owner } = await kit.merchantWithTwoStores(api);
    await inferredRule(target(), "D17: a store is found only under its own merchant's path", async () => {
      const res = await api.delete(kit.storePath(merchantId, other.storeId));
      await expectSpecResponse(target(), res, 'deactivateStore', 404);
      expect((await kit.readStore(api, owner, other.storeId)).isActive).toBe(true);
    });
  });

  test('answers 404 for a merchant id that does not exist', async () => {
    const res = await createApi(target()).delete(kit.storePath(kit.UNKNOWN_ID, kit.UNKNOWN_STORE));
    await expectSpecResponse(target(), res, 'deactivateStore', 404);
  });

  testWith('control')("answers 404 for another partner's store, which stays active (D2)", async () => {
    const partner = await kit.createOtherPartner(target());
    const { merchantId, other } = await kit.merchantWithTwoStores(partner);
    const res = await createApi(target()).delete(kit.storePath(merchantId, other.storeId));
    await expectSpecResponse(target(), res, 'deactivateStore', 404);
    expect((await kit.listStores(partner, merchantId)).stores.find((s) => s.storeId === other.storeId)?.isActive).toBe(
      true,
    );
  });

  test('answers 400 naming merchantId when it is not a number', async () => {
    const res = await kit.directApi(target()).delete(kit.storePath('main', kit.UNKNOWN_STORE));
    await kit.expectErrorNaming(target(), res, 'deactivateStore', 400, 'merchantId');
  });
});
