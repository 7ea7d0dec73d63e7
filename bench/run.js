#!/usr/bin/env node
'use strict';
/**
 * The one entry point of the benchmarks (`npm run bench -- …`, build first):
 *   (no flag)            main: node:http, Express 5, Prism and the mock under the same requests
 *   --only scale         1k / 1M payments: RSS, load time, list/status latency; webhooks at volume
 *   --only webhooks      only the webhooks at volume
 *   --only soak          mixed traffic with slow receivers over time (`npm run soak`)
 *   --only durability    the state file: start with 1M payments, cost per request
 *   --only profile       `node --cpu-prof` of the mock under one scenario (or --startup)
 *   --only qr-stall      the event-loop cost of PNG QR codes
 *   --scenario a,b       the request scenarios of bench/scenarios.json to run (main, profile)
 *   --duration 60s       soak: how long (15s to 24h); --rate 200 requests/s, --connections 16 flows,
 *                        --interval (a twelfth of the run), --receiver-delay 300ms, --receiver-errors 0.2
 *                        (a fraction), --seed 1; each also as SOAK_DURATION, SOAK_RATE, …
 * `--soak`, `--scale`, … are short for `--only soak`, …; bench/README.md has every setting.
 */
const { parseFlags } = require('./lib/flags');

const MODES = {
  main: './lib/main',
  scale: './lib/scale',
  webhooks: './lib/scale',
  soak: './lib/soak',
  durability: './lib/durability',
  profile: './lib/profile',
  'qr-stall': './lib/qr-stall',
};

if (process.argv.includes('--help')) {
  process.stdout.write(
    `${require('node:fs')
      .readFileSync(__filename, 'utf8')
      .split('*/')[0]
      .replace(/^[^]*?\/\*\*\n/, '')
      .replace(/^ \* ?/gm, '')}\n`,
  );
  process.exit(0);
}
let flags;
try {
  flags = parseFlags(process.argv.slice(2), Object.keys(MODES));
} catch (err) {
  process.stderr.write(`bench: ${err.message}\n`);
  process.exit(2);
}
Promise.resolve(require(MODES[flags.only]).main(flags)).catch((err) => {
  process.stderr.write(`bench: ${err.stack ?? err}\n`);
  process.exitCode = process.exitCode || 2;
});
