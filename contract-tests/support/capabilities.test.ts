import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { missingReason, testWith } from './capabilities';
import { readJournal } from './report';

const remote = {
  ACOUNTPAY_BASE_URL: 'https://sandbox.api.acountpay.com',
  ACOUNTPAY_CLIENT_ID: 'id',
  ACOUNTPAY_CLIENT_SECRET: 'secret',
};

describe('missingReason', () => {
  test('finds nothing missing in-process', () => {
    expect(missingReason('control', {})).toBeNull();
    expect(missingReason('destructive', {})).toBeNull();
    expect(missingReason('webhooks', {})).toBeNull();
  });

  test('explains what a remote target lacks', () => {
    expect(missingReason('control', { ...remote, CONTRACT_CONTROL_AVAILABLE: '0' })).toBe(
      'the target has no QA control API at https://sandbox.api.acountpay.com/__control',
    );
    expect(missingReason('mock', { ...remote, CONTRACT_CONTROL_AVAILABLE: '0' })).toMatch(/not an acountpay-mock/);
    expect(missingReason('destructive', remote)).toMatch(/CONTRACT_ALLOW_DESTRUCTIVE=1/);
    expect(missingReason('webhooks', remote)).toMatch(/CONTRACT_WEBHOOK_URL/);
  });

  test('accepts a loopback target for webhooks and a public URL for a remote one', () => {
    expect(missingReason('webhooks', { ...remote, ACOUNTPAY_BASE_URL: 'http://127.0.0.1:4010' })).toBeNull();
    expect(
      missingReason('webhooks', {
        ...remote,
        CONTRACT_WEBHOOK_URL: 'https://hooks.example.test',
        CONTRACT_WEBHOOK_PORT: '8788',
      }),
    ).toBeNull();
  });
});

describe('testWith', () => {
  const journalDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acountpay-skip-'));
  const saved = { ...process.env };
  Object.assign(process.env, remote, { CONTRACT_CONTROL_AVAILABLE: '0', CONTRACT_RUN_DIR: journalDir });
  testWith('control')('moves the clock (needs the control API)', () => {
    throw new Error('a skipped test never runs');
  });
  process.env = saved;

  afterAll(() => fs.rmSync(journalDir, { recursive: true, force: true }));

  test('skips a test the target cannot serve and journals why', () => {
    const [entry] = readJournal(path.join(journalDir, 'journal.ndjson'));
    expect(entry).toEqual({
      type: 'skip',
      title: 'moves the clock (needs the control API)',
      reason: 'the target has no QA control API at https://sandbox.api.acountpay.com/__control',
      file: __filename,
    });
  });
});
