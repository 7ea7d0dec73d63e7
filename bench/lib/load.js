'use strict';
/**
 * One load run: as fast as the server answers with autocannon, or paced to a rate (E221). Latency
 * percentiles are computed here from every response's own time (autocannon's histogram rounds to
 * whole milliseconds, too coarse for a 1–3 ms p50).
 */
const http = require('node:http');
const autocannon = require('autocannon');
const { performance } = require('node:perf_hooks');
const { percentile } = require('./stats');

const MAX_SAMPLES = 5_000_000;

/** Spaces request starts `1000 / rate` ms apart over all callers; a slow server lowers the rate, never bursts. */
function createPacer(rate) {
  const gap = 1000 / rate;
  let next = performance.now();
  return async () => {
    const now = performance.now();
    const slot = Math.max(next, now);
    next = slot + gap;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  };
}

/** {rps, p50, p99, mean} of a run's expected responses; `latencies` are sorted here. */
function summarize(latencies, statuses, expect, runSeconds) {
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
  };
}

/**
 * E221: `rate` requests per second, one every `1000 / rate` ms, over at most `connections`
 * keep-alive sockets: a fleet of terminals that each poll now and then. Each latency runs from the
 * moment its request was due to its response's last byte, so a request that waited for a free socket
 * behind a stalled server counts that wait. The request is built once and the answer only counted,
 * not parsed, so that the client's own work stays out of the figures as far as it can.
 */
async function runPaced({ base, request, expect, connections, seconds, rate }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(request.path, base);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const options = {
    hostname: url.hostname,
    port: url.port,
    path: url.pathname + url.search,
    method: request.method ?? 'GET',
    agent,
    headers: { ...request.headers, ...(body && { 'content-length': String(body.length) }) },
  };
  const pace = createPacer(rate);
  const latencies = [];
  const statuses = {};
  let errors = 0;
  let timeouts = 0;
  const one = (due) =>
    new Promise((resolve) => {
      let timedOut = false;
      const req = http.request(options, (res) => {
        res.resume();
        res.on('end', () => {
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          if (res.statusCode === expect && latencies.length < MAX_SAMPLES) latencies.push(performance.now() - due);
          resolve();
        });
        // An answer cut off before its end counts as neither; the run goes on.
        res.on('close', resolve);
      });
      req.setTimeout(10_000, () => {
        timedOut = true;
        timeouts += 1;
        req.destroy();
      });
      req.on('error', () => {
        if (!timedOut) errors += 1;
        resolve();
      });
      req.end(body);
    });
  const started = performance.now();
  const end = started + seconds * 1000;
  const inFlight = new Set();
  try {
    for (;;) {
      await pace();
      const due = performance.now();
      if (due >= end) break;
      const call = one(due);
      inFlight.add(call);
      call.then(() => inFlight.delete(call));
    }
    await Promise.all(inFlight);
  } finally {
    agent.destroy();
  }
  const runSeconds = (performance.now() - started) / 1000;
  return { ...summarize(latencies, statuses, expect, runSeconds), errors, timeouts, seconds: runSeconds };
}

/**
 * Resolves {rps, p50, p99, mean, ok, total, statuses, errors, timeouts, seconds}: `rps` counts only
 * responses with the expected status; `statuses` counts all of them by code. `rate` paces the run to
 * that many requests per second in all (`runPaced`; default: as fast as the server answers).
 */
async function runLoad({ base, request, expect, connections = 10, seconds = 10, rate }) {
  if (rate) return runPaced({ base, request, expect, connections, seconds, rate });
  const latencies = [];
  const statuses = {};
  const started = performance.now();
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [request],
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
  return {
    ...summarize(latencies, statuses, expect, runSeconds),
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: runSeconds,
  };
}

/** True when almost every response had the expected status (so the numbers measure that route). */
function isValidRun(run) {
  return run.total > 0 && run.ok / run.total >= 0.99 && run.errors + run.timeouts <= run.total * 0.01;
}

module.exports = { runLoad, isValidRun, createPacer };
