/**
 * For the kit's own tests: registers hooks so that every test of the enclosing describe sees a run
 * against a target that is not the mock (what the global setup sets when `/__control/health` does
 * not answer), with a fresh journal directory; the environment is restored after each test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const KEYS = ['CONTRACT_RUN_DIR', 'ACOUNTPAY_BASE_URL', 'CONTRACT_CONTROL_AVAILABLE'] as const;

export function asNonMockTarget(baseUrl: () => string = () => 'http://127.0.0.1:9'): void {
  const saved: Partial<Record<(typeof KEYS)[number], string>> = {};
  let runDir = '';
  beforeEach(() => {
    for (const key of KEYS) saved[key] = process.env[key];
    runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acountpay-self-test-'));
    Object.assign(process.env, {
      CONTRACT_RUN_DIR: runDir,
      ACOUNTPAY_BASE_URL: baseUrl(),
      CONTRACT_CONTROL_AVAILABLE: '0',
    });
  });
  afterEach(() => {
    for (const key of KEYS)
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    fs.rmSync(runDir, { recursive: true, force: true });
  });
}
