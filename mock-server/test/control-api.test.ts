import { addPartner, createTestApp } from './helpers';
import { createPayment, createTestMerchant, paymentStatus } from './control-helpers';

describe('GET /__control/health (getHealth)', () => {
  test('answers ok with the package version and the number of partners', async () => {
    const { api } = createTestApp();
    const res = await api.get('/__control/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/), partners: 1 });
  });

  test('answers without a token when a control token is configured', async () => {
    const { api } = createTestApp({ controlToken: 'qa-token-123' });
    expect((await api.get('/__control/health')).status).toBe(200);
  });
});

describe('control token', () => {
  test('answers 401 without the bearer token and 200 with it', async () => {
    const { api } = createTestApp({ controlToken: 'qa-token-123' });
    const without = await api.get('/__control/clock');
    const wrong = await api.get('/__control/clock').set('Authorization', 'Bearer nope');
    const right = await api.get('/__control/clock').set('Authorization', 'Bearer qa-token-123');
    expect(without.status).toBe(401);
    expect(without.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'control_unauthorized' });
    expect(wrong.status).toBe(401);
    expect(right.status).toBe(200);
  });

  test('is not needed when no token is configured', async () => {
    const { api } = createTestApp();
    expect((await api.get('/__control/clock')).status).toBe(200);
  });
});

describe('POST /__control/payments/{paymentId}/complete (completePayment)', () => {
  test('settles a pending payment as paid with the bank status and the chosen bank', async () => {
    const t = createTestApp();
    const { merchantId, clientId } = await createTestMerchant(t);
    const paymentId = await createPayment(t, clientId);
    const res = await t.api.post(`/__control/payments/${paymentId}/complete`).send({ bank: 'Danske Bank' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      paymentId,
      status: 'paid',
      bankPaymentStatus: 'AcceptedSettlementCompleted',
      partnerId: 1,
      merchantId,
      updatedAt: '2026-03-18T12:00:00.000Z',
    });
    expect(t.deps.state.payments.get(paymentId)?.bank).toBe('Danske Bank');
    expect(await paymentStatus(t, paymentId)).toBe('paid');
  });

  test('completes a payment without a body', async () => {
    const t = createTestApp();
    const paymentId = await createPayment(t, (await createTestMerchant(t)).clientId);
    expect((await t.api.post(`/__control/payments/${paymentId}/complete`)).status).toBe(200);
  });

  test('completes a payment of any partner, because control ids are global', async () => {
    const t = createTestApp();
    const other = addPartner(t.deps);
    const merchant = await t.api
      .post('/v1/partner/merchants/test')
      .set(other.auth)
      .send({ companyName: 'Other Merchant' });
    const payment = await t.api
      .post('/v1/partner/payments')
      .set(other.auth)
      .send({ merchantClientId: merchant.body.clientId, amount: 10, referenceNumber: 'X-1' });
    const res = await t.api.post(`/__control/payments/${payment.body.paymentId}/complete`);
    expect(res.status).toBe(200);
    expect(res.body.partnerId).toBe(other.partnerId);
  });

  test('answers 404 for an unknown payment', async () => {
    const { api } = createTestApp();
    const res = await api.post('/__control/payments/999/complete');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'payment_not_found', message: 'Payment 999 not found' });
  });

  test('answers 409 for a payment that is already final', async () => {
    const t = createTestApp();
    const paymentId = await createPayment(t, (await createTestMerchant(t)).clientId);
    await t.api.post(`/__control/payments/${paymentId}/fail`);
    const res = await t.api.post(`/__control/payments/${paymentId}/complete`);
    expect(res.status).toBe(409);
    expect(res.body.statusCode).toBe(409);
  });

  test('answers 400 for a non-numeric id and for an unknown body field', async () => {
    const { api } = createTestApp();
    expect((await api.post('/__control/payments/abc/complete')).status).toBe(400);
    expect((await api.post('/__control/payments/1/complete').send({ bank: 'X', extra: 1 })).status).toBe(400);
  });
});

describe('POST /__control/payments/{paymentId}/fail (failPayment)', () => {
  test('fails a pending payment with the Rejected bank status', async () => {
    const t = createTestApp();
    const paymentId = await createPayment(t, (await createTestMerchant(t)).clientId);
    const res = await t.api.post(`/__control/payments/${paymentId}/fail`).send({ reason: 'abandoned' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ paymentId, status: 'failed', bankPaymentStatus: 'Rejected' });
    expect(await paymentStatus(t, paymentId)).toBe('failed');
  });

  test('answers 400 for a reason outside rejected and abandoned', async () => {
    const t = createTestApp();
    const paymentId = await createPayment(t, (await createTestMerchant(t)).clientId);
    const res = await t.api.post(`/__control/payments/${paymentId}/fail`).send({ reason: 'bored' });
    expect(res.status).toBe(400);
  });

  test('answers 409 for a paid payment', async () => {
    const t = createTestApp();
    const paymentId = await createPayment(t, (await createTestMerchant(t)).clientId);
    await t.api.post(`/__control/payments/${paymentId}/complete`);
    expect((await t.api.post(`/__control/payments/${paymentId}/fail`)).status).toBe(409);
  });
});

describe('POST /__control/payments/{paymentId}/expire (expirePayment)', () => {
  test('expires a pending payment at once', async () => {
    const t = createTestApp();
    const paymentId = await createPayment(t, (await createTestMerchant(t)).clientId);
    const res = await t.api.post(`/__control/payments/${paymentId}/expire`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ paymentId, status: 'expired', bankPaymentStatus: 'Expired' });
    expect(await paymentStatus(t, paymentId)).toBe('expired');
  });

  test('answers 404 for an unknown payment and 409 for an expired one', async () => {
    const t = createTestApp();
    expect((await t.api.post('/__control/payments/999/expire')).status).toBe(404);
    const paymentId = await createPayment(t, (await createTestMerchant(t)).clientId);
    await t.api.post(`/__control/payments/${paymentId}/expire`);
    expect((await t.api.post(`/__control/payments/${paymentId}/expire`)).status).toBe(409);
  });
});

describe('POST /__control/merchants/{merchantId}/activate (activateMerchant)', () => {
  test('activates a pending merchant without the onboarding page', async () => {
    const t = createTestApp();
    const created = await t.api
      .post('/v1/partner/merchants')
      .set(t.auth)
      .send({ companyName: 'Cafe Pending', contactEmail: 'cafe@example.dk' });
    const res = await t.api.post(`/__control/merchants/${created.body.merchantId}/activate`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      merchantId: created.body.merchantId,
      clientId: created.body.clientId,
      partnerId: 1,
      status: 'active',
      updatedAt: expect.any(String),
    });
    const merchant = await t.api.get(`/v1/partner/merchants/${created.body.merchantId}`).set(t.auth);
    expect(merchant.body.status).toBe('active');
  });

  test('answers 409 for an active merchant and 404 for an unknown one', async () => {
    const t = createTestApp();
    const { merchantId } = await createTestMerchant(t);
    expect((await t.api.post(`/__control/merchants/${merchantId}/activate`)).status).toBe(409);
    const unknown = await t.api.post('/__control/merchants/999/activate');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('merchant_not_found');
  });
});

describe('POST /__control/merchants/{merchantId}/deactivate (deactivateMerchant)', () => {
  test('deactivates an active merchant, whose new payments are then refused with 409', async () => {
    const t = createTestApp();
    const { merchantId, clientId } = await createTestMerchant(t);
    const res = await t.api.post(`/__control/merchants/${merchantId}/deactivate`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ merchantId, clientId, status: 'inactive' });
    const payment = await t.api
      .post('/v1/partner/payments')
      .set(t.auth)
      .send({ merchantClientId: clientId, amount: 10, referenceNumber: 'R-1' });
    expect(payment.status).toBe(409);
  });

  test('accepts payments again after reactivation', async () => {
    const t = createTestApp();
    const { merchantId, clientId } = await createTestMerchant(t);
    await t.api.post(`/__control/merchants/${merchantId}/deactivate`);
    expect((await t.api.post(`/__control/merchants/${merchantId}/activate`)).status).toBe(200);
    await expect(createPayment(t, clientId)).resolves.toEqual(expect.any(Number));
  });

  test('answers 409 for an inactive merchant', async () => {
    const t = createTestApp();
    const { merchantId } = await createTestMerchant(t);
    await t.api.post(`/__control/merchants/${merchantId}/deactivate`);
    expect((await t.api.post(`/__control/merchants/${merchantId}/deactivate`)).status).toBe(409);
  });
});

describe('GET /__control/clock (getClock)', () => {
  test('shows the current time and no offset on a fresh mock', async () => {
    const { api } = createTestApp();
    const res = await api.get('/__control/clock');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ now: '2026-03-18T12:00:00.000Z', offsetMs: 0 });
  });
});

describe('POST /__control/clock/advance (advanceClock)', () => {
  test('moves the clock by a duration', async () => {
    const { api } = createTestApp();
    const res = await api.post('/__control/clock/advance').send({ duration: '31m' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ now: '2026-03-18T12:31:00.000Z', offsetMs: 1_860_000 });
  });

  test('moves the clock by seconds, adding up over calls', async () => {
    const { api } = createTestApp();
    await api.post('/__control/clock/advance').send({ seconds: 10 });
    const res = await api.post('/__control/clock/advance').send({ duration: '1d' });
    expect(res.body.offsetMs).toBe(10_000 + 86_400_000);
  });

  test('expires a pending payment once the clock passes 30 minutes', async () => {
    const t = createTestApp();
    const paymentId = await createPayment(t, (await createTestMerchant(t)).clientId);
    await t.api.post('/__control/clock/advance').send({ duration: '30m' });
    expect(t.deps.state.payments.get(paymentId)?.status).toBe('expired');
    expect(await paymentStatus(t, paymentId)).toBe('expired');
  });

  test('answers 400 for zero seconds, a bad duration, both fields or none', async () => {
    const { api } = createTestApp();
    for (const body of [{ seconds: 0 }, { duration: '5x' }, { seconds: 1, duration: '1s' }, {}]) {
      const res = await api.post('/__control/clock/advance').send(body);
      expect(res.status).toBe(400);
    }
  });
});

describe('POST /__control/partners (createPartner)', () => {
  test('adds a partner whose generated credential opens the Partner API', async () => {
    const { api } = createTestApp();
    const res = await api.post('/__control/partners').send({ name: 'Nordic Kiosk', companyName: 'Nordic Kiosk A/S' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      partnerId: 2,
      name: 'Nordic Kiosk',
      clientId: expect.any(String),
      clientSecret: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const profile = await api
      .get('/v1/partner/profile')
      .set({ 'X-Partner-Client-Id': res.body.clientId, 'X-Partner-Client-Secret': res.body.clientSecret });
    expect(profile.status).toBe(200);
    expect(profile.body.companyName).toBe('Nordic Kiosk A/S');
    expect((await api.get('/__control/health')).body.partners).toBe(2);
  });

  test('keeps the new partner apart from the default one', async () => {
    const t = createTestApp();
    await createTestMerchant(t);
    const partner = await t.api
      .post('/__control/partners')
      .send({ name: 'Tenant B', clientId: 'tenant-b', clientSecret: 'tenant-b-secret' });
    const merchants = await t.api
      .get('/v1/partner/merchants')
      .set({ 'X-Partner-Client-Id': 'tenant-b', 'X-Partner-Client-Secret': 'tenant-b-secret' });
    expect(partner.status).toBe(201);
    expect(merchants.body.total).toBe(0);
  });

  test('answers 409 when the client id is in use', async () => {
    const { api, deps } = createTestApp();
    const res = await api.post('/__control/partners').send({ name: 'Copy', clientId: deps.config.clientId });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('client_id_taken');
  });

  test('answers 400 without a name', async () => {
    const { api } = createTestApp();
    const res = await api.post('/__control/partners').send({ companyName: 'No Name' });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['name is required']);
  });

  test('answers 400 for credentials no header could carry (spaces, control characters, non-ASCII)', async () => {
    const { api } = createTestApp();
    for (const [clientId, clientSecret] of [
      ['  weird id \u0000 ', 'secret-secret'],
      ['plain-id', '        '],
      ['klient-æøå', 'secret-secret'],
    ]) {
      const res = await api.post('/__control/partners').send({ name: 'Odd', clientId, clientSecret });
      expect(res.status).toBe(400);
    }
    expect((await api.get('/__control/health')).body.partners).toBe(1);
  });
});
