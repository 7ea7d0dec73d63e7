/**
 * E105: each webhook behaviour on the dispatcher, with the manual clock, the one timeline and a
 * real receiver on 127.0.0.1 that checks every signature. Nothing here waits for real time: the
 * clock moves and `drain()` sends what became due.
 */
import { createManualClock } from '../shared/clock';
import { createTimeline, type Timeline } from '../shared/timeline';
import type { DeliveryRecord, WebhookRecord } from '../state/records';
import { createWebhookDispatcher } from './delivery-queue';
import type { DeliveryInput } from './delivery-record';
import type { DeliveryShape } from './delivery-rules';
import { createDeliveryStore } from './delivery-store';
import { createNodeHttpClient } from './http-client';
import { createWebhookListener, type WebhookListener } from './listener';
import { webhookRecord, type Cleanups } from './webhook-test-kit';

const SECRET = 'whsec_5a1d2c3b4e5f60718293a4b5';
let cleanups: Cleanups = [];

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function setup() {
  const timeline = createTimeline(createManualClock());
  const clock = timeline.clock;
  const store = createDeliveryStore();
  const http = createNodeHttpClient();
  const listener = await createWebhookListener({ secret: SECRET });
  let next = 0;
  /** `<delivery>:<attempts>:<outcome>` after each recorded attempt. */
  const outcomes: string[] = [];
  const dispatcher = createWebhookDispatcher({
    timeline,
    http,
    store,
    logger: { info() {}, warn() {} },
    retrySchedule: [1000, 2000, 4000],
    newDeliveryId: () => `dlv_${++next}`,
    onAttempt: (d) => outcomes.push(`${d.id}:${d.attempts.length}:${d.outcome}`),
  });
  cleanups.push(async () => {
    dispatcher.close();
    timeline.close();
    http.close();
    await listener.close();
  });
  const webhook = webhookRecord(listener.url, SECRET);
  /** Moves the clock and sends whatever became due, as `advanceClock` does. */
  const advance = async (ms: number) => {
    timeline.advance(ms);
    await dispatcher.drain();
  };
  return { clock, timeline, store, dispatcher, listener, webhook, advance, outcomes };
}

function event(
  webhook: WebhookRecord,
  type: 'payment.completed' | 'payment.failed',
  paymentId: number,
  shape?: DeliveryShape,
): DeliveryInput {
  return {
    partnerId: 1,
    webhook,
    event: type,
    timestamp: '2026-03-18T12:00:00.000Z',
    paymentId,
    merchantId: 42,
    data: { paymentId, status: type === 'payment.completed' ? 'paid' : 'failed' },
    ...(shape && { shape }),
  };
}

/** A dispatcher whose receiver never answers, with room for `maxPending` waiting deliveries. */
function unansweredDispatcher(timeline: Timeline, maxPending: number) {
  const store = createDeliveryStore();
  const dispatcher = createWebhookDispatcher({
    timeline,
    http: { post: () => new Promise(() => {}) },
    store,
    logger: { info() {}, warn() {} },
    newDeliveryId: () => `dlv_${store.all().length + 1}`,
    maxPending,
  });
  cleanups.push(() => dispatcher.close());
  return dispatcher;
}

/** The setup, with payment 7's payment.completed queued as `shape` says and what was due sent. */
async function sent(shape: DeliveryShape) {
  const ctx = await setup();
  const delivery = ctx.dispatcher.enqueue(event(ctx.webhook, 'payment.completed', 7, shape));
  await ctx.dispatcher.drain();
  return { ...ctx, delivery };
}

const ids = (listener: WebhookListener) => listener.received.map((d) => [d.deliveryId, d.attempt]);

describe('E105 duplicate', () => {
  test('same-id: the same request twice, with one delivery id, body and signature; pending until both went out', async () => {
    const { dispatcher, listener, webhook, store, outcomes } = await setup();
    const delivery = dispatcher.enqueue(
      event(webhook, 'payment.completed', 7, { ruleId: 'twice', duplicate: 'same-id' }),
    );
    await dispatcher.drain();
    expect(outcomes).toEqual(['dlv_1:1:pending', 'dlv_1:2:delivered']);
    expect(ids(listener)).toEqual([
      ['dlv_1', 1],
      ['dlv_1', 2],
    ]);
    const [first, second] = listener.received;
    expect(second!.rawBody).toBe(first!.rawBody);
    expect(second!.headers['x-webhook-signature']).toBe(first!.headers['x-webhook-signature']);
    expect(listener.received.map((d) => d.signature)).toEqual(['verified', 'verified']);
    const logged = store.get(delivery.id)!;
    expect(logged.outcome).toBe('delivered');
    expect(logged.attempts.map((a) => [a.statusCode, a.rule])).toEqual([
      [200, undefined],
      [200, { ruleId: 'twice', effect: 'duplicate' }],
    ]);
    expect(logged.rule).toMatchObject({ ruleId: 'twice', duplicate: 'same-id' });
    expect(logged.rule!.notes).toEqual([
      'delivered; the same request goes again with the same delivery id (duplicate)',
      'attempt 2 sent the same request again (duplicate)',
    ]);
  });

  test('new-id: a second delivery of the same event, with its own id and the same body and signature', async () => {
    const { listener, store } = await sent({ ruleId: 'twice', duplicate: 'new-id' });
    expect(ids(listener)).toEqual([
      ['dlv_1', 1],
      ['dlv_2', 1],
    ]);
    expect(listener.received[1]!.rawBody).toBe(listener.received[0]!.rawBody);
    expect(listener.received[1]!.headers['x-webhook-signature']).toBe(
      listener.received[0]!.headers['x-webhook-signature'],
    );
    expect(store.get('dlv_2')!.rule).toEqual({
      ruleId: 'twice',
      duplicateOf: 'dlv_1',
      notes: ['a second delivery of the same event as dlv_1 (duplicate new-id)'],
    });
    expect(store.get('dlv_1')!.rule!.notes).toEqual([
      'a second delivery of the same event was queued: dlv_2 (duplicate)',
    ]);
  });

  test('both: twice with the same id, then a second delivery; nothing is sent a fourth time', async () => {
    const { listener } = await sent({ ruleId: 'twice', duplicate: 'both' });
    expect(ids(listener)).toEqual([
      ['dlv_1', 1],
      ['dlv_1', 2],
      ['dlv_2', 1],
    ]);
    expect(new Set(listener.received.map((d) => d.headers['x-webhook-signature'])).size).toBe(1);
  });

  test('a repeat the receiver refuses is recorded and not retried: the delivery went through before', async () => {
    const { dispatcher, listener, webhook, store, outcomes } = await setup();
    dispatcher.enqueue(event(webhook, 'payment.completed', 7, { ruleId: 'twice', duplicate: 'same-id' }));
    await listener.waitFor(() => true);
    listener.setRespondStatus(500);
    await dispatcher.drain();
    expect(store.get('dlv_1')!.attempts.map((a) => a.statusCode)).toEqual([200, 500]);
    expect(outcomes).toEqual(['dlv_1:1:pending', 'dlv_1:2:delivered']);
    expect(dispatcher.pendingCount()).toBe(0);
  });

  test('a delivery that never gets through is not duplicated', async () => {
    const { dispatcher, listener, webhook, store, advance } = await setup();
    listener.setRespondStatus(500);
    dispatcher.enqueue(event(webhook, 'payment.completed', 7, { ruleId: 'twice', duplicate: 'both' }));
    await dispatcher.drain();
    await advance(1000);
    await advance(2000);
    await advance(4000);
    expect(store.get('dlv_1')!.outcome).toBe('failed');
    expect(ids(listener)).toEqual([
      ['dlv_1', 1],
      ['dlv_1', 2],
      ['dlv_1', 3],
      ['dlv_1', 4],
    ]);
  });
});

describe('E105 delay', () => {
  test('the first attempt waits for the clock to reach the delay', async () => {
    const { dispatcher, listener, store, advance, delivery } = await sent({ ruleId: 'late', delayMs: 30_000 });
    expect(listener.received).toEqual([]);
    expect(store.get(delivery.id)).toMatchObject({ outcome: 'pending', nextAttemptAt: '2026-03-18T12:00:30.000Z' });
    expect(dispatcher.pendingCount()).toBe(1);
    await advance(29_999);
    expect(listener.received).toEqual([]);
    await advance(1);
    expect(ids(listener)).toEqual([['dlv_1', 1]]);
    expect(store.get(delivery.id)!.rule!.notes).toEqual(['first attempt 30 s late (delay)']);
  });
});

describe('E105 dropFirst', () => {
  test('the first N attempts are recorded, not sent, and the retry schedule brings the next', async () => {
    const { listener, store, advance, delivery } = await sent({ ruleId: 'drop', dropFirst: 2 });
    expect(listener.received).toEqual([]);
    await advance(1000);
    expect(listener.received).toEqual([]);
    await advance(2000);
    expect(ids(listener)).toEqual([['dlv_1', 3]]);
    expect(listener.received[0]!.signature).toBe('verified');
    const logged = store.get(delivery.id)!;
    expect(logged.outcome).toBe('delivered');
    expect(logged.attempts.map((a) => [a.attempt, a.statusCode, a.rule?.effect ?? null])).toEqual([
      [1, null, 'dropped'],
      [2, null, 'dropped'],
      [3, 200, null],
    ]);
    expect(logged.attempts[0]!.error).toBe('not sent: rule drop drops the first 2 attempts');
  });

  test('with more drops than attempts the delivery fails, never sent', async () => {
    const { listener, store, advance } = await sent({ ruleId: 'drop', dropFirst: 10 });
    for (const ms of [1000, 2000, 4000]) await advance(ms);
    expect(listener.received).toEqual([]);
    expect(store.get('dlv_1')).toMatchObject({ outcome: 'failed' });
    expect(store.get('dlv_1')!.attempts).toHaveLength(4);
  });
});

describe('E105 outOfOrder', () => {
  test('payment.completed waits until a later event of the merchant went out, then follows it', async () => {
    const {
      dispatcher,
      listener,
      webhook,
      store,
      delivery: completed,
    } = await sent({ ruleId: 'ooo', outOfOrder: true });
    expect(listener.received).toEqual([]);
    expect(dispatcher.pendingCount()).toBe(1);
    const failed = dispatcher.enqueue(event(webhook, 'payment.failed', 8));
    await dispatcher.drain();
    expect(listener.received.map((d) => [d.event, d.deliveryId])).toEqual([
      ['payment.failed', failed.id],
      ['payment.completed', completed.id],
    ]);
    expect(store.get(completed.id)!.rule).toMatchObject({ releasedBy: failed.id, outOfOrder: true });
    expect(store.get(completed.id)!.rule!.notes).toEqual([
      'held until a later event of merchant 42 goes out to this webhook, at the latest 2026-03-18T12:10:00.000Z (outOfOrder)',
      `released by ${failed.id}, a later event of the merchant that went out (outOfOrder)`,
    ]);
  });

  test('an event of another merchant, or one made before it, does not release it; time does', async () => {
    const { dispatcher, listener, webhook, store, advance } = await setup();
    const earlier = dispatcher.enqueue(event(webhook, 'payment.failed', 6));
    const completed = dispatcher.enqueue(
      event(webhook, 'payment.completed', 7, { ruleId: 'ooo', outOfOrder: true, delayMs: 60_000 }),
    );
    dispatcher.enqueue({ ...event(webhook, 'payment.failed', 9), merchantId: 43 });
    await dispatcher.drain();
    expect(listener.received.map((d) => d.deliveryId)).toEqual([earlier.id, 'dlv_3']);
    await advance(59_999);
    expect(listener.received).toHaveLength(2);
    await advance(1);
    expect(listener.received.map((d) => d.deliveryId)).toEqual([earlier.id, 'dlv_3', completed.id]);
    expect(store.get(completed.id)!.rule).toMatchObject({ releasedBy: null });
    expect(store.get(completed.id)!.rule!.notes.at(-1)).toBe(
      'released: no later event of the merchant went out in time (outOfOrder)',
    );
  });

  test('a held payment.failed is not a thing: only payment.completed waits', async () => {
    const { dispatcher, listener, webhook } = await setup();
    dispatcher.enqueue(event(webhook, 'payment.failed', 7, { ruleId: 'ooo', outOfOrder: true }));
    await dispatcher.drain();
    expect(listener.received).toHaveLength(1);
  });

  test('a reset forgets held deliveries and their timers', async () => {
    const { dispatcher, listener, webhook, timeline, advance } = await setup();
    dispatcher.enqueue(event(webhook, 'payment.completed', 7, { ruleId: 'ooo', outOfOrder: true }));
    expect(timeline.size()).toBe(1);
    dispatcher.reset();
    expect(timeline.size()).toBe(0);
    expect(dispatcher.pendingCount()).toBe(0);
    await advance(600_000);
    expect(listener.received).toEqual([]);
  });
});

describe('E105 beforeResponse', () => {
  test('onFirstAttempt is called once the first attempt ended, after the receiver got it', async () => {
    const { dispatcher, listener, webhook, store } = await setup();
    let receivedThen = -1;
    const first = new Promise<void>((resolve) => {
      dispatcher.enqueue(event(webhook, 'payment.completed', 7, { ruleId: 'br', beforeResponse: true }), {
        onFirstAttempt: () => {
          receivedThen = listener.received.length;
          resolve();
        },
      });
    });
    await first;
    expect(receivedThen).toBe(1);
    expect(store.get('dlv_1')!.rule!.notes).toEqual([
      'the create-payment answer waits for the first attempt (beforeResponse)',
      'the first attempt ended before the create-payment answer was written',
    ]);
  });

  test('without an answer waiting, the log says the rule had nothing to precede', async () => {
    const { store } = await sent({ ruleId: 'br', beforeResponse: true });
    expect(store.get('dlv_1')!.rule!.notes).toEqual([
      'no answer to precede: the payment was not settled in its create request (beforeResponse)',
    ]);
  });

  test('a delivery refused because the queue is full still lets the answer go', async () => {
    const { timeline, webhook } = await setup();
    const dispatcher = unansweredDispatcher(timeline, 0);
    let called = false;
    const refused: DeliveryRecord = dispatcher.enqueue(
      event(webhook, 'payment.completed', 7, { ruleId: 'br', beforeResponse: true }),
      { onFirstAttempt: () => (called = true) },
    );
    expect(called).toBe(true);
    expect(refused.outcome).toBe('failed');
  });

  test('held deliveries count against the pending cap (E36)', async () => {
    const { timeline, webhook } = await setup();
    const dispatcher = unansweredDispatcher(timeline, 2);
    const held = [7, 8].map((id) =>
      dispatcher.enqueue(event(webhook, 'payment.completed', id, { ruleId: 'ooo', outOfOrder: true })),
    );
    const third = dispatcher.enqueue(event(webhook, 'payment.completed', 9, { ruleId: 'ooo', outOfOrder: true }));
    expect(held.map((d) => d.outcome)).toEqual(['pending', 'pending']);
    expect(third.outcome).toBe('failed');
    expect(third.attempts[0]?.error).toBe('not sent: 2 deliveries are already waiting for an attempt');
  });
});
