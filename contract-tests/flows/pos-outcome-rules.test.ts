/**
 * A POS tested without touching it (E100-E107, mock only): the POS sends nothing but Partner API
 * calls, and the mock's rules decide. A magic amount fails on its own, the POS polls its status
 * until it is failed and then receives the signed payment.failed; a duplicate-delivery rule makes
 * the receiver get the same event twice with the same body and signature. Every rule is scoped to
 * the test's own merchant and removed afterwards, so a mock shared with other test files sees none
 * of it. The clock is moved through the control API; nothing sleeps.
 */
import { loadRulesFile } from '../../fixtures/src';
import type { components } from '../../spec/generated/control-api';
import { testWith } from '../support/capabilities';
import { createControl, type ApiClient } from '../support/client';
import { assertFact, expectSpecResponse } from '../support/provenance';
import { useTarget } from '../support/target';
import {
  expectVerifiedDelivery,
  startReceiver,
  type Delivery,
  type WebhookReceiver,
} from '../support/webhook-receiver';
import { createPayment, type PaymentStatusResponse, startWebhookStory, type WebhookStory } from '../operations/helpers';

type Rule = components['schemas']['Rule'];
type ControlPaymentDetail = components['schemas']['ControlPaymentDetail'];
type DeliveryList = components['schemas']['DeliveryList'];
type EventData = { paymentId?: number; [field: string]: unknown };

const target = useTarget();

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

/** The rules a test added, removed after it whatever happened. */
const added: string[] = [];
afterEach(async () => {
  const control = createControl(target());
  for (const id of added.splice(0)) await control.delete(`/__control/rules/${id}`);
});

type Story = WebhookStory;
const startStory = (): Promise<Story> => startWebhookStory(target(), receiver);

/** Adds a rule after the others, as a test that does not want to shadow anyone's rules would. */
async function addRule(rule: Rule): Promise<Rule> {
  const res = await createControl(target()).post('/__control/rules?position=last').send(rule);
  expect(res).toMatchSpec();
  expect(res.status).toBe(201);
  const stored = res.body as Rule;
  added.push(stored.id!);
  return stored;
}

/** The magic-amounts preset (E107), each rule narrowed to one merchant and renamed for it. */
async function addMagicAmountsFor(merchantClientId: string): Promise<void> {
  for (const rule of loadRulesFile('magic-amounts'))
    await addRule({ ...rule, id: `${rule.id}-${merchantClientId}`, when: { ...rule.when, merchantClientId } });
}

async function readStatus(api: ApiClient, paymentId: number): Promise<PaymentStatusResponse> {
  const res = await api.get(`/v1/partner/payments/${paymentId}/status`);
  await expectSpecResponse(target(), res, 'getPaymentStatus', 200);
  return res.body as PaymentStatusResponse;
}

/** As a POS does: reads the status until it is final; between reads the mock's clock moves on a second. */
async function pollUntilFinal(api: ApiClient, paymentId: number): Promise<PaymentStatusResponse[]> {
  const control = createControl(target());
  const seen: PaymentStatusResponse[] = [];
  for (let poll = 0; poll < 10; poll += 1) {
    const status = await readStatus(api, paymentId);
    seen.push(status);
    if (status.status !== 'pending') return seen;
    expect(await control.post('/__control/clock/advance').send({ seconds: 1 })).toMatchSpec();
  }
  throw new Error(`Payment ${paymentId} was still pending after 10 polls`);
}

async function flush(): Promise<void> {
  expect(await createControl(target()).post('/__control/webhook-deliveries/flush')).toMatchSpec();
}

const dataOf = (d: Delivery): EventData => (d.body as { data: EventData }).data;
const about = (event: string, paymentId: number) => (d: Delivery) =>
  d.event === event && dataOf(d).paymentId === paymentId;

describe('a POS tested without touching it: outcome rules and misbehaving webhooks (E100-E107)', () => {
  testWith(
    'mock',
    'control',
    'webhooks',
  )('a magic amount fails on its own: polled until failed, then its signed payment.failed arrives', async () => {
    const story = await startStory();
    await addMagicAmountsFor(story.merchant.clientId);
    const payment = await createPayment(story.api, story.merchant.clientId, { amount: 20.13 });
    expect(payment.status).toBe('pending');

    const polls = await pollUntilFinal(story.api, payment.paymentId);
    expect(polls.at(-1)!.status).toBe('failed');
    await assertFact(target(), 'inferred', 'D23: a rejected payment reads Rejected', () =>
      expect(polls.at(-1)!.bankPaymentStatus).toBe('Rejected'),
    );

    await flush();
    const delivery = await story.endpoint.waitFor(about('payment.failed', payment.paymentId));
    expectVerifiedDelivery(delivery);
    expect(dataOf(delivery)).toMatchObject({ paymentId: payment.paymentId, status: 'failed', amount: 20.13 });

    const explained = await createControl(target()).get(`/__control/payments/${payment.paymentId}`);
    expect(explained).toMatchSpec();
    expect((explained.body as ControlPaymentDetail).outcomeRule).toMatchObject({
      ruleId: `magic-13-rejected-${story.merchant.clientId}`,
      status: 'failed',
      reason: 'rejected',
    });
  });

  testWith(
    'mock',
    'control',
    'webhooks',
  )('a magic amount expires on its own, and another stays pending for the magic-amounts preset', async () => {
    const story = await startStory();
    await addMagicAmountsFor(story.merchant.clientId);
    const expiring = await createPayment(story.api, story.merchant.clientId, { amount: 5.3 });
    const plain = await createPayment(story.api, story.merchant.clientId, { amount: 5.31 });
    expect((await pollUntilFinal(story.api, expiring.paymentId)).at(-1)!.status).toBe('expired');
    expect((await readStatus(story.api, plain.paymentId)).status).toBe('pending');
    await flush();
    const delivery = await story.endpoint.waitFor(about('payment.failed', expiring.paymentId));
    expectVerifiedDelivery(delivery);
    expect(dataOf(delivery)).toMatchObject({ status: 'expired' });
  });

  testWith(
    'mock',
    'control',
    'webhooks',
  )(
    'a duplicate delivery is received twice with the same body and signature, and the delivery log says why',
    async () => {
      const story = await startStory();
      const rule = await addRule({
        when: { merchantClientId: story.merchant.clientId, events: ['payment.completed'] },
        outcome: { status: 'paid' },
        webhook: { duplicate: 'both' },
      });
      const payment = await createPayment(story.api, story.merchant.clientId);
      await flush();
      const isIt = about('payment.completed', payment.paymentId);
      await story.endpoint.waitFor((d) => isIt(d) && receiver.deliveries().filter(isIt).length >= 3);
      const received = receiver.deliveries().filter(isIt);
      expect(received).toHaveLength(3);
      for (const d of received) expectVerifiedDelivery(d);
      const [first, again, second] = received as [Delivery, Delivery, Delivery];
      expect(again.rawBody.equals(first.rawBody)).toBe(true);
      expect(second.rawBody.equals(first.rawBody)).toBe(true);
      expect(again.headers['x-webhook-signature']).toBe(first.headers['x-webhook-signature']);
      expect(second.headers['x-webhook-signature']).toBe(first.headers['x-webhook-signature']);
      // The same delivery twice (a lost acknowledgement), then a second delivery of the same event.
      expect(again.headers['x-webhook-delivery']).toBe(first.headers['x-webhook-delivery']);
      expect(second.headers['x-webhook-delivery']).not.toBe(first.headers['x-webhook-delivery']);

      const res = await createControl(target()).get(`/__control/webhook-deliveries?paymentId=${payment.paymentId}`);
      expect(res).toMatchSpec();
      const [copy, original] = (res.body as DeliveryList).deliveries;
      expect(original).toMatchObject({
        id: first.headers['x-webhook-delivery'],
        outcome: 'delivered',
        rule: { ruleId: rule.id, duplicate: 'both' },
      });
      expect(original!.attempts.map((a) => a.rule?.effect ?? null)).toEqual([null, 'duplicate']);
      expect(copy).toMatchObject({
        id: second.headers['x-webhook-delivery'],
        rule: { ruleId: rule.id, duplicateOf: original!.id },
      });
    },
  );

  testWith(
    'mock',
    'control',
    'webhooks',
  )('a settlement webhook delivered before the create-payment answer reaches the POS', async () => {
    const story = await startStory();
    await addMagicAmountsFor(story.merchant.clientId);
    const payment = await createPayment(story.api, story.merchant.clientId, { amount: 7.23 });
    // No flush: the answer came only after the receiver had the delivery.
    const before = receiver.deliveries().filter(about('payment.completed', payment.paymentId));
    expect(before).toHaveLength(1);
    expectVerifiedDelivery(before[0]!);
    expect(payment.status).toBe('pending'); // the documented answer, though the payment is paid (E8)
    expect((await readStatus(story.api, payment.paymentId)).status).toBe('paid');
  });
});
