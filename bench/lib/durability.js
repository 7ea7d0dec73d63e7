'use strict';
/**
 * The state file (E50) measured: how long a mock with N payments (default 1,000,000) in its state
 * file takes to start and how much memory it holds, and what committing every change costs per
 * request (autocannon, with and without `--state-file`, in the same run, alternating).
 *
 *   npm run bench -- --only durability
 *   DURABILITY_PAYMENTS=100000 BENCH_DURATION=5 BENCH_ROUNDS=1 npm run bench -- --only durability   # quick
 *
 * The mock runs with Node's default heap limit. Prints a Markdown report and writes it to
 * bench/results/durability.md.
 */
const fs = require('node:fs');
const path = require('node:path');
const { benchTmpDir, stopChild, installExitHooks } = require('./children');
const { closeAgent } = require('./http-client');
const { runLoad, isValidRun } = require('./load');
const { assertBuilt } = require('./project');
const { writeResults } = require('./report');
const { scenarioFile } = require('./scenario-data');
const { startServer } = require('./servers');
const { rssMb } = require('./stats');
const { setupOurs, scenarios } = require('./workload');

const PAYMENTS = Number(process.env.DURABILITY_PAYMENTS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function startMock(args) {
  const server = await startServer('ours', { args, logLevel: 'warn', timeoutMs: 30 * 60_000 });
  return { ...server, ms: server.readyMs, cpu: server.readyCpuMs, rss: rssMb(server.pid) };
}

const fileMb = (file) =>
  ['', '-wal'].reduce((sum, s) => sum + (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0), 0) / 2 ** 20;

async function scale(lines) {
  const scenario = await scenarioFile({ payments: PAYMENTS });
  const file = path.join(benchTmpDir(), `durability-${PAYMENTS}.db`);
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });

  // First start: the scenario is loaded (as without a state file), then written to the new file.
  const plain = await startMock(['--scenario', scenario.file]);
  await stopChild(plain.child);
  const first = await startMock(['--scenario', scenario.file, '--state-file', file]);
  await stopChild(first.child); // SIGTERM: commit and checkpoint
  const sizeMb = fileMb(file);
  // Restarts from the file alone: after a graceful stop, and after kill -9 (log replayed at open).
  const restart = await startMock(['--state-file', file]);
  restart.child.kill('SIGKILL');
  await stopChild(restart.child);
  const afterKill = await startMock(['--state-file', file]);
  await stopChild(afterKill.child);

  lines.push(
    `## ${PAYMENTS.toLocaleString('en')} payments`,
    '',
    `Scenario: \`fixtures generate --seed 42 --merchants 50 --stores-per-merchant 3 --payments ${PAYMENTS}\`` +
      ` (${(scenario.bytes / 2 ** 20).toFixed(0)} MB of JSON); state file after a graceful stop: ${sizeMb.toFixed(0)} MB.` +
      ' Default heap limit.',
    '',
    '| start | until the first 200 | CPU used by then | RSS then |',
    '| --- | --- | --- | --- |',
    ...[
      ['scenario JSON, no state file', plain],
      ['scenario JSON into a new state file', first],
      ['state file (after SIGTERM)', restart],
      ['state file (after kill -9)', afterKill],
    ].map(
      ([label, r]) =>
        `| ${label} | ${(r.ms / 1000).toFixed(1)} s | ${(r.cpu / 1000).toFixed(1)} s | ${Math.round(r.rss)} MB |`,
    ),
    '',
  );
}

async function overhead(lines) {
  const results = { plain: {}, durable: {} };
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? ['plain', 'durable'] : ['durable', 'plain'];
    for (const mode of order) {
      const file = path.join(benchTmpDir(), `durability-overhead-${round}.db`);
      for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
      const mock = await startMock(['--scenario', 'default', ...(mode === 'durable' ? ['--state-file', file] : [])]);
      const ids = await setupOurs(mock.base);
      for (const s of scenarios(ids, ['create-payment', 'payment-status', 'create-store'])) {
        await runLoad({ base: mock.base, request: s.request, expect: s.expect, connections: CONNECTIONS, seconds: 2 });
        const run = await runLoad({
          base: mock.base,
          request: s.request,
          expect: s.expect,
          connections: CONNECTIONS,
          seconds: SECONDS,
        });
        if (!isValidRun(run)) throw new Error(`${mode} ${s.name}: unexpected statuses ${JSON.stringify(run.statuses)}`);
        (results[mode][s.title] ??= []).push(run);
      }
      await stopChild(mock.child);
    }
  }
  const best = (runs) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));
  lines.push(
    `## Per-request cost of the state file`,
    '',
    `autocannon, ${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s per scenario (best round shown),` +
      ' the two modes alternating, `--log-level warn`, loopback, default scenario.',
    '',
    '| request | without | with `--state-file` | ratio | p99 without | p99 with |',
    '| --- | --- | --- | --- | --- | --- |',
    ...Object.keys(results.plain).map((title) => {
      const a = best(results.plain[title]);
      const b = best(results.durable[title]);
      return `| ${title} | ${Math.round(a.rps).toLocaleString('en')} req/s | ${Math.round(b.rps).toLocaleString('en')} req/s | ${(b.rps / a.rps).toFixed(2)}× | ${a.p99.toFixed(1)} ms | ${b.p99.toFixed(1)} ms |`;
    }),
    '',
  );
}

async function main({ argv }) {
  assertBuilt();
  installExitHooks();
  const lines = [`# State file benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version})`, ''];
  if (!argv.includes('--overhead-only')) await scale(lines);
  if (!argv.includes('--scale-only')) await overhead(lines);
  closeAgent();
  const report = lines.join('\n');
  writeResults('durability', report, { payments: PAYMENTS, report });
  process.stdout.write(`${report}\n`);
}

module.exports = { main };
