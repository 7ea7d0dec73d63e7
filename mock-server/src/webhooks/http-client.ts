/**
 * The one door through which webhooks leave the mock. Tests may swap it for a recording client;
 * the default speaks node:http/node:https with keep-alive, a hard timeout and a bounded read.
 */
import http from 'node:http';
import https from 'node:https';
import { urlToHttpOptions } from 'node:url';
import { memoByUrl } from './url-memo';
import { WarmHttpAgent } from './warm-agent';

export interface WebhookHttpResponse {
  statusCode: number;
  /** At most the first 512 bytes of the answer, as UTF-8. */
  bodySnippet: string;
}

export interface WebhookHttpClient {
  /** Rejects with an Error that says what happened (`timeout after 10000 ms`, `ECONNREFUSED 127.0.0.1:1234`). */
  post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<WebhookHttpResponse>;
}

export interface NodeWebhookHttpClient extends WebhookHttpClient {
  /** Closes idle keep-alive sockets. */
  close(): void;
}

export interface NodeHttpClientOptions {
  /** Set false to accept self-signed certificates on https receivers (local QA setups). */
  rejectUnauthorized?: boolean;
}

export const SNIPPET_BYTES = 512;

interface NetError extends Error {
  code?: string;
  address?: string;
  port?: number;
  hostname?: string;
  errors?: unknown[];
}

/**
 * OpenSSL's messages end with the source file and line they came from inside Node's build
 * (`…:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:354:`): not the
 * receiver's business, and not the mock's to show.
 */
const withoutSourcePath = (text: string) => text.replace(/:[^:\s]*\/deps\/[^:\s]*:\d+:?/g, '').trim();

/** `connect ECONNREFUSED 127.0.0.1:1234` → `ECONNREFUSED 127.0.0.1:1234`; Node 20 wraps dual-stack failures in an AggregateError. */
function describeError(err: unknown): string {
  return withoutSourcePath(describeNetError(err));
}

function describeNetError(err: unknown): string {
  const e = err as NetError;
  const first = Array.isArray(e.errors) ? e.errors[0] : undefined;
  if (!e.code && first) return describeNetError(first);
  if (e.code && e.address) return `${e.code} ${e.address}${e.port ? `:${e.port}` : ''}`;
  if (e.code && e.hostname) return `${e.code} ${e.hostname}`;
  if (e.code && e.message && !e.message.includes(e.code)) return `${e.code} ${e.message}`;
  return e.message || e.code || String(err);
}

/** What an attempt needs of a receiver's URL, parsed once per URL (E196). */
interface ReceiverTarget {
  isHttps: boolean;
  /** `http.request` options without method, agent and headers. */
  options: http.RequestOptions;
}

function parseTarget(url: string): ReceiverTarget | Error {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return new Error(`invalid URL ${url}`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return new Error(`unsupported protocol ${target.protocol}`);
  }
  return { isHttps: target.protocol === 'https:', options: urlToHttpOptions(target) };
}

export function createNodeHttpClient(options: NodeHttpClientOptions = {}): NodeWebhookHttpClient {
  // `timeout` closes keep-alive sockets idle for 4 s, before typical servers (5 s) drop them under us;
  // http receivers get connections opened ahead while their deliveries overlap (E206).
  const httpAgent = new WarmHttpAgent({ keepAlive: true, timeout: 4000 });
  const httpsAgent = new https.Agent({
    keepAlive: true,
    timeout: 4000,
    rejectUnauthorized: options.rejectUnauthorized ?? true,
  });
  /** E196: the parsed receiver URLs. */
  const targetOf = memoByUrl(parseTarget);

  function post(
    url: string,
    body: string,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<WebhookHttpResponse> {
    const target = targetOf(url);
    if (target instanceof Error) return Promise.reject(new Error(target.message));
    const { isHttps } = target;
    // The body goes as a string: Node writes it in one piece with the head (E196), no Buffer copy.
    const length = Buffer.byteLength(body, 'utf8');

    return new Promise<WebhookHttpResponse>((resolve, reject) => {
      let settled = false;
      let timedOut = false;
      const settle = (result: WebhookHttpResponse | Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      const fail = (err: unknown): void =>
        settle(new Error(timedOut ? `timeout after ${timeoutMs} ms` : describeError(err)));

      const request = (isHttps ? https : http).request(
        {
          ...target.options,
          method: 'POST',
          agent: isHttps ? httpsAgent : httpAgent,
          headers: { ...headers, 'Content-Length': String(length) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const done = (): void =>
            settle({ statusCode: res.statusCode ?? 0, bodySnippet: Buffer.concat(chunks).toString('utf8') });
          res.on('data', (chunk: Buffer) => {
            if (size < SNIPPET_BYTES) {
              const part = chunk.subarray(0, SNIPPET_BYTES - size);
              chunks.push(part);
              size += part.length;
            }
            // The snippet is all we keep; a long or endless answer must not hold the socket.
            if (size >= SNIPPET_BYTES) {
              done();
              res.destroy();
            }
          });
          res.on('end', done);
          res.on('error', fail);
          // Every answer closes after it ended: the error (and its stack) is made only when it had not.
          res.on('close', () => {
            if (!settled) fail(new Error('connection closed before the response ended'));
          });
        },
      );
      // E196: the timeout destroys the request (and its answer, if one began) without an AbortController.
      const timer = setTimeout(() => {
        timedOut = true;
        request.destroy(new Error('timeout'));
      }, timeoutMs);
      request.on('error', fail);
      request.end(body, 'utf8');
    });
  }

  return {
    post,
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
