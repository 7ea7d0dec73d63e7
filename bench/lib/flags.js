'use strict';
/** The flags of the benchmarks' entry point (bench/run.js): which mode runs, and with what. */

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

/** The flags any mode reads, less the modes' own (`--scale`, …); anything else is a typo. */
const FLAGS = ['--only', ...Object.keys(FLAG_MODES)];

/**
 * The entry point's flags (bench/run.js): {only, scenarios, argv}; throws an Error that says what
 * is wrong. `modes` are the names `--only` takes (each also a flag of its own: `--scale`, …).
 */
function parseFlags(argv, modes) {
  const known = [...FLAGS, ...modes.map((m) => `--${m}`)];
  for (const flag of known)
    if (argv.filter((arg) => arg === flag).length > 1) throw new Error(`${flag} is given twice`);
  // Each value flag must have its value.
  for (const flag of VALUE_FLAGS) flagValue(argv, flag);
  const values = new Set(VALUE_FLAGS.map((flag) => argv.indexOf(flag) + 1).filter((i) => i > 0));
  const stray = argv.filter((arg, i) => !values.has(i) && !known.includes(arg));
  if (stray.length) throw new Error(`unknown ${stray.join(' ')}; see the header of bench/run.js or bench/README.md`);
  const named = [flagValue(argv, '--only'), ...modes.filter((mode) => argv.includes(`--${mode}`))];
  const chosen = [...new Set(named.filter(Boolean))];
  if (chosen.length > 1) throw new Error(`one mode at a time: ${chosen.join(' and ')} are given`);
  const only = chosen[0] ?? 'main';
  if (!modes.includes(only)) throw new Error(`--only ${only}: known are ${modes.join(', ')}`);
  const misplaced = Object.keys(FLAG_MODES).find((flag) => argv.includes(flag) && !FLAG_MODES[flag].includes(only));
  if (misplaced) throw new Error(`${misplaced} is for ${FLAG_MODES[misplaced].join(' and ')}, not ${only}`);
  const scenario = flagValue(argv, '--scenario') ?? process.env.BENCH_SCENARIOS;
  const scenarios = scenario ? scenario.split(',').map((s) => s.trim()) : null;
  const names = require('../scenarios.json').scenarios.map((s) => s.name);
  const unknown = (scenarios ?? []).filter((name) => !names.includes(name));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${names.join(', ')}`);
  return { only, scenarios, argv };
}

module.exports = { parseFlags };
