import {
  buildPaymentCreateRequest,
  buildTestMerchantCreateRequest,
  PLACEHOLDER_MERCHANT_CLIENT_ID,
  type PaymentCreateRequest,
} from '../../../../fixtures/src';
import type { DomainEvent } from '../../shared/events';
import { addActiveMerchant, addPartner, addStoreFor, createTestApp, defaultPartnerId } from '../../../test/helpers';

function setup() {
  const t = createTestApp();
  const partnerId = defaultPartnerId(t.deps);
  const merchant = addActiveMerchant(t.deps, partnerId, { companyName: 'Restaurant XYZ ApS' });
  const events: DomainEvent[] = [];
  t.deps.events.subscribe((e) => events.push(e));
  return { ...t, partnerId, merchant, events };
}

const body = (merchantClientId: string, extra: Partial<PaymentCreateRequest> = {}) =>
  buildPaymentCreateRequest({ merchantClientId, ...extra });

describe('POST /v1/partner/payments (createPayment)', () => {
  test("answers the seed's example request with 201 and the six documented fields in order", async () => {
    const { api, auth, merchant } = setup();
    const res = await api.post('/v1/partner/payments').set(auth).send({
      merchantClientId: merchant.clientId,
      amount: 149.5,
      referenceNumber: 'ORDER-123',
      description: 'Table 5',
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual([
      'paymentId',
      'paymentUrl',
      'status',
      'amount',
      'currency',
      'referenceNumber',
    ]);
    expect(res.body).toEqual({
      paymentId: expect.any(Number),
      paymentUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:4010\/pay\?token=[0-9a-f]{32}$/),
      status: 'pending',
      amount: 149.5,
      currency: 'DKK',
      referenceNumber: 'ORDER-123',
    });
  });

  test('takes a payment for a test merchant created through the API, at its default store', async () => {
    const { api, auth } = setup();
    const merchant = await api.post('/v1/partner/merchants/test').set(auth).send(buildTestMerchantCreateRequest());
    const stores = await api.get(`/v1/partner/merchants/${merchant.body.merchantId}/stores`).set(auth);
    const storeId = stores.body.stores[0].storeId as string;
    const res = await api
      .post('/v1/partner/payments')
      .set(auth)
      .send(body(merchant.body.clientId as string, { storeId, registerId: 'REG-001' }));
    expect(res.status).toBe(201);
    const status = await api.get(`/v1/partner/payments/${res.body.paymentId}/status`).set(auth);
    expect(status.body).toMatchObject({ storeId, registerId: 'REG-001', status: 'pending' });
  });

  test('stores the payment with an expiry 30 minutes after creation', async () => {
    const { api, auth, merchant, deps } = setup();
    const res = await api
      .post('/v1/partner/payments')
      .set(auth)
      .send(body(merchant.clientId, { currency: 'EUR', registerId: 'REG-001' }));
    const payment = deps.state.payments.get(res.body.paymentId)!;
    expect(payment).toMatchObject({
      currency: 'EUR',
      registerId: 'REG-001',
      storeId: null,
      createdAt: '2026-03-18T12:00:00.000Z',
    });
    expect(payment.expiresAt).toBe('2026-03-18T12:30:00.000Z');
  });

  test('attributes the payment to an active store of the merchant', async () => {
    const { api, auth, merchant, deps } = setup();
    const store = addStoreFor(deps, merchant);
    const res = await api
      .post('/v1/partner/payments')
      .set(auth)
      .send(body(merchant.clientId, { storeId: store.storeId }));
    expect(res.status).toBe(201);
    const status = await api.get(`/v1/partner/payments/${res.body.paymentId}/status`).set(auth);
    expect(status.body.storeId).toBe(store.storeId);
  });

  test('rejects an amount with three decimals with 400 naming amount', async () => {
    const { api, auth, merchant } = setup();
    const res = await api
      .post('/v1/partner/payments')
      .set(auth)
      .send(body(merchant.clientId, { amount: 1.005 }));
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['amount must have at most 2 decimals']);
  });

  test('rejects a floating-point leftover such as 0.1 + 0.2 with 400', async () => {
    const { api, auth, merchant } = setup();
    const res = await api
      .post('/v1/partner/payments')
      .set(auth)
      .send(body(merchant.clientId, { amount: 0.1 + 0.2 }));
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['amount must have at most 2 decimals']);
  });

  test('accepts large amounts with two decimals exactly as sent', async () => {
    const { api, auth, merchant } = setup();
    const res = await api
      .post('/v1/partner/payments')
      .set(auth)
      .send(body(merchant.clientId, { amount: 1234567.89 }));
    expect(res.status).toBe(201);
    expect(res.body.amount).toBe(1234567.89);
  });

  test('accepts large amounts whose binary form is not exact, such as 1234567.89', async () => {
    const { api, auth, merchant } = setup();
    const res = await api
      .post('/v1/partner/payments')
      .set(auth)
      .send(body(merchant.clientId, { amount: 1234567.89 }));
    expect(res.status).toBe(201);
  });

  test('rejects a missing referenceNumber and an amount below 0.01 with 400 naming both', async () => {
    const { api, auth, merchant } = setup();
    const res = await api
      .post('/v1/partner/payments')
      .set(auth)
      .send({ merchantClientId: merchant.clientId, amount: 0 });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([expect.stringContaining('referenceNumber'), expect.stringContaining('amount')]),
    );
  });

  test('answers 404 for an unknown merchantClientId', async () => {
    const { api, auth } = setup();
    const res = await api.post('/v1/partner/payments').set(auth).send(body(PLACEHOLDER_MERCHANT_CLIENT_ID));
    expect(res.status).toBe(404);
  });

  test("answers 404 for another partner's merchant, exactly as for an unknown one", async () => {
    const { api, auth, deps } = setup();
    const other = addPartner(deps);
    const foreign = addActiveMerchant(deps, other.partnerId);
    const res = await api.post('/v1/partner/payments').set(auth).send(body(foreign.clientId));
    const unknown = await api.post('/v1/partner/payments').set(auth).send(body(PLACEHOLDER_MERCHANT_CLIENT_ID));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(unknown.body.code);
    expect(res.body.message).toBe(
      String(unknown.body.message).replace(PLACEHOLDER_MERCHANT_CLIENT_ID, foreign.clientId),
    );
  });

  test('refuses a merchant that is not active with 409 merchant_not_active', async () => {
    const { api, auth, deps, partnerId } = setup();
    for (const status of ['pending', 'inactive'] as const) {
      const merchant = addActiveMerchant(deps, partnerId, { status });
      const res = await api.post('/v1/partner/payments').set(auth).send(body(merchant.clientId));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('merchant_not_active');
    }
  });

  test('answers 404 for a storeId of another merchant', async () => {
    const { api, auth, deps, partnerId, merchant } = setup();
    const store = addStoreFor(deps, addActiveMerchant(deps, partnerId));
    const res = await api
      .post('/v1/partner/payments')
      .set(auth)
      .send(body(merchant.clientId, { storeId: store.storeId }));
    expect(res.status).toBe(404);
  });

  test('refuses an inactive store with 409', async () => {
    const { api, auth, deps, merchant } = setup();
    const store = addStoreFor(deps, merchant, { isActive: false });
    const res = await api
      .post('/v1/partner/payments')
      .set(auth)
      .send(body(merchant.clientId, { storeId: store.storeId }));
    expect(res.status).toBe(409);
  });
});

describe('POST /v1/partner/payments with X-Mock-Payment (D25)', () => {
  test.each([
    ['paid', 'payment.completed', 'AcceptedSettlementCompleted'],
    ['failed', 'payment.failed', 'Rejected'],
    ['expired', 'payment.failed', 'Expired'],
  ])('answers pending but settles the payment as %s before the response', async (outcome, event, bankStatus) => {
    const { api, auth, merchant, events } = setup();
    const res = await api
      .post('/v1/partner/payments')
      .set(auth)
      .set('X-Mock-Payment', outcome)
      .send(body(merchant.clientId));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('pending');
    expect(events).toEqual([
      expect.objectContaining({ type: event, data: expect.objectContaining({ status: outcome }) }),
    ]);
    const status = await api.get(`/v1/partner/payments/${res.body.paymentId}/status`).set(auth);
    expect(status.body).toMatchObject({ status: outcome, bankPaymentStatus: bankStatus });
  });

  test('pays the payment once the clock passes the delay', async () => {
    const { api, auth, merchant, deps } = setup();
    const res = await api
      .post('/v1/partner/payments')
      .set(auth)
      .set('X-Mock-Payment', 'delay=5000')
      .send(body(merchant.clientId));
    const statusUrl = `/v1/partner/payments/${res.body.paymentId}/status`;
    deps.clock.advance(4999);
    expect((await api.get(statusUrl).set(auth)).body.status).toBe('pending');
    deps.clock.advance(1);
    const after = await api.get(statusUrl).set(auth);
    expect(after.body).toMatchObject({ status: 'paid', paidAt: '2026-03-18T12:00:05.000Z' });
  });

  test('rejects an unknown X-Mock-Payment value with 400 naming the header', async () => {
    const { api, auth, merchant } = setup();
    const res = await api
      .post('/v1/partner/payments')
      .set(auth)
      .set('X-Mock-Payment', 'maybe')
      .send(body(merchant.clientId));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toMatch(/x-mock-payment/i);
  });
});
