'use strict';
/**
 * Bulk data for the mock: a scenario file made by the CLI's `fixtures generate` verb (the project's
 * own generator) and loaded with `--scenario`. Files are kept for the run, one per size.
 */
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { benchTmpDir, spawnNode, stopChild } = require('./children');
const { expectStatus } = require('./http-client');
const { ROOT, partnerHeaders } = require('./project');

const cache = new Map();

/** Resolves {file, source, ms, bytes} for a scenario with `payments` payments (seed 42, 50 merchants × 3 stores). */
async function scenarioFile({ payments, merchants = 50, storesPerMerchant = 3, seed = 42, timeoutMs = 20 * 60_000 }) {
  const key = `${seed}-${merchants}-${storesPerMerchant}-${payments}`;
  if (cache.has(key)) return cache.get(key);
  const out = path.join(benchTmpDir(), `scenario-${key}.json`);
  const started = performance.now();
  const args = ['--seed', seed, '--merchants', merchants, '--stores-per-merchant', storesPerMerchant];
  // The generator is a tool, not the mock under test: it may have the heap a million payments take.
  const child = spawnNode(
    [
      ...(payments > 200_000 ? ['--max-old-space-size=6144'] : []),
      path.join(ROOT, 'bin', 'acountpay-mock.js'),
      'fixtures',
      'generate',
      ...[...args, '--payments', payments, '--out', out].map(String),
    ],
    { cwd: ROOT },
  );
  const timer = setTimeout(() => stopChild(child, { signal: 'SIGKILL' }), timeoutMs);
  const code = await new Promise((resolve) => child.once('exit', (c, signal) => resolve(c ?? signal)));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`fixtures generate (${payments} payments) exited ${code}: ${child.stderrTail()}`);
  const result = {
    file: out,
    source: 'fixtures generate',
    ms: performance.now() - started,
    bytes: fs.statSync(out).size,
  };
  cache.set(key, result);
  return result;
}

/** Resolves {loadedBy: 'scenario', total}; throws unless the running mock holds at least `payments` payments. */
async function ensurePayments(base, { payments }) {
  const { total } = await expectStatus(
    base,
    { path: '/v1/partner/payments?page=1&limit=1', headers: partnerHeaders() },
    200,
  );
  if (total < payments) throw new Error(`the mock holds ${total} payments after --scenario, expected ${payments}`);
  return { loadedBy: 'scenario', total };
}

module.exports = { scenarioFile, ensurePayments };
