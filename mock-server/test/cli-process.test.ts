/**
 * The real CLI as a separate process on a real port, as `npm start` runs it (from the build that
 * `npm ci` / `npm run build` makes): start-up banner, default scenario, a call, graceful shutdown.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../spec';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'acountpay-mock.js');
const BUILT = fs.existsSync(path.join(PACKAGE_ROOT, 'dist', 'mock-server', 'src', 'main.js'));
if (!BUILT) process.stdout.write('cli-process.test.ts skipped: no build in dist/ (run `npm run build`)\n');
const describeBuilt = BUILT ? describe : describe.skip;

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Running> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1]!, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return exitOf(child).then((code) => ({ code, out }));
}

describeBuilt('acountpay-mock CLI process', () => {
  test('starts with the default scenario, prints its credentials and answers on its port', async () => {
    const mock = await start(['--port', '0', '--log-level', 'warn']);
    try {
      expect(mock.output()).toContain('X-Partner-Client-Id:     a1b2c3d4-e5f6-4789-abcd-1234567890ab');
      const headers = {
        'X-Partner-Client-Id': 'a1b2c3d4-e5f6-4789-abcd-1234567890ab',
        'X-Partner-Client-Secret': '5ec2e7f0'.repeat(8),
      };
      const res = await fetch(`${mock.url}/v1/partner/merchants`, { headers });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { total: number };
      expect(body.total).toBeGreaterThan(0);
    } finally {
      mock.child.kill('SIGTERM');
    }
    await expect(exitOf(mock.child)).resolves.toBe(0);
  });

  test('takes its settings from the environment', async () => {
    const mock = await start(['--port', '0', '--scenario', 'empty'], {
      ACOUNTPAY_CLIENT_ID: 'ci-partner',
      ACOUNTPAY_CLIENT_SECRET: 'ci-secret-123',
      ACOUNTPAY_MOCK_LOG_LEVEL: 'silent',
    });
    try {
      const res = await fetch(`${mock.url}/v1/partner/profile`, {
        headers: { 'X-Partner-Client-Id': 'ci-partner', 'X-Partner-Client-Secret': 'ci-secret-123' },
      });
      expect(res.status).toBe(200);
    } finally {
      mock.child.kill('SIGINT');
    }
    await expect(exitOf(mock.child)).resolves.toBe(0);
  });

  test('refuses bad settings with every problem listed and exit code 2', async () => {
    const result = await run(['--port', 'abc', '--payment-expiry', '-5']);
    expect(result.code).toBe(2);
    expect(result.out).toMatch(/port must be an integer/);
    expect(result.out).toMatch(/paymentExpirySeconds must be an integer/);
  });

  test('lists its commands and options in --help', async () => {
    const result = await run(['serve', '--help']);
    expect(result.code).toBe(0);
    for (const option of [
      '--port',
      '--host',
      '--public-url',
      '--log-level',
      '--lenient',
      '--no-validate-responses',
      '--scenario',
    ]) {
      expect(result.out).toContain(option);
    }
  });

  test('prints the error as JSON with --json when the mock cannot be reached', async () => {
    const result = await run(['pay', '1', '--json', '--url', 'http://127.0.0.1:9']);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/\{"error":"[^"]*127\.0\.0\.1:9/);
  });
});
