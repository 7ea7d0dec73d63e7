/**
 * `fixtures generate | validate | list`: scenario files without a running mock. Output goes
 * through the root program's writer, so tests capture it with `program.configureOutput`.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { GENERATOR_LIMITS } from '../../../fixtures/src/generate-options';
import type { Scenario } from '../../../fixtures/src/scenario';
import {
  formatScenario,
  listNamedScenarios,
  parseScenarioText,
  readScenarioText,
} from '../../../fixtures/src/scenario-file';
import { withLines } from '../../../fixtures/src/source-lines';
import { validateScenario } from '../../../fixtures/src/scenario-validate';
import { intArg, writerOf } from './cli-context';
import { formatTable } from './text-table';

interface GenerateFlags {
  seed: number;
  merchants: number;
  storesPerMerchant: number;
  payments: number;
  partners: number;
  out?: string;
}

/** The generator's counts: flag, its limit in GENERATOR_LIMITS, least value, default, help. */
const COUNT_OPTIONS = [
  ['merchants', 'merchants', 1, 10, 'number of merchants (the first is always active)'],
  ['stores-per-merchant', 'storesPerMerchant', 0, 2, 'stores of each merchant, the first one its default'],
  ['payments', 'payments', 0, 100, 'number of payments, in every status'],
  ['partners', 'partners', 1, 1, 'number of partners; partner 1 holds the default credential'],
] as const satisfies readonly (readonly [string, keyof typeof GENERATOR_LIMITS, number, number, string])[];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function summary(scenario: Scenario): string {
  const count = (list: unknown[] | undefined) => list?.length ?? 0;
  return [
    plural(count(scenario.partners), 'partner'),
    plural(count(scenario.merchants), 'merchant'),
    plural(count(scenario.stores), 'store'),
    plural(count(scenario.payments), 'payment'),
    plural(count(scenario.webhooks), 'webhook'),
  ].join(', ');
}

export function registerFixturesCommands(program: Command): void {
  const fixtures = program
    .command('fixtures')
    .description('generate, check and list scenario files (no running mock needed)');

  const generate = fixtures
    .command('generate')
    .description('write a seeded scenario as JSON: the same options give the same bytes')
    .option('--seed <n>', 'seed of every generated value', intArg('seed', 0, 2 ** 31 - 1), 1);
  for (const [flag, key, least, fallback, description] of COUNT_OPTIONS) {
    generate.option(`--${flag} <n>`, description, intArg(flag, least, GENERATOR_LIMITS[key]), fallback);
  }
  generate
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (flags: GenerateFlags, command: Command) => {
      // Loaded here, not at the top: the generator brings faker, which `serve` does not need.
      const { generateScenario } = await import('../../../fixtures/src/generate');
      const scenario = generateScenario(flags);
      const text = formatScenario(scenario);
      if (flags.out) {
        fs.writeFileSync(flags.out, text);
        writerOf(command)(`Wrote ${flags.out}: ${summary(scenario)}\n`);
      } else {
        writerOf(command)(text);
      }
    });

  fixtures
    .command('validate')
    .description('check a scenario file (JSON, or YAML by extension) and print every problem with its line')
    .argument('<file>', 'the scenario file')
    .action((file: string, _flags: unknown, command: Command) => {
      const text = readScenarioText(file);
      const result = validateScenario(parseScenarioText(text, file));
      const write = writerOf(command);
      if (result.ok) {
        write(`${file} is a valid scenario: ${summary(result.scenario)}\n`);
        return;
      }
      // The lines `--scenario` names at start for the same problems.
      write(
        `${withLines(text, result.problems)
          .map((problem) => `  - ${problem}`)
          .join('\n')}\n`,
      );
      throw new Error(`${file} is not a valid scenario: ${plural(result.problems.length, 'problem')} (listed above)`);
    });

  fixtures
    .command('list')
    .description('the named scenarios that --scenario and reset accept')
    .action((_flags: unknown, command: Command) => {
      const rows = listNamedScenarios().map((scenario) => [scenario.name, scenario.description]);
      writerOf(command)(`${formatTable(['NAME', 'DESCRIPTION'], rows)}\n`);
    });
}
