'use strict';
/**
 * The parent side of probe-preload.js: the node flags that load it into a mock started by
 * servers.js (with `ipc: true`), and `sample()`, which asks the mock for its memory, event-loop
 * delay and busy time since the previous sample.
 */
const path = require('node:path');

const PRELOAD = path.join(__dirname, 'probe-preload.js');

/**
 * monitorEventLoopDelay records each whole interval of its 10 ms timer (an idle process shows a p50
 * of ~10.2 ms), so the delay is what lies beyond that period.
 */
const PROBE_PERIOD_MS = 10;
function beyondPeriod(delay) {
  const beyond = (ms) => (ms == null ? null : Math.max(0, ms - PROBE_PERIOD_MS));
  return { p50: beyond(delay.p50), p99: beyond(delay.p99), max: beyond(delay.max) };
}

/** Node flags for startServer's `nodeFlags`; `gc` adds --expose-gc so samples may collect first. */
function probeFlags({ gc = false } = {}) {
  return [...(gc ? ['--expose-gc'] : []), '--require', PRELOAD];
}

let nextId = 0;

/**
 * Resolves {rssMb, heapUsedMb, heapTotalMb, externalMb, delay: {p50, p99, max}, loopBusyMs,
 * loopUtilization, gc, gcPauses: {minor, major}}, `delay` as the histogram has it (see beyondPeriod),
 * each of `gcPauses` {count, totalMs, p50, p99, max} of the collector's pauses in ms since the
 * previous sample (minor: scavenges of the young generation); rejects when the child
 * does not answer within `timeoutMs`.
 */
function sample(child, { gc = false, timeoutMs = 10_000 } = {}) {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`the mock's probe did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    function onMessage(message) {
      if (!message || message.type !== 'probe' || message.id !== id) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message);
    }
    child.on('message', onMessage);
    child.send({ type: 'probe', id, gc });
  });
}

module.exports = { probeFlags, sample, beyondPeriod, PROBE_PERIOD_MS };
