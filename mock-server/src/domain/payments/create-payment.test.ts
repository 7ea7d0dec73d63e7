import { buildPaymentCreateRequest, type PaymentCreateRequest } from '../../../../fixtures/src';
import type { DomainEvent } from '../../shared/events';
import { addActiveMerchant, createTestApp, defaultPartnerId } from '../../../test/helpers';

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
  test("answers the seed's example request with 201 and a hosted /pay link in paymentUrl", async () => {
    const { api, auth, merchant } = setup();
    const res = await api.post('/v1/partner/payments').set(auth).send({
      merchantClientId: merchant.clientId,
      amount: 149.5,
      referenceNumber: 'ORDER-123',
      description: 'Table 5',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      paymentId: expect.any(Number),
      paymentUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:4010\/pay\?token=[0-9a-f]{32}$/),
      status: 'pending',
      amount: 149.5,
      currency: 'DKK',
      referenceNumber: 'ORDER-123',
    });
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
});
