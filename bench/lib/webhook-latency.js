'use strict';
/**
 * Webhook delivery latency on loopback: a node:http receiver is registered for payment.completed;
 * payments created with `X-Mock-Payment: paid` (D25) settle at once, and each sample is the time
 * from the create response's last byte to the receiver having the delivery's whole body.
 */
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const { expectStatus, request } = require('./http-client');
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
      try {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (event.event === 'payment.completed' && !arrivals.has(event.data.paymentId)) {
          arrivals.set(event.data.paymentId, at);
          onArrival();
        }
      } catch {
        // not a delivery; ignored
      }
    });
  });
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
              if (arrivals.size >= count) {
                clearTimeout(timer);
                done();
              }
            };
            onArrival();
          });
        },
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

/** Resolves {events, concurrency, received, p50, p99, min, max} in ms. */
async function measureWebhookLatency(base, { events = 500, concurrency = 1, timeoutMs = 60_000 }) {
  const headers = partnerHeaders();
  const receiver = await startReceiver();
  try {
    const merchant = await expectStatus(
      base,
      { method: 'POST', path: '/v1/partner/merchants/test', headers, body: { companyName: 'Webhook Bench ApS' } },
      201,
    );
    const hook = await expectStatus(
      base,
      {
        method: 'POST',
        path: '/v1/partner/webhooks',
        headers,
        body: { url: receiver.url, events: ['payment.completed'] },
      },
      201,
    );
    const responded = new Map();
    let next = 0;
    const worker = async () => {
      while (next < events) {
        next += 1;
        const res = await request(base, {
          method: 'POST',
          path: '/v1/partner/payments',
          headers: { ...headers, 'x-mock-payment': 'paid' },
          body: { merchantClientId: merchant.clientId, amount: 149.5, referenceNumber: `WEBHOOK-${next}` },
        });
        if (res.status !== 201) throw new Error(`create payment answered ${res.status}: ${res.text.slice(0, 200)}`);
        responded.set(res.body.paymentId, performance.now());
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await receiver.waitFor(events, timeoutMs);
    const samples = [...responded]
      .filter(([id]) => receiver.arrivals.has(id))
      .map(([id, at]) => receiver.arrivals.get(id) - at);
    samples.sort((a, b) => a - b);
    await request(base, { method: 'DELETE', path: `/v1/partner/webhooks/${hook.id}`, headers });
    return {
      events,
      concurrency,
      received: samples.length,
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      min: samples[0] ?? null,
      max: samples.at(-1) ?? null,
    };
  } finally {
    await receiver.close();
  }
}

module.exports = { measureWebhookLatency };
