'use strict';
/**
 * One load run with autocannon. Latency percentiles are computed here from every response's own
 * time (autocannon's histogram rounds to whole milliseconds, too coarse for a 1–3 ms p50).
 */
const autocannon = require('autocannon');
const { performance } = require('node:perf_hooks');
const { percentile } = require('./stats');

const MAX_SAMPLES = 5_000_000;

/**
 * Resolves {rps, p50, p99, mean, ok, total, statuses, errors, timeouts, seconds}: `rps` counts only
 * responses with the expected status; `statuses` counts all of them by code. `rate` paces the run to
 * that many requests per second in all (default: as fast as the server answers).
 */
async function runLoad({ base, request, expect, connections = 10, seconds = 10, rate }) {
  const latencies = [];
  const statuses = {};
  const started = performance.now();
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [request],
    ...(rate && { overallRate: rate }),
  });
  // The run ends by itself after `seconds`; this only guards against a server that stops answering.
  const guard = setTimeout(() => instance.stop(), (seconds + 30) * 1000);
  instance.on('response', (_client, status, _bytes, ms) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status === expect && latencies.length < MAX_SAMPLES) latencies.push(ms);
  });
  const result = await instance;
  clearTimeout(guard);
  const elapsed = (performance.now() - started) / 1000;
  const runSeconds = typeof result.duration === 'number' && result.duration > 0 ? result.duration : elapsed;
  latencies.sort((a, b) => a - b);
  const ok = statuses[expect] ?? 0;
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    rps: ok / runSeconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    mean: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : null,
    ok,
    total,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: runSeconds,
  };
}

/** True when almost every response had the expected status (so the numbers measure that route). */
function isValidRun(run) {
  return run.total > 0 && run.ok / run.total >= 0.99 && run.errors + run.timeouts <= run.total * 0.01;
}

module.exports = { runLoad, isValidRun };
