'use strict';
/**
 * `npm run bench`: node:http, Express 5, Prism and acountpay-mock under the same requests, each
 * scenario on every server back to back, over rounds; medians over rounds, ratios, PASS/MISS per
 * target. A full run replaces its section of bench/RESULTS.md and the README's table.
 */
const fs = require('node:fs');
const path = require('node:path');
const { installExitHooks } = require('./children');
const { closeAgent } = require('./http-client');
const { benchOptions, machineInfo } = require('./options');
const { ROOT, assertBuilt } = require('./project');
const { scenarioFile, ensurePayments } = require('./scenario-data');
const { startServer } = require('./servers');
const { runLoad, isValidRun } = require('./load');
const { rssMb } = require('./stats');
const { beyondPeriod, probeFlags, sample } = require('./probe');
const { setupOurs, scenarios } = require('./workload');
const { summarise, renderMain, renderReadmeTable } = require('./main-report');
const { writeResults, updateCommittedSection } = require('./report');

const say = (line) => process.stdout.write(`${line}\n`);

/** {wall: {server: [ms]}, cpu: {server: [ms]}}: spawn → first 200, and the CPU time used by then. */
async function coldStarts(servers, count) {
  const wall = Object.fromEntries(servers.map((key) => [key, []]));
  const cpu = Object.fromEntries(servers.map((key) => [key, []]));
  for (let i = 0; i < count; i += 1) {
    for (const key of servers) {
      try {
        const server = await startServer(key);
        wall[key].push(server.readyMs);
        cpu[key].push(server.readyCpuMs);
        await server.stop();
        fs.rmSync(server.logFile, { force: true });
      } catch (err) {
        say(`  cold start ${i + 1} of ${key} failed: ${err.message}`);
      }
    }
  }
  return { wall, cpu };
}

/** Starts `key` for a round and creates the mock's data: {server, ids, loaded, rssIdleMb}. */
async function startForRound(key, { options, data }) {
  // Ours carries the probe (lib/probe-preload.js) for its event-loop delay during each measured run.
  const server = await startServer(
    key,
    key === 'ours'
      ? { ...(data && { scenarioFile: data.file, timeoutMs: 300_000 }), nodeFlags: probeFlags(), ipc: true }
      : {},
  );
  try {
    const loaded = key === 'ours' && data ? await ensurePayments(server.base, { payments: options.payments }) : null;
    const ids = key === 'ours' ? await setupOurs(server.base) : undefined;
    return { server, ids, loaded, rssIdleMb: rssMb(server.pid) };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

async function measure({ server, ids }, name, { options, round }) {
  const [scenario] = scenarios(ids, [name]);
  const load = {
    base: server.base,
    request: scenario.request,
    expect: scenario.expect,
    connections: options.connections,
  };
  if (options.warmupSeconds > 0) await runLoad({ ...load, seconds: options.warmupSeconds });
  const probed = server.key === 'ours';
  if (probed) await sample(server.child); // starts the delay histogram afresh
  const run = await runLoad({ ...load, seconds: options.seconds });
  if (probed) run.loopDelay = beyondPeriod((await sample(server.child)).delay);
  run.valid = isValidRun(run);
  run.rssMb = rssMb(server.pid);
  const codes = Object.entries(run.statuses)
    .map(([code, n]) => `${code}×${n}`)
    .join(' ');
  say(
    `  round ${round} ${server.label.padEnd(15)} ${name.padEnd(15)} ${run.rps.toFixed(0).padStart(6)} req/s  p50 ${run.p50?.toFixed(2) ?? '–'} ms  p99 ${run.p99?.toFixed(2) ?? '–'} ms  [${codes}]${run.loopDelay ? `  loop delay p99 ${run.loopDelay.p99?.toFixed(1) ?? '–'} ms` : ''}${run.valid ? '' : '  INVALID'}`,
  );
  return run;
}

/**
 * One round: every server started (idle ones cost nothing), then each scenario on every server back
 * to back, so a scenario's runs are seconds apart and share whatever else the machine is doing.
 */
async function runRound(order, { options, data, round }) {
  const results = {};
  const running = {};
  try {
    for (const key of order) {
      try {
        running[key] = await startForRound(key, { options, data });
        results[key] = { readyMs: running[key].server.readyMs, loaded: running[key].loaded, runs: {} };
      } catch (err) {
        // One server failing (or being killed from outside) costs its round, not the whole run.
        say(`  round ${round} ${key}: FAILED ${err.message}`);
        results[key] = { error: err.message, runs: {} };
      }
    }
    for (const { name } of scenarios(undefined, options.scenarios))
      for (const key of order.filter((k) => running[k])) {
        try {
          results[key].runs[name] = await measure(running[key], name, { options, round });
        } catch (err) {
          say(`  round ${round} ${key} ${name}: FAILED ${err.message}`);
        }
      }
    for (const [key, { server, rssIdleMb }] of Object.entries(running))
      Object.assign(results[key], {
        rssIdleMb,
        rssAfterMb: rssMb(server.pid),
        logBytes: fs.statSync(server.logFile).size,
      });
    return results;
  } finally {
    for (const { server } of Object.values(running)) {
      await server.stop();
      fs.rmSync(server.logFile, { force: true });
    }
  }
}

async function main(flags) {
  installExitHooks();
  assertBuilt();
  const options = { ...benchOptions(), scenarios: flags.scenarios };
  const machine = machineInfo();
  const startedAt = new Date();
  say(
    `acountpay-mock bench: ${options.servers.join(', ')}; ${options.rounds} round(s) × ${options.seconds} s (+${options.warmupSeconds} s warm-up), ${options.connections} connections`,
  );
  say(`machine: ${machine.nproc} CPUs, Node ${machine.node}, load average ${machine.loadAverage.join(' ')}`);

  let data = null;
  if (options.servers.includes('ours') && options.payments > 0) {
    data = await scenarioFile({ payments: options.payments });
    say(
      `scenario: ${options.payments} payments, ${(data.bytes / 2 ** 20).toFixed(1)} MB, via ${data.source} in ${(data.ms / 1000).toFixed(1)} s`,
    );
  }

  say(`cold start (${options.coldStarts} starts each, spawn → first 200)…`);
  const cold = await coldStarts(options.servers, options.coldStarts);

  const rounds = [];
  for (let r = 0; r < options.rounds; r += 1) {
    // Rotate the order so no server always runs first (or right after the heaviest one).
    const order = options.servers.map((_, i) => options.servers[(i + r) % options.servers.length]);
    rounds.push(await runRound(order, { options, data, round: r + 1 }));
  }

  const summary = summarise({
    options,
    machine,
    startedAt,
    finishedAt: new Date(),
    loadAverageEnd: machineInfo().loadAverage,
    data,
    cold,
    rounds,
  });
  const markdown = renderMain(summary);
  const file = writeResults(process.env.BENCH_RESULTS_NAME || 'latest', markdown, summary);
  say(`\n${markdown}\n`);
  say(`written: ${file} (and .json)`);
  if (summary.complete) {
    say(`updated: ${updateCommittedSection('main', markdown)}`);
    say(`updated: ${updateCommittedSection('bench-table', renderReadmeTable(summary), path.join(ROOT, 'README.md'))}`);
  } else
    say(
      'bench/RESULTS.md left as it was: only a full run (all servers and scenarios, ≥3 rounds of ≥10 s) replaces it.',
    );
  closeAgent();
}

module.exports = { main };
