import { testWith } from '../../support/capabilities';
import { createApi, createControl } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

const target = useTarget();
const resendPath = (merchantId: number | string) => `/v1/partner/merchants/${merchantId}/resend-onboarding`;
const UNKNOWN_ID = 2_000_000_000;

async function resend(merchantId: number): Promise<kit.MerchantOnboarding> {
  const res = await createApi(target()).post(resendPath(merchantId));
  await expectSpecResponse(target(), res, 'resendOnboarding', 200);
  return res.body as kit.MerchantOnboarding;
}

describe('POST /v1/partner/merchants/{merchantId}/resend-onboarding (resendOnboarding)', () => {
  test('answers the pending merchant with a new onboarding token and link (D11)', async () => {
    const created = await kit.createPendingMerchant(createApi(target()));
    const renewed = await resend(created.merchantId);
    expect(renewed).toMatchObject({
      merchantId: created.merchantId,
      clientId: created.clientId,
      companyName: created.companyName,
      contactEmail: created.contactEmail,
      status: 'pending_onboarding',
    });
    expect(renewed.onboardingToken).not.toBe(created.onboardingToken);
    expect(renewed.onboardingUrl).not.toBe(created.onboardingUrl);
  });

  test('issues an expiry no earlier than the previous one', async () => {
    const created = await kit.createPendingMerchant(createApi(target()));
    const renewed = await resend(created.merchantId);
    expect(Date.parse(renewed.expiresAt)).toBeGreaterThanOrEqual(Date.parse(created.expiresAt));
  });

  test('leaves the merchant pending', async () => {
    const created = await kit.createPendingMerchant(createApi(target()));
    await resend(created.merchantId);
    const res = await createApi(target()).get(`/v1/partner/merchants/${created.merchantId}`);
    expect(res).toMatchSpec();
    await kit.expectMerchantStatus((res.body as { status: string }).status, 'pending');
  });

  testWith('mock')('serves the hosted onboarding page at the new link (D11)', async () => {
    const created = await kit.createPendingMerchant(createApi(target()));
    const renewed = await resend(created.merchantId);
    const page = await fetch(renewed.onboardingUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });

  testWith('mock')('stops the previous link from working, with a clear page (D11)', async () => {
    const created = await kit.createPendingMerchant(createApi(target()));
    expect((await fetch(created.onboardingUrl)).status).toBe(200);
    await resend(created.merchantId);
    const page = await fetch(created.onboardingUrl);
    expect([404, 410]).toContain(page.status);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    await assertFact(target(), 'inferred', 'D11: the old link cannot complete onboarding', async () => {
      const submit = await fetch(created.onboardingUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ companyName: created.companyName }).toString(),
      });
      expect([404, 410]).toContain(submit.status);
      const merchant = await createApi(target()).get(`/v1/partner/merchants/${created.merchantId}`);
      expect(merchant.body).toMatchObject({ status: 'pending' });
    });
  });

  test('answers 409 for a merchant that is already active', async () => {
    const active = await kit.createTestMerchant(createApi(target()));
    const res = await createApi(target()).post(resendPath(active.merchantId));
    await expectSpecResponse(target(), res, 'resendOnboarding', 409);
    kit.expectMockCode(res, 'merchant_not_pending');
  });

  testWith('control', 'mock')(
    'answers 409 once QA activated the merchant, whose old link no longer shows the form',
    async () => {
      const created = await kit.createPendingMerchant(createApi(target()));
      const activated = await createControl(target()).post(`/__control/merchants/${created.merchantId}/activate`);
      expect(activated.status).toBe(200);
      const res = await createApi(target()).post(resendPath(created.merchantId));
      await expectSpecResponse(target(), res, 'resendOnboarding', 409);
      const page = await fetch(created.onboardingUrl);
      expect([404, 410]).toContain(page.status);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).not.toContain('<form');
    },
  );

  testWith('control')('answers 409 for a merchant that is inactive', async () => {
    const created = await kit.createPendingMerchant(createApi(target()));
    const deactivated = await createControl(target()).post(`/__control/merchants/${created.merchantId}/deactivate`);
    expect(deactivated.status).toBe(200);
    const res = await createApi(target()).post(resendPath(created.merchantId));
    await expectSpecResponse(target(), res, 'resendOnboarding', 409);
  });

  test('answers 404 for a merchant id that does not exist', async () => {
    const res = await createApi(target()).post(resendPath(UNKNOWN_ID));
    await expectSpecResponse(target(), res, 'resendOnboarding', 404);
  });

  testWith('control')("answers 404 for another partner's pending merchant, whose link keeps working (D2)", async () => {
    const theirs = await kit.createPendingMerchant(await kit.createOtherPartner(target()));
    const res = await createApi(target()).post(resendPath(theirs.merchantId));
    await expectSpecResponse(target(), res, 'resendOnboarding', 404);
    expect((await fetch(theirs.onboardingUrl)).status).toBe(200);
  });

  test('answers 400 naming merchantId when it is not a number', async () => {
    const res = await kit.directApi(target()).post(resendPath('abc'));
    await kit.expectErrorNaming(target(), res, 'resendOnboarding', 400, 'merchantId');
  });
});
