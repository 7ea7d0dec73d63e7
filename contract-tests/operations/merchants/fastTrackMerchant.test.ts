import { buildMerchantFastTrackRequest } from '../../../fixtures/src';
import { testWith } from '../../support/capabilities';
import { createApi } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

const target = useTarget();
const PATH = '/v1/partner/merchants/fast-track';

describe('POST /v1/partner/merchants/fast-track (fastTrackMerchant)', () => {
  test("creates a merchant pending onboarding from the guide's fields", async () => {
    const res = await createApi(target()).post(PATH, {
      companyName: 'Restaurant XYZ ApS',
      contactEmail: 'owner@restaurant-xyz.dk',
      contactPhone: '+4512345678',
      partnerRefId: 'merchant-001',
      registrationNumber: '12345678',
      website: 'https://restaurant-xyz.dk',
      iban: 'DK5000400440116243',
      bic: 'DABADKKK',
    });
    await expectSpecResponse(target(), res, 'fastTrackMerchant', 201);
    expect(res.body).toMatchObject({
      companyName: 'Restaurant XYZ ApS',
      contactEmail: 'owner@restaurant-xyz.dk',
      status: 'pending_onboarding',
    });
    expect(new URL((res.body as kit.MerchantOnboarding).onboardingUrl).protocol).toMatch(/^https?:$/);
  });

  test('keeps the merchant pending until it finishes through its link (D12)', async () => {
    const api = createApi(target());
    const body = (await api.post(PATH, buildMerchantFastTrackRequest())).body as kit.MerchantOnboarding;
    const merchant = await api.get(`/v1/partner/merchants/${body.merchantId}`);
    expect(merchant).toMatchSpec();
    expect(merchant.body).toMatchObject({ id: body.merchantId, clientId: body.clientId });
    await kit.expectMerchantStatus((merchant.body as { status: string }).status, 'pending');
  });

  test('accepts a body without the optional bic', async () => {
    const res = await createApi(target()).post(PATH, buildMerchantFastTrackRequest({ bic: undefined }));
    await expectSpecResponse(target(), res, 'fastTrackMerchant', 201);
  });

  test('accepts fields beyond the documented ones, since the field list is cut off (D7)', async () => {
    const res = await createApi(target()).post(PATH, {
      ...buildMerchantFastTrackRequest(),
      primaryContactName: 'Mette Hansen',
    });
    await expectSpecResponse(target(), res, 'fastTrackMerchant', 201);
  });

  testWith('mock')('prefills the hosted onboarding page with the company data (D12)', async () => {
    const request = buildMerchantFastTrackRequest();
    const body = (await createApi(target()).post(PATH, request)).body as kit.MerchantOnboarding;
    const page = await fetch(body.onboardingUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    await assertFact(target(), 'inferred', 'D12: the onboarding form carries the CVR and IBAN given', () => {
      expect(html).toContain(request.registrationNumber);
      expect(html).toContain(request.iban);
    });
  });

  test.each(['registrationNumber', 'website', 'iban', 'companyName', 'contactEmail'] as const)(
    'answers 400 naming %s when it is missing',
    async (field) => {
      const res = await kit.directApi(target()).post(PATH, buildMerchantFastTrackRequest({ [field]: undefined }));
      await kit.expectErrorNaming(target(), res, 'fastTrackMerchant', 400, field);
    },
  );

  test('answers 400 naming iban when it is not an IBAN', async () => {
    const res = await kit
      .directApi(target())
      .post(PATH, buildMerchantFastTrackRequest({ iban: 'DK50 0040 0440 1162 43' }));
    await kit.expectErrorNaming(target(), res, 'fastTrackMerchant', 400, 'iban');
  });

  test('answers 400 naming bic when it is not a BIC', async () => {
    const res = await kit.directApi(target()).post(PATH, buildMerchantFastTrackRequest({ bic: 'danske' }));
    await kit.expectErrorNaming(target(), res, 'fastTrackMerchant', 400, 'bic');
  });

  test('answers 400 naming website when it is not a URL', async () => {
    const res = await kit.directApi(target()).post(PATH, buildMerchantFastTrackRequest({ website: 'restaurant xyz' }));
    await kit.expectErrorNaming(target(), res, 'fastTrackMerchant', 400, 'website');
  });
});
