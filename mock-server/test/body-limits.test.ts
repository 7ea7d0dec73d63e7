/**
 * E226: a body over its limit is answered 413 with that limit, and one whose Content-Length says
 * so is answered before it arrives: a client that declares megabytes and sends nothing more gets
 * its 413 at once and the connection closes, instead of waiting for Node's request timeout.
 */
import net from 'node:net';
import { createMockServer, type MockServer } from '../src/server';
import { startTestServer } from './helpers';

let mock: MockServer;
beforeAll(async () => {
  mock = await startTestServer();
});
afterAll(() => mock.close());

/** Writes `lines` (a request's head and what there is of its body) and resolves everything the server wrote until it closed. */
function rawRequest(port: number, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.write(lines.join('\r\n'));
  });
}

/** A request head declaring `declared` bytes, and then only `sent`. */
function declareMore(path: string, contentType: string, declared: number, sent: string): Promise<string> {
  return rawRequest(mock.port, [
    `POST ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    `Content-Type: ${contentType}`,
    `Content-Length: ${declared}`,
    `X-Partner-Client-Id: ${mock.clientId}`,
    `X-Partner-Client-Secret: ${mock.clientSecret}`,
    '',
    sent,
  ]);
}

describe('bodies over their limit (E226)', () => {
  test.each([
    ['/v1/partner/payments', 'application/json', 1024 * 1024, '1 MB'],
    ['/__control/reset', 'application/json', 1024 * 1024, '1 MB'],
    ['/pay', 'application/x-www-form-urlencoded', 16 * 1024, '16 KB'],
    ['/onboarding/any-token', 'application/x-www-form-urlencoded', 100 * 1024, '100 KB'],
  ])(
    '%s (%s): a declared length over its limit is answered 413 at once, and the connection closed',
    async (path, type, limit, said) => {
      const answer = await declareMore(path, type, limit + 1, type === 'application/json' ? '{}' : 'a=1');
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer).toMatch(/\r\nConnection: close\r\n/i);
      expect(answer).toContain(`Request body is larger than ${said}`);
    },
  );

  test('a form over its limit that is sent whole names the form’s limit, not the API’s', async () => {
    const res = await fetch(`${mock.url}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${'x'.repeat(20 * 1024)}`,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toBe('Request body is larger than 16 KB');
  });

  test('a body within its limit is read as before', async () => {
    const res = await fetch(`${mock.url}/v1/partner/profile`, {
      headers: { 'x-partner-client-id': mock.clientId, 'x-partner-client-secret': mock.clientSecret },
    });
    expect(res.status).toBe(200);
    const paid = await fetch(`${mock.url}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=unknown&action=approve',
    });
    expect(paid.status).toBe(404);
  });
});

describe('a body that stops arriving (E230)', () => {
  test('is answered 408 once the request timeout passes, and the connection closed', async () => {
    const slow = await createMockServer({
      host: '127.0.0.1',
      port: 0,
      config: { logLevel: 'silent' },
      requestTimeoutMs: 300,
      timeoutCheckMs: 50,
    });
    try {
      // A chunked body that starts and never ends.
      const answer = await rawRequest(slow.port, [
        'POST /v1/partner/payments HTTP/1.1',
        'Host: 127.0.0.1',
        'Content-Type: application/json',
        'Transfer-Encoding: chunked',
        '',
        '5',
        '{"a":',
        '',
      ]);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      // The mock serves on.
      expect((await fetch(`${slow.url}/__control/health`)).status).toBe(200);
    } finally {
      await slow.close();
    }
  });
});
