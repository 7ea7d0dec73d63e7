import { json, startCannedServer, type CannedServer } from './canned-server';
import { getTarget, probeControl } from './target';
import { readTargetConfig, TargetConfigError } from './target-config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    readTargetConfig(env);
  } catch (error) {
    if (error instanceof TargetConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('readTargetConfig', () => {
  test('chooses the in-process mock when no ACOUNTPAY_* variable is set', () => {
    expect(readTargetConfig({})).toEqual({ kind: 'in-process', controlToken: null, webhook: null });
  });

  test('reads an HTTP target and uses its origin for the control API by default', () => {
    const config = readTargetConfig({
      ACOUNTPAY_BASE_URL: 'http://127.0.0.1:4010/',
      ACOUNTPAY_CLIENT_ID: 'id',
      ACOUNTPAY_CLIENT_SECRET: 'secret',
    });
    expect(config).toMatchObject({
      kind: 'http',
      baseUrl: 'http://127.0.0.1:4010',
      controlUrl: 'http://127.0.0.1:4010',
      destructiveAllowed: false,
    });
  });

  test('takes the control origin and the destructive flag from their variables', () => {
    const config = readTargetConfig({
      ACOUNTPAY_BASE_URL: 'http://127.0.0.1:4020',
      ACOUNTPAY_CONTROL_URL: 'http://127.0.0.1:4010',
      ACOUNTPAY_CLIENT_ID: 'id',
      ACOUNTPAY_CLIENT_SECRET: 'secret',
      CONTRACT_ALLOW_DESTRUCTIVE: '1',
    });
    expect(config).toMatchObject({ controlUrl: 'http://127.0.0.1:4010', destructiveAllowed: true });
  });

  test('lists every missing credential at once', () => {
    expect(problemsOf({ ACOUNTPAY_BASE_URL: 'https://sandbox.api.acountpay.com' })).toEqual([
      'missing ACOUNTPAY_CLIENT_ID',
      'missing ACOUNTPAY_CLIENT_SECRET',
    ]);
  });

  test('asks for the base URL when only credentials are set', () => {
    expect(problemsOf({ ACOUNTPAY_CLIENT_ID: 'id', ACOUNTPAY_CLIENT_SECRET: 'secret' })).toEqual([
      'missing ACOUNTPAY_BASE_URL (ACOUNTPAY_CLIENT_ID, ACOUNTPAY_CLIENT_SECRET are set)',
    ]);
  });

  test.each(['https://sandbox.api.acountpay.com/v1', 'https://sandbox.api.acountpay.com/v1/partner/'])(
    'accepts the base URL as the docs print it (%s) and keeps its origin, since spec paths carry /v1/partner',
    (base) => {
      const config = readTargetConfig({
        ACOUNTPAY_BASE_URL: base,
        ACOUNTPAY_CLIENT_ID: 'id',
        ACOUNTPAY_CLIENT_SECRET: 's',
      });
      expect(config).toMatchObject({ kind: 'http', baseUrl: 'https://sandbox.api.acountpay.com' });
    },
  );

  test('rejects a base URL with any other path', () => {
    const problems = problemsOf({
      ACOUNTPAY_BASE_URL: 'http://127.0.0.1:4010/api',
      ACOUNTPAY_CLIENT_ID: 'id',
      ACOUNTPAY_CLIENT_SECRET: 'secret',
    });
    expect(problems).toEqual([expect.stringContaining('optionally with /v1 or /v1/partner')]);
  });

  test('needs a local port behind a public webhook URL', () => {
    expect(problemsOf({ CONTRACT_WEBHOOK_URL: 'https://hooks.example.test' })).toEqual([
      expect.stringContaining('missing CONTRACT_WEBHOOK_PORT'),
    ]);
  });

  test('names the settings in the error message', () => {
    expect(() => readTargetConfig({ ACOUNTPAY_BASE_URL: 'nope' })).toThrow(
      /ACOUNTPAY_BASE_URL is not a URL[\s\S]*missing ACOUNTPAY_CLIENT_ID/,
    );
  });
});

describe('probeControl', () => {
  let server: CannedServer;
  let health = json(200, { ok: true });

  beforeAll(async () => {
    server = await startCannedServer((req) => (req.url === '/__control/health' ? health : json(404, {})));
  });

  afterAll(() => server.close());

  test('recognises a control API answering {"ok":true} and sends the bearer token', async () => {
    health = json(200, { ok: true });
    await expect(probeControl(server.url, 'qa-token')).resolves.toBe(true);
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer qa-token');
  });

  test('treats any other answer as no control API', async () => {
    health = json(200, { ok: 'yes' });
    await expect(probeControl(server.url, null)).resolves.toBe(false);
    health = json(401, { statusCode: 401 });
    await expect(probeControl(server.url, null)).resolves.toBe(false);
  });

  test('treats an unreachable origin as no control API', async () => {
    const closed = await startCannedServer(() => json(200, {}));
    await closed.close();
    await expect(probeControl(closed.url, null)).resolves.toBe(false);
  });
});

describe('getTarget', () => {
  test('describes an HTTP target that answers the control API as the mock, once per file', async () => {
    const server = await startCannedServer((req) =>
      req.url === '/__control/health' ? json(200, { ok: true }) : json(404, {}),
    );
    const saved = { ...process.env };
    Object.assign(process.env, {
      ACOUNTPAY_BASE_URL: server.url,
      ACOUNTPAY_CLIENT_ID: 'id',
      ACOUNTPAY_CLIENT_SECRET: 'secret',
    });
    try {
      const target = await getTarget();
      expect(target).toMatchObject({
        kind: 'http',
        baseUrl: server.url,
        controlUrl: server.url,
        isMock: true,
        capabilities: { control: true, webhooks: true },
        destructiveAllowed: false,
      });
      await expect(getTarget()).resolves.toBe(target);
    } finally {
      process.env = saved;
      await server.close();
    }
  });
});
