import type { DomainEvent } from '../../shared/events';
import { addActiveMerchant, createTestApp, defaultPartnerId } from '../../../test/helpers';

const THIRTY_MINUTES = 30 * 60 * 1000;

async function setup() {
  const t = createTestApp();
  const partnerId = defaultPartnerId(t.deps);
  const merchant = addActiveMerchant(t.deps, partnerId, { companyName: 'Restaurant XYZ ApS' });
  const events: DomainEvent[] = [];
  t.deps.events.subscribe((e) => events.push(e));
  const res = await t.api
    .post('/v1/partner/payments')
    .set(t.auth)
    .send({ merchantClientId: merchant.clientId, amount: 149.5, referenceNumber: 'ORDER-123', description: 'Table 5' });
  const paymentId = res.body.paymentId as number;
  const payments = t.deps.services.payments;
  return {
    ...t,
    partnerId,
    merchant,
    events,
    paymentId,
    payment: payments.findById(paymentId),
    payments,
    statusUrl: `/v1/partner/payments/${paymentId}/status`,
  };
}

describe('GET /v1/partner/payments/{paymentId}/status (getPaymentStatus)', () => {
  test('returns the pending payment with every D21 field', async () => {
    const { api, auth, statusUrl, paymentId, merchant } = await setup();
    const res = await api.get(statusUrl).set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      paymentId,
      status: 'pending',
      amount: 149.5,
      currency: 'DKK',
      referenceNumber: 'ORDER-123',
      merchantClientId: merchant.clientId,
      storeId: null,
      registerId: null,
      bankPaymentStatus: null,
      paidAt: null,
      expiresAt: '2026-03-18T12:30:00.000Z',
      createdAt: '2026-03-18T12:00:00.000Z',
      updatedAt: '2026-03-18T12:00:00.000Z',
    });
  });

  test('still reads pending one second before the expiry', async () => {
    const { api, auth, deps, statusUrl } = await setup();
    deps.clock.advance(THIRTY_MINUTES - 1000);
    expect((await api.get(statusUrl).set(auth)).body.status).toBe('pending');
  });

  test('reads expired once the clock has moved 30 minutes, and payment.failed fires with status expired', async () => {
    const { api, auth, deps, statusUrl, events, paymentId } = await setup();
    deps.clock.advance(THIRTY_MINUTES + 5 * 60 * 1000);
    const res = await api.get(statusUrl).set(auth);
    expect(res.body).toMatchObject({
      status: 'expired',
      bankPaymentStatus: 'Expired',
      paidAt: null,
      updatedAt: '2026-03-18T12:30:00.000Z',
    });
    expect(events).toEqual([
      {
        type: 'payment.failed',
        partnerId: expect.any(Number),
        timestamp: '2026-03-18T12:30:00.000Z',
        data: expect.objectContaining({ paymentId, status: 'expired', bankPaymentStatus: 'Expired' }),
      },
    ]);
  });

  test('expires through the timeline when the clock passes, without any request', async () => {
    const { deps, events, payment } = await setup();
    deps.clock.advance(THIRTY_MINUTES);
    deps.timeline.runDue();
    expect(payment.status).toBe('expired');
    expect(events.map((e) => e.type)).toEqual(['payment.failed']);
  });

  test('expires a stale pending payment on read even before the timeline runs (E141)', async () => {
    const { deps, partnerId, payments, paymentId } = await setup();
    deps.clock.advance(THIRTY_MINUTES);
    expect(payments.findForPartner(deps.state.partners.get(partnerId)!, paymentId).status).toBe('expired');
  });
});

describe('payment lifecycle (D20, D23)', () => {
  test('complete pays the payment, records the bank and publishes payment.completed after the change', async () => {
    const { deps, payments, payment, events, merchant } = await setup();
    deps.clock.advance(90_000);
    let statusSeenByListener: string | undefined;
    deps.events.subscribe(() => (statusSeenByListener = payment.status));
    payments.complete(payment, 'Nordea');
    expect(payment).toMatchObject({
      status: 'paid',
      bank: 'Nordea',
      bankPaymentStatus: 'AcceptedSettlementCompleted',
      paidAt: '2026-03-18T12:01:30.000Z',
    });
    expect(statusSeenByListener).toBe('paid');
    expect(events).toEqual([
      {
        type: 'payment.completed',
        partnerId: payment.partnerId,
        timestamp: '2026-03-18T12:01:30.000Z',
        data: {
          paymentId: payment.id,
          referenceNumber: 'ORDER-123',
          status: 'paid',
          amount: 149.5,
          currency: 'DKK',
          merchantClientId: merchant.clientId,
          merchantName: 'Restaurant XYZ ApS',
          bankPaymentStatus: 'AcceptedSettlementCompleted',
          storeId: null,
          registerId: null,
          paidAt: '2026-03-18T12:01:30.000Z',
        },
      },
    ]);
  });

  test('fail marks the payment failed with bank status Rejected and publishes payment.failed', async () => {
    const { payments, payment, events } = await setup();
    payments.fail(payment, 'rejected');
    expect(payment).toMatchObject({ status: 'failed', bankPaymentStatus: 'Rejected', paidAt: null });
    expect(events.map((e) => [e.type, e.data.status])).toEqual([['payment.failed', 'failed']]);
  });

  test('refuses a second terminal state with 409 payment_already_final naming the status', async () => {
    const { payments, payment } = await setup();
    payments.fail(payment);
    for (const settle of [
      () => payments.complete(payment),
      () => payments.fail(payment),
      () => payments.expire(payment),
    ]) {
      expect(settle).toThrow(
        expect.objectContaining({
          statusCode: 409,
          code: 'payment_already_final',
          message: expect.stringContaining('failed'),
        }),
      );
    }
    expect(payment.status).toBe('failed');
  });

  test('cancels the scheduled expiry when the payment settles', async () => {
    const { deps, payments, payment, events } = await setup();
    payments.complete(payment);
    deps.clock.advance(2 * THIRTY_MINUTES);
    deps.timeline.runDue();
    expect(payment.status).toBe('paid');
    expect(events.map((e) => e.type)).toEqual(['payment.completed']);
  });

  test('findById answers 404 for an unknown payment', async () => {
    const { payments } = await setup();
    expect(() => payments.findById(424242)).toThrow(expect.objectContaining({ statusCode: 404 }));
  });
});
