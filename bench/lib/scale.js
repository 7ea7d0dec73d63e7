'use strict';
/**
 * `npm run bench -- --only scale`: how the mock behaves with 1,000 and 1,000,000 payments loaded
 * (load time, RSS with Node's default heap, list/status latency), then webhooks at volume (1,000
 * payments settled within one second, deliveries to a loopback receiver). `--only webhooks` runs
 * only the latter.
 */
const fs = require('node:fs');
const path = require('node:path');
const { benchTmpDir, installExitHooks } = require('./children');
const { expectStatus, request, closeAgent } = require('./http-client');
const { intEnv, listEnv, machineInfo } = require('./options');
const { assertBuilt, partnerHeaders } = require('./project');
const { scenarioFile, ensurePayments } = require('./scenario-data');
const { startServer } = require('./servers');
const { runLoad, isValidRun } = require('./load');
const { rssMb } = require('./stats');
const { measureWebhookVolume } = require('./webhook-latency');
const { renderScale } = require('./scale-report');
const { writeResults, updateCommittedSection } = require('./report');

const say = (line) => process.stdout.write(`${line}\n`);

/** Ids for the status query: 1..n when the loaded payments use them (checked on a sample), else ids read from pages. */
async function statusIds(base, total) {
  const headers = partnerHeaders();
  const probes = Array.from({ length: 20 }, (_, i) => 1 + Math.floor(((i + 0.5) / 20) * total));
  const answers = await Promise.all(
    probes.map((id) => request(base, { path: `/v1/partner/payments/${id}/status`, headers })),
  );
  if (answers.every((a) => a.status === 200))
    return { pick: () => 1 + Math.floor(Math.random() * total), source: `uniform over 1..${total}` };
  const ids = [];
  for (let page = 1; page <= 10; page += 1) {
    const body = await expectStatus(base, { path: `/v1/partner/payments?page=${page}&limit=100`, headers }, 200);
    ids.push(...body.payments.map((p) => p.id));
  }
  return { pick: () => ids[Math.floor(Math.random() * ids.length)], source: `${ids.length} ids from the first pages` };
}

function queries({ merchantClientId, pickId, total }) {
  const headers = { ...partnerHeaders(), accept: 'application/json' };
  const list = (query) => ({ method: 'GET', path: `/v1/partner/payments?${query}`, headers });
  return [
    { name: 'list-p1', title: 'list payments, page 1', request: list('page=1&limit=20') },
    { name: 'list-deep', title: 'list payments, page 100 × 100', request: list('page=100&limit=100'), needs: 10_000 },
    {
      name: 'list-filtered',
      title: 'list payments, status=paid & merchantClientId',
      request: list(`status=paid&merchantClientId=${encodeURIComponent(merchantClientId)}&page=1&limit=20`),
    },
    {
      name: 'status-random',
      title: 'payment status, random existing id',
      request: {
        method: 'GET',
        path: '/v1/partner/payments/1/status',
        headers,
        setupRequest: (req) => ({ ...req, path: `/v1/partner/payments/${pickId()}/status` }),
      },
    },
  ].filter((q) => !q.needs || total >= q.needs);
}

/**
 * E204: the other way to start with a large world, the state file (issue 15 accepts either): a mock
 * started with the scenario and `--state-file` writes the file and is stopped; the one measured
 * starts from that file alone. Resolves {readyMs, readyCpuMs, rssMb, total}.
 */
async function measureStateFile(data, payments) {
  const file = path.join(benchTmpDir(), `state-${payments}.db`);
  fs.rmSync(file, { force: true });
  const writer = await startServer('ours', {
    scenarioFile: data.file,
    args: ['--state-file', file],
    timeoutMs: 20 * 60_000,
  });
  await writer.stop({ graceMs: 120_000 });
  fs.rmSync(writer.logFile, { force: true });
  const server = await startServer('ours', { args: ['--state-file', file], timeoutMs: 20 * 60_000 });
  try {
    const loaded = await ensurePayments(server.base, { payments });
    return { readyMs: server.readyMs, readyCpuMs: server.readyCpuMs, rssMb: rssMb(server.pid), total: loaded.total };
  } finally {
    await server.stop({ graceMs: 120_000 });
    fs.rmSync(server.logFile, { force: true });
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  }
}

async function measureSize(payments, { seconds, warmupSeconds, connections }) {
  const data = await scenarioFile({ payments });
  say(
    `${payments} payments: scenario ${(data.bytes / 2 ** 20).toFixed(1)} MB via ${data.source} in ${(data.ms / 1000).toFixed(1)} s`,
  );
  const server = await startServer('ours', { scenarioFile: data.file, timeoutMs: 20 * 60_000 });
  try {
    const loaded = await ensurePayments(server.base, { payments });
    const rssLoadedMb = rssMb(server.pid);
    say(
      `  ready in ${(server.readyMs / 1000).toFixed(2)} s (${(server.readyCpuMs / 1000).toFixed(2)} s CPU; ${loaded.loadedBy}), ${loaded.total} payments, RSS ${rssLoadedMb?.toFixed(0)} MB`,
    );
    const headers = partnerHeaders();
    const sample = await expectStatus(server.base, { path: '/v1/partner/payments?status=paid&limit=1', headers }, 200);
    const ids = await statusIds(server.base, loaded.total);
    const runs = {};
    for (const q of queries({
      merchantClientId: sample.payments[0].merchantClientId,
      pickId: ids.pick,
      total: loaded.total,
    })) {
      const load = { base: server.base, request: q.request, expect: 200, connections };
      if (warmupSeconds > 0) await runLoad({ ...load, seconds: warmupSeconds });
      const run = await runLoad({ ...load, seconds });
      run.valid = isValidRun(run);
      run.title = q.title;
      runs[q.name] = run;
      say(
        `  ${q.name.padEnd(14)} ${run.rps.toFixed(0).padStart(6)} req/s  p50 ${run.p50?.toFixed(2)} ms  p99 ${run.p99?.toFixed(2)} ms${run.valid ? '' : `  INVALID ${JSON.stringify(run.statuses)}`}`,
      );
    }
    return {
      payments,
      total: loaded.total,
      loadedBy: loaded.loadedBy,
      source: data.source,
      fileMb: data.bytes / 2 ** 20,
      readyMs: server.readyMs,
      // CPU time spawn → ready: what the load itself costs, whatever else the machine runs (E204).
      readyCpuMs: server.readyCpuMs,
      rssLoadedMb,
      rssAfterMb: rssMb(server.pid),
      statusIds: ids.source,
      runs,
    };
  } finally {
    await server.stop();
    fs.rmSync(server.logFile, { force: true });
  }
}

async function measureLargest(payments, options) {
  const size = await measureSize(payments, options);
  if (payments < STATE_FILE_FROM) return size;
  try {
    size.stateFile = await measureStateFile(await scenarioFile({ payments }), payments);
    const { readyMs, readyCpuMs, rssMb: rss } = size.stateFile;
    say(
      `  state file: ready in ${(readyMs / 1000).toFixed(2)} s (${(readyCpuMs / 1000).toFixed(2)} s CPU), RSS ${rss?.toFixed(0)} MB`,
    );
  } catch (err) {
    say(`  state file: FAILED ${err.message}`);
    size.stateFile = { error: err.message };
  }
  return size;
}

/** Sizes from which the start from a state file is measured too (E204). */
const STATE_FILE_FROM = 1_000_000;

async function main({ only }) {
  installExitHooks();
  assertBuilt();
  const options = {
    sizes: only === 'webhooks' ? [] : listEnv('BENCH_SCALE_SIZES', ['1000', '1000000']).map(Number),
    seconds: intEnv('BENCH_DURATION', 10, { min: 1, max: 600 }),
    warmupSeconds: intEnv('BENCH_WARMUP', 1, { min: 0, max: 60 }),
    connections: intEnv('BENCH_CONNECTIONS', 10, { min: 1, max: 1000 }),
    webhookPayments: intEnv('BENCH_WEBHOOK_PAYMENTS', 1000, { min: 1, max: 100_000 }),
  };
  const machine = machineInfo();
  const startedAt = new Date();
  say(
    `acountpay-mock scale bench: sizes ${options.sizes.join(', ')}; ${options.seconds} s per query; load average ${machine.loadAverage.join(' ')}`,
  );

  const sizes = [];
  for (const payments of options.sizes) {
    try {
      sizes.push(await measureLargest(payments, options));
    } catch (err) {
      say(`  ${payments} payments: FAILED ${err.message}`);
      sizes.push({ payments, error: err.message });
    }
  }

  say(`webhooks: ${options.webhookPayments} payments settled within one second…`);
  const webhooks = [];
  try {
    const server = await startServer('ours');
    try {
      const result = await measureWebhookVolume(server.base, { payments: options.webhookPayments });
      say(
        `  ${result.received}/${result.payments} delivered, p50 ${result.delivery.p50?.toFixed(2)} ms, p99 ${result.delivery.p99?.toFixed(2)} ms; status p99 ${result.status.alone.p99?.toFixed(2)} ms alone, ${result.status.during.p99?.toFixed(2)} ms during`,
      );
      webhooks.push(result);
    } finally {
      await server.stop();
      fs.rmSync(server.logFile, { force: true });
    }
  } catch (err) {
    // A failure here costs the webhook numbers, not the sizes measured before.
    say(`  FAILED ${err.message}`);
  }

  const result = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    loadAverageEnd: machineInfo().loadAverage,
    options,
    sizes,
    webhooks,
  };
  const markdown = renderScale(result);
  result.targets = markdown.targets;
  const file = writeResults('scale', markdown.text, result);
  say(`\n${markdown.text}\n`);
  say(`written: ${file} (and .json)`);
  const complete =
    options.sizes.includes(1000) &&
    options.sizes.includes(1_000_000) &&
    options.seconds >= 10 &&
    sizes.every((s) => !s.error);
  if (complete) say(`updated: ${updateCommittedSection('scale', markdown.text)}`);
  else
    say(
      'bench/RESULTS.md left as it was: only a full scale run (1k and 1M, ≥10 s per query, no failures) replaces it.',
    );
  closeAgent();
}

module.exports = { main };
if (require.main === module) main();
