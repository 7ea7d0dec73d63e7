/**
 * E105, E106: webhook behaviour rules through the whole mock: matched by event, merchant and the
 * payment's fields in the fan-out, the create-payment answer held for `beforeResponse`, and the
 * delivery log (checked against the spec by the mock's response validation) saying why.
 */
import { buildPaymentCreateRequest } from '../../fixtures/src';
import type { components } from '../../spec/generated/control-api';
import type { WebhookHttpClient } from '../src/webhooks';
import { addActiveMerchant, createTestApp, defaultPartnerId, type TestApp } from './helpers';
import { ALL_EVENTS, advanceSeconds, expectedSignature, flush, startReceiver, type Receiver } from './control-helpers';

type Delivery = components['schemas']['DeliveryDetail'];
type DeliveryList = components['schemas']['DeliveryList'];

let t: TestApp;
let receiver: Receiver | undefined;

afterEach(async () => {
  t.deps.dispatcher.close();
  t.deps.timeline.close();
  await receiver?.listener.close();
  receiver = undefined;
});

async function rule(body: object): Promise<void> {
  const res = await t.api.post('/__control/rules?position=last').send(body);
  if (res.status !== 201) throw new Error(`addRule answered ${res.status}: ${JSON.stringify(res.body)}`);
}

function createPayment(merchantClientId: string, amount: number) {
  return t.api.post('/v1/partner/payments').set(t.auth).send(buildPaymentCreateRequest({ merchantClientId, amount }));
}

async function deliveriesOf(paymentId: number): Promise<Delivery[]> {
  const res = await t.api.get(`/__control/webhook-deliveries?paymentId=${paymentId}`);
  expect(res.status).toBe(200);
  return (res.body as DeliveryList).deliveries.reverse() as Delivery[];
}

describe('E105 beforeResponse through the create request', () => {
  test('the create answer is written only after the settlement webhook was answered', async () => {
    // A receiver that answers only when the test says so: the create request must wait for it.
    const order: string[] = [];
    let answer: () => void = () => {};
    const http: WebhookHttpClient = {
      post: (_url, body) => {
        order.push(`webhook ${(JSON.parse(body) as { event: string }).event}`);
        return new Promise((resolve) => (answer = () => resolve({ statusCode: 200, bodySnippet: 'ok' })));
      },
    };
    t = createTestApp({}, { http });
    const merchant = addActiveMerchant(t.deps, defaultPartnerId(t.deps));
    await t.api
      .post('/v1/partner/webhooks')
      .set(t.auth)
      .send({ url: 'http://127.0.0.1:9/hooks', events: ['payment.completed'] })
      .expect(201);
    await rule({ when: { amount: '*.23' }, outcome: { status: 'paid' }, webhook: { beforeResponse: true } });
    let answered = false;
    const created = createPayment(merchant.clientId, 7.23).then((res) => {
      answered = true;
      order.push(`answer ${res.status}`);
      return res;
    });
    // Until the attempt is made, and then for a few turns of the event loop: no answer meanwhile.
    while (order.length === 0) await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    answer();
    const res = await created;
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending' });
    expect(order).toEqual(['webhook payment.completed', 'answer 201']);
  });

  test('with a real receiver: it holds the delivery as soon as the create answer arrives', async () => {
    t = createTestApp();
    const merchant = addActiveMerchant(t.deps, defaultPartnerId(t.deps));
    receiver = await startReceiver(t, ['payment.completed']);
    await rule({ when: { amount: '*.23' }, outcome: { status: 'paid' }, webhook: { beforeResponse: true } });
    const res = await createPayment(merchant.clientId, 7.23);
    expect(res.status).toBe(201);
    expect(receiver.listener.received.map((d) => d.event)).toEqual(['payment.completed']);
    const [delivery] = await deliveriesOf((res.body as { paymentId: number }).paymentId);
    expect(delivery!.rule).toMatchObject({
      beforeResponse: true,
      notes: expect.arrayContaining([
        'the first attempt ended before the create-payment answer was written',
      ]) as string[],
    });
  });

  test('a payment settled later has no answer to precede, and the log says so', async () => {
    t = createTestApp();
    const merchant = addActiveMerchant(t.deps, defaultPartnerId(t.deps));
    receiver = await startReceiver(t, ['payment.completed']);
    await rule({ when: {}, outcome: { status: 'paid', after: '1s' }, webhook: { beforeResponse: true } });
    const res = await createPayment(merchant.clientId, 10);
    await advanceSeconds(t, 1);
    await flush(t);
    const [delivery] = await deliveriesOf((res.body as { paymentId: number }).paymentId);
    expect(delivery!.rule!.notes).toEqual([
      'no answer to precede: the payment was not settled in its create request (beforeResponse)',
    ]);
    expect(delivery!.outcome).toBe('delivered');
  });
});

describe('E105 matching deliveries in the fan-out', () => {
  beforeEach(async () => {
    t = createTestApp();
    receiver = await startReceiver(t, ALL_EVENTS);
  });

  test('by event and payment fields; merchant events match no rule that names a payment field', async () => {
    const partnerId = defaultPartnerId(t.deps);
    const merchant = addActiveMerchant(t.deps, partnerId);
    await rule({
      when: { amount: '*.24', events: ['payment.completed'] },
      outcome: { status: 'paid' },
      webhook: { dropFirst: 1 },
    });
    await rule({ when: { merchantClientId: merchant.clientId }, webhook: { delay: '5s' } });
    const paid = await createPayment(merchant.clientId, 3.24); // paid at once, first attempt dropped
    const plain = await createPayment(merchant.clientId, 3.25); // pending; failed below → delayed 5 s
    const plainId = (plain.body as { paymentId: number }).paymentId;
    await t.api.post(`/__control/payments/${plainId}/fail`).expect(200);
    await t.api.post(`/__control/merchants/${merchant.id}/deactivate`).expect(200); // merchant event, delayed 5 s
    await flush(t);
    expect(receiver!.listener.received).toEqual([]);

    const [dropped] = await deliveriesOf((paid.body as { paymentId: number }).paymentId);
    expect(dropped).toMatchObject({
      outcome: 'pending',
      rule: { ruleId: 'rule-1', dropFirst: 1 },
      attempts: [expect.objectContaining({ statusCode: null, rule: { ruleId: 'rule-1', effect: 'dropped' } })],
    });
    const [late] = await deliveriesOf(plainId);
    expect(late).toMatchObject({
      rule: { ruleId: 'rule-2', delayMs: 5000 },
      nextAttemptAt: '2026-03-18T12:00:05.000Z',
    });
    const merchantDeliveries = (
      await t.api.get(`/__control/webhook-deliveries?merchantId=${merchant.id}&event=merchant.deactivated`)
    ).body as DeliveryList;
    expect(merchantDeliveries.deliveries[0]!.rule).toMatchObject({ ruleId: 'rule-2' });

    await advanceSeconds(t, 1);
    await flush(t);
    expect(receiver!.listener.received.map((d) => [d.event, d.attempt])).toEqual([['payment.completed', 2]]);
    await advanceSeconds(t, 4);
    await flush(t);
    expect(receiver!.listener.received.map((d) => d.event).sort()).toEqual([
      'merchant.deactivated',
      'payment.completed',
      'payment.failed',
    ]);
    for (const d of receiver!.listener.received)
      expect(d.headers['x-webhook-signature']).toBe(expectedSignature(d.rawBody, receiver!.secret));
  });

  test('getDelivery shows the rule and the redelivery of a shaped delivery is a plain one', async () => {
    const merchant = addActiveMerchant(t.deps, defaultPartnerId(t.deps));
    await rule({ when: {}, outcome: { status: 'paid' }, webhook: { duplicate: 'same-id' } });
    const created = await createPayment(merchant.clientId, 12);
    await flush(t);
    const [delivery] = await deliveriesOf((created.body as { paymentId: number }).paymentId);
    const detail = (await t.api.get(`/__control/webhook-deliveries/${delivery!.id}`)).body as Delivery;
    expect(detail.rule).toMatchObject({ ruleId: 'rule-1', duplicate: 'same-id' });
    expect(detail.attempts.map((a) => a.rule?.effect ?? null)).toEqual([null, 'duplicate']);
    const again = await t.api.post(`/__control/webhook-deliveries/${delivery!.id}/redeliver`);
    expect(again.status).toBe(202);
    expect((again.body as Delivery).rule).toBeUndefined();
  });
});
