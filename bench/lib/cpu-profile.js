'use strict';
/** Reads a V8 .cpuprofile: self time per function and per area of the code (package, mock module, GC). */
const path = require('node:path');
const { ROOT } = require('./project');

function shortUrl(url) {
  if (!url) return '';
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  return file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
}

/** 'ajv', 'express', 'mock: openapi', 'node core', 'GC', … */
function areaOf(functionName, url) {
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'program (native, unattributed)';
    // ajv compiles validators with `new Function`, so they have no script URL.
    if (/^validate\d*$/.test(functionName)) return 'ajv generated validators';
    if (/^write/.test(functionName)) return 'native writes (sockets, log file)';
    return `native: ${functionName}`;
  }
  const file = shortUrl(url);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (pkg) return pkg[1];
  if (file.startsWith('node:')) return 'node core';
  const mine = /^dist\/mock-server\/src\/([^/]+)/.exec(file);
  if (mine) return `mock: ${mine[1].replace(/\.js$/, '')}`;
  const other = /^dist\/([^/]+)\//.exec(file);
  if (other) return other[1];
  return 'other';
}

/**
 * Resolves {totalMs, functions: [{name, location, area, selfMs, totalMs}], areas: [{area, selfMs}]},
 * both sorted by self time; a function's `totalMs` is its time with everything it called (each
 * sample counted once per function, however deep the recursion). A sample lasts until the next one (as Chrome DevTools counts it). `window`
 * ({fromUs, toUs}, CLOCK_MONOTONIC µs like `process.hrtime`, which V8's timestamps share on Linux)
 * keeps only the samples taken inside it, e.g. the load run without start-up.
 */
function summariseProfile(profile, window = null) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((child) => [child, n.id])));
  const self = new Map();
  const { samples, timeDeltas } = profile;
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i += 1) {
    at += timeDeltas[i];
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    const next = i + 1 < samples.length ? timeDeltas[i + 1] : 0;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + Math.max(0, next));
  }
  const functions = new Map();
  const areas = new Map();
  let total = 0;
  const entryOf = (id) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const name = functionName || '(anonymous)';
    const location = url ? `${shortUrl(url)}:${lineNumber + 1}` : '';
    const key = `${name} ${location}`;
    if (!functions.has(key))
      functions.set(key, { name, location, area: areaOf(functionName, url), selfMs: 0, totalMs: 0 });
    return functions.get(key);
  };
  for (const [id, us] of self) {
    const entry = entryOf(id);
    entry.selfMs += us / 1000;
    areas.set(entry.area, (areas.get(entry.area) ?? 0) + us / 1000);
    total += us / 1000;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parentOf.get(at)) {
      const caller = entryOf(at);
      if (!seen.has(caller)) caller.totalMs += us / 1000;
      seen.add(caller);
    }
  }
  const bySelf = (a, b) => b.selfMs - a.selfMs;
  return {
    totalMs: total,
    functions: [...functions.values()].sort(bySelf),
    areas: [...areas].map(([area, selfMs]) => ({ area, selfMs })).sort(bySelf),
  };
}

module.exports = { summariseProfile, areaOf };
