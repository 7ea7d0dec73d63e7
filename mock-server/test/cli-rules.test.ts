/**
 * E103, E104, E106 from the command line: the `rules` verbs and `explain` in-process against a mock
 * with a manual clock, and the real CLI process with `--rules`, `--auto-pay` and their environment
 * variables (the clock is moved through the control API, never waited for).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildProgram } from '../src/main';
import { createMockServer, type MockServer } from '../src/server';
import { createManualClock } from '../src/shared/clock';
import { createSeededIds } from '../src/shared/ids';
import { describeWhenBuilt, exitOf, runCli, startCli } from './cli-helpers';
import './helpers'; // builds deps before the first test

const AUTH = {
  'Content-Type': 'application/json',
  'X-Partner-Client-Id': 'a1b2c3d4-e5f6-4789-abcd-1234567890ab',
  'X-Partner-Client-Secret': '5ec2e7f0'.repeat(8),
};

async function call(url: string, method: string, urlPath: string, body?: unknown) {
  const res = await fetch(`${url}${urlPath}`, {
    method,
    headers: AUTH,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('the rules verbs', () => {
  let mock: MockServer;
  beforeEach(async () => {
    mock = await createMockServer({ clock: createManualClock(), ids: createSeededIds(1), config: { scenario: null } });
  });
  afterEach(() => mock.close());

  /** One verb in-process against the mock; `presets` reads the package and takes no --url. */
  async function run(...args: string[]): Promise<string> {
    let out = '';
    const program = buildProgram().exitOverride();
    program.configureOutput({ writeOut: (text) => (out += text), writeErr: (text) => (out += text) });
    await program.parseAsync(args[1] === 'presets' ? args : [...args, '--url', mock.url], { from: 'user' });
    return out;
  }

  test('list, add, replace, delete, load, clear, each printing what the mock now holds', async () => {
    expect(await run('rules')).toBe('No rules: payments stay pending and webhooks go out as they happen.\n');
    expect(await run('rules', 'add', '{when: {amount: "*.13"}, outcome: {status: failed, after: 2s}}')).toBe(
      'Added rule rule-1: amount *.13 → failed after 2s\n',
    );
    await run(
      'rules',
      'add',
      '{"id": "dup", "when": {"events": ["payment.completed"]}, "webhook": {"duplicate": "both"}}',
    );
    await run('rules', 'add', '{id: catch-all, outcome: {status: paid}}', '--last');
    expect((await run('rules', 'list')).split('\n').slice(0, 4)).toEqual([
      '#  ID         WHEN                      DOES',
      '1  dup        events payment.completed  webhook duplicate both',
      '2  rule-1     amount *.13               failed after 2s',
      '3  catch-all  everything                paid at once',
    ]);
    expect(
      await run('rules', 'replace', 'rule-1', '{when: {amount: {min: 10, max: 20}}, outcome: {status: expired}}'),
    ).toBe('Replaced rule rule-1: amount 10..20 → expired at once\n');
    expect(await run('rules', 'delete', 'dup')).toBe('Deleted rule dup\n');
    const loaded = await run('rules', 'load', 'magic-amounts', '--append');
    expect(loaded).toMatch(/^Loaded 9 rule\(s\) from magic-amounts; the mock has 11\./);
    expect(
      ((await call(mock.url, 'GET', '/__control/rules')).body.rules as { id: string }[]).map((r) => r.id).slice(0, 3),
    ).toEqual(['rule-1', 'catch-all', 'magic-13-rejected']);
    expect(await run('rules', 'clear')).toBe(
      'Deleted every rule: payments stay pending and webhooks go out as they happen.\n',
    );
    expect((await call(mock.url, 'GET', '/__control/rules')).body).toEqual({ rules: [] });
  });

  test("the mock's refusal and a rules file's problems come back as the error", async () => {
    await expect(run('rules', 'add', '{outcome: {status: paid, reason: rejected}}')).rejects.toThrow(
      'outcome.reason goes with status failed only, not paid [HTTP 400]',
    );
    await expect(run('rules', 'add', '[1, 2]')).rejects.toThrow(/The rule must be an object/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-rules-'));
    try {
      const file = path.join(dir, 'bad.yaml');
      fs.writeFileSync(file, 'rules:\n  - when: {amount: "*.13"}\n    outcome: {status: later}\n');
      await expect(run('rules', 'load', file)).rejects.toThrow(
        'rules[0].outcome.status must be one of pending, paid, failed, expired, got "later" (line 3)',
      );
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  test('presets lists magic-amounts; explain says which rule decided a payment', async () => {
    expect(await run('rules', 'presets')).toMatch(/^NAME +DESCRIPTION\nmagic-amounts +Amounts whose cents part/);
    await run('rules', 'load', 'magic-amounts');
    const merchant = await call(mock.url, 'POST', '/v1/partner/merchants/test', { companyName: 'Kiosk ApS' });
    const payment = await call(mock.url, 'POST', '/v1/partner/payments', {
      merchantClientId: merchant.body.clientId,
      amount: 20.13,
      referenceNumber: 'POS-1',
    });
    await call(mock.url, 'POST', '/__control/clock/advance', { seconds: 2 });
    const explained = await run('explain', String(payment.body.paymentId));
    expect(explained.split('\n').slice(0, 2)).toEqual([
      `Payment ${payment.body.paymentId} is failed (Rejected): 20.13 DKK, POS-1, merchant ${merchant.body.clientId}`,
      '  Outcome: rule magic-13-rejected decided failed (rejected) after 2000 ms, due 2026-03-18T12:00:02.000Z; applied 2026-03-18T12:00:02.000Z',
    ]);
    expect(explained).toContain('POST /v1/partner/payments → 201');
  });

  test('explain says what settled a payment that no rule decided: the pay page, or the control API', async () => {
    const merchant = await call(mock.url, 'POST', '/v1/partner/merchants/test', { companyName: 'Bager ApS' });
    const create = (referenceNumber: string) =>
      call(mock.url, 'POST', '/v1/partner/payments', {
        merchantClientId: merchant.body.clientId,
        amount: 45,
        referenceNumber,
      });
    const outcome = async (id: number) => (await run('explain', String(id))).split('\n')[1];

    const byCustomer = await create('BY-CUSTOMER');
    expect(await outcome(byCustomer.body.paymentId)).toBe(
      '  Outcome: no outcome rule matched it when it was created; it waits for the customer (the pay page), the control API or its expiry.',
    );
    const token = new URL(byCustomer.body.paymentUrl as string).searchParams.get('token')!;
    const form = new URLSearchParams({ token, bank: 'Danske Bank', action: 'approve' });
    const paid = await fetch(`${mock.url}/pay`, { method: 'POST', body: form });
    expect(paid.status).toBe(200);
    const explained = await run('explain', String(byCustomer.body.paymentId));
    const payRequest = /Request #(\d+) POST \/pay → 200/.exec(explained);
    expect(payRequest).not.toBeNull();
    expect(explained.split('\n')[1]).toBe(
      `  Outcome: no outcome rule matched it when it was created; the customer settled it on the pay page (request #${payRequest![1]}).`,
    );

    const byControl = await create('BY-CONTROL');
    await run('pay', String(byControl.body.paymentId));
    expect(await outcome(byControl.body.paymentId)).toBe(
      "  Outcome: no outcome rule matched it when it was created; X-Mock-Payment on its creation, or the control API (`acountpay-mock pay`, `pay --fail`, the console), settled it; the control API's own requests are not journaled.",
    );
  });
});

const describeBuilt = describeWhenBuilt('cli-rules.test.ts');

describeBuilt('the real CLI with --rules and --auto-pay', () => {
  test('--auto-pay pays a new payment when the clock passes the delay, with no other call; the banner says so', async () => {
    const mock = await startCli(['--port', '0', '--log-level', 'warn', '--auto-pay', '3s', '--rules', 'magic-amounts']);
    try {
      expect(mock.output()).toContain('Rules         magic-amounts (9 rules), then every payment paid after 3s');
      const merchants = await call(mock.url, 'GET', '/v1/partner/merchants?status=active');
      const merchantClientId = (merchants.body.merchants as { clientId: string }[])[0]!.clientId;
      const plain = await call(mock.url, 'POST', '/v1/partner/payments', {
        merchantClientId,
        amount: 100,
        referenceNumber: 'A',
      });
      const magic = await call(mock.url, 'POST', '/v1/partner/payments', {
        merchantClientId,
        amount: 5.3,
        referenceNumber: 'B',
      });
      const status = async (id: number) =>
        (await call(mock.url, 'GET', `/v1/partner/payments/${id}/status`)).body.status;
      expect(await status(plain.body.paymentId)).toBe('pending');
      await call(mock.url, 'POST', '/__control/clock/advance', { seconds: 3 });
      expect(await status(plain.body.paymentId)).toBe('paid');
      expect(await status(magic.body.paymentId)).toBe('expired');
    } finally {
      mock.child.kill('SIGTERM');
    }
    await expect(exitOf(mock.child)).resolves.toBe(0);
  });

  test('takes them from ACOUNTPAY_MOCK_AUTO_PAY and ACOUNTPAY_MOCK_RULES', async () => {
    const mock = await startCli(['--port', '0', '--log-level', 'warn'], {
      ACOUNTPAY_MOCK_AUTO_PAY: '1s..2s',
      ACOUNTPAY_MOCK_RULES: 'magic-amounts',
    });
    try {
      const rules = (await call(mock.url, 'GET', '/__control/rules')).body.rules as {
        id: string;
        outcome?: { after?: string };
      }[];
      expect(rules).toHaveLength(10);
      expect(rules.at(-1)).toMatchObject({ id: 'auto-pay', outcome: { after: '1s..2s' } });
    } finally {
      mock.child.kill('SIGTERM');
    }
    await exitOf(mock.child);
  });

  test('a bad delay or rules file stops the start with exit code 2, naming every problem and its line', async () => {
    expect(await runCli(['--port', '0', '--auto-pay', 'soon'])).toMatchObject({
      code: 2,
      out: expect.stringContaining(
        'autoPay must be a delay from 0 to 7 days, like 3s, 500ms, 2m or a range 1s..5s, got "soon"',
      ) as string,
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-rules-'));
    try {
      const file = path.join(dir, 'pos.yaml');
      fs.writeFileSync(file, 'rules:\n  - when: {amount: "*.13"}\n    outcome: {status: failed, bank: Nordea}\n');
      const result = await runCli(['--port', '0', '--rules', file]);
      expect(result.code).toBe(2);
      expect(result.out).toContain(
        `Cannot start: Rules file ${file} does not load (1 problem):\n  - rules[0].outcome.bank goes with status paid only, not failed (line 3)`,
      );
      expect((await runCli(['--port', '0', '--rules', 'magic'])).out).toMatch(/Unknown rules preset "magic"/);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});
