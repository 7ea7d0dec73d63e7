'use strict';
/**
 * The soak's traffic (bench/soak.js): slow webhook receivers on loopback, and mixed Partner API and
 * control flows over a pool of merchants. Every request goes through `call`, which paces it to the
 * target rate and records its time and status.
 */
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const { request } = require('./http-client');
const { partnerHeaders, requireDist } = require('./project');

/** mulberry32: a small seeded generator, so a soak's flows can be replayed with the same --seed. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` receivers, each on its own 127.0.0.1 port (the mock limits attempts in flight per origin):
 * each reads the delivery, waits 0.5–1.5 × `delayMs`, then answers 500 with probability `errorRate`
 * (so the mock retries) or 200. Keeps only counters.
 */
async function startSlowReceivers({ count, delayMs, errorRate, random }) {
  const stats = { received: 0, failed: 0 };
  const servers = [];
  for (let i = 0; i < count; i += 1) {
    const sockets = new Set();
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        stats.received += 1;
        const fail = random() < errorRate;
        if (fail) stats.failed += 1;
        setTimeout(
          () => {
            if (res.destroyed) return;
            res.writeHead(fail ? 500 : 200, { 'content-type': 'application/json' });
            res.end(fail ? '{"error":"soak receiver fails on purpose"}' : '{"received":true}');
          },
          delayMs * (0.5 + random()),
        );
      });
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({ server, sockets, url: `http://127.0.0.1:${server.address().port}/hooks/${i + 1}` });
  }
  return {
    urls: servers.map((s) => s.url),
    stats,
    close: () =>
      Promise.all(
        servers.map(
          ({ server, sockets }) =>
            new Promise((resolve) => {
              for (const socket of sockets) socket.destroy();
              server.close(() => resolve());
            }),
        ),
      ),
  };
}

/** Latencies and outcomes of the requests since the last `drain()`. */
function createRecorder() {
  let bucket = { latencies: [], requests: 0, unexpected: 0, serverErrors: 0, transportErrors: 0, examples: [] };
  return {
    record(ms, outcome, example) {
      bucket.requests += 1;
      bucket.latencies.push(ms);
      if (outcome !== 'ok') {
        bucket[outcome] += 1;
        if (bucket.examples.length < 5) bucket.examples.push(example);
      }
    },
    drain() {
      const out = bucket;
      bucket = { latencies: [], requests: 0, unexpected: 0, serverErrors: 0, transportErrors: 0, examples: [] };
      return out;
    },
  };
}

/** Spaces request starts `1000 / rate` ms apart over all workers; a slow mock lowers the rate, never bursts. */
function createPacer(rate) {
  const gap = 1000 / rate;
  let next = performance.now();
  return async () => {
    const now = performance.now();
    const slot = Math.max(next, now);
    next = slot + gap;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  };
}

const POOL_SIZE = 20;

/**
 * The flows. `setup()` registers one webhook per receiver for every event and creates the merchant
 * pool (again after each reset); `runFlow()` runs one weighted random flow.
 */
function createTraffic({ base, receiverUrls, random, recorder, rate, seed }) {
  const fixtures = requireDist('fixtures/src/index');
  const faker = fixtures.createFaker(seed);
  const partner = partnerHeaders();
  const pace = createPacer(rate);
  const pick = (items) => items[Math.floor(random() * items.length)];
  let pool = [];
  let paymentsCreated = 0;

  /** One request: paced, timed, its status checked against `expect`. Resolves the parsed body or null. */
  async function call(method, path, { body, expect = [200], headers = partner } = {}) {
    await pace();
    const started = performance.now();
    let res;
    try {
      res = await request(base, { method, path, body, headers, timeoutMs: 15_000 });
    } catch (err) {
      recorder.record(performance.now() - started, 'transportErrors', `${method} ${path}: ${err.message}`);
      return null;
    }
    const ms = performance.now() - started;
    if (expect.includes(res.status)) {
      recorder.record(ms, 'ok');
      return res.body ?? null;
    }
    const outcome = res.status >= 500 ? 'serverErrors' : 'unexpected';
    recorder.record(ms, outcome, `${method} ${path} → ${res.status} ${res.text.slice(0, 160)}`);
    return null;
  }

  async function addTestMerchant() {
    const merchant = await call('POST', '/v1/partner/merchants/test', {
      body: fixtures.buildTestMerchantCreateRequest({}, { faker }),
      expect: [201],
    });
    if (!merchant) return;
    const store = await call('POST', `/v1/partner/merchants/${merchant.merchantId}/stores`, {
      body: fixtures.buildStoreCreateRequest({}, { faker }),
      expect: [201],
    });
    pool.push({ id: merchant.merchantId, clientId: merchant.clientId, storeId: store?.storeId });
    if (pool.length > POOL_SIZE) pool.shift();
  }

  async function setup() {
    pool = [];
    for (const url of receiverUrls) {
      await call('POST', '/v1/partner/webhooks', {
        body: { url, events: [...fixtures.WEBHOOK_EVENT_TYPES] },
        expect: [201],
      });
    }
    for (let i = 0; i < 5; i += 1) await addTestMerchant();
    if (pool.length === 0) throw new Error('soak setup: no merchant could be created');
  }

  // A payment's life: create, poll, maybe its QR code, then paid / failed / left to expire.
  async function paymentFlow() {
    const merchant = pick(pool);
    const payment = await call('POST', '/v1/partner/payments', {
      body: fixtures.buildPaymentCreateRequest(
        { merchantClientId: merchant.clientId, storeId: random() < 0.5 ? merchant.storeId : undefined },
        { faker },
      ),
      expect: [201],
    });
    if (!payment) return;
    paymentsCreated += 1;
    const id = payment.paymentId;
    await call('GET', `/v1/partner/payments/${id}/status`);
    if (random() < 0.1) await call('GET', `/v1/partner/payments/${id}/qr${random() < 0.5 ? '?format=png' : ''}`);
    await call('GET', `/v1/partner/payments/${id}/status`);
    const end = random();
    // 409: a concurrent clock move may have expired it first.
    if (end < 0.5) await call('POST', `/__control/payments/${id}/complete`, { expect: [200, 409] });
    else if (end < 0.75)
      await call('POST', `/__control/payments/${id}/fail`, { body: { reason: 'rejected' }, expect: [200, 409] });
    await call('GET', `/v1/partner/payments/${id}/status`);
  }

  async function browseFlow() {
    const merchant = pick(pool);
    const filter = pick(['', `&merchantClientId=${merchant.clientId}`, '&status=paid', '&status=pending']);
    await call('GET', `/v1/partner/payments?page=1&limit=20${filter}`);
    await call('GET', `/v1/partner/merchants?page=1&limit=20`);
    await call('GET', `/v1/partner/merchants/${merchant.id}`);
    await call('GET', `/v1/partner/merchants/${merchant.id}/stores`);
    await call('GET', pick(['/v1/partner/stats', '/v1/partner/profile', '/v1/partner/webhooks']));
  }

  // New merchants: test merchants join the pool; onboarded ones are activated, some deactivated.
  async function merchantFlow() {
    if (random() < 0.5) {
      await addTestMerchant();
      const merchant = pool.at(-1);
      if (merchant?.storeId) {
        const path = `/v1/partner/merchants/${merchant.id}/stores/${merchant.storeId}`;
        await call('GET', path);
        await call('PUT', path, { body: fixtures.buildStoreUpdateRequest({}, { faker }) });
      }
      return;
    }
    const merchant = await call('POST', '/v1/partner/merchants', {
      body: fixtures.buildMerchantCreateRequest({}, { faker }),
      expect: [201],
    });
    if (!merchant) return;
    await call('POST', `/__control/merchants/${merchant.merchantId}/activate`);
    if (random() < 0.3) await call('POST', `/__control/merchants/${merchant.merchantId}/deactivate`);
  }

  // What QA does: move the clock (expiries and retries fire), read deliveries and the journal, redeliver.
  async function controlFlow() {
    const what = random();
    if (what < 0.25) {
      await call('POST', '/__control/clock/advance', { body: { duration: '5m' } });
    } else if (what < 0.6) {
      const list = await call('GET', '/__control/webhook-deliveries?page=1&limit=20');
      const delivery = list?.deliveries?.length ? pick(list.deliveries) : null;
      if (delivery && random() < 0.5)
        await call('POST', `/__control/webhook-deliveries/${delivery.id}/redeliver`, { expect: [202, 404] });
    } else if (what < 0.85) {
      await call('GET', '/__control/requests?limit=20');
    } else {
      await call('GET', pick(['/__control/clock', '/__control/faults']));
    }
    // Not here: testWebhook and flush, whose answer waits for the slow receiver, not for the mock.
  }

  const FLOWS = [
    [0.5, paymentFlow],
    [0.2, browseFlow],
    [0.1, merchantFlow],
    [0.2, controlFlow],
  ];

  function runFlow() {
    let x = random();
    for (const [weight, flow] of FLOWS) {
      if (x < weight) return flow();
      x -= weight;
    }
    return FLOWS[0][1]();
  }

  return { setup, runFlow, call, paymentsCreated: () => paymentsCreated };
}

module.exports = { seededRandom, startSlowReceivers, createRecorder, createTraffic };
