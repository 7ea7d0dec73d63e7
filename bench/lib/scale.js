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
const { beyondPeriod, probeFlags, sample } = require('./probe');
const { median, rssMb } = require('./stats');
const { measureWebhookVolume } = require('./webhook-latency');
const { renderScale, sizeLabel } = require('./scale-report');
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

/**
 * Starts the mock with `payments` payments and reads what the load cost: spawn → ready, the CPU
 * time to ready and RSS at ready, before anything else is asked of it. Resolves {size (the record
 * the report reads), server (running), queries}; stops the server on a failure.
 */
async function startSize(payments) {
  const data = await scenarioFile({ payments });
  say(
    `${payments} payments: scenario ${(data.bytes / 2 ** 20).toFixed(1)} MB via ${data.source} in ${(data.ms / 1000).toFixed(1)} s`,
  );
  // The probe (lib/probe-preload.js) reports the collector's pauses and the event-loop delay of each query run (E223).
  const server = await startServer('ours', {
    scenarioFile: data.file,
    timeoutMs: 20 * 60_000,
    nodeFlags: probeFlags(),
    ipc: true,
  });
  try {
    const loaded = await ensurePayments(server.base, { payments });
    const rssLoadedMb = rssMb(server.pid);
    say(
      `  ready in ${(server.readyMs / 1000).toFixed(2)} s (${(server.readyCpuMs / 1000).toFixed(2)} s CPU; ${loaded.loadedBy}), ${loaded.total} payments, RSS ${rssLoadedMb?.toFixed(0)} MB`,
    );
    const headers = partnerHeaders();
    const sample = await expectStatus(server.base, { path: '/v1/partner/payments?status=paid&limit=1', headers }, 200);
    const ids = await statusIds(server.base, loaded.total);
    const size = {
      payments,
      total: loaded.total,
      loadedBy: loaded.loadedBy,
      source: data.source,
      fileMb: data.bytes / 2 ** 20,
      readyMs: server.readyMs,
      // CPU time spawn → ready: what the load itself costs, whatever else the machine runs (E204).
      readyCpuMs: server.readyCpuMs,
      rssLoadedMb,
      statusIds: ids.source,
      runs: {},
    };
    const merchantClientId = sample.payments[0].merchantClientId;
    return { size, server, queries: queries({ merchantClientId, pickId: ids.pick, total: loaded.total }) };
  } catch (err) {
    await stopServer(server);
    throw err;
  }
}

async function stopServer(server) {
  await server.stop();
  fs.rmSync(server.logFile, { force: true });
}

const scavengeLine = (s) =>
  s && s.count > 0
    ? `  scavenges ${s.count} (pause p50 ${s.p50.toFixed(2)} ms, max ${s.max.toFixed(1)} ms; ~${(100 * s.shareBeside).toFixed(1)} % of requests beside one)`
    : '';
const runLine = (run) =>
  `${run.rps.toFixed(0).padStart(6)} req/s  p50 ${run.p50?.toFixed(2)} ms  p99 ${run.p99?.toFixed(2)} ms${scavengeLine(run.scavenges)}${run.valid ? '' : `  INVALID ${JSON.stringify(run.statuses)}`}`;

/**
 * E223: a run's scavenges (young-generation collections): how many, their pauses, and the share of
 * the requests that were in flight during one. A scavenge stops the mock; each of the `connections`
 * has a request waiting then, so about connections × scavenges of the run's requests took a pause
 * longer. Once that share passes 1 %, the run's p99 is a scavenge pause.
 */
function scavengesOf(rounds, connections) {
  const probed = rounds.filter((run) => run.gcPauses);
  if (probed.length === 0) return null;
  const count = probed.reduce((sum, run) => sum + run.gcPauses.minor.count, 0);
  const requests = probed.reduce((sum, run) => sum + run.total, 0);
  const pauses = probed.map((run) => run.gcPauses.minor).filter((m) => m.count > 0);
  return {
    count,
    perThousandRequests: requests > 0 ? (1000 * count) / requests : null,
    shareBeside: requests > 0 ? Math.min(1, (connections * count) / requests) : null,
    p50: median(pauses.map((m) => m.p50)),
    max: pauses.length ? Math.max(...pauses.map((m) => m.max)) : null,
    totalMs: pauses.reduce((sum, m) => sum + m.totalMs, 0),
    major: probed.reduce((sum, run) => sum + run.gcPauses.major.count, 0),
  };
}

/**
 * A size's figures for one query from its rounds: the median p50, p99 and req/s, the fields the
 * report reads, and every round's run (`rounds`). Valid when every round is.
 */
function summarise(title, rounds, connections) {
  const valid = rounds.length > 0 && rounds.every((run) => run.valid);
  const of = (key) => median(rounds.map((run) => run[key]));
  const statuses = {};
  for (const run of rounds)
    for (const [code, n] of Object.entries(run.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  return {
    title,
    valid,
    rps: of('rps'),
    p50: of('p50'),
    p99: of('p99'),
    mean: of('mean'),
    ok: rounds.reduce((sum, run) => sum + run.ok, 0),
    total: rounds.reduce((sum, run) => sum + run.total, 0),
    statuses,
    errors: rounds.reduce((sum, run) => sum + run.errors, 0),
    timeouts: rounds.reduce((sum, run) => sum + run.timeouts, 0),
    seconds: rounds.reduce((sum, run) => sum + run.seconds, 0),
    scavenges: scavengesOf(rounds, connections),
    rounds,
  };
}

/**
 * Measures every query on the running sizes (ascending by payments). Per query: one warm-up per
 * size, then `rounds` rounds, each running the sizes that have the query one after another,
 * smallest first. A size whose load run throws is marked failed and left out of what follows.
 */
async function measureQueries(live, { seconds, warmupSeconds, connections, rounds }) {
  const names = [];
  for (const entry of [...live].reverse())
    for (const q of entry.queries) if (!names.includes(q.name)) names.push(q.name);
  for (const name of names) {
    const running = live.filter((entry) => !entry.size.error && entry.queries.some((q) => q.name === name));
    const perSize = new Map(running.map((entry) => [entry, []]));
    const load = (entry, runSeconds) => ({
      base: entry.server.base,
      request: entry.queries.find((q) => q.name === name).request,
      expect: 200,
      connections,
      seconds: runSeconds,
    });
    // A size that fails is stopped at once, so that it does not compete with the sizes still measured.
    const fail = async (entry, err) => {
      say(`  ${entry.size.payments} payments: FAILED ${err.message}`);
      entry.size.error = err.message;
      if (!entry.stopped) {
        entry.stopped = true;
        await stopServer(entry.server);
      }
    };
    const label = ({ size }) => sizeLabel(size.payments).padStart(5);
    say(
      `  ${name}: ${running.map(({ size }) => sizeLabel(size.payments)).join(', ')}; ${rounds} round${rounds === 1 ? '' : 's'} of ${seconds} s`,
    );
    if (warmupSeconds > 0)
      for (const entry of running) {
        try {
          await runLoad(load(entry, warmupSeconds));
        } catch (err) {
          await fail(entry, err);
        }
      }
    // E216: the sizes alternate within each round, so the two runs a growth ratio compares are
    // seconds apart (the machine's drift between runs minutes apart is larger than the growth being
    // judged); odd rounds run smallest first, even rounds largest first, so neither size always
    // has the first place.
    for (let round = 1; round <= rounds; round += 1) {
      for (const entry of round % 2 === 1 ? running : [...running].reverse()) {
        if (entry.size.error) continue;
        try {
          await sample(entry.server.child); // the pauses and the delay afresh
          const run = await runLoad(load(entry, seconds));
          const probed = await sample(entry.server.child);
          run.gcPauses = probed.gcPauses;
          run.loopDelay = beyondPeriod(probed.delay);
          run.scavenges = scavengesOf([run], connections);
          run.valid = isValidRun(run);
          run.round = round;
          perSize.get(entry).push(run);
          say(`    round ${round} ${label(entry)} ${runLine(run)}`);
        } catch (err) {
          await fail(entry, err);
        }
      }
    }
    for (const entry of running) {
      if (entry.size.error) continue;
      const title = entry.queries.find((q) => q.name === name).title;
      entry.size.runs[name] = summarise(title, perSize.get(entry), connections);
      say(`    median  ${label(entry)} ${runLine(entry.size.runs[name])}`);
    }
  }
}

/**
 * Starts every size (largest first, one at a time, so each load is measured with nothing else
 * loading), measures the queries on all of them at once in alternating rounds, reads each one's
 * RSS after the queries and stops them; then the largest size's start from a state file (E204).
 * Resolves the sizes, smallest first; a size that fails is `{payments, error}`.
 */
async function measureSizes(options) {
  const ordered = [...new Set(options.sizes)].sort((a, b) => a - b);
  const live = [];
  const failed = [];
  try {
    for (const payments of [...ordered].reverse()) {
      try {
        live.unshift(await startSize(payments));
      } catch (err) {
        say(`  ${payments} payments: FAILED ${err.message}`);
        failed.push({ payments, error: err.message });
      }
    }
    if (live.length > 0) {
      say(`queries on ${live.map(({ size }) => sizeLabel(size.payments)).join(', ')} (all running):`);
      await measureQueries(live, options);
    }
    for (const { size, server } of live) if (!size.error) size.rssAfterMb = rssMb(server.pid);
  } finally {
    for (const entry of live) if (!entry.stopped) await stopServer(entry.server);
  }
  const sizes = [
    ...failed,
    ...live.map(({ size }) => (size.error ? { payments: size.payments, error: size.error } : size)),
  ].sort((a, b) => a.payments - b.payments);
  const largest = sizes.at(-1);
  if (largest && !largest.error && largest.payments >= STATE_FILE_FROM) {
    try {
      largest.stateFile = await measureStateFile(await scenarioFile({ payments: largest.payments }), largest.payments);
      const { readyMs, readyCpuMs, rssMb: rss } = largest.stateFile;
      say(
        `${largest.payments} payments, state file: ready in ${(readyMs / 1000).toFixed(2)} s (${(readyCpuMs / 1000).toFixed(2)} s CPU), RSS ${rss?.toFixed(0)} MB`,
      );
    } catch (err) {
      say(`${largest.payments} payments, state file: FAILED ${err.message}`);
      largest.stateFile = { error: err.message };
    }
  }
  return sizes;
}

/** Sizes from which the start from a state file is measured too (E204). */
const STATE_FILE_FROM = 1_000_000;

async function main({ only }) {
  installExitHooks();
  assertBuilt();
  const options = {
    sizes: only === 'webhooks' ? [] : listEnv('BENCH_SCALE_SIZES', ['1000', '1000000']).map(Number),
    // Seconds per run: each size runs every query `rounds` times (E216), 3 × 5 s where one run was 10 s.
    seconds: intEnv('BENCH_DURATION', 5, { min: 1, max: 600 }),
    rounds: intEnv('BENCH_SCALE_ROUNDS', 3, { min: 1, max: 20 }),
    warmupSeconds: intEnv('BENCH_WARMUP', 1, { min: 0, max: 60 }),
    connections: intEnv('BENCH_CONNECTIONS', 10, { min: 1, max: 1000 }),
    webhookPayments: intEnv('BENCH_WEBHOOK_PAYMENTS', 1000, { min: 1, max: 100_000 }),
  };
  const machine = machineInfo();
  const startedAt = new Date();
  say(
    only === 'webhooks'
      ? `acountpay-mock webhooks at volume: ${options.webhookPayments} payments settled within one second; load average ${machine.loadAverage.join(' ')}`
      : `acountpay-mock scale bench: sizes ${options.sizes.join(', ')}; per query ${options.rounds} alternating round${options.rounds === 1 ? '' : 's'} of ${options.seconds} s per size; load average ${machine.loadAverage.join(' ')}`,
  );

  const sizes = await measureSizes(options);

  say(`webhooks: ${options.webhookPayments} payments settled within one second…`);
  const webhooks = [];
  try {
    const server = await startServer('ours');
    try {
      const result = await measureWebhookVolume(server.base, { payments: options.webhookPayments });
      say(
        `  ${result.received}/${result.payments} delivered, p50 ${result.delivery.p50?.toFixed(2)} ms, p99 ${result.delivery.p99?.toFixed(2)} ms; status p99 ${result.status.alone.times.p99?.toFixed(2)} ms alone, ${result.status.during.p99?.toFixed(2)} ms beside the ${result.bursts.length} measured bursts together`,
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
  result.growth = markdown.growth;
  // A webhooks-only run keeps its own file, so that it does not replace the last scale run's.
  const file = writeResults(only === 'webhooks' ? 'webhooks' : 'scale', markdown.text, result);
  say(`\n${markdown.text}\n`);
  say(`written: ${file} (and .json)`);
  const complete =
    options.sizes.includes(1000) &&
    options.sizes.includes(1_000_000) &&
    options.rounds >= 3 &&
    options.seconds >= 5 &&
    sizes.every((s) => !s.error);
  if (complete) say(`updated: ${updateCommittedSection('scale', markdown.text)}`);
  else if (only !== 'webhooks')
    say(
      'bench/RESULTS.md left as it was: only a full scale run (1k and 1M, ≥3 rounds of ≥5 s per query, no failures) replaces it.',
    );
  closeAgent();
}

module.exports = { main, scavengesOf };
if (require.main === module) main();
