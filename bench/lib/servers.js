'use strict';
/**
 * The four servers under test. Each starts as its own child process on 127.0.0.1 with a free port;
 * `readyMs` is spawn → first 200 on its health URL (the cold start), `readyCpuMs` the CPU time the
 * process used until then (steadier than wall time on a busy machine).
 */
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { benchTmpDir, spawnNode, stopChild } = require('./children');
const { freePort, waitForOk } = require('./http-client');
const { ROOT, partnerHeaders } = require('./project');
const { cpuMs } = require('./stats');

/** BENCH_OURS_ARGS: extra mock flags for an A/B run, e.g. `--log-level silent` or `--no-validate-responses`. */
function oursExtraArgs() {
  return (process.env.BENCH_OURS_ARGS ?? '').split(' ').filter(Boolean);
}

/** One of bench/peers.js's servers. */
const peer = (kind, label) => ({
  label,
  args: (port) => [path.join(__dirname, '..', 'peers.js'), kind, String(port)],
  health: () => ({ path: '/health' }),
});

const SERVERS = {
  node: peer('node', 'node:http'),
  express: peer('express', 'Express 5'),
  receiver: peer('receiver', 'webhook receiver'),
  prism: {
    label: 'Prism 5.14',
    // node_modules/.bin/prism is a symlink to this file; running it with node directly makes the
    // child's pid Prism's own (for VmRSS), and NODE_ENV is unset so Prism stays single-process.
    args: (port) => [
      path.join(ROOT, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'),
      'mock',
      path.join(ROOT, 'spec', 'partner-api.yaml'),
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
    ],
    health: () => ({ path: '/v1/partner/profile', headers: partnerHeaders() }),
  },
  ours: {
    label: 'acountpay-mock',
    // Request and response validation, the journal and info-level logging are all on by default.
    args: (port, { scenarioFile, nodeFlags = [], args = [], logLevel = 'info' } = {}) => [
      ...nodeFlags,
      path.join(ROOT, 'bin', 'acountpay-mock.js'),
      '--port',
      String(port),
      '--log-level',
      logLevel,
      ...(scenarioFile ? ['--scenario', scenarioFile] : []),
      ...args,
      ...oursExtraArgs(),
    ],
    health: () => ({ path: '/__control/health' }),
  },
};

let starts = 0;

/**
 * Starts `key` and resolves once it answers 200: {key, label, pid, base, readyMs, readyCpuMs, logFile, child, stop()}.
 * Options: scenarioFile, nodeFlags, args (more mock flags) and logLevel (ours only), timeoutMs for
 * slow scenario loads, ipc (a channel for probe.js).
 */
async function startServer(key, options = {}) {
  const def = SERVERS[key];
  if (!def) throw new Error(`unknown server ${key}; known: ${Object.keys(SERVERS).join(', ')}`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  starts += 1;
  const logFile = path.join(benchTmpDir(), `${key}-${starts}.log`);
  const started = performance.now();
  const child = spawnNode(def.args(port, options), { logFile, cwd: ROOT, env: options.env, ipc: options.ipc });
  try {
    await waitForOk(base, { ...def.health(), child, timeoutMs: options.timeoutMs ?? 60_000 });
  } catch (err) {
    await stopChild(child, { graceMs: 1000 });
    throw err;
  }
  const readyMs = performance.now() - started;
  const readyCpuMs = cpuMs(child.pid);
  return {
    key,
    label: def.label,
    pid: child.pid,
    base,
    readyMs,
    readyCpuMs,
    logFile,
    child,
    stop: (opts) => stopChild(child, opts),
  };
}

module.exports = { SERVERS, startServer, oursExtraArgs };
