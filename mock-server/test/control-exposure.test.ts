/**
 * Issue 12, deliverable 4: the control API is never open by accident (E32) and a user's secret is
 * never printed or logged in full (E33). The CLI binds 0.0.0.0 here, but every request of these
 * tests goes to 127.0.0.1 only.
 */
import { parseConfig } from '../src/config';
import { createMockServer } from '../src/server';
import { isLoopbackHost, maskSecret, redactUrl } from '../src/shared/exposure';
import { describeWhenBuilt, exitOf, runCli, startCli } from './cli-helpers';
import { createNodeHttpClient } from '../src/webhooks';
import { authHeaders, createTestApp, startTestServer } from './helpers';

const USER_SECRET = 'user-secret-from-ci-7QX2';
const USER_TOKEN = 'user-control-token-5K9W';

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('exposure rules (E32, E33)', () => {
  test('only loopback addresses count as loopback', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'example.com', '::ffff:10.0.0.1'])
      expect(isLoopbackHost(host)).toBe(false);
  });

  test('a masked secret keeps its last 4 characters at most', () => {
    expect(maskSecret(USER_SECRET)).toBe('…7QX2');
    expect(maskSecret('short')).not.toContain('short');
    expect(redactUrl('/?token=abc&x=1')).toBe('/?token=[hidden]&x=1');
  });

  test('a control token that is too short is refused without echoing it', () => {
    expect(() => parseConfig({ controlToken: 'abc12' })).toThrow(/controlToken must be at least 12 characters/);
    expect(() => parseConfig({ controlToken: 'abc12' })).not.toThrow(/abc12/);
    expect(parseConfig({ controlToken: 'qa-token-123' }).controlToken).toBe('qa-token-123');
  });

  test('a client secret that is too short is refused without echoing it', () => {
    expect(() => parseConfig({ clientSecret: 'sh0rt!' })).toThrow(/clientSecret must be at least 8 characters/);
    expect(() => parseConfig({ clientSecret: 'sh0rt!' })).not.toThrow(/sh0rt!/);
  });

  test('createMockServer on 0.0.0.0 without a token makes one up and requires it', async () => {
    const mock = await createMockServer({ host: '0.0.0.0', port: 0 });
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:/); // the tests talk to loopback only
      const token = mock.generatedControlToken!;
      expect(token).toMatch(/^[\w-]{32}$/);
      expect((await fetch(`${mock.url}/__control/state`)).status).toBe(401);
      const authorized = { headers: { Authorization: `Bearer ${token}` } };
      expect((await fetch(`${mock.url}/__control/state`, authorized)).status).toBe(200);
      expect((await fetch(`${mock.url}/__control/health`)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  test('on loopback, and with a token of the user, nothing is made up', async () => {
    const local = await createMockServer({ port: 0 });
    const given = await createMockServer({ host: '0.0.0.0', port: 0, config: { controlToken: USER_TOKEN } });
    try {
      expect(local.generatedControlToken).toBeNull();
      expect((await fetch(`${local.url}/__control/state`)).status).toBe(200);
      expect(given.generatedControlToken).toBeNull();
      expect((await fetch(`${given.url}/__control/state`)).status).toBe(401);
    } finally {
      await Promise.all([local.close(), given.close()]);
    }
  });

  test('with a control token the console at / needs it; the pay and onboarding pages stay public', async () => {
    const t = createTestApp({ controlToken: USER_TOKEN });
    const denied = await t.api.get('/');
    expect(denied.status).toBe(401);
    expect(denied.text).not.toContain('Pending payments');
    expect((await t.api.get(`/?token=${USER_TOKEN}`)).status).toBe(200);
    expect((await t.api.get('/').set('Authorization', `Bearer ${USER_TOKEN}`)).status).toBe(200);
    expect((await t.api.get('/pay/no-such-token')).status).toBe(404);
    expect((await t.api.get('/onboarding/no-such-token')).status).toBe(404);
    expect(t.deps.journal.list().requests.map((r) => r.path)).toContain('/?token=[hidden]');
  });
});

describeWhenBuilt('control-exposure.test.ts')('the CLI on 0.0.0.0 (E32, E33)', () => {
  test('generates a control token, prints it once, requires it, and never prints the user secret', async () => {
    const mock = await startCli(['--host', '0.0.0.0', '--port', '0', '--scenario', 'empty', '--log-level', 'trace'], {
      ACOUNTPAY_CLIENT_ID: 'ci-partner',
      ACOUNTPAY_CLIENT_SECRET: USER_SECRET,
      ACOUNTPAY_MOCK_CONTROL_TOKEN: '',
    });
    let output = '';
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
      await new Promise((resolve) => setImmediate(resolve));
      const token = /Control token (\S+)/.exec(mock.output())?.[1];
      expect(token).toBeDefined();
      expect((await fetch(`${mock.url}/__control/state`)).status).toBe(401);
      expect((await fetch(`${mock.url}/__control/reset`, { method: 'POST' })).status).toBe(401);
      const bearer = { Authorization: `Bearer ${token}` };
      expect((await fetch(`${mock.url}/__control/state`, { headers: bearer })).status).toBe(200);
      expect((await fetch(`${mock.url}/`)).status).toBe(401);
      expect((await fetch(`${mock.url}/?token=${token}`)).status).toBe(200);
      expect((await fetch(`${mock.url}/pay/unknown`)).status).toBe(404);
      const partner = { 'X-Partner-Client-Id': 'ci-partner', 'X-Partner-Client-Secret': USER_SECRET };
      expect((await fetch(`${mock.url}/v1/partner/profile`, { headers: partner })).status).toBe(200);
      const wrong = { ...partner, 'X-Partner-Client-Secret': `${USER_SECRET}x` };
      expect((await fetch(`${mock.url}/v1/partner/profile`, { headers: wrong })).status).toBe(401);
    } finally {
      mock.child.kill('SIGTERM');
      await exitOf(mock.child);
      output = mock.output();
    }
    const token = /Control token (\S+)/.exec(output)![1]!;
    expect(occurrences(output, token)).toBe(1);
    expect(output).not.toContain(USER_SECRET);
    expect(output).toContain('…7QX2');
    expect(output).toMatch(/"url":"\/\?token=\[hidden\]"/); // the trace log saw the console request
  });

  test('a control token of the user is required and never printed', async () => {
    const mock = await startCli(['--host', '0.0.0.0', '--port', '0', '--scenario', 'empty', '--log-level', 'trace'], {
      ACOUNTPAY_MOCK_CONTROL_TOKEN: USER_TOKEN,
    });
    try {
      expect(mock.output()).not.toMatch(/Control token/);
      expect((await fetch(`${mock.url}/__control/state`)).status).toBe(401);
      const bearer = { Authorization: `Bearer ${USER_TOKEN}` };
      expect((await fetch(`${mock.url}/__control/state`, { headers: bearer })).status).toBe(200);
      expect((await fetch(`${mock.url}/?token=${USER_TOKEN}`)).status).toBe(200);
    } finally {
      mock.child.kill('SIGTERM');
      await exitOf(mock.child);
    }
    expect(mock.output()).not.toContain(USER_TOKEN);
  });

  test('on loopback the banner still prints the built-in default credentials', async () => {
    const mock = await startCli(['--port', '0', '--scenario', 'empty', '--log-level', 'silent']);
    try {
      expect(mock.output()).toContain(`X-Partner-Client-Secret: ${'5ec2e7f0'.repeat(8)}`);
      expect(mock.output()).not.toMatch(/Control token/);
    } finally {
      mock.child.kill('SIGTERM');
      await exitOf(mock.child);
    }
  });

  test('a bad client secret stops the start without echoing it', async () => {
    const result = await runCli(['--port', '0'], { ACOUNTPAY_CLIENT_SECRET: 'sh0rt!' });
    expect(result.code).toBe(2);
    expect(result.out).toMatch(/clientSecret must be at least 8 characters/);
    expect(result.out).not.toContain('sh0rt!');
  });
});

describe('webhooks aimed at a control API (E224)', () => {
  test('are refused, so that two of them cannot drive a merchant back and forth forever', async () => {
    const mock = await startTestServer({}, { http: createNodeHttpClient() });
    const partner = authHeaders(mock.clientId, mock.clientSecret);
    const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    try {
      const api = `${mock.url}/v1/partner`;
      const merchant = await call('POST', `${api}/merchants/test`, { companyName: 'Løkke Café' }, partner);
      const id = merchant.body.merchantId as number;
      const control = `${mock.controlUrl}/__control`;
      for (const [action, event] of [
        ['activate', 'merchant.deactivated'],
        ['deactivate', 'merchant.activated'],
      ])
        expect(
          (
            await call(
              'POST',
              `${api}/webhooks`,
              { url: `${control}/merchants/${id}/${action}`, events: [event] },
              partner,
            )
          ).status,
        ).toBe(201);

      expect((await call('POST', `${control}/merchants/${id}/deactivate`)).status).toBe(200);
      expect((await call('POST', `${control}/webhook-deliveries/flush`)).status).toBe(200);

      const { body } = await call('GET', `${control}/webhook-deliveries?limit=100`);
      const deliveries = body.deliveries as { event: string; attempts: { statusCode: number | null }[] }[];
      // One delivery, refused: the activation it asked for never happened, so nothing followed.
      expect(deliveries.map((d) => [d.event, d.attempts.map((a) => a.statusCode)])).toEqual([
        ['merchant.deactivated', [401]],
      ]);
      const after = await call('GET', `${api}/merchants/${id}`, undefined, partner);
      expect(after.body.status).toBe('inactive');
      // Anyone else's request with the header is refused alike; without it, the control API answers.
      const refused = await call('GET', `${control}/clock`, undefined, { 'X-Webhook-Delivery': 'd-1' });
      expect([refused.status, refused.body.code]).toEqual([401, 'control_delivery_refused']);
      expect((await call('GET', `${control}/clock`)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });
});
