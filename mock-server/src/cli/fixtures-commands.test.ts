import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { formatScenario, generateScenario } from '../../../fixtures/src';
import { registerFixturesCommands } from './fixtures-commands';

/** Runs `acountpay-mock fixtures ...` in-process; resolves with what it printed, or rejects with its error. */
async function run(...args: string[]): Promise<string> {
  const program = new Command('acountpay-mock').exitOverride();
  let out = '';
  program.configureOutput({ writeOut: (text) => (out += text), writeErr: () => {} });
  registerFixturesCommands(program);
  await program.parseAsync(['fixtures', ...args], { from: 'user' });
  return out;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixtures-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('acountpay-mock fixtures generate', () => {
  test('prints the generator scenario for the options as JSON', async () => {
    const out = await run(
      'generate',
      '--seed',
      '42',
      '--merchants',
      '5',
      '--stores-per-merchant',
      '3',
      '--payments',
      '40',
      '--partners',
      '2',
    );
    expect(out).toBe(
      formatScenario(generateScenario({ seed: 42, merchants: 5, storesPerMerchant: 3, payments: 40, partners: 2 })),
    );
  });

  test('writes the scenario to --out and says what it wrote', async () => {
    const file = path.join(dir, 'big.json');
    const out = await run('generate', '--seed', '7', '--merchants', '3', '--payments', '12', '--out', file);
    expect(out).toBe(`Wrote ${file}: 1 partner, 3 merchants, 6 stores, 12 payments, 0 webhooks\n`);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ seed: 7, version: 1 });
  });

  test('refuses a count that is not a whole number', async () => {
    await expect(run('generate', '--payments', 'many')).rejects.toThrow(
      /payments must be a whole number from 0 to 2000000, got many/,
    );
  });
});

describe('acountpay-mock fixtures validate <file>', () => {
  test('accepts a valid JSON file and summarises it', async () => {
    const file = path.join(dir, 'ok.json');
    fs.writeFileSync(
      file,
      formatScenario(generateScenario({ seed: 1, merchants: 2, storesPerMerchant: 1, payments: 5 })),
    );
    expect(await run('validate', file)).toBe(
      `${file} is a valid scenario: 1 partner, 2 merchants, 2 stores, 5 payments, 0 webhooks\n`,
    );
  });

  test('prints every problem of a YAML file with its line and fails', async () => {
    const file = path.join(dir, 'broken.yaml');
    fs.writeFileSync(
      file,
      'version: 1\nmerchants:\n  - { id: 1, partnerId: 3, clientId: m-1, companyName: X, contactEmail: nope, status: active }\n',
    );
    const program = new Command('acountpay-mock').exitOverride();
    let out = '';
    program.configureOutput({ writeOut: (text) => (out += text) });
    registerFixturesCommands(program);
    await expect(program.parseAsync(['fixtures', 'validate', file], { from: 'user' })).rejects.toThrow(
      `${file} is not a valid scenario: 2 problems (listed above)`,
    );
    expect(out).toBe(
      '  - merchants[0].contactEmail must be a valid email, got "nope" (line 3)\n  - merchants[0].partnerId 3 matches no partner (line 3)\n',
    );
  });

  test('says when the file is not JSON', async () => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, '{ nope');
    await expect(run('validate', file)).rejects.toThrow(`${file} is not valid JSON`);
  });
});

describe('acountpay-mock fixtures list', () => {
  test('lists the named scenarios with their descriptions', async () => {
    const out = await run('list');
    expect(out.split('\n').map((line) => line.split(/\s{2,}/)[0])).toEqual([
      'NAME',
      'busy-restaurant-chain',
      'default',
      'empty',
      'onboarding-pipeline',
      '',
    ]);
    expect(out).toContain('Just the default partner');
  });
});
