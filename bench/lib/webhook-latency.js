'use strict';
/**
 * Webhooks at volume: a node:http receiver on loopback is registered for payment.completed, and
 * `payments` payments created with `X-Mock-Payment: paid` (D25, settled at once) are sent evenly
 * within `windowMs`. Each sample is the time from a create response's last byte to the receiver
 * having that payment's delivery; meanwhile autocannon polls a payment's status, so the report shows
 * whether the API keeps its p99 while the deliveries go out.
 */
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const { expectStatus, request } = require('./http-client');
const { runLoad } = require('./load');
const { partnerHeaders } = require('./project');
const { percentile } = require('./stats');

function startReceiver() {
  const arrivals = new Map();
  let onArrival = () => {};
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (event.event === 'payment.completed' && !arrivals.has(event.data.paymentId)) {
        arrivals.set(event.data.paymentId, at);
        onArrival();
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/hooks`,
        arrivals,
        /** Resolves once `count` deliveries arrived, or after `timeoutMs` with what did. */
        waitFor(count, timeoutMs) {
          return new Promise((done) => {
            const timer = setTimeout(done, timeoutMs);
            onArrival = () => {
              if (arrivals.size < count) return;
              clearTimeout(timer);
              done();
            };
            onArrival();
          });
        },
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

const summary = (sorted) => ({
  p50: percentile(sorted, 50),
  p99: percentile(sorted, 99),
  max: sorted.at(-1) ?? null,
});

/**
 * Resolves {payments, windowMs, sentMs, received, delivery: {p50, p99, max}, create: {…}, status:
 * {alone, during}} in ms; `status` is the payment-status load alone and during the deliveries.
 */
async function measureWebhookVolume(base, { payments = 1000, windowMs = 1000, timeoutMs = 60_000 } = {}) {
  const headers = partnerHeaders();
  const receiver = await startReceiver();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  try {
    const merchant = await expectStatus(
      base,
      { method: 'POST', path: '/v1/partner/merchants/test', headers, body: { companyName: 'Webhook Bench ApS' } },
      201,
    );
    await expectStatus(
      base,
      {
        method: 'POST',
        path: '/v1/partner/webhooks',
        headers,
        body: { url: receiver.url, events: ['payment.completed'] },
      },
      201,
    );
    const first = await expectStatus(
      base,
      {
        method: 'POST',
        path: '/v1/partner/payments',
        headers,
        body: { merchantClientId: merchant.clientId, amount: 1, referenceNumber: 'WEBHOOK-STATUS' },
      },
      201,
    );
    const statusLoad = {
      base,
      expect: 200,
      connections: 10,
      seconds: Math.max(2, Math.ceil(windowMs / 1000) + 1),
      request: { method: 'GET', path: `/v1/partner/payments/${first.paymentId}/status`, headers },
    };
    const alone = await runLoad(statusLoad);

    const responded = new Map();
    const createTimes = [];
    const started = performance.now();
    const send = async (i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * windowMs) / payments));
      const sentAt = performance.now();
      const res = await request(base, {
        method: 'POST',
        path: '/v1/partner/payments',
        headers: { ...headers, 'x-mock-payment': 'paid' },
        body: { merchantClientId: merchant.clientId, amount: 149.5, referenceNumber: `WEBHOOK-${i + 1}` },
        agent,
      });
      if (res.status !== 201) throw new Error(`create payment answered ${res.status}: ${res.text.slice(0, 200)}`);
      const at = performance.now();
      responded.set(res.body.paymentId, at);
      createTimes.push(at - sentAt);
    };
    const [during] = await Promise.all([
      runLoad(statusLoad),
      Promise.all(Array.from({ length: payments }, (_, i) => send(i))).then(() =>
        receiver.waitFor(payments, timeoutMs),
      ),
    ]);
    const sentMs = Math.max(...responded.values()) - started;
    const samples = [...responded]
      .filter(([id]) => receiver.arrivals.has(id))
      .map(([id, at]) => receiver.arrivals.get(id) - at)
      .sort((a, b) => a - b);
    createTimes.sort((a, b) => a - b);
    return {
      payments,
      windowMs,
      sentMs,
      received: samples.length,
      delivery: summary(samples),
      create: summary(createTimes),
      status: { alone, during },
    };
  } finally {
    agent.destroy();
    await receiver.close();
  }
}

module.exports = { measureWebhookVolume };
