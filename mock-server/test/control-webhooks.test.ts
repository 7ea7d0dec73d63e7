import { createTestApp, type TestApp } from './helpers';
import {
  advanceSeconds,
  createPayment,
  createTestMerchant,
  expectedSignature,
  flush,
  paymentStatus,
  startReceiver,
  type Receiver,
} from './control-helpers';

let t: TestApp;
let receiver: Receiver;

beforeEach(async () => {
  t = createTestApp();
  receiver = await startReceiver(t);
});

afterEach(async () => {
  t.deps.dispatcher.close();
  t.deps.timeline.close();
  await receiver.listener.close();
});

const bodiesOf = (event: string) =>
  receiver.listener.received
    .filter((d) => d.event === event)
    .map((d) => d.body as { event: string; data: Record<string, unknown> });

describe('payment webhooks driven by the control API', () => {
  test('delivers payment.completed with a signature that verifies against the raw body', async () => {
    const { clientId } = await createTestMerchant(t);
    const paymentId = await createPayment(t, clientId);
    await t.api.post(`/__control/payments/${paymentId}/complete`).expect(200);
    expect(await flush(t)).toBe(0);

    const delivery = receiver.listener.received.find((d) => d.event === 'payment.completed');
    expect(delivery).toBeDefined();
    expect(delivery!.headers['x-webhook-signature']).toBe(expectedSignature(delivery!.rawBody, receiver.secret));
    expect(delivery!.body).toMatchObject({
      event: 'payment.completed',
      data: { paymentId, status: 'paid', bankPaymentStatus: 'AcceptedSettlementCompleted', merchantClientId: clientId },
    });
  });

  test('delivers payment.failed when a payment is failed', async () => {
    const paymentId = await createPayment(t, (await createTestMerchant(t)).clientId);
    await t.api.post(`/__control/payments/${paymentId}/fail`).expect(200);
    await flush(t);
    expect(bodiesOf('payment.failed')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ paymentId, status: 'failed' }) }),
    ]);
  });

  test('expires a payment when the clock passes 30 minutes and delivers payment.failed with status expired', async () => {
    const paymentId = await createPayment(t, (await createTestMerchant(t)).clientId);
    await t.api.post('/__control/clock/advance').send({ duration: '30m' }).expect(200);
    await flush(t);
    expect(await paymentStatus(t, paymentId)).toBe('expired');
    expect(bodiesOf('payment.failed')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ paymentId, status: 'expired', bankPaymentStatus: 'Expired' }),
      }),
    ]);
  });

  test('settles a payment created with X-Mock-Payment: paid and delivers payment.completed', async () => {
    const paymentId = await createPayment(t, (await createTestMerchant(t)).clientId, { 'X-Mock-Payment': 'paid' });
    await flush(t);
    expect(await paymentStatus(t, paymentId)).toBe('paid');
    const delivery = receiver.listener.received.find((d) => d.event === 'payment.completed');
    expect(delivery?.body).toMatchObject({ data: { paymentId, status: 'paid' } });
    expect(delivery?.headers['x-webhook-signature']).toBe(expectedSignature(delivery!.rawBody, receiver.secret));
  });
});

describe('merchant webhooks driven by the control API', () => {
  test('delivers merchant.deactivated and merchant.activated', async () => {
    const { merchantId, clientId } = await createTestMerchant(t);
    await t.api.post(`/__control/merchants/${merchantId}/deactivate`).expect(200);
    await t.api.post(`/__control/merchants/${merchantId}/activate`).expect(200);
    await flush(t);
    expect(bodiesOf('merchant.deactivated')).toEqual([
      {
        event: 'merchant.deactivated',
        timestamp: expect.any(String),
        data: expect.objectContaining({ merchantId, clientId, status: 'inactive' }),
      },
    ]);
    // The first activation is the test merchant's own; the second is the control call.
    expect(bodiesOf('merchant.activated').filter((b) => b.data.merchantId === merchantId)).toHaveLength(2);
  });
});

describe('retries by the clock', () => {
  test('retries a failing receiver on the schedule and records 3 attempts when the third succeeds', async () => {
    receiver.listener.setRespondStatus(500);
    const paymentId = await createPayment(t, (await createTestMerchant(t)).clientId);
    await flush(t); // the merchant.activated delivery of the test merchant fails too; it is not asserted here
    await t.api.post(`/__control/payments/${paymentId}/complete`).expect(200);
    expect(await flush(t)).toBeGreaterThan(0);

    await advanceSeconds(t, 1); // the test schedule: 1 s, then 2 s
    await flush(t);
    receiver.listener.setRespondStatus(200);
    await advanceSeconds(t, 2);
    await flush(t);

    const list = await t.api.get('/__control/webhook-deliveries').query({ paymentId, event: 'payment.completed' });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const [delivery] = list.body.deliveries;
    expect(delivery).toMatchObject({
      paymentId,
      outcome: 'delivered',
      nextAttemptAt: null,
      webhookId: receiver.webhookId,
    });
    expect(delivery.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200]);
    expect(receiver.listener.received.filter((d) => d.event === 'payment.completed').map((d) => d.attempt)).toEqual([
      1, 2, 3,
    ]);
  });

  test('marks a delivery failed when every attempt fails', async () => {
    receiver.listener.setRespondStatus(503);
    const paymentId = await createPayment(t, (await createTestMerchant(t)).clientId);
    await t.api.post(`/__control/payments/${paymentId}/expire`).expect(200);
    await flush(t);
    await advanceSeconds(t, 1);
    await flush(t);
    await advanceSeconds(t, 2);
    expect(await flush(t)).toBe(0);
    const list = await t.api.get('/__control/webhook-deliveries').query({ paymentId, outcome: 'failed' });
    expect(list.body.deliveries[0].attempts).toHaveLength(3);
  });
});

describe('GET /__control/webhook-deliveries (listDeliveries)', () => {
  test('lists deliveries newest first and filters by event, merchant and webhook', async () => {
    const { merchantId, clientId } = await createTestMerchant(t);
    const paymentId = await createPayment(t, clientId);
    await t.api.post(`/__control/payments/${paymentId}/complete`);
    await flush(t);

    const all = await t.api.get('/__control/webhook-deliveries');
    expect(all.body).toMatchObject({ total: 2, page: 1, limit: 20 });
    expect(all.body.deliveries.map((d: { event: string }) => d.event)).toEqual([
      'payment.completed',
      'merchant.activated',
    ]);
    const byMerchant = await t.api
      .get('/__control/webhook-deliveries')
      .query({ merchantId, event: 'merchant.activated' });
    expect(byMerchant.body.total).toBe(1);
    const otherWebhook = await t.api.get('/__control/webhook-deliveries').query({ webhookId: receiver.webhookId + 1 });
    expect(otherWebhook.body.total).toBe(0);
    const page2 = await t.api.get('/__control/webhook-deliveries').query({ limit: 1, page: 2 });
    expect(page2.body.deliveries.map((d: { event: string }) => d.event)).toEqual(['merchant.activated']);
  });

  test('answers 400 for an unknown event filter', async () => {
    const res = await t.api.get('/__control/webhook-deliveries').query({ event: 'payment.refunded' });
    expect(res.status).toBe(400);
  });
});

describe('GET /__control/webhook-deliveries/{deliveryId} (getDelivery)', () => {
  test('shows one delivery with the exact body that was signed', async () => {
    await createTestMerchant(t);
    await flush(t);
    const received = receiver.listener.received[0]!;
    const res = await t.api.get(`/__control/webhook-deliveries/${received.deliveryId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: received.deliveryId,
      event: 'merchant.activated',
      outcome: 'delivered',
      body: received.rawBody,
    });
  });

  test('answers 404 for an unknown delivery', async () => {
    const res = await t.api.get('/__control/webhook-deliveries/dlv_unknown');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('delivery_not_found');
  });
});

describe('POST /__control/webhook-deliveries/{deliveryId}/redeliver (redeliverDelivery)', () => {
  test('queues a new delivery of the same body that then arrives, signed again', async () => {
    await createTestMerchant(t);
    await flush(t);
    const original = receiver.listener.received[0]!;
    const res = await t.api.post(`/__control/webhook-deliveries/${original.deliveryId}/redeliver`);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ event: 'merchant.activated', body: original.rawBody, attempts: [] });
    expect(res.body.id).not.toBe(original.deliveryId);

    await flush(t);
    const again = receiver.listener.received.find((d) => d.deliveryId === res.body.id);
    expect(again?.rawBody).toBe(original.rawBody);
    expect(again?.headers['x-webhook-signature']).toBe(expectedSignature(original.rawBody, receiver.secret));
  });

  test('answers 404 for an unknown delivery', async () => {
    expect((await t.api.post('/__control/webhook-deliveries/dlv_unknown/redeliver')).status).toBe(404);
  });
});

describe('POST /__control/webhook-deliveries/flush (flushDeliveries)', () => {
  test('answers pending 0 when nothing waits', async () => {
    const res = await t.api.post('/__control/webhook-deliveries/flush');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ pending: 0 });
  });
});
