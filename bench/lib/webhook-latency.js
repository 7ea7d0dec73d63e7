'use strict';
/**
 * Webhooks at volume (E181): a node:http receiver in its own process on loopback (peers.js
 * receiver) is registered for payment.completed, and `payments` payments created with
 * `X-Mock-Payment: paid` (D25, settled at once) are sent evenly within `windowMs`. Each sample is the time from a create response's last byte to the receiver
 * having that payment's delivery; meanwhile autocannon polls a payment's status, so the report shows
 * whether the API keeps its p99 while the deliveries go out (at STATUS_RATE requests per second).
 * A first burst of the same size warms the mock up and is reported as `firstBurst`; the status load
 * runs after it, alone and beside the measured burst, in a process of its own (E214).
 */
const http = require('node:http');
const { expectStatus, request } = require('./http-client');
const { startLoadWorker } = require('./load-child');
const { partnerHeaders } = require('./project');
const { startServer } = require('./servers');
const { percentile } = require('./stats');

/** Status polls per second beside the deliveries: a fleet of terminals, not a saturating load. */
const STATUS_RATE = 500;

const now = () => process.hrtime.bigint();
const ms = (ns) => Number(ns) / 1e6;

/** Asks the receiver (peers.js receiver) for {paymentId: arrival} until `count` arrived or `timeoutMs` passed. */
async function arrivals(receiver, count, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await new Promise((resolve) => {
      receiver.child.once('message', (message) => resolve(message.arrivals));
      receiver.child.send({ type: 'arrivals' });
    });
    if (Object.keys(found).length >= count || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
  const receiver = await startServer('receiver', { ipc: true });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const statusWorker = startLoadWorker();
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
        body: { url: `${receiver.base}/hooks`, events: ['payment.completed'] },
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
      rate: STATUS_RATE,
      seconds: Math.max(2, Math.ceil(windowMs / 1000) + 1),
      request: { method: 'GET', path: `/v1/partner/payments/${first.paymentId}/status`, headers },
    };

    /** `payments` paid creates sent evenly within `windowMs`, beside `alongside`; their deliveries' latencies. */
    const burst = async (label, alongside) => {
      const responded = new Map();
      const createTimes = [];
      const started = now();
      const send = async (i) => {
        await new Promise((resolve) => setTimeout(resolve, (i * windowMs) / payments));
        const sentAt = now();
        const res = await request(base, {
          method: 'POST',
          path: '/v1/partner/payments',
          headers: { ...headers, 'x-mock-payment': 'paid' },
          body: { merchantClientId: merchant.clientId, amount: 149.5, referenceNumber: `WEBHOOK-${label}-${i + 1}` },
          agent,
        });
        if (res.status !== 201) throw new Error(`create payment answered ${res.status}: ${res.text.slice(0, 200)}`);
        const at = now();
        responded.set(res.body.paymentId, at);
        createTimes.push(ms(at - sentAt));
      };
      const [beside] = await Promise.all([
        alongside(),
        Promise.all(Array.from({ length: payments }, (_, i) => send(i))),
      ]);
      sent += payments;
      const arrived = await arrivals(receiver, sent, timeoutMs);
      const sentMs = ms([...responded.values()].reduce((a, b) => (b > a ? b : a)) - started);
      const samples = [...responded]
        .filter(([id]) => arrived[id] !== undefined)
        .map(([id, at]) => ms(BigInt(arrived[id]) - at))
        .sort((a, b) => a - b);
      createTimes.sort((a, b) => a - b);
      return { sentMs, received: samples.length, delivery: summary(samples), create: summary(createTimes), beside };
    };
    let sent = 0;
    // E214: the first burst after start runs code the JIT has not compiled yet (the create with its
    // settlement, the delivery, the HTTP client); it warms the mock up, as each main-run scenario's
    // warm-up does, and is reported beside the measured burst, not judged.
    // Status alone and beside the burst, both on the warm mock, from a process of their own (E214).
    await statusWorker.run({ ...statusLoad, seconds: 1 });
    const firstBurst = await burst('warm-up', async () => null);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const alone = await statusWorker.run(statusLoad);
    const measured = await burst('measured', () => statusWorker.run(statusLoad));
    return {
      payments,
      windowMs,
      sentMs: measured.sentMs,
      received: measured.received,
      delivery: measured.delivery,
      create: measured.create,
      status: { alone, during: measured.beside },
      firstBurst: {
        sentMs: firstBurst.sentMs,
        received: firstBurst.received,
        delivery: firstBurst.delivery,
        create: firstBurst.create,
      },
    };
  } finally {
    await statusWorker.stop();
    agent.destroy();
    await receiver.stop();
  }
}

module.exports = { measureWebhookVolume };
