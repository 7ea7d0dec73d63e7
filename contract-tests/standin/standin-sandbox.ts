/**
 * A stand-in for the real AcountPay sandbox: the mock (lenient, so unknown fields are dropped
 * instead of refused) behind a small proxy that hides the control API and varies inferred facts
 * (see variations.ts). The contract suite run against it must pass and list its differences; with
 * a `break-*` variant it must fail and name the broken documented fact.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockServer, type MockServer } from '../../mock-server/src';
import {
  operationOf,
  variationsFor,
  WebhookRelay,
  type ProxyRequest,
  type ProxyResponse,
  type Variation,
} from './variations';

export interface StandinSandbox {
  /** Origin the suite talks to (ACOUNTPAY_BASE_URL). */
  url: string;
  clientId: string;
  clientSecret: string;
  variations: Variation[];
  close(): Promise<void>;
}

export interface StandinOptions {
  /** `inferred` (default) or a `break-*` variant. */
  variant?: string;
  port?: number;
  host?: string;
}

const MAX_BODY = 2 * 1024 * 1024;

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function parseJson(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0 || !/json/i.test(contentType ?? '')) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function readBody(stream: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function forward(origin: string, req: ProxyRequest): Promise<ProxyResponse> {
  const body = req.json !== undefined ? Buffer.from(JSON.stringify(req.json)) : req.raw;
  return forwardTo(new URL(req.url, origin).href, req.method, req.headers, body);
}

function forwardTo(url: string, method: string, given: Record<string, string>, body: Buffer): Promise<ProxyResponse> {
  const headers: Record<string, string> = { ...given, host: new URL(url).host, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  return new Promise((resolve, reject) => {
    const upstream = http.request(url, { method, headers, timeout: 15_000 }, (answer) => {
      readBody(answer).then((raw) => {
        const out = flatHeaders(answer.headers);
        resolve({ status: answer.statusCode ?? 502, headers: out, json: parseJson(raw, out['content-type']), raw });
      }, reject);
    });
    upstream.on('timeout', () => upstream.destroy(new Error(`no answer from ${url}`)));
    upstream.on('error', reject);
    upstream.end(body);
  });
}

function send(res: http.ServerResponse, answer: ProxyResponse): void {
  const body = answer.json !== undefined ? Buffer.from(JSON.stringify(answer.json)) : answer.raw;
  const headers: Record<string, string> = { ...answer.headers, 'content-length': String(body.length) };
  for (const name of ['transfer-encoding', 'connection', 'keep-alive', 'etag']) delete headers[name];
  if (answer.status === 204 || answer.status === 304) {
    delete headers['content-length'];
    res.writeHead(answer.status, headers).end();
    return;
  }
  res.writeHead(answer.status, headers).end(body);
}

async function handle(
  mock: MockServer,
  origin: string,
  variations: Variation[],
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const raw = await readBody(req);
  const headers = flatHeaders(req.headers);
  const relay = variations.find((v): v is WebhookRelay => v instanceof WebhookRelay);
  const delivery = relay?.relay(req.url ?? '/', headers, raw);
  if (delivery) {
    const answer = await forwardTo(delivery.target, req.method ?? 'POST', delivery.headers, delivery.raw);
    return send(res, answer);
  }
  const request: ProxyRequest = {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers,
    json: parseJson(raw, headers['content-type']),
    raw,
  };
  const ctx = { operationId: operationOf(request.method, request.url), request, origin };
  for (const variation of variations) {
    const answered = variation.onRequest?.(ctx);
    if (answered) return send(res, answered);
  }
  const answer = await forward(mock.url, request);
  for (const variation of variations) variation.onResponse?.(ctx, answer);
  send(res, answer);
}

export async function startStandinSandbox(options: StandinOptions = {}): Promise<StandinSandbox> {
  const variations = variationsFor(options.variant ?? 'inferred');
  const mock = await createMockServer({ port: 0, host: '127.0.0.1', config: { lenient: true } });
  let origin = '';
  const server = http.createServer((req, res) => {
    handle(mock, origin, variations, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`stand-in proxy: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    clientId: mock.clientId,
    clientSecret: mock.clientSecret,
    variations,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mock.close();
    },
  };
}
