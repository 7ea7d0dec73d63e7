'use strict';
/**
 * Preloaded into a measured mock (`node -r bench/lib/probe-preload.js bin/acountpay-mock.js …`, see
 * probe.js): when the process has an IPC channel, it answers each `{type: 'probe'}` message with the
 * process's memory, the event-loop delay (perf_hooks.monitorEventLoopDelay) and the event loop's busy
 * time since the previous answer, and the garbage collector's pauses (E223). `{gc: true}` runs a full collection first (the mock must then run
 * with --expose-gc), so the heap figure is what is really retained. Costs nothing between samples.
 */
const { monitorEventLoopDelay, performance, PerformanceObserver, constants } = require('node:perf_hooks');

/** At most this many pauses of each kind are kept between two samples (a sample every run keeps it far below). */
const MAX_PAUSES = 100_000;

/** {count, totalMs, p50, p99, max} of pause durations in ms (nulls when there were none). */
function pauseStats(pauses) {
  const sorted = [...pauses].sort((a, b) => a - b);
  const at = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null);
  return {
    count: pauses.length,
    totalMs: pauses.reduce((sum, ms) => sum + ms, 0),
    p50: at(0.5),
    p99: at(0.99),
    max: sorted.length ? sorted.at(-1) : null,
  };
}

if (typeof process.send === 'function') {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let lastElu = performance.eventLoopUtilization();
  // E223: the collector's pauses, young generation (scavenges) and the rest, since the last sample.
  const pauses = { minor: [], major: [] };
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // A collection the probe itself asked for (`{gc: true}`) is not the mock's pause.
      if (entry.detail?.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) continue;
      const kind = entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR ? 'minor' : 'major';
      if (pauses[kind].length < MAX_PAUSES) pauses[kind].push(entry.duration);
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
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
      gcPauses: { minor: pauseStats(pauses.minor), major: pauseStats(pauses.major) },
    };
    delay.reset();
    pauses.minor = [];
    pauses.major = [];
    process.send(sample);
  });
  // The channel must not keep the mock alive once it closes its server (SIGTERM → exit).
  process.channel.unref();
}
