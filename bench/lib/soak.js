#!/usr/bin/env node
'use strict';
/**
 * Soak: the real mock (bin/acountpay-mock.js, info logging, on 127.0.0.1) under mixed Partner API
 * and control traffic for a set time, with webhooks to slow receivers that sometimes answer 500.
 * Prints, per interval, request p50/p99, the mock's event-loop delay, RSS, heap used and how full
 * its capped stores are; per third, what the heap held and what was left after a reset; then a
 * verdict (E91) and exits 1 when memory grows beyond what the caps allow.
 *
 *   npm run soak                               60 s at 200 requests/s (`npm run bench -- --only soak`)
 *   npm run soak -- --duration 10m --rate 300  (or SOAK_DURATION=10m SOAK_RATE=300 npm run soak)
 *
 * Options (flag or env): --duration/SOAK_DURATION (60s; s, m, h), --rate/SOAK_RATE (200 req/s),
 * --connections/SOAK_CONNECTIONS (16 flows at once), --interval/SOAK_INTERVAL (a twelfth of the
 * duration), --receiver-delay/SOAK_RECEIVER_DELAY (300ms, ±50 %), --receiver-errors/
 * SOAK_RECEIVER_ERRORS (0.2), --seed/SOAK_SEED (1). Results also go to bench/results/soak.md/.json.
 */
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { installExitHooks, killAll } = require('./children');
const { request, closeAgent } = require('./http-client');
const { machineInfo } = require('./options');
const { beyondPeriod, probeFlags, sample } = require('./probe');
const { assertBuilt, requireDist } = require('./project');
const { fmt, table, machineLine, writeResults } = require('./report');
const { startServer } = require('./servers');
const { percentile } = require('./stats');
const { seededRandom, startSlowReceivers, createRecorder, createTraffic } = require('./soak-traffic');

const say = (line) => process.stdout.write(`${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The documented caps (mock-server/README.md, "Webhook receivers and memory").
const { DEFAULT_MAX_DELIVERIES } = requireDist('mock-server/src/webhooks/delivery-store');
const { DEFAULT_MAX_PENDING } = requireDist('mock-server/src/webhooks/delivery-queue');
const { JOURNAL_CAPACITY: JOURNAL_CAP } = requireDist('mock-server/src/control/request-journal');
// E91: how much the heap may differ between thirds of the same traffic.
const HEAP_AT_REST_TOLERANCE_MB = 4;
const HEAP_HELD_TOLERANCE = { ratio: 1.1, mb: 4 };
const RSS_TOLERANCE = { ratio: 1.15, mb: 32 };

/** A setting the soak cannot run with: said in one line, without a stack. */
class SoakSettingError extends Error {}

function parseDuration(text, name) {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(String(text).trim());
  if (!match) throw new SoakSettingError(`${name} must look like 90s, 10m, 1h or 500ms, got ${JSON.stringify(text)}`);
  return Number(match[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 's'];
}

function option(flag, env, fallback) {
  const i = process.argv.indexOf(flag);
  if (i !== -1 && process.argv[i + 1] !== undefined) return process.argv[i + 1];
  return process.env[env] || fallback;
}

function numberOption(flag, env, fallback, min, max) {
  const n = Number(option(flag, env, fallback));
  if (!Number.isFinite(n) || n < min || n > max)
    throw new SoakSettingError(`${flag} must be a number from ${min} to ${max}`);
  return n;
}

function soakOptions() {
  const durationMs = parseDuration(option('--duration', 'SOAK_DURATION', '60s'), '--duration');
  if (durationMs < 15_000 || durationMs > 24 * 3_600_000)
    throw new SoakSettingError('--duration must be from 15s to 24h');
  const third = durationMs / 3;
  const raw = option('--interval', 'SOAK_INTERVAL', null);
  const intervalsPerThird = Math.max(1, Math.round(third / (raw ? parseDuration(raw, '--interval') : third / 4)));
  return {
    durationMs,
    intervalsPerThird,
    intervalMs: third / intervalsPerThird,
    rate: numberOption('--rate', 'SOAK_RATE', 200, 1, 5000),
    connections: numberOption('--connections', 'SOAK_CONNECTIONS', 16, 1, 256),
    receivers: 3,
    receiverDelayMs: parseDuration(option('--receiver-delay', 'SOAK_RECEIVER_DELAY', '300ms'), '--receiver-delay'),
    receiverErrors: numberOption('--receiver-errors', 'SOAK_RECEIVER_ERRORS', 0.2, 0, 1),
    seed: numberOption('--seed', 'SOAK_SEED', 1, 0, 2 ** 32 - 1),
  };
}

/** How full the mock's capped stores are, read through the control API (not counted as traffic). */
async function capCounts(base) {
  const total = async (path) => (await request(base, { path, timeoutMs: 15_000 })).body?.total ?? null;
  return {
    deliveries: await total('/__control/webhook-deliveries?limit=1'),
    pending: await total('/__control/webhook-deliveries?outcome=pending&limit=1'),
    journal: await total('/__control/requests?limit=1'),
  };
}

const max = (values) => values.reduce((a, b) => (b != null && (a == null || b > a) ? b : a), null);

async function soak() {
  assertBuilt();
  installExitHooks();
  const opts = soakOptions();
  const machine = machineInfo();
  const random = seededRandom(opts.seed);
  const startedAt = new Date();
  say(
    `soak: ${opts.durationMs / 1000} s at up to ${opts.rate} req/s, ${opts.connections} flows at once, ` +
      `a row every ${(opts.intervalMs / 1000).toFixed(1)} s; ${machineLine(machine)}`,
  );

  const receivers = await startSlowReceivers({
    count: opts.receivers,
    delayMs: opts.receiverDelayMs,
    errorRate: opts.receiverErrors,
    random,
  });
  const server = await startServer('ours', { nodeFlags: probeFlags({ gc: true }), ipc: true });
  const generatorDelay = monitorEventLoopDelay({ resolution: 10 });
  generatorDelay.enable();
  const recorder = createRecorder();
  const traffic = createTraffic({
    base: server.base,
    receiverUrls: receivers.urls,
    random,
    recorder,
    rate: opts.rate,
    seed: opts.seed,
  });

  const rows = [];
  const thirds = [];
  const examples = [];
  try {
    await traffic.setup();
    recorder.drain();
    await sample(server.child);
    const soakStart = Date.now();
    for (let third = 1; third <= 3; third += 1) {
      const paymentsBefore = traffic.paymentsCreated();
      const thirdRows = [];
      let running = true;
      const workers = Array.from({ length: opts.connections }, async () => {
        while (running) await traffic.runFlow();
      });
      const thirdStart = Date.now();
      for (let i = 1; i <= opts.intervalsPerThird; i += 1) {
        await sleep(Math.max(0, thirdStart + i * opts.intervalMs - Date.now()));
        const bucket = recorder.drain();
        const probe = await sample(server.child);
        const counts = await capCounts(server.base);
        bucket.latencies.sort((a, b) => a - b);
        examples.push(...bucket.examples);
        thirdRows.push({
          third,
          t: (Date.now() - soakStart) / 1000,
          rps: bucket.requests / (opts.intervalMs / 1000),
          requests: bucket.requests,
          p50: percentile(bucket.latencies, 50),
          p99: percentile(bucket.latencies, 99),
          unexpected: bucket.unexpected,
          serverErrors: bucket.serverErrors,
          transportErrors: bucket.transportErrors,
          delayP99: beyondPeriod(probe.delay).p99,
          delayMax: beyondPeriod(probe.delay).max,
          rssMb: probe.rssMb,
          heapUsedMb: probe.heapUsedMb,
          ...counts,
        });
        const cells = ROW_COLUMNS.map(([, cell]) => cell(thirdRows.at(-1)));
        say(`  ${cells[0]} s: ${cells.slice(1).join('  ')}`);
      }
      running = false;
      await Promise.all(workers);
      const tail = recorder.drain(); // flows that were finishing: their errors count, their times do not
      examples.push(...tail.examples);

      // Checkpoint: what the heap holds after a full collection, then after a reset drops everything.
      const held = await sample(server.child, { gc: true });
      const countsAtEnd = await capCounts(server.base);
      await request(server.base, { method: 'POST', path: '/__control/reset', body: {} });
      await sleep(opts.receiverDelayMs * 1.5 + 1000); // attempts already in flight end
      const rest = await sample(server.child, { gc: true });
      generatorDelay.disable();
      thirds.push({
        third,
        requests: thirdRows.reduce((a, r) => a + r.requests, 0) + tail.requests,
        errors: {
          unexpected: thirdRows.reduce((a, r) => a + r.unexpected, 0) + tail.unexpected,
          serverErrors: thirdRows.reduce((a, r) => a + r.serverErrors, 0) + tail.serverErrors,
          transportErrors: thirdRows.reduce((a, r) => a + r.transportErrors, 0) + tail.transportErrors,
        },
        payments: traffic.paymentsCreated() - paymentsBefore,
        countsAtEnd,
        maxDeliveries: max([...thirdRows.map((r) => r.deliveries), countsAtEnd.deliveries]),
        maxPending: max([...thirdRows.map((r) => r.pending), countsAtEnd.pending]),
        maxJournal: max([...thirdRows.map((r) => r.journal), countsAtEnd.journal]),
        peakRssMb: max(thirdRows.map((r) => r.rssMb)),
        peakHeapMb: max(thirdRows.map((r) => r.heapUsedMb)),
        p99Max: max(thirdRows.map((r) => r.p99)),
        delayP99Max: max(thirdRows.map((r) => r.delayP99)),
        generatorDelayP99: generatorDelay.count ? beyondPeriod({ p99: generatorDelay.percentile(99) / 1e6 }).p99 : null,
        heldMb: held.heapUsedMb,
        restMb: rest.heapUsedMb,
        restRssMb: rest.rssMb,
      });
      rows.push(...thirdRows);
      if (third < 3) {
        await traffic.setup();
        recorder.drain();
        await sample(server.child);
        generatorDelay.reset();
        generatorDelay.enable();
      }
    }
  } finally {
    closeAgent();
    await server.stop();
    await receivers.close();
  }

  const checks = verdict(thirds);
  const markdown = render({ opts, machine, startedAt, rows, thirds, checks, receivers: receivers.stats, examples });
  say('');
  say(markdown);
  const file = writeResults(process.env.BENCH_RESULTS_NAME ?? 'soak', markdown, {
    options: opts,
    machine,
    startedAt,
    rows,
    thirds,
    checks,
    receivers: receivers.stats,
  });
  say(`\nwritten to ${file}`);
  return checks.every((c) => c.pass) ? 0 : 1;
}

/** E91: the checks that decide the exit code. */
function verdict(thirds) {
  const [first, , last] = thirds;
  const errors = thirds.reduce((a, t) => a + t.errors.serverErrors + t.errors.transportErrors, 0);
  const requestScale = Math.max(1, last.requests / first.requests);
  const heldLimit = first.heldMb * requestScale * HEAP_HELD_TOLERANCE.ratio + HEAP_HELD_TOLERANCE.mb;
  const rssLimit = Math.max(first.peakRssMb * RSS_TOLERANCE.ratio, first.peakRssMb + RSS_TOLERANCE.mb);
  const mb = (n) => `${n.toFixed(1)} MB`;
  return [
    {
      name: 'no 5xx, no dropped or timed-out request',
      measured: String(errors),
      limit: '0',
      pass: errors === 0,
    },
    {
      name: 'delivery log within its cap',
      measured: fmt.int(max(thirds.map((t) => t.maxDeliveries))),
      limit: fmt.int(DEFAULT_MAX_DELIVERIES),
      pass: max(thirds.map((t) => t.maxDeliveries)) <= DEFAULT_MAX_DELIVERIES,
    },
    {
      name: 'request journal within its cap',
      measured: fmt.int(max(thirds.map((t) => t.maxJournal))),
      limit: fmt.int(JOURNAL_CAP),
      pass: max(thirds.map((t) => t.maxJournal)) <= JOURNAL_CAP,
    },
    {
      name: 'heap after reset + GC: last third − first third (a leak survives the reset)',
      measured: mb(last.restMb - first.restMb),
      limit: `≤ ${mb(HEAP_AT_REST_TOLERANCE_MB)}`,
      pass: last.restMb - first.restMb <= HEAP_AT_REST_TOLERANCE_MB,
    },
    {
      name: 'heap held at the end of a third (GC): last vs first, same traffic from the same empty state',
      measured: `${mb(last.heldMb)} vs ${mb(first.heldMb)}`,
      limit: `≤ ${mb(heldLimit)}`,
      pass: last.heldMb <= heldLimit,
    },
    {
      name: 'peak RSS: last third vs first third',
      measured: `${mb(last.peakRssMb)} vs ${mb(first.peakRssMb)}`,
      limit: `≤ ${mb(rssLimit)}`,
      pass: last.peakRssMb <= rssLimit,
    },
  ];
}

const mb1 = (n) => (n == null ? '–' : n.toFixed(1));

/** [header, cell of a row]: one column of a table, so each table is its list of columns. */
const ROW_COLUMNS = [
  ['t s', (r) => fmt.int(r.t)],
  ['req/s', (r) => fmt.int(r.rps)],
  ['p50 ms', (r) => fmt.ms(r.p50)],
  ['p99 ms', (r) => fmt.ms(r.p99)],
  ['5xx/dropped', (r) => `${r.serverErrors + r.transportErrors}${r.unexpected ? ` (+${r.unexpected} 4xx)` : ''}`],
  ['loop delay p99 ms', (r) => fmt.ms(r.delayP99)],
  ['loop delay max ms', (r) => fmt.ms(r.delayMax)],
  ['RSS MB', (r) => fmt.mb(r.rssMb)],
  ['heap used MB', (r) => fmt.mb(r.heapUsedMb)],
  ['deliveries listed', (r) => fmt.int(r.deliveries)],
  ['pending listed', (r) => fmt.int(r.pending)],
  ['journal', (r) => fmt.int(r.journal)],
];

const THIRD_COLUMNS = [
  ['third', (t) => t.third],
  ['requests', (t) => fmt.int(t.requests)],
  ['payments', (t) => fmt.int(t.payments)],
  ['deliveries listed (max)', (t) => fmt.int(t.maxDeliveries)],
  ['pending listed (max)', (t) => fmt.int(t.maxPending)],
  ['peak RSS MB', (t) => fmt.mb(t.peakRssMb)],
  ['peak heap MB', (t) => fmt.mb(t.peakHeapMb)],
  ['heap held at end, GC MB', (t) => mb1(t.heldMb)],
  ['after reset, GC MB', (t) => mb1(t.restMb)],
  ['worst p99 ms', (t) => fmt.ms(t.p99Max)],
  ['soak process loop delay p99 ms', (t) => fmt.ms(t.generatorDelayP99)],
];

const tableOf = (columns, rows) =>
  table(
    columns.map(([header]) => header),
    rows.map((row) => columns.map(([, cell]) => cell(row))),
  );

function render({ opts, machine, startedAt, rows, thirds, checks, receivers, examples }) {
  const pass = checks.every((c) => c.pass);
  const lines = [
    `## Soak (${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${opts.durationMs / 1000} s)`,
    '',
    `${machineLine(machine)}. Load average ${machine.loadAverage.join(' / ')} at the start, ` +
      `${machineInfo().loadAverage.join(' / ')} at the end (other work shares the machine, so times are noisy).`,
    `Mixed traffic at up to ${opts.rate} req/s, ${opts.connections} flows at once (payments created, polled, ` +
      'completed or failed through the control API; lists; merchants and stores; clock moves, delivery ' +
      `and journal reads, redeliveries), webhooks to ${opts.receivers} receivers that answer after ` +
      `${opts.receiverDelayMs} ms ± 50 % and fail ${Math.round(opts.receiverErrors * 100)} % of attempts with 500 ` +
      `(${fmt.int(receivers.received)} attempts received, ${fmt.int(receivers.failed)} failed on purpose). ` +
      'At the end of each third the mock is reset and measured after a full GC. Event-loop delay is what lies ' +
      "beyond the probe's 10 ms timer period.",
    '',
    tableOf(ROW_COLUMNS, rows),
    '',
    tableOf(THIRD_COLUMNS, thirds),
    '',
    `Caps (mock-server/README.md): delivery log ${fmt.int(DEFAULT_MAX_DELIVERIES)}, journal ${fmt.int(JOURNAL_CAP)} ` +
      `requests, deliveries waiting for an attempt ${fmt.int(DEFAULT_MAX_PENDING)}. The control API shows only the ` +
      'pending deliveries still in the log, so the retry queue itself is judged by the memory checks.',
    '',
    table(
      ['check', 'measured', 'limit', 'result'],
      checks.map((c) => [c.name, c.measured, c.limit, `**${c.pass ? 'PASS' : 'FAIL'}**`]),
    ),
    '',
    `Verdict: **${pass ? 'PASS' : 'FAIL'}**`,
  ];
  if (examples.length) lines.push('', 'First unexpected answers:', '', ...examples.slice(0, 5).map((e) => `- ${e}`));
  return lines.join('\n');
}

// Exits explicitly, so nothing left open (a receiver socket, the IPC channel) can keep a finished
// or failed soak running.
module.exports = {
  main: () =>
    soak().then(
      (code) => process.exit(code),
      (err) => {
        process.stderr.write(`soak: ${err instanceof SoakSettingError ? err.message : (err.stack ?? err)}\n`);
        killAll();
        process.exit(2);
      },
    ),
};
