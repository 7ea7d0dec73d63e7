/**
 * The one writer of JSON answers (E152): an operation's result, every error body and the test
 * receiver's answers go out here.
 * Written directly, as one `res.end`: Express's res.json/res.send add ETag and type work the mock
 * does not need, on the path of every request.
 */
import type { ServerResponse } from 'node:http';

export function writeJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers?: Readonly<Record<string, string>>,
): void {
  if (headers) for (const name in headers) res.setHeader(name, headers[name]!);
  res.statusCode = status;
  if (status === 204 || status === 304) {
    // No body in these answers, as Express's res.json would send them (the test receiver may answer 204).
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
