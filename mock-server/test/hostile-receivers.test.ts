/**
 * Issue 12, deliverable 5: webhook receivers that misbehave on purpose, all on 127.0.0.1: one that
 * accepts and never answers, one that answers byte by byte, endless and huge bodies, a redirect, a
 * reset connection. Each attempt ends within the (short) timeout, is recorded with its reason and is
 * retried on the schedule by the mock's clock; the API keeps answering with hundreds of deliveries
 * waiting on receivers that hang. No test measures time: the manual clock drives the retries.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { buildWebhookCreateRequest } from '../../fixtures/src';
import type { DeliveryRecord } from '../src/state/records';
import { createNodeHttpClient, type NodeWebhookHttpClient } from '../src/webhooks';
import { SNIPPET_BYTES } from '../src/webhooks/http-client';
import { advanceSeconds, createTestMerchant, flush } from './control-helpers';
import { createTestApp, type TestApp } from './helpers';

const TIMEOUT_MS = 1000;

interface Hostile {
  url: string;
  /** Requests that reached it (for the redirect target: none may). */
  hits: () => number;
  close: () => Promise<void>;
}

/** A TCP or HTTP server on 127.0.0.1 that forgets nothing it opened. */
async function listen(server: net.Server, path = '/hook'): Promise<Hostile> {
  const sockets = new Set<net.Socket>();
  let hits = 0;
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('error', () => {}); // the mock hangs up on purpose; that is the point
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('request', () => (hits += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Accepts the connection, reads the request, never answers. */
const silent = () => listen(net.createServer((socket) => socket.resume()));

/** Answers one byte at a time, slower than the timeout allows. */
const drip = () =>
  listen(
    net.createServer((socket) => {
      socket.resume();
      const text = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';
      let sent = 0;
      const timer = setInterval(() => {
        if (sent >= text.length || socket.destroyed) return clearInterval(timer);
        socket.write(text[sent++]!);
      }, 200);
      socket.on('close', () => clearInterval(timer));
    }),
  );

/** 500 and a body that never ends. */
const endless = () =>
  listen(
    http.createServer((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    }),
  );

/** 200 announcing and sending a 64 MB body. */
const huge = () =>
  listen(
    http.createServer((_req, res) => {
      const size = 64 * 1024 * 1024;
      res.writeHead(200, { 'Content-Length': String(size) });
      const chunk = Buffer.alloc(64 * 1024, 'y');
      let left = size;
      const pump = () => {
        while (left > 0 && !res.destroyed && res.write(chunk)) left -= chunk.length;
        if (left > 0 && !res.destroyed) res.once('drain', pump);
        else if (left <= 0) res.end();
      };
      pump();
    }),
  );

const redirect = (location: string) =>
  listen(
    http.createServer((_req, res) => {
      res.writeHead(302, { Location: location });
      res.end();
    }),
  );

/** Resets the connection (TCP RST) as soon as the request arrives. */
const reset = () => listen(net.createServer((socket) => socket.once('data', () => socket.resetAndDestroy())));

const ok = () =>
  listen(
    http.createServer((_req, res) => {
      res.writeHead(200);
      res.end('ok');
    }),
  );

async function addWebhook(t: TestApp, url: string): Promise<number> {
  const res = await t.api
    .post('/v1/partner/webhooks')
    .set(t.auth)
    .send(buildWebhookCreateRequest({ url, events: ['merchant.activated'] }));
  if (res.status !== 201) throw new Error(`createWebhook answered ${res.status}`);
  return res.body.id as number;
}

async function deliveriesOf(t: TestApp, webhookId: number): Promise<DeliveryRecord[]> {
  const res = await t.api.get(`/__control/webhook-deliveries?webhookId=${webhookId}&limit=100`);
  return res.body.deliveries as DeliveryRecord[];
}

let client: NodeWebhookHttpClient;
const servers: Hostile[] = [];

beforeEach(() => {
  client = createNodeHttpClient();
});

afterEach(async () => {
  client.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start<T extends Hostile>(server: Promise<T>): Promise<T> {
  const s = await server;
  servers.push(s);
  return s;
}

test('every hostile receiver ends within the timeout, is recorded with its reason and retried on the schedule', async () => {
  const t = createTestApp({ webhookTimeoutMs: TIMEOUT_MS, webhookRetrySchedule: [1000, 2000] }, { http: client });
  const target = await start(ok());
  const receivers = {
    silent: await start(silent()),
    drip: await start(drip()),
    endless: await start(endless()),
    huge: await start(huge()),
    redirect: await start(redirect(target.url)),
    reset: await start(reset()),
  };
  const ids: Record<string, number> = {};
  for (const [name, receiver] of Object.entries(receivers)) ids[name] = await addWebhook(t, receiver.url);

  await createTestMerchant(t); // merchant.activated → one delivery to each
  expect(await flush(t)).toBe(5); // all but the huge 200 wait for a retry

  const first = async (name: string) => (await deliveriesOf(t, ids[name]!))[0]!;
  const timeout = `timeout after ${TIMEOUT_MS} ms`;
  expect((await first('silent')).attempts[0]).toMatchObject({ statusCode: null, error: timeout });
  expect((await first('drip')).attempts[0]).toMatchObject({ statusCode: null, error: timeout });
  const endlessAttempt = (await first('endless')).attempts[0]!;
  expect(endlessAttempt).toMatchObject({ statusCode: 500, error: 'status 500 is not 2xx' });
  expect(Buffer.byteLength(endlessAttempt.responseSnippet ?? '')).toBeLessThanOrEqual(SNIPPET_BYTES);
  const hugeDelivery = await first('huge');
  expect(hugeDelivery.outcome).toBe('delivered');
  expect(Buffer.byteLength(hugeDelivery.attempts[0]!.responseSnippet ?? '')).toBeLessThanOrEqual(SNIPPET_BYTES);
  expect((await first('redirect')).attempts[0]).toMatchObject({
    statusCode: 302,
    error: 'status 302 is not 2xx (redirects are not followed)',
  });
  expect(target.hits()).toBe(0);
  expect((await first('reset')).attempts[0]).toMatchObject({
    statusCode: null,
    error: expect.stringMatching(/ECONNRESET|socket hang up/),
  });

  const failing = ['silent', 'drip', 'endless', 'redirect', 'reset'];
  const now = Date.parse(t.deps.clock.now().toISOString());
  for (const name of failing) {
    const d = await first(name);
    expect({ name, outcome: d.outcome, next: d.nextAttemptAt }).toEqual({
      name,
      outcome: 'pending',
      next: new Date(now + 1000).toISOString(),
    });
  }

  await advanceSeconds(t, 1);
  expect(await flush(t)).toBe(5);
  await advanceSeconds(t, 2);
  expect(await flush(t)).toBe(0);
  for (const name of failing) {
    const d = await first(name);
    expect({ name, outcome: d.outcome, attempts: d.attempts.length }).toEqual({ name, outcome: 'failed', attempts: 3 });
    expect(d.attempts.every((a) => a.error !== null)).toBe(true);
  }
}, 30_000);

test('the API keeps answering with hundreds of deliveries waiting on receivers that never answer', async () => {
  // A long timeout: the attempts stay in flight for the whole test; closing the client ends them.
  const t = createTestApp({ webhookTimeoutMs: 600_000 }, { http: client });
  for (let i = 0; i < 5; i += 1) await addWebhook(t, (await start(silent())).url);
  for (let i = 0; i < 60; i += 1) await createTestMerchant(t); // 60 events × 5 webhooks
  expect(t.deps.dispatcher.pendingCount()).toBe(300);

  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? t.api.get('/v1/partner/merchants?limit=5').set(t.auth)
        : t.api.get('/__control/webhook-deliveries?outcome=pending&limit=1'),
    ),
  );
  expect(answers.map((r) => r.status)).toEqual(Array(50).fill(200));
  expect(answers[1]!.body.total).toBe(300);
  t.deps.dispatcher.reset();
}, 60_000);
