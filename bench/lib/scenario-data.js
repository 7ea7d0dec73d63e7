'use strict';
/**
 * Bulk data for the mock: a generated scenario file loaded with `--scenario`, made by the
 * `fixtures generate` CLI verb. When the build has no such verb, the compiled generator in dist/
 * writes the same file; when the mock does not load scenarios at start, the data is created through
 * the Partner API instead. `source`/`loadedBy` say which path a run took.
 */
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { benchTmpDir, spawnNode, stopChild } = require('./children');
const { request, expectStatus } = require('./http-client');
const { ROOT, DIST, partnerHeaders } = require('./project');

const cache = new Map();

function runNode(args, { timeoutMs, logFile }) {
  const child = spawnNode(args, { cwd: ROOT, logFile });
  return new Promise((resolve) => {
    const timer = setTimeout(() => stopChild(child, { signal: 'SIGKILL' }), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr: child.stderrTail() });
    });
  });
}

/** Asks the CLI's help for the verb first: an unknown verb would fall through to `serve` and never exit. */
async function cliHasFixturesVerb() {
  const helpFile = path.join(benchTmpDir(), 'cli-help.txt');
  await runNode([path.join(ROOT, 'bin', 'acountpay-mock.js'), '--help'], { timeoutMs: 60_000, logFile: helpFile });
  return fs.existsSync(helpFile) && /^\s+fixtures\b/m.test(fs.readFileSync(helpFile, 'utf8'));
}

const heapFlag = (payments) => (payments > 200_000 ? ['--max-old-space-size=6144'] : []);

/** Resolves {file, source, ms} for a scenario with `payments` payments (seed 42, 50 merchants × 3 stores). */
async function scenarioFile({ payments, merchants = 50, storesPerMerchant = 3, seed = 42, timeoutMs = 20 * 60_000 }) {
  const key = `${seed}-${merchants}-${storesPerMerchant}-${payments}`;
  if (cache.has(key)) return cache.get(key);
  const out = path.join(benchTmpDir(), `scenario-${key}.json`);
  const started = performance.now();
  const options = [
    '--seed',
    String(seed),
    '--merchants',
    String(merchants),
    '--stores-per-merchant',
    String(storesPerMerchant),
  ];
  const cli = (await cliHasFixturesVerb())
    ? await runNode(
        [
          ...heapFlag(payments),
          path.join(ROOT, 'bin', 'acountpay-mock.js'),
          'fixtures',
          'generate',
          ...options,
          '--payments',
          String(payments),
          '--out',
          out,
        ],
        { timeoutMs },
      )
    : { code: null, signal: null, stderr: 'the CLI has no `fixtures` verb' };
  let source = 'fixtures generate (CLI)';
  if (cli.code !== 0 || !fs.existsSync(out) || fs.statSync(out).size === 0) {
    source = `dist/fixtures generateScenario (the CLI verb failed: ${cli.stderr.split('\n')[0] || `exit ${cli.code ?? cli.signal}`})`;
    const script = `
      const fs = require('node:fs');
      const f = require(${JSON.stringify(path.join(DIST, 'fixtures', 'src'))});
      const scenario = f.generateScenario({ seed: ${seed}, merchants: ${merchants}, storesPerMerchant: ${storesPerMerchant}, payments: ${payments} });
      fs.writeFileSync(${JSON.stringify(out)}, f.formatScenario(scenario));`;
    const fallback = await runNode([...heapFlag(payments), '-e', script], { timeoutMs });
    if (fallback.code !== 0)
      throw new Error(`could not generate a scenario with ${payments} payments: ${fallback.stderr}`);
  }
  const result = { file: out, source, ms: performance.now() - started, bytes: fs.statSync(out).size };
  cache.set(key, result);
  return result;
}

async function paymentsTotal(base) {
  const body = await expectStatus(
    base,
    { path: '/v1/partner/payments?page=1&limit=1', headers: partnerHeaders() },
    200,
  );
  return body.total;
}

/** D25 outcomes in about the generator's proportions: mostly paid, some failed/expired, a few pending. */
function outcomeOf(i) {
  const roll = i % 100;
  return roll < 76 ? 'paid' : roll < 89 ? 'failed' : roll < 95 ? 'expired' : null;
}

/** Creates merchants and payments through the Partner API, 16 at a time, bounded by count and time. */
async function fillViaApi(base, { payments, merchants = 50, timeoutMs = 15 * 60_000 }) {
  const headers = partnerHeaders();
  const deadline = Date.now() + timeoutMs;
  const clientIds = [];
  for (let m = 0; m < merchants; m += 1) {
    const body = await expectStatus(
      base,
      {
        method: 'POST',
        path: '/v1/partner/merchants/test',
        headers,
        body: { companyName: `Bulk Merchant ${m + 1} ApS` },
      },
      201,
    );
    clientIds.push(body.clientId);
  }
  let next = 0;
  const worker = async () => {
    while (next < payments) {
      if (Date.now() > deadline)
        throw new Error(`filling ${payments} payments through the API took over ${timeoutMs} ms`);
      const i = next;
      next += 1;
      const outcome = outcomeOf(i);
      const res = await request(base, {
        method: 'POST',
        path: '/v1/partner/payments',
        headers: { ...headers, ...(outcome ? { 'x-mock-payment': outcome } : {}) },
        body: {
          merchantClientId: clientIds[i % clientIds.length],
          amount: 10 + (i % 990),
          referenceNumber: `BULK-${i + 1}`,
          description: 'Bulk load',
        },
      });
      if (res.status !== 201)
        throw new Error(`bulk payment ${i + 1} answered ${res.status}: ${res.text.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

/**
 * Makes sure the running mock holds at least `payments` payments: resolves {loadedBy, total}.
 * `loadedBy` is 'scenario' when `--scenario` did it, 'partner-api' when the API had to.
 */
async function ensurePayments(base, { payments, allowApiFill = true }) {
  const total = await paymentsTotal(base);
  if (total >= payments) return { loadedBy: 'scenario', total };
  if (!allowApiFill) throw new Error(`the mock holds ${total} payments after --scenario, expected ${payments}`);
  await fillViaApi(base, { payments: payments - total });
  return { loadedBy: 'partner-api', total: await paymentsTotal(base) };
}

module.exports = { scenarioFile, ensurePayments, paymentsTotal };
