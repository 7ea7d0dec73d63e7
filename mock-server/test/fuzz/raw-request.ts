/**
 * Sends a request exactly as given (the path is not normalised, unlike fetch: `..`, `%00` and
 * malformed escapes arrive as written) to a server on 127.0.0.1, and reads the whole answer.
 */
import http from 'node:http';

export interface RawRequest {
  method: string;
  /** Path and query string, sent as they are. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RawResponse {
  status: number;
  contentType: string | undefined;
  text: string;
}

/** Rejects when no answer arrives within `timeoutMs`: a hang is a failure of its own. */
export function sendRaw(
  port: number,
  request: RawRequest,
  agent: http.Agent,
  timeoutMs = 20_000,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.path,
        headers:
          request.body === undefined
            ? request.headers
            : { ...request.headers, 'Content-Length': String(Buffer.byteLength(request.body)) },
        agent,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'],
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(request.body);
  });
}
