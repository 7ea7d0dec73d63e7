import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { generateScenario, type Scenario } from '../../../fixtures/src';
import type { ScenarioPayment } from '../../../fixtures/src/scenario';
import { formatScenario } from '../../../fixtures/src/scenario-file';
import { createTestDeps } from '../../test/helpers';
import { isApiError } from '../http/api-error';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'world-load-file-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Outcome = { problems: string[] } | { export: Scenario; position: number | undefined; counts: unknown };

/** What a load leaves: the problems it was refused with, or the world it made and how far the ids went. */
function outcome(load: (deps: ReturnType<typeof createTestDeps>) => { counts: unknown }): {
  outcome: Outcome;
  streamed?: boolean;
} {
  const deps = createTestDeps();
  try {
    const result = load(deps) as { counts: unknown; streamed?: boolean };
    return {
      outcome: { export: deps.world.export(), position: deps.ids.position?.(), counts: result.counts },
      streamed: result.streamed,
    };
  } catch (err) {
    if (!isApiError(err)) throw err;
    return { outcome: { problems: err.messages as string[] } };
  }
}

/** Ways to change a generated scenario's payments: each either keeps it valid or breaks one rule. */
const CHANGES = {
  none: () => {},
  'out of id order': (p: ScenarioPayment[]) => p.reverse(),
  // Found in the last piece, after the others drew ids for their tokens: the whole read draws them again.
  'the last two out of id order': (p: ScenarioPayment[]) => p.push(...p.splice(-2).reverse()),
  'unknown merchant': (p: ScenarioPayment[], i: number) => (p[i]!.merchantId = 999),
  'amount below the minimum': (p: ScenarioPayment[], i: number) => (p[i]!.amount = -1),
  'a token used twice': (p: ScenarioPayment[], i: number) => (p[i]!.token = p[0]!.token),
  'an id used twice': (p: ScenarioPayment[], i: number) => (p[i]!.id = p[0]!.id),
  'paidAt on a pending payment': (p: ScenarioPayment[], i: number) => {
    p[i]!.status = 'pending';
    p[i]!.paidAt = '2026-03-18T10:00:00.000Z';
  },
  'no token (one is drawn)': (p: ScenarioPayment[], i: number) => delete p[i]!.token,
  'a time with an offset': (p: ScenarioPayment[], i: number) => (p[i]!.createdAt = '2026-03-01T12:00:00+02:00'),
  'an unknown field': (p: ScenarioPayment[], i: number) =>
    ((p[i] as unknown as Record<string, unknown>).colour = 'red'),
} as const;

describe('world.loadFile (E218)', () => {
  test('reads a house-style file in pieces into the world a whole read makes, or refuses it alike', () => {
    let streams = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom(...(Object.keys(CHANGES) as (keyof typeof CHANGES)[])),
        fc.nat(),
        fc.boolean(),
        fc.integer({ min: 1024, max: 8192 }), // a piece holds at least one line
        (seed, payments, change, at, storeProblem, pieceBytes) => {
          const scenario = generateScenario({ seed, merchants: 2, storesPerMerchant: 2, payments });
          CHANGES[change](scenario.payments!, at % payments);
          // A problem outside the payments, which a stream finds before it reads any.
          if (storeProblem) scenario.stores![0]!.merchantId = 998;
          const text = formatScenario(scenario);
          const file = path.join(dir, `s-${seed}.json`);
          fs.writeFileSync(file, text);
          const fromFile = outcome((deps) => deps.world.loadFile(file, { minBytes: 0, pieceBytes }));
          const whole = outcome((deps) => deps.world.load(JSON.parse(text)));
          expect(fromFile.outcome).toEqual(whole.outcome);
          if (fromFile.streamed) streams += 1;
          // Only a valid file with its payments in id order is built from pieces; the rest are read whole.
          const ids = scenario.payments!.map((p) => p.id);
          const inOrder = ids.every((id, i) => i === 0 || id > ids[i - 1]!);
          expect(fromFile.streamed ?? false).toBe(!('problems' in whole.outcome) && inOrder);
        },
      ),
      { numRuns: 150 },
    );
    expect(streams).toBeGreaterThan(10);
  });

  test('reads YAML, small files and other layouts whole', () => {
    const scenario = generateScenario({ seed: 3, merchants: 1, storesPerMerchant: 1, payments: 5 });
    const json = path.join(dir, 'small.json');
    fs.writeFileSync(json, formatScenario(scenario));
    const deps = createTestDeps();
    expect(deps.world.loadFile(json)).toEqual({
      counts: { partners: 1, merchants: 1, stores: 1, payments: 5, webhooks: 0 },
      streamed: false,
    });
    const minified = path.join(dir, 'minified.json');
    fs.writeFileSync(minified, JSON.stringify(scenario));
    expect(deps.world.loadFile(minified, { minBytes: 0 }).streamed).toBe(false);
  });

  test('a file that cannot be read fails as the whole read says', () => {
    const deps = createTestDeps();
    expect(() => deps.world.loadFile(path.join(dir, 'missing.json'), { minBytes: 0 })).toThrow(
      /Cannot read scenario file .*missing\.json: ENOENT/,
    );
  });
});
