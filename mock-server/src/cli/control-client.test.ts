import type http from 'node:http';
import { CliError, createControlClient } from './control-client';
import { serveOnLoopback, type Cleanups } from '../webhooks/webhook-test-kit';

let cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** A client with a short patience for a loopback server answering with `handler`. */
async function clientOf(handler: http.RequestListener, timeoutMs = 200) {
  const { url } = await serveOnLoopback(handler, cleanups);
  const origin = new URL(url).origin;
  return { origin, client: createControlClient({ url: origin, timeoutMs }) };
}

describe('the QA verbs’ control client', () => {
  test('gives up on a server that never answers, and says where it waited', async () => {
    const { origin, client } = await clientOf(() => {});
    const call = client.get('/__control/clock');
    await expect(call).rejects.toBeInstanceOf(CliError);
    await expect(call).rejects.toThrow(`No answer from ${origin} within 0.2 s: is a mock listening there? (--url)`);
  });

  test('gives up on an answer that starts and never ends', async () => {
    const { client } = await clientOf((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"now":');
    });
    await expect(client.get('/__control/clock')).rejects.toThrow(/^No answer from .* within 0\.2 s/);
  });

  test('says so when the server is not a mock (an answer that is not JSON)', async () => {
    const { origin, client } = await clientOf((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>hello</html>');
    }, 10_000);
    await expect(client.get('/__control/clock')).rejects.toThrow(
      `${origin} answered 200 with something that is not JSON: is it an acountpay-mock? (--url)`,
    );
  });
});
