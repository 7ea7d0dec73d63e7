/** A tiny loopback HTTP server with canned answers, for testing the support code without the mock. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface CannedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface CannedServer {
  url: string;
  /** Every request received so far. */
  requests: CannedRequest[];
  close(): Promise<void>;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): CannedAnswer {
  return {
    status,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  };
}

export async function startCannedServer(answer: (req: CannedRequest) => CannedAnswer): Promise<CannedServer> {
  const requests: CannedRequest[] = [];
  const server = http.createServer((req, res) => {
    const seen = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
    requests.push(seen);
    req.resume();
    req.on('end', () => {
      const { status, body, headers } = answer(seen);
      res.writeHead(status, headers).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
