'use strict';
/**
 * The parent side of probe-preload.js: the node flags that load it into a mock started by
 * servers.js (with `ipc: true`), and `sample()`, which asks the mock for its memory, event-loop
 * delay and busy time since the previous sample.
 */
const path = require('node:path');

const PRELOAD = path.join(__dirname, 'probe-preload.js');

/** Node flags for startServer's `nodeFlags`; `gc` adds --expose-gc so samples may collect first. */
function probeFlags({ gc = false } = {}) {
  return [...(gc ? ['--expose-gc'] : []), '--require', PRELOAD];
}

let nextId = 0;

/**
 * Resolves {rssMb, heapUsedMb, heapTotalMb, externalMb, delay: {p50, p99, max}, loopBusyMs,
 * loopUtilization, gc}; rejects when the child does not answer within `timeoutMs`.
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

module.exports = { probeFlags, sample };
