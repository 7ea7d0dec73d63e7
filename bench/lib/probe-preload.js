'use strict';
/**
 * Preloaded into a measured mock (`node -r bench/lib/probe-preload.js bin/acountpay-mock.js …`, see
 * probe.js): when the process has an IPC channel, it answers each `{type: 'probe'}` message with the
 * process's memory, the event-loop delay (perf_hooks.monitorEventLoopDelay) and the event loop's busy
 * time since the previous answer. `{gc: true}` runs a full collection first (the mock must then run
 * with --expose-gc), so the heap figure is what is really retained. Costs nothing between samples.
 */
const { monitorEventLoopDelay, performance } = require('node:perf_hooks');

if (typeof process.send === 'function') {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let lastElu = performance.eventLoopUtilization();
  const ms = (ns) => (Number.isFinite(ns) ? ns / 1e6 : null);
  process.on('message', (message) => {
    if (!message || message.type !== 'probe') return;
    if (message.gc && typeof global.gc === 'function') global.gc();
    const memory = process.memoryUsage();
    const elu = performance.eventLoopUtilization(lastElu);
    lastElu = performance.eventLoopUtilization();
    const sample = {
      type: 'probe',
      id: message.id,
      gc: Boolean(message.gc && typeof global.gc === 'function'),
      rssMb: memory.rss / 2 ** 20,
      heapUsedMb: memory.heapUsed / 2 ** 20,
      heapTotalMb: memory.heapTotal / 2 ** 20,
      externalMb: memory.external / 2 ** 20,
      // Whole intervals of the 10 ms sampling timer, as the histogram records them: probe.js's
      // beyondPeriod() gives the delay itself.
      delay: {
        p50: delay.count ? ms(delay.percentile(50)) : null,
        p99: delay.count ? ms(delay.percentile(99)) : null,
        max: delay.count ? ms(delay.max) : null,
      },
      loopBusyMs: elu.active,
      loopUtilization: elu.utilization,
    };
    delay.reset();
    process.send(sample);
  });
  // The channel must not keep the mock alive once it closes its server (SIGTERM → exit).
  process.channel.unref();
}
