import {
  buildMerchantCreateRequest,
  buildPaymentCreateRequest,
  buildTestMerchantCreateRequest,
} from '../../../fixtures/src';
import { createTestApp } from '../../test/helpers';

describe('GET / (home page)', () => {
  test('shows pending payments with a QR code and their pay link', async () => {
    const { api, auth } = createTestApp();
    const merchant = await api.post('/v1/partner/merchants/test').set(auth).send(buildTestMerchantCreateRequest());
    const payment = await api
      .post('/v1/partner/payments')
      .set(auth)
      .send(buildPaymentCreateRequest({ merchantClientId: merchant.body.clientId, amount: 149.5 }));
    const res = await api.get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('149,50 kr.');
    expect(res.text).toContain('<svg');
    expect(res.text).toContain(String(payment.body.paymentUrl).replace(/&/g, '&amp;'));
  });

  test('lists merchants waiting for onboarding with their link', async () => {
    const { api, auth } = createTestApp();
    const merchant = await api
      .post('/v1/partner/merchants')
      .set(auth)
      .send(buildMerchantCreateRequest({ companyName: 'Bageriet ApS' }));
    const res = await api.get('/');
    expect(res.text).toContain(String(merchant.body.onboardingUrl));
    expect(res.text).toContain('Bageriet ApS');
  });
});

describe('GET /favicon.ico', () => {
  test('answers 204 with no content, so browsers log no 404 for the pages', async () => {
    const res = await createTestApp().api.get('/favicon.ico');
    expect(res.status).toBe(204);
    expect(res.headers['cache-control']).toContain('max-age');
  });
});
