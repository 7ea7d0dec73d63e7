import type http from 'node:http';
import { createNodeHttpClient } from './http-client';
import { closedLoopbackPort, serveOnLoopback, type Cleanups } from './webhook-test-kit';

let cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

const serve = async (handler: http.RequestListener): Promise<string> => (await serveOnLoopback(handler, cleanups)).url;

function client() {
  const c = createNodeHttpClient();
  cleanups.push(() => c.close());
  return c;
}

describe('node webhook HTTP client', () => {
  test('posts the body with the given headers and a Content-Length', async () => {
    let seen: { headers: http.IncomingHttpHeaders; body: string } | undefined;
    const url = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        res.writeHead(201).end('created');
      });
    });

    const result = await client().post(url, '{"a":"ø"}', { 'X-Test': 'yes' }, 1000);

    expect(result).toEqual({ statusCode: 201, bodySnippet: 'created' });
    expect(seen).toMatchObject({ body: '{"a":"ø"}', headers: { 'x-test': 'yes', 'content-length': '10' } });
  });

  test('keeps at most the first 512 bytes of a long answer', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200);
      res.write('x'.repeat(400));
      res.end('y'.repeat(100_000));
    });

    const result = await client().post(url, '{}', {}, 1000);

    expect(result.bodySnippet).toBe('x'.repeat(400) + 'y'.repeat(112));
  });

  test('rejects with a timeout message when no answer comes in time', async () => {
    const url = await serve(() => {});
    await expect(client().post(url, '{}', {}, 100)).rejects.toThrow('timeout after 100 ms');
  });

  test('rejects with the code and address when the connection is refused', async () => {
    const port = await closedLoopbackPort();

    await expect(client().post(`http://127.0.0.1:${port}/`, '{}', {}, 1000)).rejects.toThrow(
      `ECONNREFUSED 127.0.0.1:${port}`,
    );
  });

  test('an https URL to a plain HTTP receiver says what TLS found, without the source path of Node’s build', async () => {
    const url = await serve((_req, res) => res.end('plain'));
    const attempt = client().post(url.replace('http://', 'https://'), '{}', {}, 1000);
    await expect(attempt).rejects.toThrow(/SSL|TLS|EPROTO/);
    const message = await attempt.catch((err: Error) => err.message);
    expect(message).not.toMatch(/deps\/|\.c:\d+/);
  });

  test('rejects URLs that are not http or https', async () => {
    await expect(client().post('ftp://127.0.0.1/x', '{}', {}, 1000)).rejects.toThrow('unsupported protocol ftp:');
    await expect(client().post('not a url', '{}', {}, 1000)).rejects.toThrow('invalid URL');
  });
});
