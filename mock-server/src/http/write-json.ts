/**
 * The one writer of JSON answers (E152): an operation's result and every error body go out here.
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
  const text = JSON.stringify(body);
  if (headers) for (const name in headers) res.setHeader(name, headers[name]!);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
