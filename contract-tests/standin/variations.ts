/**
 * What the stand-in sandbox changes on the way between the contract suite and the mock. Each
 * variation is one way a real AcountPay server may differ from the mock. The `inferred` ones touch
 * only facts that the spec marks as inferred, so the suite must pass against them (and list each
 * difference); the `break-*` ones each break one documented fact, so the suite must fail and name it.
 */
import { createHmac } from 'node:crypto';
import type { OpenAPIV3_1 } from 'openapi-types';
import { loadSpec, resolveRef } from '../../spec/index';
import { findOperation } from '../support/operation-index';
import { bodyIsInferred, statusIsInferred } from '../support/spec-provenance';

/** One request as the proxy sees it; a variation may change it before it goes to the mock. */
export interface ProxyRequest {
  method: string;
  /** Path and query, as on the wire. */
  url: string;
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when there is none or it is not JSON. */
  json: unknown;
  raw: Buffer;
}

/** One answer; a variation may change it before it goes back to the suite. */
export interface ProxyResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON body when the answer is JSON, else undefined (then `raw` is passed on as it is). */
  json: unknown;
  raw: Buffer;
}

export interface RequestContext {
  operationId: string | null;
  request: ProxyRequest;
  /** The stand-in's own origin (for URLs that must lead back through it). */
  origin: string;
}

export interface Variation {
  name: string;
  /** What a reader of the run's log is told. */
  describe: string;
  /** Answers the request itself (the mock never sees it), or changes it, or leaves it. */
  onRequest?(ctx: RequestContext): ProxyResponse | void;
  onResponse?(ctx: RequestContext, res: ProxyResponse): void;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

export function jsonResponse(status: number, body: unknown, contentType = 'application/json'): ProxyResponse {
  const raw = Buffer.from(JSON.stringify(body));
  return { status, headers: { 'content-type': contentType }, json: body, raw };
}

function emptyResponse(res: ProxyResponse, status: number): void {
  res.status = status;
  res.json = undefined;
  res.raw = Buffer.alloc(0);
  delete res.headers['content-type'];
}

const statusGuessed = (ctx: RequestContext, status: number): boolean =>
  ctx.operationId !== null && statusIsInferred(ctx.operationId, status);
const bodyGuessed = (ctx: RequestContext, status: number): boolean =>
  ctx.operationId !== null && bodyIsInferred(ctx.operationId, status);

// ---------------------------------------------------------------------------------------------
// Schema walking (for nulls in place of omitted optional fields)

type Schema = Json & { properties?: Record<string, unknown>; required?: string[]; allOf?: unknown[] };

function resolved(schema: unknown): Schema | undefined {
  if (!isObject(schema)) return undefined;
  return resolveRef<Schema>('partner-api', schema);
}

/** Adds `null` for every optional property the schema names and the value leaves out, recursively. */
function fillNulls(schema: unknown, value: unknown, depth = 0): void {
  const s = resolved(schema);
  if (!s || depth > 16) return;
  for (const part of s.allOf ?? []) fillNulls(part, value, depth + 1);
  if (Array.isArray(value)) {
    for (const item of value) fillNulls(s.items, item, depth + 1);
    return;
  }
  if (!isObject(value) || !s.properties) return;
  for (const [name, prop] of Object.entries(s.properties)) {
    if (name in value) fillNulls(prop, value[name], depth + 1);
    else if (!(s.required ?? []).includes(name)) value[name] = null;
  }
}

function successSchema(ctx: RequestContext, status: number): unknown {
  if (!ctx.operationId) return undefined;
  const op = findOperation(ctx.request.method, ctx.request.url);
  if (!op.found) return undefined;
  const raw = op.operation.operation.responses?.[String(status)];
  if (!raw) return undefined;
  const response = resolveRef<OpenAPIV3_1.ResponseObject>('partner-api', raw);
  return response.content?.['application/json']?.schema;
}

/** Applies `fn` to every object inside a JSON value (the value itself included). */
function eachObject(value: unknown, fn: (o: Json) => void, depth = 0): void {
  if (depth > 16) return;
  if (Array.isArray(value)) for (const item of value) eachObject(item, fn, depth + 1);
  else if (isObject(value)) {
    fn(value);
    for (const child of Object.values(value)) eachObject(child, fn, depth + 1);
  }
}

const ISO_WITH_MS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.\d{3}Z$/;

// ---------------------------------------------------------------------------------------------
// Variations of inferred facts

const MERCHANT_WORDS: Record<string, string> = { pending: 'pending_onboarding', active: 'activated' };
const MOCK_WORDS = Object.fromEntries(Object.entries(MERCHANT_WORDS).map(([k, v]) => [v, k]));
const MERCHANT_OPS = new Set([
  'listMerchants',
  'createMerchant',
  'fastTrackMerchant',
  'createTestMerchant',
  'getMerchant',
  'resendOnboarding',
]);

const LOCATION_MARK = '~';
let locationSequence = 0;

/** Operations the stand-in pretends not to have, each with the status a real gateway might give. */
export const MISSING_OPERATIONS: Record<string, number> = {
  getStats: 404,
  updateProfile: 405,
  getPaymentQr: 501,
  resendOnboarding: 403,
};

export const INFERRED_VARIATIONS: Variation[] = [
  {
    name: 'no-control-api',
    describe: 'hides /__control, so the suite sees a server that is not a mock',
    onRequest: ({ request }) =>
      request.url.startsWith('/__control') ? jsonResponse(404, { message: 'Cannot GET', statusCode: 404 }) : undefined,
  },
  {
    name: 'missing-operations',
    describe: `answers ${Object.entries(MISSING_OPERATIONS)
      .map(([op, status]) => `${op} with ${status}`)
      .join(', ')} (inferred operations this server lacks)`,
    onRequest: ({ operationId }) => {
      const status = operationId ? MISSING_OPERATIONS[operationId] : undefined;
      return status ? jsonResponse(status, { message: `Cannot ${status}` }) : undefined;
    },
  },
  {
    name: 'problem-json-errors',
    describe: 'every error body is RFC 9457 application/problem+json instead of the guessed D5 shape',
    onResponse: (_ctx, res) => {
      if (res.status < 400 || res.json === undefined) return;
      const old = isObject(res.json) ? res.json : {};
      const detail = [old.message].flat().join('; ');
      Object.assign(
        res,
        jsonResponse(
          res.status,
          {
            type: 'about:blank',
            title: typeof old.error === 'string' ? old.error : 'Error',
            status: res.status,
            detail,
          },
          'application/problem+json',
        ),
      );
    },
  },
  {
    name: 'other-error-statuses',
    describe: 'answers 422 where the spec guessed 400 and 403 where it guessed 401',
    onResponse: (_ctx, res) => {
      if (res.status === 400) res.status = 422;
      else if (res.status === 401) res.status = 403;
    },
  },
  {
    name: 'created-as-200',
    describe: 'answers 200 where the spec guessed 201',
    onResponse: (ctx, res) => {
      if (res.status === 201 && statusGuessed(ctx, 201)) res.status = 200;
    },
  },
  {
    name: 'no-content',
    describe: 'answers 204 with no body where the spec guessed 200 with a body for PUT and DELETE',
    onResponse: (ctx, res) => {
      const method = ctx.request.method;
      if (
        (method === 'PUT' || method === 'DELETE') &&
        res.status === 200 &&
        statusGuessed(ctx, 200) &&
        bodyGuessed(ctx, 200)
      )
        emptyResponse(res, 204);
    },
  },
  {
    name: 'nulls-for-unset',
    describe: 'sends null for unset optional fields instead of omitting them',
    onResponse: (ctx, res) => {
      if (res.status < 300 && res.json !== undefined) fillNulls(successSchema(ctx, res.status), res.json);
    },
  },
  {
    name: 'extra-fields',
    describe: 'adds fields the spec does not know to every object it answers',
    onResponse: (_ctx, res) => {
      if (res.status < 300) eachObject(res.json, (o) => (o.sandboxTraceId = 'st-1'));
    },
  },
  {
    name: 'timestamps-with-offset',
    describe: 'writes timestamps without milliseconds and with +00:00 instead of Z',
    onResponse: (_ctx, res) =>
      eachObject(res.json, (o) => {
        for (const [k, v] of Object.entries(o)) if (typeof v === 'string') o[k] = v.replace(ISO_WITH_MS, '$1+00:00');
      }),
  },
  {
    name: 'payments-oldest-first',
    describe: 'lists payments oldest first within a page (D21 guessed newest first)',
    onResponse: ({ operationId }, res) => {
      if (operationId === 'listPayments' && isObject(res.json) && Array.isArray(res.json.payments))
        res.json.payments.reverse();
    },
  },
  {
    name: 'payment-answer-minimal',
    describe: "answers a new payment with the API reference's four fields (no amount or currency)",
    onResponse: ({ operationId }, res) => {
      if (operationId !== 'createPayment' || !isObject(res.json) || res.status >= 300) return;
      delete res.json.amount;
      delete res.json.currency;
    },
  },
  {
    name: 'merchant-status-words',
    describe: 'says pending_onboarding / activated (the words of the docs) for merchant status',
    onRequest: ({ operationId, request }) => {
      if (operationId !== 'listMerchants') return;
      request.url = request.url.replace(
        /([?&]status=)(pending_onboarding|activated)\b/,
        (_m, p: string, w: string) => `${p}${MOCK_WORDS[w]}`,
      );
    },
    onResponse: ({ operationId }, res) => {
      if (!operationId || !MERCHANT_OPS.has(operationId)) return;
      eachObject(res.json, (o) => {
        if (typeof o.status === 'string' && MERCHANT_WORDS[o.status]) o.status = MERCHANT_WORDS[o.status];
      });
    },
  },
  {
    name: 'relaxed-inferred-rules',
    describe: 'accepts lower-case country and currency codes (the mock also runs lenient: unknown fields are dropped)',
    onRequest: ({ request }) => {
      eachObject(request.json, (o) => {
        for (const key of ['countryCode', 'currency']) if (typeof o[key] === 'string') o[key] = o[key].toUpperCase();
      });
    },
  },
  {
    name: 'location-ids-not-unique',
    describe: "accepts a locationId another store of the merchant has (D17's uniqueness is a guess)",
    onRequest: ({ operationId, request }) => {
      if ((operationId === 'createStore' || operationId === 'updateStore') && isObject(request.json)) {
        const id = request.json.locationId;
        // The mock refuses duplicates, so each one it sees is made unique and the suffix is cut on the way back.
        if (typeof id === 'string') request.json.locationId = `${id}${LOCATION_MARK}${(locationSequence += 1)}`;
      }
    },
    onResponse: (_ctx, res) =>
      eachObject(res.json, (o) => {
        if (typeof o.locationId === 'string' && o.locationId.includes(LOCATION_MARK))
          o.locationId = o.locationId.slice(0, o.locationId.indexOf(LOCATION_MARK));
      }),
  },
  {
    name: 'extra-headers',
    describe: 'adds headers of its own, a charset to JSON answers, and answers the profile as application/hal+json',
    onResponse: (ctx, res) => {
      res.headers['x-request-id'] = 'standin-request';
      res.headers['cache-control'] = 'no-store';
      if (res.headers['content-type']?.startsWith('application/json'))
        res.headers['content-type'] =
          ctx.operationId === 'getProfile' ? 'application/hal+json' : 'application/json; charset=utf-8';
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Webhook deliveries: registered URLs are rewritten to lead through the stand-in, which changes
// the inferred parts of each delivery (signature encoding, informational headers, extra envelope
// fields, timestamps, merchant status words) and signs it again with the webhook's secret.

export const RELAY_PREFIX = '/__standin/webhooks/';

/** A delivery on its way from the mock to the suite's receiver. */
export interface RelayedDelivery {
  target: string;
  headers: Record<string, string>;
  raw: Buffer;
}

export class WebhookRelay implements Variation {
  readonly name = 'webhook-relay';
  readonly describe =
    "relays webhook deliveries, signed as sha256=<base64> instead of hex, without X-Webhook-Delivery/-Attempt, with an extra envelope id, timestamps without milliseconds and the docs' merchant status words";
  private readonly secrets = new Map<string, string>();
  private sequence = 0;

  onRequest({ operationId, request, origin }: RequestContext): void {
    if ((operationId === 'createWebhook' || operationId === 'updateWebhook') && isObject(request.json)) {
      const url = request.json.url;
      if (typeof url === 'string') request.json.url = `${origin}${RELAY_PREFIX}${encodeURIComponent(url)}`;
    }
  }

  onResponse({ operationId }: RequestContext, res: ProxyResponse): void {
    if (!operationId?.toLowerCase().includes('webhook')) return;
    eachObject(res.json, (o) => {
      if (typeof o.url !== 'string' || !o.url.includes(RELAY_PREFIX)) return;
      const target = decodeURIComponent(o.url.slice(o.url.indexOf(RELAY_PREFIX) + RELAY_PREFIX.length));
      if (typeof o.secret === 'string') this.secrets.set(target, o.secret);
      o.url = target;
    });
  }

  /** The delivery to send on for one the mock posted to the stand-in at `path`, or null when it is not one. */
  relay(path: string, headers: Record<string, string>, raw: Buffer): RelayedDelivery | null {
    if (!path.startsWith(RELAY_PREFIX)) return null;
    const target = decodeURIComponent(path.slice(RELAY_PREFIX.length));
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8')) as unknown;
    } catch {
      return { target, headers, raw };
    }
    if (isObject(body)) {
      this.sequence += 1;
      body.id = `evt_standin_${this.sequence}`;
      eachObject(body, (o) => {
        for (const [k, v] of Object.entries(o)) if (typeof v === 'string') o[k] = v.replace(ISO_WITH_MS, '$1+00:00');
        if (typeof o.status === 'string' && String(body.event).startsWith('merchant.') && MERCHANT_WORDS[o.status])
          o.status = MERCHANT_WORDS[o.status];
      });
    }
    const out = Buffer.from(JSON.stringify(body));
    const secret = this.secrets.get(target);
    const sent: Record<string, string> = { ...headers, 'content-length': String(out.length) };
    delete sent['x-webhook-delivery'];
    delete sent['x-webhook-attempt'];
    delete sent.host;
    if (secret) sent['x-webhook-signature'] = `sha256=${createHmac('sha256', secret).update(out).digest('base64')}`;
    return { target, headers: sent, raw: out };
  }
}

// ---------------------------------------------------------------------------------------------
// Breaks of documented facts: each must fail the run and be named by it.

export const BREAKS: Record<string, Variation> = {
  'break-field-name': {
    name: 'break-field-name',
    describe: 'createPayment answers payment_url instead of the documented paymentUrl',
    onResponse: ({ operationId }, res) => {
      if (operationId !== 'createPayment' || !isObject(res.json) || !('paymentUrl' in res.json)) return;
      const { paymentUrl, ...rest } = res.json;
      res.json = { ...rest, payment_url: paymentUrl };
    },
  },
  'break-field-type': {
    name: 'break-field-type',
    describe: 'listPayments answers each amount as a string instead of the documented number',
    onResponse: ({ operationId }, res) => {
      if (operationId !== 'listPayments' || !isObject(res.json) || !Array.isArray(res.json.payments)) return;
      for (const p of res.json.payments)
        if (isObject(p) && typeof p.amount === 'number') p.amount = p.amount.toFixed(2);
    },
  },
  'break-path': {
    name: 'break-path',
    describe: 'GET /v1/partner/merchants/{merchantId}/stores (listStores, documented) is gone: 404',
    onRequest: ({ operationId }) =>
      operationId === 'listStores' ? jsonResponse(404, { message: 'Cannot GET' }) : undefined,
  },
  'break-default-store-rule': {
    name: 'break-default-store-rule',
    describe: 'DELETE of the default store succeeds, which the Stores guide forbids',
    onResponse: ({ operationId }, res) => {
      if (operationId !== 'deactivateStore' || res.status !== 409) return;
      Object.assign(res, jsonResponse(200, { message: 'Store deactivated' }));
    },
  },
};

/** The variations of a variant; each call has its own webhook relay (it keeps the webhooks' secrets). */
export function variationsFor(variant: string): Variation[] {
  const inferred = [...INFERRED_VARIATIONS, new WebhookRelay()];
  if (variant === 'inferred') return inferred;
  const broken = BREAKS[variant];
  if (!broken)
    throw new Error(`Unknown stand-in variant ${variant}; use inferred or one of ${Object.keys(BREAKS).join(', ')}`);
  return [...inferred, broken];
}

/** Finds the Partner API operation behind a request, or null (control API, unknown paths). */
export function operationOf(method: string, url: string): string | null {
  loadSpec('partner-api');
  const found = findOperation(method, url);
  return found.found && found.operation.spec === 'partner-api' ? found.operation.operationId : null;
}
