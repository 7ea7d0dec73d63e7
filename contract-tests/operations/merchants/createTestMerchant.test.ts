import { buildTestMerchantCreateRequest } from '../../../fixtures/src';
import { createApi, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type StoreList = ResponseBody<'listStores', 200>;

const target = useTarget();
const PATH = '/v1/partner/merchants/test';

describe('POST /v1/partner/merchants/test (createTestMerchant)', () => {
  test("creates an activated merchant from the testing guide's example, sent as-is", async () => {
    const res = await createApi(target()).post(PATH, { companyName: 'Test Merchant' });
    await expectSpecResponse(target(), res, 'createTestMerchant', 201);
    const body = res.body as kit.TestMerchant;
    expect(body).toMatchObject({
      companyName: 'Test Merchant',
      status: 'activated',
      message: 'Test merchant created and activated. Use the clientId to create payments immediately.',
    });
    expect(Number.isInteger(body.merchantId)).toBe(true);
    expect(body.clientId.length).toBeGreaterThan(0);
  });

  test('makes the merchant active at once', async () => {
    const api = createApi(target());
    const body = (await api.post(PATH, buildTestMerchantCreateRequest())).body as kit.TestMerchant;
    const res = await api.get(`/v1/partner/merchants/${body.merchantId}`);
    expect(res).toMatchSpec();
    expect(res.body).toMatchObject({
      id: body.merchantId,
      clientId: body.clientId,
      companyName: body.companyName,
    });
    await kit.expectMerchantStatus((res.body as { status: string }).status, 'active');
  });

  test('gives the merchant its default store "Main Store" (D13, D15)', async () => {
    const api = createApi(target());
    const body = (await api.post(PATH, buildTestMerchantCreateRequest())).body as kit.TestMerchant;
    const res = await api.get(`/v1/partner/merchants/${body.merchantId}/stores`);
    expect(res).toMatchSpec();
    await assertFact(
      target(),
      'inferred',
      'D15: one active default store named "Main Store" with a generated locationId',
      () => {
        expect((res.body as StoreList).total).toBe(1);
        expect((res.body as StoreList).stores[0]).toMatchObject({
          name: 'Main Store',
          isDefault: true,
          isActive: true,
          countryCode: 'DK',
        });
        expect((res.body as StoreList).stores[0]?.locationId).toMatch(/^LOC-\d{8}-[A-Z0-9]{4}$/);
      },
    );
  });

  test('gives every test merchant its own id and client id', async () => {
    const api = createApi(target());
    const first = (await api.post(PATH, buildTestMerchantCreateRequest())).body as kit.TestMerchant;
    const second = (await api.post(PATH, buildTestMerchantCreateRequest())).body as kit.TestMerchant;
    expect(second.merchantId).not.toBe(first.merchantId);
    expect(second.clientId).not.toBe(first.clientId);
  });

  test('answers 400 naming companyName when it is missing', async () => {
    const res = await kit.directApi(target()).post(PATH, {});
    await kit.expectErrorNaming(target(), res, 'createTestMerchant', 400, 'companyName');
  });

  test('answers 400 naming companyName when it is empty', async () => {
    const res = await kit.directApi(target()).post(PATH, { companyName: '' });
    await kit.expectErrorNaming(target(), res, 'createTestMerchant', 400, 'companyName');
  });

  test('answers 400 naming an unknown field (D7)', async () => {
    const res = await kit.directApi(target()).post(PATH, {
      ...buildTestMerchantCreateRequest(),
      contactEmail: 'test@example.dk',
    });
    await kit.expectErrorNaming(target(), res, 'createTestMerchant', 400, 'contactEmail');
  });
});
