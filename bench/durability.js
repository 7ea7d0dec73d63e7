'use strict';
/**
 * The state file (E50) measured: how long a mock with N payments (default 1,000,000) in its state
 * file takes to start and how much memory it holds, and what committing every change costs per
 * request (autocannon, with and without `--state-file`, in the same run, alternating).
 *
 *   npm run build && node bench/durability.js
 *   DURABILITY_PAYMENTS=100000 BENCH_DURATION=5 BENCH_ROUNDS=1 node bench/durability.js   # quick
 *
 * Prints a Markdown report and writes it to bench/results/durability.md.
 */
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { benchTmpDir, spawnNode, stopChild, installExitHooks } = require('./lib/children');
const { waitForOk, freePort, closeAgent } = require('./lib/http-client');
const { runLoad, isValidRun } = require('./lib/load');
const { ROOT, assertBuilt } = require('./lib/project');
const { scenarioFile } = require('./lib/scenario-data');
const { rssMb, cpuMs } = require('./lib/stats');
const { setupOurs, scenarios } = require('./lib/workload');

const PAYMENTS = Number(process.env.DURABILITY_PAYMENTS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const BIN = path.join(ROOT, 'bin', 'acountpay-mock.js');
const HEAP = PAYMENTS > 200_000 ? ['--max-old-space-size=6144'] : [];

async function startMock(args, label) {
  const port = await freePort();
  const started = performance.now();
  const child = spawnNode([...HEAP, BIN, '--port', String(port), '--log-level', 'warn', ...args], {
    logFile: path.join(benchTmpDir(), `durability-${label}.log`),
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(base, { path: '/__control/health', child, timeoutMs: 30 * 60_000, intervalMs: 50 });
  return { child, base, ms: performance.now() - started, cpu: cpuMs(child.pid), rss: rssMb(child.pid) };
}

const fileMb = (file) =>
  ['', '-wal'].reduce((sum, s) => sum + (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0), 0) / 2 ** 20;

async function scale(lines) {
  const scenario = await scenarioFile({ payments: PAYMENTS });
  const file = path.join(benchTmpDir(), `durability-${PAYMENTS}.db`);
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });

  // First start: the scenario is loaded (as without a state file), then written to the new file.
  const plain = await startMock(['--scenario', scenario.file], 'plain');
  await stopChild(plain.child);
  const first = await startMock(['--scenario', scenario.file, '--state-file', file], 'first');
  await stopChild(first.child); // SIGTERM: commit and checkpoint
  const sizeMb = fileMb(file);
  // Restarts from the file alone: after a graceful stop, and after kill -9 (log replayed at open).
  const restart = await startMock(['--state-file', file], 'restart');
  restart.child.kill('SIGKILL');
  await stopChild(restart.child);
  const afterKill = await startMock(['--state-file', file], 'after-kill');
  await stopChild(afterKill.child);

  lines.push(
    `## ${PAYMENTS.toLocaleString('en')} payments`,
    '',
    `Scenario: \`fixtures generate --seed 42 --merchants 50 --stores-per-merchant 3 --payments ${PAYMENTS}\`` +
      ` (${(scenario.bytes / 2 ** 20).toFixed(0)} MB of JSON); state file after a graceful stop: ${sizeMb.toFixed(0)} MB.` +
      ` Heap limit ${HEAP.length ? HEAP[0] : 'default'}.`,
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
      const mock = await startMock(
        ['--scenario', 'default', ...(mode === 'durable' ? ['--state-file', file] : [])],
        `${mode}-${round}`,
      );
      const ids = await setupOurs(mock.base);
      for (const s of scenarios(ids).filter((x) =>
        ['create-payment', 'payment-status', 'create-store'].includes(x.name),
      )) {
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

async function main() {
  assertBuilt();
  installExitHooks();
  const lines = [`# State file benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version})`, ''];
  if (!process.argv.includes('--overhead-only')) await scale(lines);
  if (!process.argv.includes('--scale-only')) await overhead(lines);
  closeAgent();
  const report = lines.join('\n');
  const out = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'durability.md'), `${report}\n`);
  process.stdout.write(`${report}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exitCode = 1;
});
