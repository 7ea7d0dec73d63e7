import { createHmac } from 'node:crypto';
import type http from 'node:http';
import { PAYMENT_COMPLETED_EXAMPLE } from '../../../fixtures/src/webhook-example';
import { createManualClock } from '../shared/clock';
import { createTimeline } from '../shared/timeline';
import type { WebhookRecord } from '../state/records';
import { createWebhookDispatcher, type DispatcherDeps } from './delivery-queue';
import type { DeliveryInput } from './delivery-record';
import { createDeliveryStore } from './delivery-store';
import { createNodeHttpClient } from './http-client';
import { createWebhookListener } from './listener';
import { closedLoopbackPort as closedPort, serveOnLoopback, webhookRecord, type Cleanups } from './webhook-test-kit';

const SECRET = 'whsec_0f1e2d3c4b5a69788796a5b4';
let cleanups: Cleanups = [];

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

const webhookFor = (url: string, id = 1): WebhookRecord => webhookRecord(url, SECRET, id);

/** The guide's payment.completed event, delivered to `webhook`. */
function paymentCompleted(webhook: WebhookRecord, extra: Partial<DeliveryInput> = {}): DeliveryInput {
  const { event, timestamp, data } = PAYMENT_COMPLETED_EXAMPLE;
  return { partnerId: 1, webhook, event, timestamp, paymentId: data.paymentId, data, ...extra };
}

function setup(overrides: Partial<DispatcherDeps> = {}) {
  const timeline = createTimeline(createManualClock());
  const clock = timeline.clock;
  const store = createDeliveryStore();
  const client = createNodeHttpClient();
  const logs: Array<{ level: string; obj: object; msg?: string }> = [];
  const attemptsSeen: number[] = [];
  let next = 0;
  const dispatcher = createWebhookDispatcher({
    timeline,
    http: client,
    store,
    logger: {
      info: (obj, msg) => logs.push({ level: 'info', obj, msg }),
      warn: (obj, msg) => logs.push({ level: 'warn', obj, msg }),
    },
    retrySchedule: [1000, 2000],
    newDeliveryId: () => `dlv_${++next}`,
    onAttempt: (d) => attemptsSeen.push(d.attempts.length),
    ...overrides,
  });
  cleanups.push(() => {
    dispatcher.close();
    timeline.close();
    client.close();
  });
  return { clock, store, dispatcher, logs, attemptsSeen };
}

/** The setup, with the example event queued to a verifying listener and sent. */
async function sentToListener() {
  const listener = await createWebhookListener({ secret: SECRET });
  cleanups.push(() => listener.close());
  const ctx = setup();
  const delivery = ctx.dispatcher.enqueue(paymentCompleted(webhookFor(listener.url)));
  await ctx.dispatcher.drain();
  return { ...ctx, listener, delivery };
}

interface ScriptedReceiver {
  url: string;
  requests: Array<{ headers: http.IncomingHttpHeaders; body: string }>;
  /** Resolves when `count` requests have arrived. */
  arrived(count: number): Promise<void>;
  /** Cuts every open connection, which ends hanging requests with an error. */
  dropConnections(): void;
}

/** Answers each request with the next status of `statuses` (the last one repeats); 'hang' never answers. */
async function startReceiver(statuses: Array<number | 'hang'>): Promise<ScriptedReceiver> {
  const requests: ScriptedReceiver['requests'] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const { server, url } = await serveOnLoopback((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = statuses[Math.min(requests.length, statuses.length) - 1]!;
      if (status !== 'hang') res.writeHead(status).end(`answer ${requests.length}`);
      for (const w of waiters.filter((w) => requests.length >= w.count)) w.resolve();
    });
  }, cleanups);
  return {
    url,
    requests,
    arrived: (count) =>
      requests.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    dropConnections: () => server.closeAllConnections(),
  };
}

describe('webhook dispatcher', () => {
  test('delivers the signed envelope with the documented headers', async () => {
    const { listener, store, delivery } = await sentToListener();

    const [received] = listener.received;
    expect(received?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'acountpay-mock-webhooks/1',
      'x-webhook-event': 'payment.completed',
      'x-webhook-delivery': delivery.id,
      'x-webhook-attempt': '1',
    });
    const expected = createHmac('sha256', SECRET).update(Buffer.from(received!.rawBody, 'utf8')).digest('hex');
    expect(received?.headers['x-webhook-signature']).toBe(expected);
    expect(received?.rawBody).toBe(delivery.body);
    expect(JSON.parse(received!.rawBody)).toEqual({
      event: 'payment.completed',
      timestamp: '2026-03-18T12:01:30.000Z',
      data: expect.objectContaining({ paymentId: 456, referenceNumber: 'ORDER-123' }) as unknown,
    });
    expect(received?.signature).toBe('verified');
    expect(received?.schemaErrors).toEqual([]);
    expect(store.get(delivery.id)).toMatchObject({
      outcome: 'delivered',
      nextAttemptAt: null,
      attempts: [{ attempt: 1, statusCode: 200, error: null, responseSnippet: '{"received":true}' }],
    });
  });

  test('does not send before enqueue returns', async () => {
    const receiver = await startReceiver([200]);
    const { dispatcher } = setup();
    dispatcher.enqueue(paymentCompleted(webhookFor(receiver.url)));
    expect(receiver.requests).toHaveLength(0);
    expect(dispatcher.pendingCount()).toBe(1);
    await dispatcher.drain();
    expect(dispatcher.pendingCount()).toBe(0);
  });

  test('retries on the schedule by the clock until the receiver answers 2xx', async () => {
    const receiver = await startReceiver([500, 503, 204]);
    const { dispatcher, store, clock, attemptsSeen } = setup();
    const { id } = dispatcher.enqueue(paymentCompleted(webhookFor(receiver.url)));

    await dispatcher.drain();
    expect(store.get(id)).toMatchObject({ outcome: 'pending', nextAttemptAt: '2026-03-18T12:00:01.000Z' });

    clock.advance(999);
    await dispatcher.drain();
    expect(receiver.requests).toHaveLength(1);

    clock.advance(1);
    await dispatcher.drain();
    clock.advance(2000);
    await dispatcher.drain();

    const delivery = store.get(id)!;
    expect(delivery.outcome).toBe('delivered');
    expect(delivery.attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 503],
      [3, 204],
    ]);
    expect(delivery.attempts[0]).toMatchObject({ error: 'status 500 is not 2xx', responseSnippet: 'answer 1' });
    expect(receiver.requests.map((r) => r.headers['x-webhook-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(receiver.requests.map((r) => r.headers['x-webhook-delivery']))).toEqual(new Set([id]));
    expect(new Set(receiver.requests.map((r) => r.body)).size).toBe(1);
    expect(attemptsSeen).toEqual([1, 2, 3]);
  });

  test('marks the delivery failed after the last scheduled attempt', async () => {
    const receiver = await startReceiver([500]);
    const { dispatcher, store, clock, logs } = setup();
    const { id } = dispatcher.enqueue(paymentCompleted(webhookFor(receiver.url)));

    await dispatcher.drain();
    for (const delay of [1000, 2000, 60_000]) {
      clock.advance(delay);
      await dispatcher.drain();
    }

    expect(store.get(id)).toMatchObject({ outcome: 'failed', nextAttemptAt: null });
    expect(store.get(id)?.attempts).toHaveLength(3);
    expect(receiver.requests).toHaveLength(3);
    expect(logs.map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'webhook attempt failed; will retry'],
      ['warn', 'webhook attempt failed; will retry'],
      ['warn', 'webhook delivery failed'],
    ]);
    expect(JSON.stringify(logs)).not.toContain(SECRET);
  });

  test('records a timeout when the receiver never answers', async () => {
    const receiver = await startReceiver(['hang']);
    const { dispatcher, store } = setup({ timeoutMs: 200, retrySchedule: [] });
    const { id } = dispatcher.enqueue(paymentCompleted(webhookFor(receiver.url)));

    await dispatcher.drain();

    expect(store.get(id)).toMatchObject({
      outcome: 'failed',
      attempts: [{ attempt: 1, statusCode: null, error: 'timeout after 200 ms', responseSnippet: null }],
    });
  });

  test('delivers to another endpoint while a receiver hangs', async () => {
    const hanging = await startReceiver(['hang', 'hang', 200]);
    const listener = await createWebhookListener({ secret: SECRET });
    cleanups.push(() => listener.close());
    // Fewer slots than hanging deliveries: the per-endpoint cap must leave room for others.
    const { dispatcher, store } = setup({ timeoutMs: 60_000, retrySchedule: [], maxConcurrency: 4, maxPerEndpoint: 2 });
    const stuck = [1, 2, 3, 4, 5].map(() => dispatcher.enqueue(paymentCompleted(webhookFor(hanging.url, 1))));
    const healthy = dispatcher.enqueue(paymentCompleted(webhookFor(listener.url, 2)));

    await listener.waitFor((d) => d.deliveryId === healthy.id);
    await hanging.arrived(2);

    expect(stuck.map((d) => store.get(d.id)?.attempts.length)).toEqual([0, 0, 0, 0, 0]);
    expect(hanging.requests).toHaveLength(2);

    hanging.dropConnections();
    await dispatcher.drain();
    expect(store.get(healthy.id)?.outcome).toBe('delivered');
    expect(stuck.map((d) => store.get(d.id)?.outcome)).toEqual([
      'failed',
      'failed',
      'delivered',
      'delivered',
      'delivered',
    ]);
    expect(store.get(stuck[0]!.id)?.attempts[0]?.error).toMatch(/ECONNRESET|closed/);
  });

  test('records connection refused as the error', async () => {
    const port = await closedPort();
    const { dispatcher, store } = setup({ retrySchedule: [] });
    const { id } = dispatcher.enqueue(paymentCompleted(webhookFor(`http://127.0.0.1:${port}/hooks`)));

    await dispatcher.drain();

    expect(store.get(id)?.outcome).toBe('failed');
    expect(store.get(id)?.attempts[0]?.error).toBe(`ECONNREFUSED 127.0.0.1:${port}`);
  });

  test('redelivers as a new delivery with a new id and the same body', async () => {
    const { listener, dispatcher, store, delivery: original } = await sentToListener();

    const again = dispatcher.redeliver(original.id);
    await dispatcher.drain();

    expect(again?.id).not.toBe(original.id);
    expect(store.get(again!.id)).toMatchObject({ body: original.body, event: original.event, outcome: 'delivered' });
    const received = await listener.waitFor((d) => d.deliveryId === again?.id);
    expect(received).toMatchObject({ rawBody: original.body, attempt: 1, signature: 'verified' });
    expect(store.get(original.id)?.attempts).toHaveLength(1);
  });

  test('answers undefined when redelivering an unknown delivery', () => {
    const { dispatcher } = setup();
    expect(dispatcher.redeliver('dlv_missing')).toBeUndefined();
  });

  test('sendOnce resolves after one attempt and never retries', async () => {
    const receiver = await startReceiver([500]);
    const { dispatcher, store, clock } = setup();

    const result = await dispatcher.sendOnce(paymentCompleted(webhookFor(receiver.url), { test: true }));
    clock.advance(10_000);
    await dispatcher.drain();

    expect(result).toMatchObject({ outcome: 'failed', test: true, nextAttemptAt: null });
    expect(result.attempts).toEqual([expect.objectContaining({ statusCode: 500 })]);
    expect((JSON.parse(result.body) as { data: { test?: boolean } }).data.test).toBe(true);
    expect(receiver.requests).toHaveLength(1);
    expect(store.get(result.id)).toBe(result);
  });

  test('drops waiting retries on reset', async () => {
    const receiver = await startReceiver([500]);
    const { dispatcher, clock } = setup();
    dispatcher.enqueue(paymentCompleted(webhookFor(receiver.url)));
    await dispatcher.drain();

    dispatcher.reset();
    clock.advance(5000);
    await dispatcher.drain();

    expect(receiver.requests).toHaveLength(1);
    expect(dispatcher.pendingCount()).toBe(0);
  });

  test('rejects a retry schedule with negative delays', () => {
    const { dispatcher } = setup();
    expect(() => dispatcher.setRetrySchedule([1000, -1])).toThrow(RangeError);
    dispatcher.setRetrySchedule([5]);
    expect(dispatcher.retrySchedule()).toEqual([5]);
  });
});

describe('pending cap (E36)', () => {
  test('beyond maxPending a new delivery is recorded failed at once, unsent, with the reason', async () => {
    const receiver = await startReceiver(['hang']);
    const { dispatcher, store } = setup({ maxPending: 3 });
    const webhook = webhookFor(receiver.url);
    const queued = [1, 2, 3].map(() => dispatcher.enqueue(paymentCompleted(webhook)));
    const refused = dispatcher.enqueue(paymentCompleted(webhook));
    const once = await dispatcher.sendOnce(paymentCompleted(webhook));
    expect(queued.map((d) => d.outcome)).toEqual(['pending', 'pending', 'pending']);
    for (const d of [refused, once]) {
      expect(d.outcome).toBe('failed');
      expect(d.attempts).toEqual([
        expect.objectContaining({
          attempt: 1,
          statusCode: null,
          error: 'not sent: 3 deliveries are already waiting for an attempt',
        }),
      ]);
      expect(store.get(d.id)).toBe(d);
    }
    expect(dispatcher.redeliver(queued[0]!.id)?.outcome).toBe('failed');
    expect(dispatcher.pendingCount()).toBe(3);
    await receiver.arrived(3);
    expect(receiver.requests).toHaveLength(3);
    dispatcher.reset();
    receiver.dropConnections();
  });
});
