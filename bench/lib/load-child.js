'use strict';
/**
 * Autocannon runs in a process of its own (E214): `startLoadWorker()` forks this file once; each
 * `run(options)` hands it the options over IPC and resolves what `runLoad` answered there. A load
 * that runs beside other traffic the bench itself sends then does not share the sender's event loop,
 * whose stalls would show as the server's latency.
 */
const path = require('node:path');
const { runLoad } = require('./load');

if (require.main === module) {
  process.on('message', (options) => {
    runLoad(options).then(
      (result) => process.send({ result }),
      (err) => process.send({ error: String(err?.stack ?? err) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}

/** {run(options), stop()}: runLoad in one child process, one run at a time; `options` are plain data. */
function startLoadWorker() {
  const { spawnNode, stopChild } = require('./children');
  const child = spawnNode([path.join(__dirname, 'load-child.js')], { ipc: true });
  return {
    run: (options) =>
      new Promise((resolve, reject) => {
        const onExit = (code) => reject(new Error(`load worker exited ${code}: ${child.stderrTail()}`));
        child.once('exit', onExit);
        child.once('message', (message) => {
          child.off('exit', onExit);
          if (message.error) reject(new Error(`load worker: ${message.error}`));
          else resolve(message.result);
        });
        child.send(options);
      }),
    stop: () => stopChild(child),
  };
}

module.exports = { startLoadWorker };
