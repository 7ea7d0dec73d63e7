import { buildMerchantCreateRequest } from '../../../fixtures/src';
import { testWith } from '../../support/capabilities';
import { createApi, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type Merchant = ResponseBody<'getMerchant', 200>;

const target = useTarget();
const PATH = '/v1/partner/merchants';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

describe('POST /v1/partner/merchants (createMerchant)', () => {
  test("creates a merchant pending onboarding from the overview's example, sent as-is", async () => {
    const res = await createApi(target()).post(PATH, {
      companyName: 'Restaurant XYZ',
      contactEmail: 'owner@restaurant-xyz.dk',
    });
    await expectSpecResponse(target(), res, 'createMerchant', 201);
    const body = res.body as kit.MerchantOnboarding;
    expect(body).toMatchObject({
      companyName: 'Restaurant XYZ',
      contactEmail: 'owner@restaurant-xyz.dk',
      status: 'pending_onboarding',
    });
    expect(Number.isInteger(body.merchantId)).toBe(true);
    expect(new URL(body.onboardingUrl).protocol).toMatch(/^https?:$/);
    expect(body.onboardingToken.length).toBeGreaterThan(0);
  });

  test("answers exactly the onboarding guide's fields (D8)", async () => {
    const res = await createApi(target()).post(PATH, buildMerchantCreateRequest());
    await expectSpecResponse(target(), res, 'createMerchant', 201);
    await kit.expectNoOtherFields(
      res.body,
      [
        'clientId',
        'companyName',
        'contactEmail',
        'expiresAt',
        'merchantId',
        'onboardingToken',
        'onboardingUrl',
        'status',
      ],
      "D8: the answer has no field beyond the onboarding guide's",
    );
  });

  test("accepts every field of the onboarding guide's example", async () => {
    const api = createApi(target());
    const res = await api.post(PATH, {
      companyName: 'Restaurant XYZ ApS',
      contactEmail: 'owner@restaurant-xyz.dk',
      contactPhone: '+4512345678',
      partnerRefId: 'merchant-001',
    });
    await expectSpecResponse(target(), res, 'createMerchant', 201);
    const merchant = await api.get(`${PATH}/${(res.body as kit.MerchantOnboarding).merchantId}`);
    expect(merchant).toMatchSpec();
    expect(merchant.body).toMatchObject({
      companyName: 'Restaurant XYZ ApS',
      contactEmail: 'owner@restaurant-xyz.dk',
      contactPhone: '+4512345678',
      partnerRefId: 'merchant-001',
    });
    await kit.expectMerchantStatus((merchant.body as { status: string }).status, 'pending');
  });

  test('puts the onboarding token into the onboarding link', async () => {
    const res = await createApi(target()).post(PATH, buildMerchantCreateRequest());
    const body = res.body as kit.MerchantOnboarding;
    await assertFact(target(), 'inferred', "D11: the link carries the token, as in the guide's example", () => {
      expect(body.onboardingUrl).toContain(body.onboardingToken);
    });
  });

  test('gives every merchant its own id, client id and onboarding link', async () => {
    const api = createApi(target());
    const first = (await api.post(PATH, buildMerchantCreateRequest())).body as kit.MerchantOnboarding;
    const second = (await api.post(PATH, buildMerchantCreateRequest())).body as kit.MerchantOnboarding;
    expect(second.merchantId).not.toBe(first.merchantId);
    expect(second.clientId).not.toBe(first.clientId);
    expect(second.onboardingToken).not.toBe(first.onboardingToken);
  });

  test('issues a UUID v4 client id and a link that lives 7 days (D3, D8)', async () => {
    const api = createApi(target());
    const body = (await api.post(PATH, buildMerchantCreateRequest())).body as kit.MerchantOnboarding;
    const merchant = (await api.get(`${PATH}/${body.merchantId}`)).body as Merchant;
    await assertFact(target(), 'inferred', 'D3: the merchant clientId is a UUID v4', () => {
      expect(body.clientId).toMatch(UUID_V4);
    });
    await assertFact(target(), 'inferred', 'D8: the onboarding link expires 7 days after creation', () => {
      expect(Date.parse(body.expiresAt) - Date.parse(merchant.createdAt)).toBe(7 * DAY_MS);
    });
  });

  testWith('mock')('serves the hosted onboarding page at onboardingUrl, as HTML without auth (D11)', async () => {
    const body = (await createApi(target()).post(PATH, buildMerchantCreateRequest())).body as kit.MerchantOnboarding;
    const page = await fetch(body.onboardingUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<form');
  });

  test('answers 400 naming companyName when it is missing', async () => {
    const res = await kit.directApi(target()).post(PATH, buildMerchantCreateRequest({ companyName: undefined }));
    await kit.expectErrorNaming(target(), res, 'createMerchant', 400, 'companyName');
  });

  test('answers 400 naming contactEmail when it is missing', async () => {
    const res = await kit.directApi(target()).post(PATH, buildMerchantCreateRequest({ contactEmail: undefined }));
    await kit.expectErrorNaming(target(), res, 'createMerchant', 400, 'contactEmail');
  });

  test('answers 400 naming contactEmail when it is not an email', async () => {
    const res = await kit
      .directApi(target())
      .post(PATH, buildMerchantCreateRequest({ contactEmail: 'owner-at-restaurant' }));
    await kit.expectErrorNaming(target(), res, 'createMerchant', 400, 'contactEmail');
  });

  test('answers 400 naming companyName when it is empty', async () => {
    const res = await kit.directApi(target()).post(PATH, buildMerchantCreateRequest({ companyName: '' }));
    await kit.expectErrorNaming(target(), res, 'createMerchant', 400, 'companyName');
  });

  test('answers 400 naming an unknown field (D7)', async () => {
    const res = await kit
      .directApi(target())
      .post(PATH, { ...buildMerchantCreateRequest(), iban: 'DK5000400440116243' });
    await kit.expectErrorNaming(target(), res, 'createMerchant', 400, 'iban');
  });

  test('answers 400 for a body that is not JSON', async () => {
    const res = await kit
      .directApi(target())
      .post(PATH)
      .set('Content-Type', 'application/json')
      .send('{"companyName":');
    await expectSpecResponse(target(), res, 'createMerchant', 400);
  });
});
