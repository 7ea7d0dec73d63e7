/**
 * A webhook receiver for contract tests, independent of the mock: it verifies each delivery's
 * `X-Webhook-Signature` itself (lowercase hex HMAC-SHA256 of the raw body, D28) and validates the
 * body against the spec's top-level `webhooks`. Each webhook under test gets its own endpoint
 * path, so its secret and canned answers stay apart from other webhooks'.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ValidateFunction } from 'ajv';
import type { OpenAPIV3_1 } from 'openapi-types';
import { createSpecAjv, loadSpec, resolveRef, toAbsoluteRefs } from '../../spec/index';
import { formatAjvError } from './spec-matcher';
import { readTargetConfig, type WebhookSettings } from './target-config';

export interface Delivery {
  /** The endpoint URL it was sent to (as registered with the API). */
  endpoint: string;
  headers: http.IncomingHttpHeaders;
  rawBody: Buffer;
  /** The parsed JSON body, or undefined when it is not JSON. */
  body: unknown;
  event: string | undefined;
  /** True or false once the endpoint's secret is known, null before. */
  readonly signatureValid: boolean | null;
  /** Body schema and header problems, empty for a good delivery. */
  problems: string[];
  answeredStatus: number;
}

export interface WebhookEndpoint {
  url: string;
  /** The secret the API returned for the webhook registered with this URL. */
  setSecret(secret: string): void;
  /** Answer the next deliveries with these statuses, in order (then 200 again), e.g. to provoke retries. */
  respondWith(...statuses: number[]): void;
  waitFor(predicate?: (d: Delivery) => boolean, timeoutMs?: number): Promise<Delivery>;
}

export interface WebhookReceiver {
  url: string;
  endpoint(): WebhookEndpoint;
  deliveries(): Delivery[];
  waitFor(predicate: (d: Delivery) => boolean, timeoutMs?: number): Promise<Delivery>;
  close(): Promise<void>;
}

export function sign(rawBody: Buffer | string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(rawBody).digest('hex');
}

function signatureMatches(signature: string | undefined, rawBody: Buffer, secret: string): boolean {
  if (!signature) return false;
  const expected = Buffer.from(sign(rawBody, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

function compileEventValidators(): Map<string, ValidateFunction> {
  const ajv = createSpecAjv();
  const validators = new Map<string, ValidateFunction>();
  for (const [event, raw] of Object.entries(loadSpec('partner-api').webhooks ?? {})) {
    const post = resolveRef<OpenAPIV3_1.PathItemObject>('partner-api', raw).post;
    const body = post?.requestBody
      ? resolveRef<OpenAPIV3_1.RequestBodyObject>('partner-api', post.requestBody)
      : undefined;
    const schema = body?.content['application/json']?.schema;
    if (schema) validators.set(event, ajv.compile(toAbsoluteRefs('partner-api', schema) as object));
  }
  return validators;
}

let eventValidators: Map<string, ValidateFunction> | undefined;

function inspect(body: unknown, headers: http.IncomingHttpHeaders): { event: string | undefined; problems: string[] } {
  eventValidators ??= compileEventValidators();
  const problems: string[] = [];
  const event = body && typeof body === 'object' ? (body as { event?: unknown }).event : undefined;
  if (typeof event !== 'string') return { event: undefined, problems: ['/event: is missing or the body is not JSON'] };
  const validate = eventValidators.get(event);
  if (!validate) problems.push(`/event: ${event} is not an event of the spec's webhooks`);
  else if (!validate(body)) problems.push(...(validate.errors ?? []).map(formatAjvError));
  const signature = headers['x-webhook-signature'];
  if (typeof signature !== 'string' || !/^[0-9a-f]{64}$/.test(signature))
    problems.push('header X-Webhook-Signature: must be 64 lowercase hex characters');
  const named = headers['x-webhook-event'];
  if (named !== undefined && named !== event)
    problems.push(`header X-Webhook-Event: says ${String(named)}, the body says ${event}`);
  return { event, problems };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

const summarize = (d: Delivery): string =>
  `${d.event ?? '(no event)'} → ${d.endpoint} (signature ${d.signatureValid === null ? 'unchecked' : d.signatureValid ? 'ok' : 'BAD'})`;

/** Throws unless the delivery is signed with its endpoint's secret and matches the spec. */
export function expectVerifiedDelivery(delivery: Delivery): void {
  const problems = [...delivery.problems];
  if (delivery.signatureValid !== true)
    problems.unshift(
      `X-Webhook-Signature ${delivery.signatureValid === null ? 'cannot be checked: no secret set for the endpoint' : 'does not match the body'}`,
    );
  if (problems.length > 0)
    throw new Error(
      `Webhook delivery ${summarize(delivery)} is not valid:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
}

/**
 * Starts a receiver on 127.0.0.1 on a free port, or, when CONTRACT_WEBHOOK_URL is set (a remote
 * target), on CONTRACT_WEBHOOK_PORT behind that public URL.
 */
export async function startReceiver(
  settings: WebhookSettings | null = readTargetConfig(process.env).webhook,
): Promise<WebhookReceiver> {
  const secrets = new Map<string, string>();
  const answers = new Map<string, number[]>();
  const received: Delivery[] = [];
  const waiters = new Set<{ predicate: (d: Delivery) => boolean; resolve: (d: Delivery) => void }>();
  let baseUrl = '';
  let nextEndpoint = 0;

  const server = http.createServer((req, res) => {
    void readBody(req).then((rawBody) => {
      if (req.method !== 'POST') {
        res.writeHead(405).end();
        return;
      }
      // Keyed by the /hooks/<id> part, so a tunnel that adds or strips a path prefix still matches.
      const endpoint = `${baseUrl}${/\/hooks\/[^/?#]+/.exec(req.url ?? '')?.[0] ?? req.url ?? '/'}`;
      const status = answers.get(endpoint)?.shift() ?? 200;
      const body = parseJson(rawBody);
      const { event, problems } = inspect(body, req.headers);
      const delivery: Delivery = {
        endpoint,
        headers: req.headers,
        rawBody,
        body,
        event,
        problems,
        answeredStatus: status,
        get signatureValid() {
          const secret = secrets.get(endpoint);
          return secret === undefined
            ? null
            : signatureMatches(req.headers['x-webhook-signature'] as string | undefined, rawBody, secret);
        },
      };
      received.push(delivery);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ received: status < 300 }));
      for (const waiter of waiters) {
        if (!waiter.predicate(delivery)) continue;
        waiters.delete(waiter);
        waiter.resolve(delivery);
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings?.port ?? 0, settings?.host ?? '127.0.0.1', () => resolve());
  });
  baseUrl = settings?.publicUrl ?? `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const defaultTimeout = process.env.ACOUNTPAY_BASE_URL ? 20_000 : 4_000;
  const waitFor = (predicate: (d: Delivery) => boolean, timeoutMs = defaultTimeout): Promise<Delivery> => {
    const already = received.find(predicate);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (d: Delivery) => {
          clearTimeout(timer);
          resolve(d);
        },
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        const seen = received.map(summarize).join('\n  ') || '(none)';
        reject(new Error(`No webhook delivery matched within ${timeoutMs} ms. Received:\n  ${seen}`));
      }, timeoutMs);
      waiters.add(waiter);
    });
  };

  return {
    url: baseUrl,
    endpoint: () => {
      // The pid keeps paths apart when several workers share one public URL.
      nextEndpoint += 1;
      const url = `${baseUrl}/hooks/${process.pid}-${nextEndpoint}`;
      return {
        url,
        setSecret: (secret) => void secrets.set(url, secret),
        respondWith: (...statuses) => void answers.set(url, statuses),
        waitFor: (predicate = () => true, timeoutMs) => waitFor((d) => d.endpoint === url && predicate(d), timeoutMs),
      };
    },
    deliveries: () => [...received],
    waitFor,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
