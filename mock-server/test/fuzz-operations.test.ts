/**
 * Issue 12, deliverable 2: a schema fuzzer over every operation of partner-api.yaml and
 * control-api.yaml against a real server on 127.0.0.1. Requests come from the specs themselves:
 * valid and invalid parameters and bodies, hostile strings (±Infinity, 1e400, NaN, ids beyond 2^53,
 * huge and odd unicode), extra and missing fields, wrong content types and encodings, bodies on
 * bodyless operations, odd path segments (`%00`, `..`, malformed escapes). Every answer must be:
 * below 500, a status the spec lists for the operation the path reached (404 when it reached none),
 * a body valid against the spec, and free of stack traces and file paths.
 *
 * Seeded and reproducible: `FUZZ_SEED=<n>` (default fixed; `FUZZ_SEED=random` for a fresh one) and
 * `FUZZ_RUNS=<n>` requests per operation (default 30; e.g. 10000 for a soak). A failure prints the
 * seed; rerunning the whole file with it replays the same requests against the same state.
 */
import http from 'node:http';
import fc from 'fast-check';
import type { OpenAPIV3_1 } from 'openapi-types';
import { dereference, listOperations, PACKAGE_ROOT, resolveRef, type SpecOperation } from '../../spec';
import { RouteTable } from '../../spec/route-table';
import type { MockServer } from '../src/server';
import { authHeaders, startTestServer } from './helpers';
import {
  bodyText,
  headerText,
  hostileString,
  parameterText,
  percentEncode,
  RAW_SEGMENTS,
  type Schema,
} from './fuzz/schema-arbitraries';
import { sendRaw, type RawRequest, type RawResponse } from './fuzz/raw-request';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED =
  process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 20261201);
// A soak may run for a long time; the default runs stay well inside the suite's timeout.
const TIMEOUT_MS = Math.max(60_000, RUNS * 200);

const OPERATIONS = [...listOperations('partner-api'), ...listOperations('control-api')];
const ROUTES = new RouteTable<SpecOperation>();
for (const op of OPERATIONS) ROUTES.add(op.method, op.path, op);

const HUGE_BODY = `{"x":"${'a'.repeat(1_100_000)}"}`;
const STACK_OR_PATH = [/\bat \S+ \((?:\/|[A-Za-z]:\\|node:)/, /node_modules/, /\n\s+at /];

let mock: MockServer;
let agent: http.Agent;
let auth: Record<string, string>;
/** Ids that exist, by parameter name, so that many requests reach a record and not only a 404. */
const known: Record<string, string[]> = {};

function send(request: RawRequest): Promise<RawResponse> {
  return sendRaw(mock.port, request, agent);
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await send({
    method,
    path,
    headers: { ...headers, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (res.text ? JSON.parse(res.text) : undefined) as Record<string, unknown> };
}

/** Makes sure the partner in use can authenticate (a fuzzed rotate, revoke, reset or import may change that). */
async function ensurePartner(): Promise<void> {
  if ((await call('GET', '/v1/partner/profile', undefined, auth)).status === 200) return;
  const clientId = `fuzz-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const clientSecret = 'fuzz-secret-0123456789';
  const created = await call('POST', '/__control/partners', { name: 'Fuzz POS', clientId, clientSecret });
  if (created.status !== 201) throw new Error(`cannot create a partner: ${JSON.stringify(created.body)}`);
  auth = authHeaders(clientId, clientSecret);
}

/** A few records of every kind, so that fuzzed ids often exist. */
async function seedRecords(): Promise<void> {
  await ensurePartner();
  await call('DELETE', '/__control/faults');
  const merchant = await call('POST', '/v1/partner/merchants/test', { companyName: 'Fuzz Café ApS' }, auth);
  const merchantId = merchant.body.merchantId as number;
  const clientId = merchant.body.clientId as string;
  const store = await call('POST', `/v1/partner/merchants/${merchantId}/stores`, { name: 'Fuzz Store' }, auth);
  const payment = await call(
    'POST',
    '/v1/partner/payments',
    { merchantClientId: clientId, amount: 149.5, referenceNumber: 'FUZZ-1' },
    auth,
  );
  const webhook = await call(
    'POST',
    '/v1/partner/webhooks',
    { url: 'http://127.0.0.1:9/hook', events: ['payment.completed', 'payment.failed'] },
    auth,
  );
  await call('POST', `/v1/partner/webhooks/${String(webhook.body.id)}/test`, undefined, auth);
  const deliveries = await call('GET', '/__control/webhook-deliveries?limit=5');
  const credentials = await call('GET', '/v1/partner/credentials', undefined, auth);
  const fault = await call('POST', '/__control/faults', { operationId: 'getStats', latencyMs: 0 });
  const partner = await call('GET', '/v1/partner/profile', undefined, auth);
  const add = (name: string, value: unknown) => {
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const list = (known[name] ??= []);
    if (!list.includes(String(value))) list.push(String(value));
    if (list.length > 8) list.shift();
  };
  add('merchantId', merchantId);
  add('merchantClientId', clientId);
  add('storeId', store.body.storeId);
  add('paymentId', payment.body.paymentId);
  add('webhookId', webhook.body.id);
  add('faultId', fault.body.id);
  add('partnerId', partner.body.id);
  for (const d of (deliveries.body.deliveries as { id: string }[] | undefined) ?? []) add('deliveryId', d.id);
  const credentialList: unknown = credentials.body;
  if (Array.isArray(credentialList)) for (const c of credentialList as { id: number }[]) add('credentialId', c.id);
}

function parametersOf(op: SpecOperation): OpenAPIV3_1.ParameterObject[] {
  return [...(op.pathItem.parameters ?? []), ...(op.operation.parameters ?? [])].map((p) =>
    resolveRef<OpenAPIV3_1.ParameterObject>(op.spec, p),
  );
}

function bodySchemaOf(op: SpecOperation): Schema | undefined {
  if (!op.operation.requestBody) return undefined;
  const body = resolveRef<OpenAPIV3_1.RequestBodyObject>(op.spec, op.operation.requestBody);
  const schema = body.content['application/json']?.schema;
  return schema ? (dereference(op.spec, schema) as Schema) : undefined;
}

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-7',
  'application/merge-patch+json',
  'application/json; charset=latin1',
  'application/jsonx',
];

/** Percent-encoded and at most ~2 KiB: a request line over Node's 16 KiB header limit is refused by Node (431) before the mock sees it. */
function urlText(value: string): string {
  const encoded = percentEncode(value);
  return encoded.length <= 2048 ? encoded : encoded.slice(0, 2048).replace(/%[0-9A-F]?$/, '');
}

/** A number parameter as sent, for the E30 oracle: a non-finite or unsafe value must be a 400 naming it. */
interface SentNumber {
  label: string;
  text: string;
  integer: boolean;
}

interface Generated {
  request: RawRequest;
  numbers: SentNumber[];
  /** Authenticated (or a control call): validation is what answers, not a 401. */
  trusted: boolean;
}

function isNumberParam(schema: Schema): { integer: boolean } | undefined {
  const types = ([] as string[]).concat(schema.type ?? []);
  if (types.includes('integer')) return { integer: true };
  if (types.includes('number')) return { integer: false };
  return undefined;
}

/** One request for `op`, drawn from its spec. */
function requestFor(op: SpecOperation): fc.Arbitrary<Generated> {
  const params = parametersOf(op);
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const headerParams = params.filter((p) => p.in === 'header');
  const schemaOf = (p: OpenAPIV3_1.ParameterObject) => dereference(op.spec, p.schema ?? {}) as Schema;
  const sent = (p: OpenAPIV3_1.ParameterObject, text: string): SentNumber[] => {
    const numeric = isNumberParam(schemaOf(p));
    const label = p.in === 'header' ? `header ${p.name.toLowerCase()}` : `${p.in} parameter ${p.name}`;
    return numeric ? [{ label, text, integer: numeric.integer }] : [];
  };

  const segment = (p: OpenAPIV3_1.ParameterObject) =>
    fc.oneof(
      {
        weight: 8,
        arbitrary: parameterText(schemaOf(p), known[p.name] ?? []).map((text) => ({
          encoded: urlText(text),
          numbers: urlText(text) === percentEncode(text) ? sent(p, text) : [],
        })),
      },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((raw) => ({ encoded: raw, numbers: [] })) },
    );
  const path = fc.tuple(...pathParams.map(segment)).map((values) => ({
    text: pathParams.reduce((acc, p, i) => acc.replace(`{${p.name}}`, values[i]!.encoded), op.path),
    numbers: values.flatMap((v) => v.numbers),
  }));

  const queryPart = (p: OpenAPIV3_1.ParameterObject) =>
    fc.option(
      parameterText(schemaOf(p), known[p.name] ?? []).map((v) => ({
        text: `${p.name}=${urlText(v)}`,
        numbers: urlText(v) === percentEncode(v) ? sent(p, v) : [],
      })),
      { freq: 3 },
    );
  const extraQuery = fc.option(
    fc
      .oneof(
        fc.tuple(fc.constantFrom('__proto__', 'constructor', 'extra', 'page', 'limit'), hostileString()),
        fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })),
      )
      .map(([k, v]) => ({ text: `${urlText(k)}=${urlText(v)}`, numbers: [] as SentNumber[] })),
    { freq: 4 },
  );
  const query = fc
    .tuple(fc.tuple(...queryParams.map(queryPart)), extraQuery, fc.boolean())
    .map(([parts, extra, duplicate]) => {
      const list = [...parts, extra].filter((p) => p !== null);
      // `page=1&page=2` arrives as an array: no longer the single number the oracle reasons about.
      if (duplicate && list.length > 0) list.push({ ...list[0]!, numbers: [] });
      const repeated = new Set(list.map((p) => p.text.split('=')[0]).filter((k, i, all) => all.indexOf(k) !== i));
      return {
        text: list.length > 0 ? `?${list.map((p) => p.text).join('&')}` : '',
        numbers: list.flatMap((p) => p.numbers).filter((n) => !repeated.has(n.label.split(' ').at(-1))),
      };
    });

  const partnerAuth = fc.oneof(
    { weight: 12, arbitrary: fc.constant('valid') },
    { weight: 1, arbitrary: fc.constantFrom('none', 'wrong-secret', 'unknown-id', 'hostile') },
  );
  const headerValues = fc.tuple(
    ...headerParams.map((p) => fc.option(parameterText(schemaOf(p)).map(headerText), { freq: 2 })),
  );
  const extraHeaders = fc.record(
    {
      'X-Request-Id': hostileString().map(headerText),
      Accept: fc.constantFrom('image/png', 'image/svg+xml', '*/*', 'text/html', 'application/json;q=0'),
    },
    { requiredKeys: [] },
  );

  const schema = bodySchemaOf(op);
  const body: fc.Arbitrary<{ text?: string; contentType?: string; encoding?: string }> = schema
    ? fc.record(
        {
          text: fc.oneof({ weight: 60, arbitrary: bodyText(schema) }, { weight: 1, arbitrary: fc.constant(HUGE_BODY) }),
          contentType: fc.oneof(
            { weight: 10, arbitrary: fc.constant('application/json') },
            { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
          ),
          encoding: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown'),
        },
        { requiredKeys: [] },
      )
    : // E31: a body sent to an operation that has none must change nothing about the answer.
      fc.oneof(
        { weight: 4, arbitrary: fc.constant({}) },
        {
          weight: 1,
          arbitrary: fc.record({
            text: fc.oneof(fc.constantFrom('{not json', '[]', HUGE_BODY), fc.string()),
            contentType: fc.constantFrom('application/json', 'text/plain'),
          }),
        },
      );

  return fc.tuple(path, query, partnerAuth, headerValues, extraHeaders, body).map(([p, q, who, values, extra, b]) => {
    const headers: Record<string, string> = {};
    if (op.spec === 'partner-api') {
      const valid = auth;
      if (who === 'valid') Object.assign(headers, valid);
      else if (who === 'wrong-secret') Object.assign(headers, { ...valid, 'X-Partner-Client-Secret': 'x'.repeat(64) });
      else if (who === 'unknown-id') Object.assign(headers, { ...valid, 'X-Partner-Client-Id': 'nobody' });
      else if (who === 'hostile')
        Object.assign(headers, { 'X-Partner-Client-Id': '\u00ff'.repeat(300), 'X-Partner-Client-Secret': '' });
    }
    const numbers = [...p.numbers, ...q.numbers];
    headerParams.forEach((param, i) => {
      const value = values[i];
      if (value === null || value === undefined) return;
      headers[param.name] = value;
      numbers.push(...sent(param, value));
    });
    Object.assign(headers, extra);
    if (b.contentType !== undefined) headers['Content-Type'] = b.contentType;
    if (b.encoding !== undefined && b.encoding !== 'identity') headers['Content-Encoding'] = b.encoding;
    return {
      request: {
        method: op.method.toUpperCase(),
        path: `${p.text}${q.text}`,
        headers,
        ...(b.text !== undefined && { body: b.text }),
      },
      numbers,
      trusted: op.spec === 'control-api' || who === 'valid',
    };
  });
}

/**
 * E30, judged without the mock's code: a number parameter sent as something no finite (or, for an
 * integer, no safe) number can be must be refused, by a 400 that names it (or by a 413/415 for the
 * body, which the pipeline checks first).
 */
function numberProblems(generated: Generated, response: RawResponse, reached: SpecOperation): string[] {
  if (!generated.trusted || generated.numbers.length === 0) return [];
  const bad = generated.numbers.filter(({ text, integer }) => {
    const n = Number(text);
    if (text.trim() === '' || Number.isNaN(n)) return false;
    return !Number.isFinite(n) || (integer && Number.isInteger(n) && !Number.isSafeInteger(n));
  });
  if (bad.length === 0) return [];
  if (response.status === 413 || response.status === 415) return [];
  if (response.status !== 400)
    return [
      `${reached.operationId} answered ${response.status} for ${bad.map((b) => `${b.label}=${b.text}`).join(', ')}`,
    ];
  const body = JSON.parse(response.text) as { code?: string; message?: string | string[] };
  // A body the parser refused (bad JSON, an unknown encoding) is answered before the parameters are
  // looked at; any other 400, and any 400 to a request without a body, must name them.
  const bodyRefused = body.code === 'malformed_json' || body.code === 'bad_request';
  if (bodyRefused && generated.request.body !== undefined) return [];
  if (body.code !== 'validation_failed')
    return [
      `${reached.operationId} answered a 400 ${String(body.code)} that names none of ${bad.map((b) => b.label).join(', ')}`,
    ];
  const messages = ([] as string[]).concat(body.message ?? []);
  return bad
    .filter((b) => !messages.some((m) => m.startsWith(b.label)))
    .map((b) => `the 400 does not name ${b.label}=${b.text}: ${JSON.stringify(messages)}`);
}

/** Every way the answer may depart from the spec; empty when it fits. */
function problemsWith(op: SpecOperation, generated: Generated, response: RawResponse): string[] {
  const { request } = generated;
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`answered ${response.status}`);
  for (const pattern of [...STACK_OR_PATH, new RegExp(PACKAGE_ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))])
    if (pattern.test(response.text)) problems.push(`the body shows a stack trace or a file path (${String(pattern)})`);

  const pathOnly = request.path.split('?')[0]!;
  const reached = ROUTES.match(request.method, pathOnly)?.value;
  const isJson = /^application\/json\b/.test(response.contentType ?? '');
  let body: unknown = undefined;
  if (isJson) {
    try {
      body = JSON.parse(response.text);
    } catch {
      problems.push('the body is not the JSON its Content-Type says');
    }
  }
  if (!reached) {
    if (response.status !== 404) problems.push(`a path of no operation answered ${response.status}, not 404`);
    if ((body as { code?: unknown } | undefined)?.code !== 'route_not_found')
      problems.push('404 without route_not_found');
    return problems;
  }
  const documented = Object.keys(reached.operation.responses ?? {}).filter((s) => s !== 'default');
  if (!documented.includes(String(response.status)))
    problems.push(`${reached.operationId} answered ${response.status}; the spec lists ${documented.join(', ')}`);
  const validators = (reached.spec === 'partner-api' ? mock.deps.partnerApi : mock.deps.control).validators;
  const type = (response.contentType ?? '').split(';')[0]!.trim();
  problems.push(...validators.get(reached.operationId)!.validateResponse(response.status, type, body));
  if (reached === op) problems.push(...numberProblems(generated, response, reached));
  return problems;
}

/** Undoes what would spoil the next requests: injected faults (E11: they answer 5xx on purpose) and lost credentials. */
async function afterRequest(op: SpecOperation, response: RawResponse): Promise<void> {
  if (response.status >= 300) return;
  if (op.operationId === 'createFault') await call('DELETE', '/__control/faults');
  if (['rotateCredential', 'revokeCredential', 'resetState', 'importState', 'createPartner'].includes(op.operationId))
    await ensurePartner();
}

function describeRequest(request: RawRequest): string {
  const body =
    request.body === undefined
      ? ''
      : `\n${request.body.length > 500 ? `${request.body.slice(0, 500)}… (${request.body.length} chars)` : request.body}`;
  return `${request.method} ${request.path.slice(0, 500)}\n${JSON.stringify(request.headers).slice(0, 500)}${body}`;
}

beforeAll(async () => {
  mock = await startTestServer();
  agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  auth = authHeaders(mock.clientId, mock.clientSecret);
}, 60_000);

afterAll(async () => {
  agent.destroy();
  await mock.close();
});

describe(`every operation answers generated requests within its spec (seed ${SEED}, ${RUNS} runs each)`, () => {
  test.each(OPERATIONS.map((op, index) => [`${op.spec} ${op.operationId}`, op, index] as const))(
    '%s',
    async (_name, op, index) => {
      await seedRecords();
      const seed = SEED + index;
      const details = await fc.check(
        fc.asyncProperty(requestFor(op), async (generated) => {
          const { request } = generated;
          const response = await send(request).catch((err: Error) => {
            throw new Error(`${err.message}\n--- request\n${describeRequest(request)}`);
          });
          const problems = problemsWith(op, generated, response);
          if (problems.length > 0)
            throw new Error(
              `${problems.join('\n')}\n--- request\n${describeRequest(request)}\n--- response ${response.status}\n${response.text.slice(0, 1000)}`,
            );
          await afterRequest(op, response);
        }),
        { seed, numRuns: RUNS, endOnFailure: true },
      );
      if (details.failed) {
        const reason =
          details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        throw new Error(
          `${op.operationId} failed on run ${details.numRuns} (seed ${details.seed}, path ${details.counterexamplePath}); ` +
            `replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npx jest mock-server/test/fuzz-operations\n${reason}`,
        );
      }
    },
    TIMEOUT_MS,
  );
});
