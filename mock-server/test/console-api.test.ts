/**
 * The control operations behind the QA console (E70–E74) on a real port: the event stream in both
 * its forms, its limits and its end, a journal entry in full with secrets masked, a delivery's
 * headers, the test receiver, and the console's own files.
 */
import http from 'node:http';
import { createHmac } from 'node:crypto';
import { LIVE_DEFAULTS } from '../src/control/live-events';
import type { MockServer } from '../src/server';
import { createNodeHttpClient } from '../src/webhooks';
import { authHeaders, startTestServer } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads the JSON it asserts on
type Json = any;

let mock: MockServer;
let auth: Record<string, string>;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${mock.url}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, body: type.includes('json') ? JSON.parse(text) : text };
}

async function testMerchantAndPayment() {
  const merchant = await call('POST', '/v1/partner/merchants/test', { companyName: 'Console Café ApS' }, auth);
  const payment = await call(
    'POST',
    '/v1/partner/payments',
    { merchantClientId: merchant.body.clientId, amount: 149.5, referenceNumber: 'ORDER-1' },
    auth,
  );
  expect(payment.status).toBe(201);
  return { merchant: merchant.body, paymentId: payment.body.paymentId as number };
}

/** An open event stream that collects parsed frames; `next(pred)` waits for a matching one. */
interface Stream {
  res: http.IncomingMessage;
  frames: { event: string; id?: string; data: Json }[];
  next(pred: (f: Stream['frames'][number]) => boolean): Promise<Stream['frames'][number]>;
  close(): void;
}

function openStream(headers: Record<string, string> = {}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${mock.url}/__control/events`, { headers: { Accept: 'text/event-stream', ...headers } });
    req.on('error', reject);
    req.on('response', (res) => {
      const frames: Stream['frames'] = [];
      const waiting: { pred: (f: Stream['frames'][number]) => boolean; done: (f: Stream['frames'][number]) => void }[] =
        [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const frame: Stream['frames'][number] = { event: 'message', data: undefined };
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) frame.event = line.slice(7);
            else if (line.startsWith('id: ')) frame.id = line.slice(4);
            else if (line.startsWith('data: ')) frame.data = JSON.parse(line.slice(6));
          }
          if (frame.data === undefined) continue; // retry: and comments
          frames.push(frame);
          for (const w of [...waiting])
            if (w.pred(frame)) {
              waiting.splice(waiting.indexOf(w), 1);
              w.done(frame);
            }
        }
      });
      resolve({
        res,
        frames,
        next: (pred) => {
          const found = frames.find(pred);
          return found ? Promise.resolve(found) : new Promise((done) => waiting.push({ pred, done }));
        },
        close: () => req.destroy(),
      });
    });
  });
}

/** Waits (without a timer of its own) until `check` holds; the test timeout bounds it. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setImmediate(resolve));
}

beforeEach(async () => {
  mock = await startTestServer({}, { http: createNodeHttpClient() });
  auth = authHeaders(mock.clientId, mock.clientSecret);
});

afterEach(async () => {
  await mock.close();
});

describe('GET /__control/events without a stream (E71)', () => {
  test('answers the kept events as JSON for */*, and only those after Last-Event-ID', async () => {
    const { paymentId } = await testMerchantAndPayment();
    await call('POST', `/__control/payments/${paymentId}/complete`);
    const all = await call('GET', '/__control/events', undefined, { Accept: '*/*' });
    expect(all.status).toBe(200);
    const types = (all.body.events as { type: string; data: Json }[]).map(
      (e) => `${e.type}:${e.data.operationId ?? e.data.event}`,
    );
    // A domain event happens while its request runs; the request's entry follows when it is answered.
    expect(types).toEqual([
      'domain:merchant.activated',
      'request:createTestMerchant',
      'request:createPayment',
      'domain:payment.completed',
      'control:completePayment',
    ]);
    expect(all.body.missed).toBe(false);
    const lastId = all.body.lastEventId as number;
    const after = await call('GET', '/__control/events', undefined, { 'Last-Event-ID': String(lastId - 1) });
    expect(after.body.events.map((e: { id: number }) => e.id)).toEqual([lastId]);
    expect((await call('GET', '/__control/events', undefined, { 'Last-Event-ID': String(lastId + 5) })).body).toEqual({
      events: [],
      lastEventId: lastId,
      missed: true,
    });
  });

  test('refuses a Last-Event-ID that is not a number with a 400 naming it', async () => {
    const res = await call('GET', '/__control/events', undefined, { 'Last-Event-ID': 'abc' });
    expect(res.status).toBe(400);
    expect(String(res.body.message)).toContain('last-event-id');
  });
});

describe('GET /__control/events as a stream (E71)', () => {
  test('streams a control call, its domain event, the journal entry and the webhook attempt', async () => {
    const { paymentId } = await testMerchantAndPayment();
    const webhook = await call(
      'POST',
      '/v1/partner/webhooks',
      { url: `${mock.url}/__receiver/hooks`, events: ['payment.completed'] },
      auth,
    );
    expect(webhook.status).toBe(201);
    const stream = await openStream();
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const ready = await stream.next((f) => f.event === 'ready');
    await call('POST', `/__control/payments/${paymentId}/complete`);
    const control = await stream.next((f) => f.event === 'control');
    expect(control.data.data).toMatchObject({ operationId: 'completePayment', status: 200 });
    expect(Number(control.id)).toBeGreaterThan(ready.data.lastEventId);
    await expect(stream.next((f) => f.event === 'domain')).resolves.toMatchObject({
      data: { data: { event: 'payment.completed', paymentId } },
    });
    await expect(stream.next((f) => f.event === 'receiver')).resolves.toMatchObject({
      data: { data: { signature: 'verified', respondedWith: 200 } },
    });
    await expect(stream.next((f) => f.event === 'delivery')).resolves.toMatchObject({
      data: { data: { outcome: 'delivered', attempts: 1 } },
    });
    await call('GET', `/v1/partner/payments/${paymentId}/status`, undefined, auth);
    await expect(stream.next((f) => f.event === 'request')).resolves.toMatchObject({
      data: { data: { operationId: 'getPaymentStatus', status: 200 } },
    });
    stream.close();
  });

  test('replays what a reconnecting client missed, then says ready', async () => {
    await testMerchantAndPayment();
    const stream = await openStream({ 'Last-Event-ID': '1' });
    const ready = await stream.next((f) => f.event === 'ready');
    expect(stream.frames.filter((f) => f.id !== undefined).map((f) => Number(f.id))).toEqual(
      Array.from({ length: ready.data.lastEventId - 1 }, (_, i) => i + 2),
    );
    expect(stream.frames.some((f) => f.event === 'resync')).toBe(false);
    stream.close();
  });

  test('tells a client whose Last-Event-ID is no longer kept to resync', async () => {
    const stream = await openStream({ 'Last-Event-ID': '99' });
    await stream.next((f) => f.event === 'ready');
    expect(stream.frames.map((f) => f.event)).toEqual(['resync', 'ready']);
    stream.close();
  });

  test('forgets a stream whose client went away, and keeps at most the limit open (429 beyond)', async () => {
    const streams = await Promise.all(Array.from({ length: LIVE_DEFAULTS.maxStreams }, () => openStream()));
    await Promise.all(streams.map((s) => s.next((f) => f.event === 'ready')));
    expect(mock.deps.live.openStreams()).toBe(LIVE_DEFAULTS.maxStreams);
    const refused = await call('GET', '/__control/events', undefined, { Accept: 'text/event-stream' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.body.code).toBe('too_many_streams');
    for (const s of streams) s.close();
    await until(() => mock.deps.live.openStreams() === 0);
    const again = await openStream();
    await again.next((f) => f.event === 'ready');
    again.close();
  });

  test('needs the control token when the mock has one', async () => {
    await mock.close();
    mock = await startTestServer({ controlToken: 'console-token-0123456789' });
    const refused = await call('GET', '/__control/events', undefined, { Accept: 'text/event-stream' });
    expect(refused.status).toBe(401);
    const stream = await openStream({ Authorization: 'Bearer console-token-0123456789' });
    await stream.next((f) => f.event === 'ready');
    stream.close();
  });

  test('ends every stream when the mock closes, without waiting for the drain', async () => {
    const stream = await openStream();
    await stream.next((f) => f.event === 'ready');
    const ended = new Promise<void>((resolve) => stream.res.on('close', () => resolve()));
    // A drain longer than the test's timeout: an open stream holding it would fail the test.
    await mock.close({ drainMs: 120_000 });
    await ended;
    expect(mock.deps.live.openStreams()).toBe(0);
  });
});

describe('GET /__control/requests/{requestId} (E72)', () => {
  test('shows headers and bodies with the secrets masked', async () => {
    const created = await call(
      'POST',
      '/v1/partner/webhooks',
      { url: 'http://127.0.0.1:9/hook', events: ['payment.completed'] },
      auth,
    );
    const secret = created.body.secret as string;
    const list = await call('GET', '/__control/requests?limit=1');
    const id = list.body.requests[0].id as number;
    const detail = await call('GET', `/__control/requests/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id, method: 'POST', operationId: 'createWebhook', status: 201 });
    expect(detail.body.request.headers['x-partner-client-id']).toBe(mock.clientId);
    expect(detail.body.request.headers['x-partner-client-secret']).toBe(`…${mock.clientSecret.slice(-4)}`);
    expect(JSON.parse(detail.body.request.body)).toEqual({
      url: 'http://127.0.0.1:9/hook',
      events: ['payment.completed'],
    });
    const shown = JSON.parse(detail.body.response.body);
    expect(shown.secret).toBe(`…${secret.slice(-4)}`);
    expect(JSON.stringify(detail.body)).not.toContain(secret);
    expect(JSON.stringify(detail.body)).not.toContain(mock.clientSecret);
    expect(detail.body.response.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  test('answers 404 for a request the journal does not hold, 400 for a bad id', async () => {
    expect((await call('GET', '/__control/requests/999')).status).toBe(404);
    expect((await call('GET', '/__control/requests/0')).status).toBe(400);
  });

  test('does not journal the console files or the test receiver', async () => {
    expect((await call('GET', '/__console')).status).toBe(200);
    expect((await call('POST', '/__receiver', { hello: 'world' })).status).toBe(200);
    expect((await call('GET', '/__control/requests')).body.total).toBe(0);
  });
});

describe('GET /__control/webhook-deliveries/{deliveryId} headers (E74)', () => {
  test('are those of the latest attempt, signed with the webhook secret', async () => {
    const { paymentId } = await testMerchantAndPayment();
    const webhook = await call(
      'POST',
      '/v1/partner/webhooks',
      { url: `${mock.url}/__receiver`, events: ['payment.completed'] },
      auth,
    );
    await call('POST', `/__control/payments/${paymentId}/complete`);
    await call('POST', '/__control/webhook-deliveries/flush');
    const [delivery] = (await call('GET', '/__control/webhook-deliveries')).body.deliveries;
    const detail = await call('GET', `/__control/webhook-deliveries/${delivery.id}`);
    const signature = createHmac('sha256', webhook.body.secret).update(delivery.body).digest('hex');
    expect(detail.body.headers).toMatchObject({
      'X-Webhook-Signature': signature,
      'X-Webhook-Delivery': delivery.id,
      'X-Webhook-Attempt': '1',
      'X-Webhook-Event': 'payment.completed',
    });
    await call('DELETE', `/v1/partner/webhooks/${webhook.body.id}`, undefined, auth);
    expect((await call('GET', `/__control/webhook-deliveries/${delivery.id}`)).body.headers).toBeNull();
  });
});

describe('the test receiver (E73)', () => {
  test('verifies signatures, answers the chosen status and lets the mock retry', async () => {
    const { merchant } = await testMerchantAndPayment();
    const receiver = await call('GET', '/__control/receiver');
    expect(receiver.body).toEqual({ url: `${mock.url}/__receiver`, respondStatus: 200, received: [] });
    await call('POST', '/v1/partner/webhooks', { url: receiver.body.url, events: ['payment.completed'] }, auth);
    expect((await call('PUT', '/__control/receiver', { respondStatus: 503 })).body.respondStatus).toBe(503);
    const second = await call(
      'POST',
      '/v1/partner/payments',
      { merchantClientId: merchant.clientId, amount: 10, referenceNumber: 'ORDER-2' },
      auth,
    );
    await call('POST', `/__control/payments/${second.body.paymentId}/complete`);
    expect((await call('POST', '/__control/webhook-deliveries/flush')).body.pending).toBe(1);
    const [failed] = (await call('GET', '/__control/webhook-deliveries')).body.deliveries;
    expect(failed).toMatchObject({ outcome: 'pending', attempts: [{ statusCode: 503 }] });
    expect(failed.nextAttemptAt).not.toBeNull();

    await call('PUT', '/__control/receiver', { respondStatus: 200 });
    await call('POST', '/__control/clock/advance', { seconds: 1 });
    await call('POST', '/__control/webhook-deliveries/flush');
    const delivered = await call('GET', `/__control/webhook-deliveries/${failed.id}`);
    expect(delivered.body.outcome).toBe('delivered');
    const received = (await call('GET', '/__control/receiver')).body.received;
    expect(received.map((r: Json) => [r.attempt, r.respondedWith, r.signature])).toEqual([
      [2, 200, 'verified'],
      [1, 503, 'verified'],
    ]);
    expect(JSON.parse(received[0].body)).toMatchObject({ event: 'payment.completed' });
  });

  test('refuses a status it cannot answer with, and marks an unknown delivery unchecked', async () => {
    expect((await call('PUT', '/__control/receiver', { respondStatus: 99 })).status).toBe(400);
    expect((await call('PUT', '/__control/receiver', {})).status).toBe(400);
    await call('POST', '/__receiver/anything', { event: 'x' }, { 'X-Webhook-Delivery': 'dlv_nope' });
    const [entry] = (await call('GET', '/__control/receiver')).body.received;
    expect(entry).toMatchObject({ path: '/__receiver/anything', deliveryId: 'dlv_nope', signature: 'unchecked' });
  });
});

describe('the console files (E70)', () => {
  test('the page, its modules and its libraries come from the mock, under a same-origin policy', async () => {
    const page = await call('GET', '/__console');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const sources = [...String(page.body).matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    const imports = Object.values(JSON.parse(/<script type="importmap">(.*?)<\/script>/.exec(page.body)![1]!).imports);
    for (const url of [...sources, ...(imports as string[])]) {
      if (url === 'data:,') continue; // the empty icon, so that the browser asks for no favicon
      expect(url.startsWith('/__console/')).toBe(true);
      const res = await call('GET', url);
      expect(res.status).toBe(200);
    }
    expect((await call('GET', '/__console/assets/nope.js')).status).toBe(404);
    expect((await call('GET', '/__console/assets/..%2Fpackage.json')).status).toBe(404);
    expect((await call('POST', '/__console')).status).toBe(404);
  });

  test('is served without the control token, which only the data need', async () => {
    await mock.close();
    mock = await startTestServer({ controlToken: 'console-token-0123456789' });
    const page = await call('GET', '/__console');
    expect(page.status).toBe(200);
    expect(String(page.body)).not.toContain('console-token-0123456789');
    expect(String(page.body)).toContain('"tokenRequired":true');
    expect((await call('GET', '/__control/state')).status).toBe(401);
  });
});
