'use strict';
/**
 * One load run: as fast as the server answers with autocannon, or paced to a rate (E221). Latency
 * percentiles are computed here from every response's own time (autocannon's histogram rounds to
 * whole milliseconds, too coarse for a 1–3 ms p50).
 */
const http = require('node:http');
const autocannon = require('autocannon');
const { performance } = require('node:perf_hooks');
const { percentile, spread } = require('./stats');

const MAX_SAMPLES = 5_000_000;

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
 * E221: `rate` requests per second over at most `connections` keep-alive sockets: a fleet of
 * terminals that each poll now and then. Request k is due at `start + k × 1000 / rate` ms; each is
 * sent when it is due (any whose time passed while this process waited for a core go at once), and
 * its time runs from when it was due to its end, so neither this process's nor the server's stalls
 * drop out, and a request that waited for a free socket counts that wait. A request without its
 * answer `deadlineMs` (10 s) after it was due is a timeout, an answer cut off is an error. `samples` holds every
 * request's time, failed ones included (up to the moment they failed), and `times` is their
 * {p50, p99, max}; p50 and p99 are, as in `runLoad`, those of the answers with the expected status.
 * The request is built once and the answer only counted, not parsed.
 */
async function runPaced({ base, request, expect, connections, seconds, rate, deadlineMs = 10_000 }) {
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
  const gap = 1000 / rate;
  const latencies = [];
  const statuses = {};
  let errors = 0;
  let timeouts = 0;
  const samples = [];
  const one = (due) =>
    new Promise((resolve) => {
      let settled = false;
      let ended = false;
      let timedOut = false;
      let timer = null;
      const done = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const ms = performance.now() - due;
        if (samples.length < MAX_SAMPLES) samples.push(ms);
        if (timedOut) timeouts += 1;
        else if (!ended) errors += 1;
        resolve();
      };
      const req = http.request(options, (res) => {
        res.resume();
        res.on('end', () => {
          ended = true;
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          if (res.statusCode === expect && latencies.length < MAX_SAMPLES) latencies.push(performance.now() - due);
        });
        res.on('close', done);
      });
      req.on('error', done);
      req.on('close', done);
      // From when the request was due, also while it waits at the agent for a socket.
      timer = setTimeout(
        () => {
          timedOut = true;
          req.destroy();
        },
        Math.max(0, due + deadlineMs - performance.now()),
      );
      req.end(body);
    });
  const started = performance.now();
  const count = Math.round(seconds * rate);
  const calls = [];
  try {
    for (let k = 0; k < count; k += 1) {
      const due = started + k * gap;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      calls.push(one(due));
    }
    await Promise.all(calls);
  } finally {
    agent.destroy();
  }
  const runSeconds = (performance.now() - started) / 1000;
  return {
    ...summarize(latencies, statuses, expect, runSeconds),
    errors,
    timeouts,
    seconds: runSeconds,
    times: spread(samples),
    samples,
  };
}

/**
 * Resolves {rps, p50, p99, mean, ok, total, statuses, errors, timeouts, seconds}: `rps` counts only
 * responses with the expected status; `statuses` counts all of them by code. `rate` paces the run to
 * that many requests per second in all (`runPaced`; default: as fast as the server answers).
 */
async function runLoad({ base, request, expect, connections = 10, seconds = 10, rate, deadlineMs }) {
  if (rate) return runPaced({ base, request, expect, connections, seconds, rate, deadlineMs });
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

module.exports = { runLoad, isValidRun };
