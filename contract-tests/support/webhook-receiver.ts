/**
 * A webhook receiver for contract tests, independent of the mock: it verifies each delivery's
 * `X-Webhook-Signature` itself (HMAC-SHA256 of the raw body, documented; lowercase hex, D28) and
 * validates the body against the spec's top-level `webhooks`, by provenance like every response. Each webhook under test gets its own endpoint
 * path, so its secret and canned answers stay apart from other webhooks'.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ValidateFunction } from 'ajv';
import type { OpenAPIV3_1 } from 'openapi-types';
import { createSpecAjv, loadSpec, resolveRef, toAbsoluteRefs } from '../../spec/index';
import { recordDifferences, type Difference } from './report';
import { ajvDifference, formatAjvError } from './spec-matcher';
import { documentedOnlySchema } from './spec-provenance';
import { readTargetConfig, targetIsMock, type WebhookSettings } from './target-config';

export interface Delivery {
  /** The endpoint URL it was sent to (as registered with the API). */
  endpoint: string;
  headers: http.IncomingHttpHeaders;
  rawBody: Buffer;
  /** The parsed JSON body, or undefined when it is not JSON. */
  body: unknown;
  event: string | undefined;
  /**
   * True once the endpoint's secret is known and X-Webhook-Signature is the HMAC-SHA256 of the raw
   * body with it (documented), in any encoding the kit knows; false when it is not; null before.
   */
  readonly signatureValid: boolean | null;
  /** How the signature is written: `hex` (lowercase, D28), another known encoding, or null. */
  readonly signatureEncoding: SignatureEncoding | null;
  /** Documented facts the delivery breaks (envelope, documented fields, the signature header): these fail. */
  problems: string[];
  /** Inferred facts it differs in (extra fields, informational headers, D28 details): reported only. */
  differences: Difference[];
  answeredStatus: number;
}

/** `hex` is the lowercase hex the mock sends (D28); anything else is another way to write the same HMAC. */
export type SignatureEncoding = string;

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

/**
 * How `signature` writes the body's HMAC-SHA256 with `secret` — `hex` (lowercase, as the mock does,
 * D28), `HEX`, `base64`, `base64url`, each optionally behind a `sha256=`-style prefix or among
 * several comma-separated values — or null when it is not that HMAC in any of those forms.
 */
export function signatureEncoding(
  signature: string | undefined,
  rawBody: Buffer,
  secret: string,
): SignatureEncoding | null {
  if (!signature) return null;
  const mac = crypto.createHmac('sha256', secret).update(rawBody).digest();
  for (const part of signature.split(',').map((p) => p.trim())) {
    const prefix = /^[\w-]+=(?=.)/.exec(part)?.[0] ?? '';
    const value = part.slice(prefix.length);
    const decodings: [string, Buffer | null][] = [
      [
        /^[0-9a-f]{64}$/.test(value) ? 'hex' : 'HEX',
        /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : null,
      ],
      ['base64', /^[A-Za-z0-9+/]{43}=?$/.test(value) ? Buffer.from(value, 'base64') : null],
      ['base64url', /^[A-Za-z0-9_-]{43}$/.test(value) ? Buffer.from(value, 'base64url') : null],
    ];
    for (const [name, bytes] of decodings)
      if (bytes && bytes.length === mac.length && crypto.timingSafeEqual(bytes, mac))
        return signature === part && !prefix
          ? name
          : `${prefix}${name}${signature === part ? '' : ' (one of several)'}`;
  }
  return null;
}

interface EventSchemas {
  exact: ValidateFunction;
  documented: ValidateFunction;
  schema: unknown;
}

function compileEventValidators(): Map<string, EventSchemas> {
  const ajv = createSpecAjv();
  const validators = new Map<string, EventSchemas>();
  for (const [event, raw] of Object.entries(loadSpec('partner-api').webhooks ?? {})) {
    const post = resolveRef<OpenAPIV3_1.PathItemObject>('partner-api', raw).post;
    const body = post?.requestBody
      ? resolveRef<OpenAPIV3_1.RequestBodyObject>('partner-api', post.requestBody)
      : undefined;
    const schema = body?.content['application/json']?.schema;
    if (schema)
      validators.set(event, {
        exact: ajv.compile(toAbsoluteRefs('partner-api', schema) as object),
        documented: ajv.compile(documentedOnlySchema('partner-api', schema) as object),
        schema,
      });
  }
  return validators;
}

let eventValidators: Map<string, EventSchemas> | undefined;

/** `payment.completed` → `onPaymentCompleted`, the operationId of the event in the spec's `webhooks`. */
function webhookOperationId(event: string | undefined): string {
  const item = event ? loadSpec('partner-api').webhooks?.[event] : undefined;
  const post = item ? resolveRef<OpenAPIV3_1.PathItemObject>('partner-api', item).post : undefined;
  return post?.operationId ?? 'webhook';
}

interface Inspection {
  event: string | undefined;
  problems: string[];
  differences: Difference[];
}

/** Checks the body and headers: documented facts into `problems`, inferred ones into `differences`. */
function inspect(body: unknown, headers: http.IncomingHttpHeaders): Inspection {
  eventValidators ??= compileEventValidators();
  const problems: string[] = [];
  const differences: Difference[] = [];
  const event = body && typeof body === 'object' ? (body as { event?: unknown }).event : undefined;
  if (typeof event !== 'string')
    return { event: undefined, problems: ['/event: is missing or the body is not JSON'], differences };
  const validators = eventValidators.get(event);
  if (!validators) problems.push(`/event: ${event} is not an event of the spec's webhooks`);
  else if (!validators.documented(body)) problems.push(...(validators.documented.errors ?? []).map(formatAjvError));
  else if (!validators.exact(body))
    for (const error of validators.exact.errors ?? [])
      differences.push(ajvDifference('partner-api', validators.schema, body, error));
  const signature = headers['x-webhook-signature'];
  if (typeof signature !== 'string') problems.push('header X-Webhook-Signature: is required but missing');
  const named = headers['x-webhook-event'];
  if (named !== undefined && named !== event)
    differences.push({ where: 'header X-Webhook-Event', expected: event, observed: String(named), decision: 'D28' });
  for (const name of ['x-webhook-delivery', 'x-webhook-attempt'])
    if (headers[name] === undefined)
      differences.push({ where: `header ${name}`, expected: 'present', observed: '(missing)', decision: 'D28' });
  return { event, problems, differences };
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

/**
 * Throws unless the delivery is signed with its endpoint's secret and matches the spec's documented
 * facts. Inferred ones (lowercase hex signatures, D28; the informational X-Webhook-* headers;
 * fields beyond the documented ones) are exact against the mock and only reported elsewhere.
 */
export function expectVerifiedDelivery(delivery: Delivery): void {
  const problems = [...delivery.problems];
  if (delivery.signatureValid !== true)
    problems.unshift(
      `X-Webhook-Signature ${delivery.signatureValid === null ? 'cannot be checked: no secret set for the endpoint' : 'is not the HMAC-SHA256 of the body with the webhook secret'}`,
    );
  const differences = [...delivery.differences];
  if (delivery.signatureEncoding && delivery.signatureEncoding !== 'hex')
    differences.push({
      where: 'header X-Webhook-Signature',
      expected: 'lowercase hex',
      observed: delivery.signatureEncoding,
      decision: 'D28',
    });
  if (targetIsMock()) problems.push(...differences.map((d) => `${d.where}: expected ${d.expected}, got ${d.observed}`));
  if (problems.length > 0)
    throw new Error(
      `Webhook delivery ${summarize(delivery)} is not valid:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  if (differences.length > 0)
    recordDifferences(
      webhookOperationId(delivery.event),
      `the ${delivery.event ?? ''} delivery is as the spec says`,
      differences,
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
      const { event, problems, differences } = inspect(body, req.headers);
      const encoding = (): SignatureEncoding | null => {
        const secret = secrets.get(endpoint);
        const given = req.headers['x-webhook-signature'];
        return secret === undefined
          ? null
          : signatureEncoding(typeof given === 'string' ? given : undefined, rawBody, secret);
      };
      const delivery: Delivery = {
        endpoint,
        headers: req.headers,
        rawBody,
        body,
        event,
        problems,
        differences,
        answeredStatus: status,
        get signatureValid() {
          return secrets.has(endpoint) ? encoding() !== null : null;
        },
        get signatureEncoding() {
          return encoding();
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
