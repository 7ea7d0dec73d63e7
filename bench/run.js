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
 *   --duration 10m, --rate 300, …   the soak's settings (lib/soak.js lists them)
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

/** The soak's flags, each with a value (lib/soak.js; each also has an environment variable). */
const SOAK_FLAGS = [
  '--duration',
  '--rate',
  '--connections',
  '--interval',
  '--receiver-delay',
  '--receiver-errors',
  '--seed',
];
/** Flags followed by a value. */
const VALUE_FLAGS = ['--only', '--scenario', ...SOAK_FLAGS];

/** Each flag's modes: given to another mode it would be ignored, so it is refused. */
const FLAG_MODES = {
  '--scenario': ['main', 'profile'],
  '--startup': ['profile'],
  '--overhead-only': ['durability'],
  '--scale-only': ['durability'],
  ...Object.fromEntries(SOAK_FLAGS.map((flag) => [flag, ['soak']])),
};

/** The flags any mode reads; anything else is a typo that would otherwise start the main run. */
const FLAGS = ['--only', ...Object.keys(FLAG_MODES), ...Object.keys(MODES).map((m) => `--${m}`)];

function parse(argv) {
  for (const flag of FLAGS)
    if (argv.filter((arg) => arg === flag).length > 1) throw new Error(`${flag} is given twice`);
  for (const flag of VALUE_FLAGS) flagValue(argv, flag);
  const values = new Set(VALUE_FLAGS.map((flag) => argv.indexOf(flag) + 1).filter((i) => i > 0));
  const stray = argv.filter((arg, i) => !values.has(i) && !FLAGS.includes(arg));
  if (stray.length) throw new Error(`unknown ${stray.join(' ')}; see the header of bench/run.js or bench/README.md`);
  const named = [flagValue(argv, '--only'), ...Object.keys(MODES).filter((mode) => argv.includes(`--${mode}`))];
  const modes = [...new Set(named.filter(Boolean))];
  if (modes.length > 1) throw new Error(`one mode at a time: ${modes.join(' and ')} are given`);
  const only = modes[0] ?? 'main';
  if (!MODES[only]) throw new Error(`--only ${only}: known are ${Object.keys(MODES).join(', ')}`);
  const misplaced = Object.keys(FLAG_MODES).find((flag) => argv.includes(flag) && !FLAG_MODES[flag].includes(only));
  if (misplaced) throw new Error(`${misplaced} is for ${FLAG_MODES[misplaced].join(' and ')}, not ${only}`);
  const scenario = flagValue(argv, '--scenario') ?? process.env.BENCH_SCENARIOS;
  const scenarios = scenario ? scenario.split(',').map((s) => s.trim()) : null;
  const known = require('./scenarios.json').scenarios.map((s) => s.name);
  const unknown = (scenarios ?? []).filter((name) => !known.includes(name));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return { only, scenarios, argv };
}

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
  flags = parse(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`bench: ${err.message}\n`);
  process.exit(2);
}
Promise.resolve(require(MODES[flags.only]).main(flags)).catch((err) => {
  process.stderr.write(`bench: ${err.stack ?? err}\n`);
  process.exitCode = process.exitCode || 2;
});
