import { buildStoreCreateRequest } from '../../../fixtures/src';
import { testWith } from '../../support/capabilities';
import { createApi, createControl } from '../../support/client';
import { assertFact, expectSpecResponse, inferredRule } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

const target = useTarget();
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A fresh merchant without any store (pending: no "Main Store" yet, D15). */
async function storelessMerchant(): Promise<number> {
  return (await kit.createPendingMerchant(createApi(target()))).merchantId;
}

describe('POST /v1/partner/merchants/{merchantId}/stores (createStore)', () => {
  test("creates the Stores guide's example store, sent as-is", async () => {
    const { merchantId } = await kit.createTestMerchant(createApi(target()));
    const example = {
      name: 'Downtown Branch',
      streetAddress: 'Nørregade 12',
      city: 'København',
      postalCode: '1165',
      countryCode: 'DK',
      phone: '+4512345678',
      email: 'downtown@example.dk',
    };
    const res = await createApi(target()).post(kit.storesPath(merchantId), example);
    await expectSpecResponse(target(), res, 'createStore', 201);
    const store = res.body as kit.Store;
    expect(store).toMatchObject({ ...example, isActive: true, isDefault: false });
    await assertFact(target(), 'inferred', 'D4: a new store was updated when it was created', () =>
      expect(store.createdAt).toBe(store.updatedAt),
    );
    await assertFact(target(), 'inferred', 'D3: storeId is a UUID v4', () => expect(store.storeId).toMatch(UUID_V4));
    await assertFact(target(), 'inferred', "D16: the fields come in the Stores guide's order", () => {
      expect(Object.keys(store)).toEqual(kit.STORE_FIELDS);
    });
  });

  test('makes a fresh merchant’s first store its default although isDefault is false (D18)', async () => {
    const merchantId = await storelessMerchant();
    const store = await kit.createStore(createApi(target()), merchantId, { isDefault: false });
    await assertFact(target(), 'inferred', 'D18: the first store becomes the default', () => {
      expect(store).toMatchObject({ isDefault: true, isActive: true });
    });
  });

  test('makes a fresh merchant’s first store its default when isDefault is left out (D18)', async () => {
    const merchantId = await storelessMerchant();
    const store = await kit.createStore(createApi(target()), merchantId, { isDefault: undefined });
    await assertFact(target(), 'inferred', 'D18: the first store becomes the default', () => {
      expect(store.isDefault).toBe(true);
    });
  });

  test('adds a second store as not default when isDefault is false', async () => {
    const api = createApi(target());
    const merchantId = await storelessMerchant();
    const first = await kit.createStore(api, merchantId);
    const second = await kit.createStore(api, merchantId, { isDefault: false });
    expect(second.isDefault).toBe(false);
    const list = await kit.listStores(api, merchantId);
    await assertFact(target(), 'inferred', 'D18: the first store stays the one default', () => {
      expect(kit.expectOneActiveDefault(list).storeId).toBe(first.storeId);
    });
  });

  test('moves the default to a store created with isDefault true and clears the previous one (D18)', async () => {
    const api = createApi(target());
    const { merchantId } = await kit.createTestMerchant(api);
    const mainStore = await kit.defaultStoreOf(api, merchantId);
    const res = await api.post(kit.storesPath(merchantId), buildStoreCreateRequest({ isDefault: true }));
    await expectSpecResponse(target(), res, 'createStore', 201);
    expect((res.body as kit.Store).isDefault).toBe(true);
    const previous = await api.get(`${kit.storesPath(merchantId)}/${mainStore.storeId}`);
    expect(previous).toMatchSpec();
    await assertFact(target(), 'inferred', 'D18: the previous default loses the flag in the same step', () => {
      expect(previous.body).toMatchObject({ isDefault: false, isActive: true });
    });
  });

  test('keeps exactly one default after several stores are created with isDefault true (D18)', async () => {
    const api = createApi(target());
    const { merchantId } = await kit.createTestMerchant(api);
    await kit.createStore(api, merchantId, { isDefault: true });
    const last = await kit.createStore(api, merchantId, { isDefault: true });
    const list = await kit.listStores(api, merchantId);
    await assertFact(target(), 'inferred', 'D18: at most one default store', () => {
      expect(kit.expectOneActiveDefault(list).storeId).toBe(last.storeId);
    });
  });

  test('generates a locationId LOC-YYYYMMDD-XXXX with the creation date when none is given (D3)', async () => {
    const store = await kit.createStore(createApi(target()), await storelessMerchant(), { locationId: undefined });
    await assertFact(target(), 'inferred', 'D3: generated locationId format and date', () => {
      expect(store.locationId).toMatch(/^LOC-\d{8}-[A-Z0-9]{4}$/);
      expect(store.locationId.slice(4, 12)).toBe(store.createdAt?.slice(0, 10).replace(/-/g, ''));
    });
  });

  test('generates a different locationId for each store of a merchant', async () => {
    const api = createApi(target());
    const merchantId = await storelessMerchant();
    const first = await kit.createStore(api, merchantId);
    const second = await kit.createStore(api, merchantId);
    expect(second.locationId).not.toBe(first.locationId);
  });

  test('keeps a locationId that is given', async () => {
    const store = await kit.createStore(createApi(target()), await storelessMerchant(), {
      locationId: 'SKAT-KBH-0042',
    });
    expect(store.locationId).toBe('SKAT-KBH-0042');
  });

  test('answers 409 for a locationId another store of the merchant already has (D17)', async () => {
    const api = createApi(target());
    const merchantId = await storelessMerchant();
    await kit.createStore(api, merchantId, { locationId: 'SKAT-KBH-0001' });
    await inferredRule(target(), "D17: a locationId is unique among a merchant's stores", async () => {
      const res = await api.post(kit.storesPath(merchantId), buildStoreCreateRequest({ locationId: 'SKAT-KBH-0001' }));
      await expectSpecResponse(target(), res, 'createStore', 409);
      kit.expectMockCode(res, 'location_id_taken');
      expect((await kit.listStores(api, merchantId)).total).toBe(1);
    });
  });

  test('accepts a locationId that only another merchant uses (D17)', async () => {
    const api = createApi(target());
    await kit.createStore(api, await storelessMerchant(), { locationId: 'SKAT-KBH-0002' });
    const res = await api.post(
      kit.storesPath(await storelessMerchant()),
      buildStoreCreateRequest({ locationId: 'SKAT-KBH-0002' }),
    );
    await expectSpecResponse(target(), res, 'createStore', 201);
  });

  test('sets countryCode DK when none is given', async () => {
    const store = await kit.createStore(createApi(target()), await storelessMerchant(), { countryCode: undefined });
    expect(store.countryCode).toBe('DK');
  });

  test('keeps another countryCode that is given', async () => {
    const store = await kit.createStore(createApi(target()), await storelessMerchant(), { countryCode: 'SE' });
    expect(store.countryCode).toBe('SE');
  });

  test('creates a store from its name alone, omitting the unset address fields (D16)', async () => {
    const res = await createApi(target()).post(kit.storesPath(await storelessMerchant()), { name: 'Kiosk' });
    await expectSpecResponse(target(), res, 'createStore', 201);
    expect(res.body).toMatchObject({ name: 'Kiosk', countryCode: 'DK', isActive: true });
    await assertFact(target(), 'inferred', 'D16: unset optional fields are omitted', () => {
      for (const field of ['streetAddress', 'city', 'postalCode', 'phone', 'email'])
        expect(res.body).not.toHaveProperty(field);
    });
  });

  testWith('control')('creates a store for an inactive merchant ("at any time", D18)', async () => {
    const { merchantId } = await kit.createTestMerchant(createApi(target()));
    expect((await createControl(target()).post(`/__control/merchants/${merchantId}/deactivate`)).status).toBe(200);
    const res = await createApi(target()).post(kit.storesPath(merchantId), buildStoreCreateRequest());
    await expectSpecResponse(target(), res, 'createStore', 201);
  });

  test('answers 400 naming name when it is missing', async () => {
    const res = await kit
      .directApi(target())
      .post(kit.storesPath(await storelessMerchant()), buildStoreCreateRequest({ name: undefined }));
    await kit.expectErrorNaming(target(), res, 'createStore', 400, 'name');
  });

  test('answers 400 naming countryCode when it is not two capital letters', async () => {
    const res = await kit
      .directApi(target())
      .post(kit.storesPath(await storelessMerchant()), buildStoreCreateRequest({ countryCode: 'dk' }));
    await kit.expectErrorNaming(target(), res, 'createStore', 400, 'countryCode');
  });

  test('answers 400 naming email when it is not an email', async () => {
    const res = await kit
      .directApi(target())
      .post(kit.storesPath(await storelessMerchant()), buildStoreCreateRequest({ email: 'downtown' }));
    await kit.expectErrorNaming(target(), res, 'createStore', 400, 'email');
  });

  test('answers 400 naming isDefault when it is not a boolean', async () => {
    const res = await kit.directApi(target()).post(kit.storesPath(await storelessMerchant()), {
      ...buildStoreCreateRequest(),
      isDefault: 'yes',
    });
    await kit.expectErrorNaming(target(), res, 'createStore', 400, 'isDefault');
  });

  test('answers 400 naming an unknown field (D7)', async () => {
    const res = await kit.directApi(target()).post(kit.storesPath(await storelessMerchant()), {
      ...buildStoreCreateRequest(),
      isActive: false,
    });
    await kit.expectErrorNaming(target(), res, 'createStore', 400, 'isActive');
  });

  test('answers 400 naming merchantId when it is not a number', async () => {
    const res = await kit.directApi(target()).post(kit.storesPath('downtown'), buildStoreCreateRequest());
    await kit.expectErrorNaming(target(), res, 'createStore', 400, 'merchantId');
  });

  test('answers 404 for a merchant id that does not exist', async () => {
    const res = await createApi(target()).post(kit.storesPath(kit.UNKNOWN_ID), buildStoreCreateRequest());
    await expectSpecResponse(target(), res, 'createStore', 404);
    kit.expectMockCode(res, 'merchant_not_found');
  });

  testWith('control')("answers 404 for another partner's merchant, which gets no store (D2)", async () => {
    const other = await kit.createOtherPartner(target());
    const theirs = await kit.createPendingMerchant(other);
    const res = await createApi(target()).post(kit.storesPath(theirs.merchantId), buildStoreCreateRequest());
    await expectSpecResponse(target(), res, 'createStore', 404);
    expect((await kit.listStores(other, theirs.merchantId)).total).toBe(0);
  });
});
