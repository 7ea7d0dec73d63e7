import { buildMerchantCreateRequest } from '../../../fixtures/src';
import { testWith } from '../../support/capabilities';
import { createApi, createControl, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type Merchant = ResponseBody<'getMerchant', 200>;
type StoreList = ResponseBody<'listStores', 200>;

const target = useTarget();
const PATH = '/v1/partner/merchants';
const UNKNOWN_ID = 2_000_000_000;

async function getMerchant(merchantId: number): Promise<Merchant> {
  const res = await createApi(target()).get(`${PATH}/${merchantId}`);
  await expectSpecResponse(target(), res, 'getMerchant', 200);
  return res.body as Merchant;
}

async function control(action: 'activate' | 'deactivate', merchantId: number, status = 200) {
  const res = await createControl(target()).post(`/__control/merchants/${merchantId}/${action}`);
  expect(res.status).toBe(status);
  expect(res).toMatchSpec();
  return res;
}

describe('GET /v1/partner/merchants/{merchantId} (getMerchant)', () => {
  test('answers a new merchant as pending, with the fields it was created with (D9)', async () => {
    const request = buildMerchantCreateRequest();
    const created = await kit.createPendingMerchant(createApi(target()), request);
    const merchant = await getMerchant(created.merchantId);
    expect(merchant).toMatchObject({
      id: created.merchantId,
      clientId: created.clientId,
      companyName: request.companyName,
      contactEmail: request.contactEmail,
      contactPhone: request.contactPhone,
      partnerRefId: request.partnerRefId,
    });
    await kit.expectMerchantStatus(merchant.status, 'pending');
  });

  test('answers exactly the fields of the API reference (D9)', async () => {
    const created = await kit.createPendingMerchant(createApi(target()));
    const merchant = await getMerchant(created.merchantId);
    await assertFact(target(), 'inferred', 'D9: no field beyond the reference', () => {
      expect(Object.keys(merchant).sort()).toEqual(
        ['clientId', 'companyName', 'contactEmail', 'contactPhone', 'createdAt', 'id', 'partnerRefId', 'status'].sort(),
      );
    });
  });

  test('answers null for the optional fields a merchant was created without', async () => {
    const created = await kit.createPendingMerchant(createApi(target()), {
      contactPhone: undefined,
      partnerRefId: undefined,
    });
    const merchant = await getMerchant(created.merchantId);
    await assertFact(target(), 'inferred', 'D9: unset contactPhone and partnerRefId read null', () => {
      expect(merchant.contactPhone).toBeNull();
      expect(merchant.partnerRefId).toBeNull();
    });
  });

  test('answers a test merchant as active', async () => {
    const created = await kit.createTestMerchant(createApi(target()));
    const merchant = await getMerchant(created.merchantId);
    expect(merchant).toMatchObject({ id: created.merchantId, clientId: created.clientId });
    await kit.expectMerchantStatus(merchant.status, 'active');
  });

  testWith('control')('answers active once QA activates a pending merchant (D14)', async () => {
    const created = await kit.createPendingMerchant(createApi(target()));
    const activated = await control('activate', created.merchantId);
    expect(activated.body).toMatchObject({
      merchantId: created.merchantId,
      clientId: created.clientId,
      status: 'active',
    });
    expect((await getMerchant(created.merchantId)).status).toBe('active');
  });

  testWith('control')('gives a merchant activated by QA its default store "Main Store" (D15)', async () => {
    const created = await kit.createPendingMerchant(createApi(target()));
    await control('activate', created.merchantId);
    const stores = await createApi(target()).get(`${PATH}/${created.merchantId}/stores`);
    expect(stores).toMatchSpec();
    expect((stores.body as StoreList).stores).toEqual([
      expect.objectContaining({ name: 'Main Store', isDefault: true, isActive: true }),
    ]);
  });

  testWith('control')('answers inactive once QA deactivates an active merchant (D14)', async () => {
    const created = await kit.createTestMerchant(createApi(target()));
    const deactivated = await control('deactivate', created.merchantId);
    expect(deactivated.body).toMatchObject({ merchantId: created.merchantId, status: 'inactive' });
    expect((await getMerchant(created.merchantId)).status).toBe('inactive');
  });

  testWith('control')('answers active again after QA reactivates it, with no second "Main Store"', async () => {
    const created = await kit.createTestMerchant(createApi(target()));
    await control('deactivate', created.merchantId);
    await control('activate', created.merchantId);
    expect((await getMerchant(created.merchantId)).status).toBe('active');
    const stores = (await createApi(target()).get(`${PATH}/${created.merchantId}/stores`)).body as StoreList;
    expect(stores.total).toBe(1);
  });

  testWith('control')('stays active when QA activates an active merchant (409)', async () => {
    const created = await kit.createTestMerchant(createApi(target()));
    await control('activate', created.merchantId, 409);
    expect((await getMerchant(created.merchantId)).status).toBe('active');
  });

  testWith('control')('stays inactive when QA deactivates an inactive merchant (409)', async () => {
    const created = await kit.createTestMerchant(createApi(target()));
    await control('deactivate', created.merchantId);
    await control('deactivate', created.merchantId, 409);
    expect((await getMerchant(created.merchantId)).status).toBe('inactive');
  });

  test('answers 404 for a merchant id that does not exist', async () => {
    const res = await createApi(target()).get(`${PATH}/${UNKNOWN_ID}`);
    await expectSpecResponse(target(), res, 'getMerchant', 404);
    kit.expectMockCode(res, 'merchant_not_found');
    await assertFact(target(), 'inferred', 'D5: the message names the merchant that was not found', () =>
      expect((res.body as { message?: unknown }).message).toBe(`Merchant ${UNKNOWN_ID} not found`),
    );
  });

  testWith('control')("answers 404 for another partner's merchant, as if it did not exist (D2)", async () => {
    const theirs = await kit.createTestMerchant(await kit.createOtherPartner(target()));
    const res = await createApi(target()).get(`${PATH}/${theirs.merchantId}`);
    await expectSpecResponse(target(), res, 'getMerchant', 404);
    kit.expectMockCode(res, 'merchant_not_found');
    await assertFact(target(), 'inferred', "D2: the 404 of another partner's merchant is an unknown one's", () =>
      expect(res.body).toMatchObject({
        statusCode: 404,
        error: 'Not Found',
        message: `Merchant ${theirs.merchantId} not found`,
      }),
    );
  });

  test('answers 400 naming merchantId when it is not a number', async () => {
    const res = await kit.directApi(target()).get(`${PATH}/restaurant-xyz`);
    await kit.expectErrorNaming(target(), res, 'getMerchant', 400, 'merchantId');
  });

  test('answers 400 naming merchantId when it is 0', async () => {
    const res = await kit.directApi(target()).get(`${PATH}/0`);
    await kit.expectErrorNaming(target(), res, 'getMerchant', 400, 'merchantId');
  });
});
