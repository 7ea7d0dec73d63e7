/**
 * The real CLI as a separate process on a real port, as `npm start` runs it (from the build that
 * `npm ci` / `npm run build` makes): start-up banner, default scenario, a call, graceful shutdown.
 */
import net from 'node:net';
import { describeWhenBuilt, exitOf, runCli as run, startCli as start } from './cli-helpers';

const describeBuilt = describeWhenBuilt('cli-process.test.ts');

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

  test('`npm start` stops when npm is told to stop (a process manager or a container signals npm)', async () => {
    const mock = await start(['--port', '0', '--log-level', 'info', '--scenario', 'empty'], {}, { viaNpm: true });
    try {
      mock.child.kill('SIGTERM');
      await exitOf(mock.child);
      // The mock itself got the signal and shut down (with `sh -c` between them it was left running).
      const closed = async () => {
        try {
          await fetch(`${mock.url}/__control/health`);
          return false;
        } catch {
          return true;
        }
      };
      for (let i = 0; i < 100 && !(await closed()); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(mock.output()).toContain('"signal":"SIGTERM","msg":"shutting down"');
      expect(await closed()).toBe(true);
    } finally {
      // Whatever npm left behind, when it failed to pass the signal on.
      try {
        process.kill(-mock.child.pid!, 'SIGKILL');
      } catch {
        // the group is gone: nothing was left
      }
    }
  });

  test('refuses bad settings with every problem listed and exit code 2', async () => {
    const result = await run(['--port', 'abc', '--payment-expiry', '-5']);
    expect(result.code).toBe(2);
    expect(result.out).toMatch(/port must be an integer/);
    expect(result.out).toMatch(/paymentExpirySeconds must be an integer/);
  });

  test('names the way out when its port is taken', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as net.AddressInfo;
    try {
      const result = await run(['--port', String(port), '--log-level', 'silent']);
      expect(result.code).toBe(2);
      expect(result.out).toContain(`Cannot start: listen EADDRINUSE: address already in use 127.0.0.1:${port}`);
      expect(result.out).toContain(
        `Another process holds port ${port}: start with --port <n> (or ACOUNTPAY_MOCK_PORT=<n>).`,
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
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
