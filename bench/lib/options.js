'use strict';
/** Run settings from the environment, and a description of the machine the numbers come from. */
const os = require('node:os');

function intEnv(name, fallback, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new Error(`${name} must be a number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return n;
}

function listEnv(name, fallback) {
  const raw = process.env[name];
  return raw
    ? raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : fallback;
}

function benchOptions() {
  return {
    seconds: intEnv('BENCH_DURATION', 10, { min: 1, max: 600 }),
    warmupSeconds: intEnv('BENCH_WARMUP', 1, { min: 0, max: 60 }),
    rounds: intEnv('BENCH_ROUNDS', 3, { min: 1, max: 20 }),
    connections: intEnv('BENCH_CONNECTIONS', 10, { min: 1, max: 1000 }),
    coldStarts: intEnv('BENCH_COLD_STARTS', 3, { min: 1, max: 20 }),
    payments: intEnv('BENCH_PAYMENTS', 100_000, { min: 0, max: 2_000_000 }),
    servers: listEnv('BENCH_SERVERS', ['node', 'express', 'prism', 'ours']),
  };
}

function machineInfo() {
  const cpus = os.cpus();
  return {
    nproc: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

module.exports = { intEnv, listEnv, benchOptions, machineInfo };
