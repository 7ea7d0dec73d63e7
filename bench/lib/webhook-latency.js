'use strict';
/**
 * Webhooks at volume (E181): a node:http receiver in its own process on loopback (peers.js
 * receiver) is registered for payment.completed, and `payments` payments created with
 * `X-Mock-Payment: paid` (D25, settled at once) are sent evenly within `windowMs`. Each sample is
 * the time from a create response's last byte to the receiver having that payment's delivery;
 * meanwhile a payment's status is polled at STATUS_RATE requests per second, evenly spaced (E221),
 * so the report shows whether the API keeps its p99 while the deliveries go out.
 * WARMUP_BURSTS bursts of the same size warm the mock up and are reported as `warmups`; then the
 * status load runs alone, and MEASURED_BURSTS bursts run beside it, judged over all their samples
 * together (E214, E222). The status load runs in a process of its own.
 */
const http = require('node:http');
const { expectStatus, request } = require('./http-client');
const { startLoadWorker } = require('./load-child');
const { partnerHeaders } = require('./project');
const { startServer } = require('./servers');
const { median, spread } = require('./stats');

/** Status polls per second beside the deliveries: a fleet of terminals, not a saturating load. */
const STATUS_RATE = 500;
/** E222: bursts that warm the mock up (reported, not judged), and bursts measured after them. */
const WARMUP_BURSTS = 3;
const MEASURED_BURSTS = 3;

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

/**
 * Resolves {payments, windowMs, sentMs, received, delivery: {p50, p99, max}, create: {…}, status:
 * {alone, during}, bursts, warmups} in ms: `bursts` are the measured bursts, each with its own
 * figures and the status load beside it (`status`, a `runLoad` result whose `times` are every
 * request's, failed ones included). `delivery`, `create` and `status.during` are over all the
 * measured bursts' samples together, `sentMs` their median and `received` the fewest any of them
 * had delivered; `status.alone` is the same status load on its own.
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
      // The window the creates are sent in: the status load starts with them and ends with them.
      seconds: windowMs / 1000,
      request: { method: 'GET', path: `/v1/partner/payments/${first.paymentId}/status`, headers },
    };

    /**
     * `payments` paid creates sent evenly within `windowMs`, beside `alongside` (the status load, or
     * nothing); their figures. A measured burst's samples also go to `pool`.
     */
    const burst = async (label, alongside, pool = null) => {
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
        .map(([id, at]) => ms(BigInt(arrived[id]) - at));
      pool?.delivery.push(...samples);
      pool?.create.push(...createTimes);
      const result = { sentMs, received: samples.length, delivery: spread(samples), create: spread(createTimes) };
      if (!beside) return result;
      // The status requests' own times go to the pool; the run keeps their summary (`times`).
      const { samples: statusTimes, ...status } = beside;
      pool?.status.push(...statusTimes);
      return { ...result, status };
    };
    const pause = () => new Promise((resolve) => setTimeout(resolve, 500));
    let sent = 0;
    // E214, E222: the first bursts after start run code the JIT has not compiled yet, or not fully
    // (the create with its settlement, the delivery, the HTTP client, and the receiver's server);
    // they warm the mock up, as each main-run scenario's warm-up does, and are reported, not judged.
    // The status path's warm-up is a main-run scenario's (one second as fast as the mock answers),
    // then one run of the paced load itself, whose client warms up too.
    await statusWorker.run({ ...statusLoad, rate: undefined, seconds: 1 });
    await statusWorker.run(statusLoad);
    const warmups = [];
    for (let i = 1; i <= WARMUP_BURSTS; i += 1) {
      warmups.push(await burst(`warm-up-${i}`, async () => null));
      await pause();
    }
    // Status alone and beside each measured burst, on the warm mock, from a process of its own.
    const alone = await statusWorker.run(statusLoad);
    delete alone.samples; // its summary, `times`, is what the report shows
    const pool = { delivery: [], create: [], status: [] };
    const bursts = [];
    for (let i = 1; i <= MEASURED_BURSTS; i += 1) {
      await pause();
      bursts.push(await burst(`measured-${i}`, () => statusWorker.run(statusLoad), pool));
    }
    return {
      payments,
      windowMs,
      sentMs: median(bursts.map((b) => b.sentMs)),
      received: Math.min(...bursts.map((b) => b.received)),
      // E222: every measured burst's samples together, so that one bad burst counts.
      delivery: spread(pool.delivery),
      create: spread(pool.create),
      status: { alone, during: spread(pool.status) },
      bursts,
      warmups,
    };
  } finally {
    await statusWorker.stop();
    agent.destroy();
    await receiver.stop();
  }
}

module.exports = { measureWebhookVolume };
