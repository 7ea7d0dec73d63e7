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
 * `--soak`, `--scale`, … are short for `--only soak`, …; bench/README.md has every setting.
 */
const MODES = {
  main: './lib/main',
  scale: './lib/scale',
  webhooks: './lib/scale',
  soak: './lib/soak',
  durability: './lib/durability',
  profile: './lib/profile',
  'qr-stall': './lib/qr-stall',
};

function flagValue(argv, flag) {
  const i = argv.indexOf(flag);
  if (i === -1) return undefined;
  if (argv[i + 1] === undefined || argv[i + 1].startsWith('--')) throw new Error(`${flag} needs a value`);
  return argv[i + 1];
}

function parse(argv) {
  const only = flagValue(argv, '--only') ?? Object.keys(MODES).find((mode) => argv.includes(`--${mode}`)) ?? 'main';
  if (!MODES[only]) throw new Error(`--only ${only}: known are ${Object.keys(MODES).join(', ')}`);
  const scenario = flagValue(argv, '--scenario') ?? process.env.BENCH_SCENARIOS;
  const scenarios = scenario ? scenario.split(',').map((s) => s.trim()) : null;
  const known = require('./scenarios.json').scenarios.map((s) => s.name);
  const unknown = (scenarios ?? []).filter((name) => !known.includes(name));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return { only, scenarios, argv };
}

const flags = parse(process.argv.slice(2));
Promise.resolve(require(MODES[flags.only]).main(flags)).catch((err) => {
  process.stderr.write(`bench: ${err.stack ?? err}\n`);
  process.exitCode = process.exitCode || 2;
});
