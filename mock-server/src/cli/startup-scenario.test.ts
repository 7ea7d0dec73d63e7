import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateScenario } from '../../../fixtures/src';
import { formatScenario } from '../../../fixtures/src/scenario-file';
import { STREAM_FROM_BYTES } from '../../../fixtures/src/scenario-stream';
import { createTestDeps } from '../../test/helpers';
import { loadStartupScenario } from './startup-scenario';

describe('loadStartupScenario', () => {
  test('leaves the default partner alone when no scenario is given', () => {
    const deps = createTestDeps();
    const before = deps.state.snapshot();
    loadStartupScenario(deps, null);
    expect(deps.state.snapshot()).toEqual(before);
  });

  test('loads a named scenario', () => {
    const deps = createTestDeps();
    loadStartupScenario(deps, 'default');
    expect(deps.state.merchants.size).toBe(3);
  });

  test('fails with every problem of a scenario file in one message, each with its line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-'));
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          version: 1,
          merchants: [{ id: 1, partnerId: 9, clientId: 'm', companyName: 'X', contactEmail: 'x@y.dk', status: 'done' }],
          rules: [{ when: { amount: '*.13' }, outcome: { status: 'paid', reason: 'rejected' } }],
        },
        null,
        2,
      ),
    );
    try {
      expect(() => loadStartupScenario(createTestDeps(), file)).toThrow(
        `Scenario ${file} does not load (3 problems):\n  - merchants[0].status must be one of pending, active, inactive, got "done" (line 10)\n  - merchants[0].partnerId 9 matches no partner (line 6)\n  - rules[0].outcome.reason goes with status failed only, not paid (line 20)`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  test('fails for an unknown name, listing the named scenarios', () => {
    expect(() => loadStartupScenario(createTestDeps(), 'demo')).toThrow(
      /Unknown scenario "demo"; the named scenarios are: busy-restaurant-chain, default, empty, onboarding-pipeline/,
    );
  });

  // E218: a generated million-payment file is in the house style; this one is just over the size streamed.
  test('reads a large house-style file in pieces, and one with a problem whole, naming its line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-'));
    const file = path.join(dir, 'large.json');
    const scenario = generateScenario({ seed: 5, merchants: 3, storesPerMerchant: 2, payments: 16_000 });
    const text = formatScenario(scenario);
    expect(Buffer.byteLength(text)).toBeGreaterThan(STREAM_FROM_BYTES);
    try {
      fs.writeFileSync(file, text);
      const deps = createTestDeps();
      const info = jest.fn();
      loadStartupScenario({ world: deps.world, logger: { info } }, file);
      expect(info).toHaveBeenCalledWith(
        {
          scenario: file,
          counts: { partners: 1, merchants: 3, stores: 6, payments: 16_000, webhooks: 0 },
          streamed: true,
        },
        'scenario loaded',
      );
      expect(deps.state.payments.get(16_000)?.referenceNumber).toBe(scenario.payments!.at(-1)!.referenceNumber);

      scenario.payments!.at(-1)!.amount = 0;
      fs.writeFileSync(file, formatScenario(scenario));
      const lines = formatScenario(scenario).split('\n');
      const line = lines.findIndex((l) => l.includes('"amount":0,')) + 1;
      expect(() => loadStartupScenario({ world: createTestDeps().world, logger: { info } }, file)).toThrow(
        `Scenario ${file} does not load (1 problem):\n  - payments[15999].amount must be >= 0.01, got 0 (line ${line})`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});
