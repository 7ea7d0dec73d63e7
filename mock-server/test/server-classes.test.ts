/**
 * E198: the mock's own server makes its requests and responses with the app's prototypes, so the
 * app's `handle` has nothing to swap; an app served by another server still gets them per request.
 */
import http from 'node:http';
import v8 from 'node:v8';
import type { AddressInfo } from 'node:net';
import type { Request, Response } from 'express';
import { createApp, createServerClasses } from '../src/app';
import { createMockServer } from '../src/server';
import { createTestApp } from './helpers';

async function get(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

describe('server classes (E198)', () => {
  it("makes a request and its response with the app's prototypes before the app sees them", async () => {
    const mock = await createMockServer({ host: '127.0.0.1', port: 0 });
    try {
      let seen: { request: unknown; response: unknown } | undefined;
      mock.server.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
        seen = { request: (req as Request).get, response: (res as Response).status };
      });
      expect(await get(`${mock.url}/__control/health`)).toBe(200);
      expect(typeof seen?.request).toBe('function');
      expect(typeof seen?.response).toBe('function');
    } finally {
      await mock.close();
    }
  });

  it('gives classes the prototypes of the app created with them', () => {
    const { deps } = createTestApp();
    const classes = createServerClasses();
    const app = createApp(deps, classes);
    expect(Object.getPrototypeOf(classes.IncomingMessage.prototype)).toBe(app.request);
    expect(Object.getPrototypeOf(classes.ServerResponse.prototype)).toBe(app.response);
  });

  it('makes responses V8 keeps with fast properties, not as dictionaries (E210)', async () => {
    // V8's own test of an object's property mode; the flag only lets this file's function use it.
    v8.setFlagsFromString('--allow-natives-syntax');
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- V8's %-syntax parses only in new code
    const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
    v8.setFlagsFromString('--no-allow-natives-syntax');
    const mock = await createMockServer({ host: '127.0.0.1', port: 0 });
    try {
      const seen: boolean[] = [];
      mock.server.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
        seen.push(hasFastProperties(req), hasFastProperties(res));
        res.once('finish', () => seen.push(hasFastProperties(res)));
      });
      expect(await get(`${mock.url}/v1/partner/profile`, {})).toBe(401);
      expect(seen).toEqual([true, true, true]);
    } finally {
      await mock.close();
    }
  });

  it('still answers through a plain node:http server, reading the query through Express', async () => {
    const { app, auth } = createTestApp();
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect(await get(`http://127.0.0.1:${port}/v1/partner/merchants?page=1&limit=5`, auth)).toBe(200);
      expect(await get(`http://127.0.0.1:${port}/v1/partner/merchants?limit=0`, auth)).toBe(400);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
