'use strict';
/**
 * CPU profile of acountpay-mock (`node --cpu-prof`), summarised as the top self-time functions and
 * the areas of code they belong to.
 *   npm run bench -- --only profile                     create-payment load (BENCH_DURATION s)
 *   npm run bench -- --only profile --scenario a,b      each named scenario, one profiled mock each
 *   npm run bench -- --only profile --startup           spawn → first 200 on /__control/health
 * BENCH_PAYMENTS loads that many generated payments first (default 100000 for list-payments, else 0).
 * The .cpuprofile is copied to bench/results/ for Chrome DevTools (Performance → Load profile).
 */
const fs = require('node:fs');
const path = require('node:path');
const { benchTmpDir, installExitHooks } = require('./children');
const { closeAgent } = require('./http-client');
const { intEnv, machineInfo } = require('./options');
const { assertBuilt } = require('./project');
const { startServer } = require('./servers');
const { runLoad } = require('./load');
const { scenarioFile } = require('./scenario-data');
const { setupOurs, scenarios } = require('./workload');
const { summariseProfile } = require('./cpu-profile');
const { table, writeResults, RESULTS_DIR } = require('./report');

const say = (line) => process.stdout.write(`${line}\n`);
const TOP = 25;

async function profiled(run, { scenarioFile } = {}) {
  const dir = fs.mkdtempSync(path.join(benchTmpDir(), 'cpu-'));
  const server = await startServer('ours', {
    nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    scenarioFile,
    timeoutMs: 300_000,
  });
  let detail;
  try {
    detail = await run(server);
  } finally {
    // SIGINT lets the mock close and exit normally, which is when V8 writes the profile.
    await server.stop({ signal: 'SIGINT', graceMs: 20_000 });
    fs.rmSync(server.logFile, { force: true });
  }
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('the mock wrote no .cpuprofile (did it exit normally on SIGINT?)');
  return { detail, profilePath: path.join(dir, file), readyMs: server.readyMs };
}

function render(title, summary, note) {
  const busy = summary.totalMs - (summary.areas.find((a) => a.area === 'idle')?.selfMs ?? 0);
  const pct = (ms) => `${((ms / busy) * 100).toFixed(1)}%`;
  const functionTable = (rows, key) =>
    table(
      ['#', `${key === 'selfMs' ? 'self' : 'total'} ms`, '% busy', 'function', 'location', 'area'],
      rows.map((f, i) => [
        String(i + 1),
        f[key].toFixed(1),
        pct(f[key]),
        `\`${f.name}\``,
        f.location ? `\`${f.location}\`` : '',
        f.area,
      ]),
    );
  const busyFunctions = summary.functions.filter((f) => f.area !== 'idle');
  const mine = busyFunctions
    .filter((f) => f.area.startsWith('mock:'))
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, TOP);
  const areas = table(
    ['area', 'self ms', '% busy'],
    summary.areas
      .filter((a) => a.area !== 'idle')
      .slice(0, 20)
      .map((a) => [a.area, a.selfMs.toFixed(1), pct(a.selfMs)]),
  );
  return [
    `## CPU profile: ${title}`,
    '',
    `${note} Profiled ${(summary.totalMs / 1000).toFixed(2)} s, of which ${(busy / 1000).toFixed(2)} s busy (not idle); percentages are of busy time.`,
    '',
    `### Top ${TOP} functions by self time`,
    '',
    functionTable(busyFunctions.slice(0, TOP), 'selfMs'),
    '',
    `### The mock's own top ${TOP} functions by total time (with everything they call)`,
    '',
    functionTable(mine, 'totalMs'),
    '',
    '### By area',
    '',
    areas,
  ].join('\n');
}

async function main({ argv, scenarios: names }) {
  installExitHooks();
  assertBuilt();
  const startup = argv.includes('--startup');
  for (const scenarioName of startup ? [null] : (names ?? ['create-payment'])) await profileOne(startup, scenarioName);
  closeAgent();
}

async function profileOne(startup, scenarioName) {
  const seconds = intEnv('BENCH_DURATION', 10, { min: 1, max: 600 });
  const connections = intEnv('BENCH_CONNECTIONS', 10, { min: 1, max: 1000 });
  const machine = machineInfo();
  const name = startup ? 'profile-startup' : `profile-${scenarioName}`;
  // list-payments is only meaningful over many payments, as in the main bench.
  const payments = intEnv('BENCH_PAYMENTS', !startup && scenarioName === 'list-payments' ? 100_000 : 0, {
    min: 0,
    max: 2_000_000,
  });
  const data = payments > 0 ? await scenarioFile({ payments }) : null;

  const { detail, profilePath, readyMs } = await profiled(
    async (server) => {
      if (startup) return null;
      const ids = await setupOurs(server.base);
      const [scenario] = scenarios(ids, [scenarioName]);
      say(`profiling ${scenarioName} for ${seconds} s at ${connections} connections…`);
      const fromUs = Number(process.hrtime.bigint() / 1000n);
      const load = await runLoad({
        base: server.base,
        request: scenario.request,
        expect: scenario.expect,
        connections,
        seconds,
      });
      return { load, window: { fromUs, toUs: Number(process.hrtime.bigint() / 1000n) } };
    },
    { scenarioFile: data?.file },
  );
  const summary = summariseProfile(JSON.parse(fs.readFileSync(profilePath, 'utf8')), detail?.window);
  const load = detail?.load;
  const note = startup
    ? `From process start to the first 200 on /__control/health (${readyMs.toFixed(0)} ms under the profiler, which slows start-up) and a normal shutdown.`
    : `Under ${scenarioName} load${data ? ` with ${payments} payments loaded` : ''}: ${load.rps.toFixed(0)} req/s, p50 ${load.p50?.toFixed(2)} ms, p99 ${load.p99?.toFixed(2)} ms (the profiler costs some throughput); only the samples of the load run count, not start-up or setup.`;
  const text = `${render(startup ? 'start-up' : scenarioName, summary, `${note} Load average ${machine.loadAverage.join(' / ')}.`)}`;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const kept = path.join(RESULTS_DIR, `${name}.cpuprofile`);
  fs.copyFileSync(profilePath, kept);
  const file = writeResults(name, text, {
    machine,
    startup,
    scenario: startup ? null : scenarioName,
    load,
    readyMs,
    totalMs: summary.totalMs,
    areas: summary.areas,
    functions: summary.functions.slice(0, 200),
  });
  say(`\n${text}\n`);
  say(`written: ${file} (and .json); profile: ${kept}`);
}

module.exports = { main };
