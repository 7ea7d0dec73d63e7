/**
 * A payment from creation to its webhook, as a POS sees it: a test merchant, a webhook for every
 * event pointing at a local receiver, a payment, its outcome, and the signed delivery that reports
 * it. Each story runs in a partner of its own, so no other test's events reach its receiver.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { components } from '../../spec/generated/control-api';
import { testWith } from '../support/capabilities';
import { createControl, type ApiClient, type ResponseBody } from '../support/client';
import { assertFact, expectSpecResponse } from '../support/provenance';
import { useTarget } from '../support/target';
import {
  expectVerifiedDelivery,
  startReceiver,
  type Delivery,
  type WebhookReceiver,
} from '../support/webhook-receiver';
import {
  createPayment,
  settlePayment,
  type PaymentCreated,
  type PaymentStatusResponse,
  startWebhookStory,
  type WebhookStory,
} from '../operations/helpers';

type ControlDelivery = components['schemas']['Delivery'];
type DeliveryList = components['schemas']['DeliveryList'];
type Clock = components['schemas']['Clock'];
type Webhook = ResponseBody<'listWebhooks', 200>[number];
type EventData = { paymentId?: number; merchantId?: number; [field: string]: unknown };

const target = useTarget();

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

type Story = WebhookStory;
const startStory = (): Promise<Story> => startWebhookStory(target(), receiver);

const dataOf = (d: Delivery): EventData => (d.body as { data: EventData }).data;
const about = (event: string, paymentId: number) => (d: Delivery) =>
  d.event === event && dataOf(d).paymentId === paymentId;

/** Checks the signature with node:crypto alone, independently of the receiver's own check. */
function expectSignedWith(delivery: Delivery, secret: string): void {
  const expected = Buffer.from(createHmac('sha256', secret).update(delivery.rawBody).digest('hex'));
  const given = Buffer.from(String(delivery.headers['x-webhook-signature']));
  expect(given.length === expected.length && timingSafeEqual(given, expected)).toBe(true);
}

async function flush(): Promise<void> {
  const res = await createControl(target()).post('/__control/webhook-deliveries/flush');
  expect(res).toMatchSpec();
}

async function readStatus(api: ApiClient, paymentId: number): Promise<PaymentStatusResponse> {
  const res = await api.get(`/v1/partner/payments/${paymentId}/status`);
  await expectSpecResponse(target(), res, 'getPaymentStatus', 200);
  return res.body as PaymentStatusResponse;
}

async function expectPaidDelivery(story: Story, payment: PaymentCreated): Promise<void> {
  const delivery = await story.endpoint.waitFor(about('payment.completed', payment.paymentId));
  expectSignedWith(delivery, story.secret);
  expectVerifiedDelivery(delivery);
  expect(dataOf(delivery)).toMatchObject({
    paymentId: payment.paymentId,
    amount: payment.amount,
    currency: payment.currency,
    referenceNumber: payment.referenceNumber,
    status: 'paid',
    merchantClientId: story.merchant.clientId,
    merchantName: story.merchant.companyName,
  });
  await assertFact(target(), 'inferred', 'D23: a paid payment reports AcceptedSettlementCompleted', () => {
    expect(dataOf(delivery).bankPaymentStatus).toBe('AcceptedSettlementCompleted');
  });
  expect((await readStatus(story.api, payment.paymentId)).status).toBe('paid');
}

/** The pay page's form (D22), submitted as a customer who picks the first bank and approves or rejects. */
async function submitPayPage(paymentUrl: string, choice: 'approve' | 'reject'): Promise<number> {
  const page = await fetch(paymentUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  const token = /name="token" value="([^"]*)"/.exec(html)?.[1];
  const bank = /name="bank" value="([^"]*)"/.exec(html)?.[1];
  expect({ action, token, bank, button: html.includes(`name="action" value="${choice}"`) }).toEqual({
    action: expect.any(String) as string,
    token: expect.any(String) as string,
    bank: expect.any(String) as string,
    button: true,
  });
  const form = new URLSearchParams({ token: token!, bank: bank!, action: choice });
  const res = await fetch(new URL(action!, paymentUrl), { method: 'POST', body: form });
  return res.status;
}

/** Moves the mock's clock to each retry as it falls due and flushes, until the delivery is settled. */
async function deliverWithRetries(paymentId: number, webhookId: number): Promise<ControlDelivery> {
  const control = createControl(target());
  for (let round = 0; round < 10; round += 1) {
    await flush();
    const res = await control.get(`/__control/webhook-deliveries?paymentId=${paymentId}&webhookId=${webhookId}`);
    expect(res).toMatchSpec();
    const [delivery] = (res.body as DeliveryList).deliveries;
    if (!delivery) throw new Error(`No delivery was logged for payment ${paymentId}`);
    if (delivery.outcome !== 'pending' || !delivery.nextAttemptAt) return delivery;
    const { now } = (await control.get('/__control/clock')).body as Clock;
    const dueInMs = Date.parse(delivery.nextAttemptAt) - Date.parse(now);
    if (dueInMs > 0) expect(await control.post('/__control/clock/advance', { seconds: dueInMs / 1000 })).toMatchSpec();
  }
  throw new Error(`The delivery for payment ${paymentId} was still pending after 10 rounds`);
}

describe('a payment from creation to its webhook', () => {
  testWith('control', 'webhooks')(
    'reports a payment completed through the control API in a signed payment.completed',
    async () => {
      const story = await startStory();
      const payment = await createPayment(story.api, story.merchant.clientId);
      await settlePayment(target(), payment.paymentId, 'complete');
      await flush();
      await expectPaidDelivery(story, payment);
    },
  );

  testWith(
    'control',
    'mock',
    'webhooks',
  )('reports a payment approved on the pay page in a signed payment.completed', async () => {
    const story = await startStory();
    const payment = await createPayment(story.api, story.merchant.clientId);
    expect(await submitPayPage(payment.paymentUrl, 'approve')).toBe(200);
    await flush();
    await expectPaidDelivery(story, payment);
  });

  testWith('control', 'webhooks')('retries a delivery the receiver refuses until it succeeds (D29)', async () => {
    const story = await startStory();
    await flush(); // the merchant's own merchant.activated must not use up the canned answers
    await story.endpoint.waitFor((d) => d.event === 'merchant.activated');
    story.endpoint.respondWith(500, 500);
    const payment = await createPayment(story.api, story.merchant.clientId);
    await settlePayment(target(), payment.paymentId, 'complete');
    const delivery = await deliverWithRetries(payment.paymentId, story.webhookId);
    expect(delivery.outcome).toBe('delivered');
    expect(delivery.attempts.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    const received = receiver.deliveries().filter(about('payment.completed', payment.paymentId));
    expect(received.map((d) => d.answeredStatus)).toEqual([500, 500, 200]);
    for (const d of received) expectSignedWith(d, story.secret);
    await assertFact(target(), 'inferred', 'D28: every attempt carries the same delivery id and its number', () => {
      expect(received.map((d) => d.headers['x-webhook-delivery'])).toEqual([delivery.id, delivery.id, delivery.id]);
      expect(received.map((d) => d.headers['x-webhook-attempt'])).toEqual(['1', '2', '3']);
    });
  });

  testWith('control', 'webhooks')(
    'reports an expired payment in payment.failed with status expired (D20)',
    async () => {
      const story = await startStory();
      const payment = await createPayment(story.api, story.merchant.clientId);
      await settlePayment(target(), payment.paymentId, 'expire');
      await flush();
      const delivery = await story.endpoint.waitFor(about('payment.failed', payment.paymentId));
      expectSignedWith(delivery, story.secret);
      expectVerifiedDelivery(delivery);
      expect(dataOf(delivery)).toMatchObject({
        paymentId: payment.paymentId,
        status: 'expired',
        referenceNumber: payment.referenceNumber,
      });
      await assertFact(target(), 'inferred', 'D23/D27: an expired payment reports Expired and no paidAt', () => {
        expect(dataOf(delivery)).toMatchObject({ bankPaymentStatus: 'Expired', paidAt: null });
      });
      expect((await readStatus(story.api, payment.paymentId)).status).toBe('expired');
    },
  );

  testWith('control', 'webhooks')('reports a deactivated merchant in merchant.deactivated (D14)', async () => {
    const story = await startStory();
    const res = await createControl(target()).post(`/__control/merchants/${story.merchant.merchantId}/deactivate`);
    expect(res).toMatchSpec();
    expect(res.status).toBe(200);
    await flush();
    const delivery = await story.endpoint.waitFor(
      (d) => d.event === 'merchant.deactivated' && dataOf(d).merchantId === story.merchant.merchantId,
    );
    expectSignedWith(delivery, story.secret);
    expectVerifiedDelivery(delivery);
    expect(dataOf(delivery)).toMatchObject({
      merchantId: story.merchant.merchantId,
      clientId: story.merchant.clientId,
      companyName: story.merchant.companyName,
      status: 'inactive',
    });
  });

  testWith(
    'control',
    'mock',
    'webhooks',
  )('reports a payment rejected on the pay page in payment.failed', async () => {
    const story = await startStory();
    const payment = await createPayment(story.api, story.merchant.clientId);
    expect(await submitPayPage(payment.paymentUrl, 'reject')).toBe(200);
    await flush();
    const delivery = await story.endpoint.waitFor(about('payment.failed', payment.paymentId));
    expectVerifiedDelivery(delivery);
    expect(dataOf(delivery)).toMatchObject({ paymentId: payment.paymentId, status: 'failed' });
    await assertFact(target(), 'inferred', 'D23: a rejected payment reports Rejected', () => {
      expect(dataOf(delivery).bankPaymentStatus).toBe('Rejected');
    });
    expect((await readStatus(story.api, payment.paymentId)).status).toBe('failed');
  });

  testWith('control', 'webhooks')('reports a new test merchant in merchant.activated (D13)', async () => {
    const story = await startStory();
    await flush();
    const delivery = await story.endpoint.waitFor(
      (d) => d.event === 'merchant.activated' && dataOf(d).merchantId === story.merchant.merchantId,
    );
    expectSignedWith(delivery, story.secret);
    expectVerifiedDelivery(delivery);
    expect(dataOf(delivery)).toMatchObject({ clientId: story.merchant.clientId, status: 'active' });
  });

  testWith('control', 'webhooks')('marks the webhook as triggered once it delivered (D26)', async () => {
    const story = await startStory();
    await flush();
    await story.endpoint.waitFor();
    const res = await story.api.get('/v1/partner/webhooks');
    await expectSpecResponse(target(), res, 'listWebhooks', 200);
    const webhook = (res.body as Webhook[]).find((w) => w.id === story.webhookId);
    await assertFact(target(), 'inferred', 'D26: lastTriggeredAt is set by a delivery', () => {
      expect(typeof webhook?.lastTriggeredAt).toBe('string');
    });
  });

  testWith('control', 'webhooks')('sends nothing to a paused webhook (D26)', async () => {
    const story = await startStory();
    const paused = await story.api.put(`/v1/partner/webhooks/${story.webhookId}`, {
      url: story.endpoint.url,
      events: ['payment.completed', 'payment.failed'],
      status: 'inactive',
    });
    expect(paused.status).toBe(200);
    const payment = await createPayment(story.api, story.merchant.clientId);
    await settlePayment(target(), payment.paymentId, 'complete');
    await flush();
    const res = await createControl(target()).get(
      `/__control/webhook-deliveries?paymentId=${payment.paymentId}&webhookId=${story.webhookId}`,
    );
    expect(res).toMatchSpec();
    expect((res.body as DeliveryList).total).toBe(0);
    expect(receiver.deliveries().filter(about('payment.completed', payment.paymentId))).toEqual([]);
  });
});
