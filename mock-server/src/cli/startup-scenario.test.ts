import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
});
