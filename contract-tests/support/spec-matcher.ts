/**
 * `expect(res).toMatchSpec()`: the response of a supertest request must be one the spec documents
 * for that operation: a documented status, a documented media type, a body valid against the
 * schema, and every required response header. The operation is found from the request itself,
 * in partner-api and control-api alike. Validators are compiled once per
 * operation + status + media type (+ loose) and cached.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { Response } from 'supertest';
import {
  createSpecAjv,
  resolveRef,
  specSchemaId,
  toAbsoluteRefs,
  type SpecName,
  type SpecOperation,
} from '../../spec/index';
import { findOperation, pathOnly } from './operation-index';
import { recordDifferences, type Difference } from './report';
import { sentBody } from './client';
import {
  bodyIsInferred,
  decisionAt,
  documentedOnlySchema,
  statusIsInferred,
  type SentRequest,
} from './spec-provenance';
import { targetIsMock } from './target-config';

export interface SpecMatchOptions {
  /**
   * Check documented facts only: documented fields and constraints, and a documented status (an
   * inferred status may be another of its class; an inferred body may have another shape or none).
   * This is what `toMatchSpec()` enforces against a target that is not the mock.
   */
  loose?: boolean;
  /** Check everything exactly, whatever the target (the default against the mock). */
  exact?: boolean;
  /** Let the `default` response cover any status, not only 5xx. */
  allowDefault?: boolean;
}

export interface SpecCheck {
  /** `GET /v1/partner/profile → 200`, and the operation when one was found. */
  subject: string;
  operation?: SpecOperation;
  problems: string[];
  /** The same problems, with where they are, what was expected and seen, and the decision behind it. */
  differences: Difference[];
}

// Created on first use: each costs a noticeable slice of a test file's start-up.
let bodyAjv: ReturnType<typeof createSpecAjv> | undefined;
let headerAjv: ReturnType<typeof createSpecAjv> | undefined;
const ajv = () => (bodyAjv ??= createSpecAjv());
const coercingAjv = () => (headerAjv ??= createSpecAjv({ coerceTypes: true }));
const validators = new Map<string, ValidateFunction>();

function compileCached(key: string, build: () => ValidateFunction): ValidateFunction {
  let fn = validators.get(key);
  if (!fn) {
    fn = build();
    validators.set(key, fn);
  }
  return fn;
}

/** `/stores/0/isDefault: must be boolean`; a missing property is named in its own path. */
export function formatAjvError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required')
    return `${error.instancePath}/${String(params.missingProperty)}: is required but missing`;
  if (error.keyword === 'additionalProperties')
    return `${error.instancePath}/${String(params.additionalProperty)}: is not allowed`;
  const allowed = error.keyword === 'enum' ? ` ${JSON.stringify(params.allowedValues)}` : '';
  return `${error.instancePath || '/'}: ${error.message ?? error.keyword}${allowed}`;
}

function valueAt(body: unknown, pointer: string): unknown {
  let node = body;
  for (const part of pointer.split('/').slice(1)) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/** One ajv error as a structured difference: where, expected, observed, and the decision behind the keyword. */
export function ajvDifference(spec: SpecName, root: unknown, body: unknown, error: ErrorObject): Difference {
  const params = error.params as Record<string, unknown>;
  const where =
    error.keyword === 'required'
      ? `${error.instancePath}/${String(params.missingProperty)}`
      : error.keyword === 'additionalProperties'
        ? `${error.instancePath}/${String(params.additionalProperty)}`
        : error.instancePath || '/';
  const observed =
    error.keyword === 'required'
      ? '(missing)'
      : (JSON.stringify(valueAt(body, where === '/' ? '' : where)) ?? '(none)');
  return {
    where,
    expected: formatAjvError(error).replace(/^[^:]*: /, ''),
    observed: observed.length > 120 ? `${observed.slice(0, 120)}…` : observed,
    decision: decisionAt(spec, root, error.schemaPath),
  };
}

function requestOf(res: Response): { method: string; path: string } {
  // res.req is the node ClientRequest: its path is what went on the wire, query string included.
  const req = (res as Response & { req?: { method?: string; path?: string } }).req;
  if (req?.method && req.path) return { method: req.method, path: req.path };
  const url = new URL(res.request.url);
  return { method: res.request.method, path: url.pathname + url.search };
}

function pickResponse(op: SpecOperation, status: number, options: SpecMatchOptions): string | undefined {
  const responses = op.operation.responses ?? {};
  const keys = Object.keys(responses);
  const range = `${Math.floor(status / 100)}XX`;
  const exact = keys.find((k) => k === String(status)) ?? keys.find((k) => k.toUpperCase() === range);
  if (exact) return exact;
  // Loose: a target answering 200 where the spec guessed 201 still has its documented fields checked;
  // a documented status has no stand-in.
  if (options.loose) {
    const sameClass = keys.find(
      (k) => k[0] === String(status)[0] && /^\d/.test(k) && statusIsInferred(op.operationId, k),
    );
    if (sameClass) return sameClass;
  }
  // `default` stands for unexpected server errors; a documented operation answering an
  // undocumented 2xx or 4xx is a contract finding, not a "default".
  if (keys.includes('default') && (status >= 500 || options.allowDefault)) return 'default';
  return undefined;
}

function mediaTypeOf(res: Response): string | undefined {
  return res.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
}

function matchMedia(documented: string[], actual: string): string | undefined {
  return documented.find((d) => {
    const [type, sub] = d.toLowerCase().split('/');
    const [aType, aSub] = actual.split('/');
    return (type === '*' || type === aType) && (sub === '*' || sub === aSub);
  });
}

const isJson = (media: string): boolean => media === 'application/json' || media.endsWith('+json');

function checkHeaders(
  spec: SpecName,
  response: OpenAPIV3_1.ResponseObject,
  res: Response,
  cacheKey: string,
  documentedOnly: boolean,
  out: Problems,
): void {
  for (const [name, raw] of Object.entries(response.headers ?? {})) {
    const header = resolveRef<OpenAPIV3_1.HeaderObject & { 'x-provenance'?: string }>(spec, raw);
    if (documentedOnly && header['x-provenance'] !== 'documented') continue;
    const value = res.headers[name.toLowerCase()];
    if (value === undefined) {
      if (header.required)
        out.add(`header ${name}: is required but missing`, {
          where: `header ${name}`,
          expected: 'present',
          observed: '(missing)',
        });
      continue;
    }
    if (!header.schema) continue;
    const validate = compileCached(`${cacheKey}|header:${name}`, () =>
      coercingAjv().compile(toAbsoluteRefs(spec, header.schema) as object),
    );
    if (!validate(value))
      for (const e of validate.errors ?? [])
        out.add(`header ${name}: ${e.message ?? e.keyword}`, {
          where: `header ${name}`,
          expected: e.message ?? e.keyword,
          observed: JSON.stringify(value),
        });
  }
}

function checkBody(
  op: SpecOperation,
  statusKey: string,
  media: string,
  schema: unknown,
  res: Response,
  options: SpecMatchOptions,
  out: Problems,
): void {
  if (!isJson(media)) {
    const size = Buffer.isBuffer(res.body) ? res.body.length : (res.text ?? '').length;
    if (size === 0)
      out.add(`/: the ${media} body is empty`, { where: '/', expected: `a ${media} body`, observed: '(empty)' });
    return;
  }
  const key = `${op.spec}|${op.operationId}|${statusKey}|${media}|${options.loose ? 'loose' : 'exact'}`;
  const root = options.loose ? documentedOnlySchema(op.spec, schema) : toAbsoluteRefs(op.spec, schema);
  const validate = compileCached(key, () => ajv().compile(root as object));
  if (!validate(res.body))
    for (const error of validate.errors ?? [])
      out.add(formatAjvError(error), ajvDifference(op.spec, schema, res.body as unknown, error));
}

/** Problems as sentences for the failure message, and as structured differences for the report. */
class Problems {
  readonly sentences: string[] = [];
  readonly differences: Difference[] = [];
  add(sentence: string, difference: Difference): void {
    this.sentences.push(sentence);
    this.differences.push(difference);
  }
}

export function checkResponse(res: Response, options: SpecMatchOptions = {}): SpecCheck {
  const { method, path } = requestOf(res);
  const subject = `${method} ${path} → ${res.status}`;
  const out = new Problems();
  const done = (operation?: SpecOperation): SpecCheck => ({
    subject,
    operation,
    problems: out.sentences,
    differences: out.differences,
  });
  const lookup = findOperation(method, path);
  if (!lookup.found) {
    const why =
      lookup.reason === 'no-path'
        ? `no path of the specs matches ${pathOnly(path)}`
        : `${lookup.template} documents only ${lookup.methods.join(', ')}`;
    out.add(`no operation for ${method} ${pathOnly(path)}: ${why}`, {
      where: 'path',
      expected: 'a documented operation',
      observed: `${method} ${pathOnly(path)}`,
    });
    return done();
  }
  const op = lookup.operation;
  const statusKey = pickResponse(op, res.status, options);
  if (!statusKey) {
    const documented = Object.keys(op.operation.responses ?? {}).map((k) =>
      k === 'default' ? 'default (5xx only)' : k,
    );
    const sameClass = documented.filter((k) => k[0] === String(res.status)[0]);
    out.add(`${op.operationId} answered undocumented status ${res.status} (documented: ${documented.join(', ')})`, {
      where: 'status',
      expected: (sameClass.length > 0 ? sameClass : documented).join(', '),
      observed: String(res.status),
      decision: decisionOfStatus(op, res.status),
    });
    return done(op);
  }
  const response = resolveRef<OpenAPIV3_1.ResponseObject>(
    op.spec,
    op.operation.responses?.[statusKey] as OpenAPIV3_1.ResponseObject,
  );
  const cacheKey = `${op.spec}|${op.operationId}|${statusKey}`;
  // Against a target that is not the mock only documented parts count: a guessed body may differ or be absent.
  const bodyGuessed = options.loose === true && op.spec === 'partner-api' && bodyIsInferred(op.operationId, statusKey);
  checkHeaders(op.spec, response, res, cacheKey, options.loose === true, out);
  if (bodyGuessed) return done(op);
  const contents = Object.keys(response.content ?? {});
  const media = mediaTypeOf(res);
  if (contents.length === 0) {
    if ((res.text ?? '').length > 0)
      out.add(
        `the spec documents no body for ${statusKey}, but ${res.text.length} bytes of ${media ?? 'unknown type'} came back`,
        { where: 'body', expected: 'no body', observed: `${res.text.length} bytes` },
      );
    return done(op);
  }
  // The docs name no response media type: against a non-mock target any JSON type stands in for application/json.
  const documentedMedia =
    (media ? matchMedia(contents, media) : undefined) ??
    (options.loose && media && isJson(media) && contents.includes('application/json') ? 'application/json' : undefined);
  if (!documentedMedia) {
    out.add(
      `Content-Type ${media ?? '(none)'} is not documented for ${statusKey} (documented: ${contents.join(', ')})`,
      {
        where: 'Content-Type',
        expected: contents.join(', '),
        observed: media ?? '(none)',
      },
    );
    return done(op);
  }
  checkBody(op, statusKey, documentedMedia, response.content?.[documentedMedia]?.schema, res, options, out);
  return done(op);
}

/** The decision behind an operation's statuses: the operation's or the nearest success response's. */
function decisionOfStatus(op: SpecOperation, status: number): string | undefined {
  const marked = (n: unknown) => (n as { 'x-decision'?: string } | undefined)?.['x-decision'];
  const responses = op.operation.responses ?? {};
  const sameClass = Object.entries(responses).find(([k]) => k[0] === String(status)[0]);
  return marked(sameClass?.[1]) ?? marked(op.operation) ?? (status >= 400 ? 'D6' : undefined);
}

/** Whether `value` is valid against a schema (refs to the specs allowed); compiled once per schema text. */
export function isValidAgainst(schema: unknown, value: unknown, coerce = false): boolean {
  const validate = compileCached(`adhoc|${coerce}|${JSON.stringify(schema)}`, () =>
    (coerce ? coercingAjv() : ajv()).compile(schema as object),
  );
  return validate(value);
}

/** The request behind a response: its JSON body and its path and query parameters. */
export function sentRequest(res: Response): SentRequest {
  const { method, path } = requestOf(res);
  const lookup = findOperation(method, path);
  const query = new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : '');
  return { body: sentBody(res), path: lookup.found ? lookup.params : {}, query };
}

/** Validates a value against one component schema: `checkSchema('Error', res.body)` (for routes no spec documents). */
export function checkSchema(schemaName: string, value: unknown, spec: SpecName = 'partner-api'): string[] {
  const ref = `${specSchemaId(spec)}#/components/schemas/${schemaName}`;
  const validate = compileCached(`schema|${ref}`, () => ajv().compile({ $ref: ref }));
  return validate(value) ? [] : (validate.errors ?? []).map(formatAjvError);
}

function bodyPreview(res: Response): string {
  const text =
    typeof res.text === 'string'
      ? res.text
      : Buffer.isBuffer(res.body)
        ? `<${res.body.length} bytes>`
        : JSON.stringify(res.body);
  return text.length > 800 ? `${text.slice(0, 800)}…` : text;
}

function isResponse(value: unknown): value is Response {
  return !!value && typeof value === 'object' && 'status' in value && 'headers' in value && 'request' in value;
}

export function toMatchSpec(
  this: jest.MatcherContext,
  received: unknown,
  options: SpecMatchOptions = {},
): jest.CustomMatcherResult {
  if (!isResponse(received)) {
    return { pass: false, message: () => 'toMatchSpec() expects a supertest Response (await the request first)' };
  }
  // Against a target that is not the mock, documented facts must hold and inferred ones are reported.
  const documentedOnly = !options.exact && (options.loose === true || !targetIsMock());
  const { subject, operation, problems } = checkResponse(received, { ...options, loose: documentedOnly });
  if (documentedOnly && problems.length === 0) {
    const exact = checkResponse(received, { ...options, loose: false });
    if (exact.problems.length > 0 && exact.operation)
      recordDifferences(
        exact.operation.operationId,
        `${exact.operation.operationId} answers as the spec says`,
        exact.differences,
      );
  }
  const where = operation
    ? ` ${operation.operationId} (${operation.spec}${options.loose ? ', documented fields only' : ''})`
    : ' the spec';
  if (problems.length === 0) {
    return { pass: true, message: () => `expected ${subject} not to match${where}, but it does` };
  }
  return {
    pass: false,
    message: () =>
      `expected ${subject} to match${where}:\n${problems.map((p) => `  ${p}`).join('\n')}\nbody: ${bodyPreview(received)}`,
  };
}

export function toMatchSpecSchema(
  this: jest.MatcherContext,
  received: unknown,
  schemaName: string,
): jest.CustomMatcherResult {
  const body: unknown = isResponse(received) ? (received.body as unknown) : received;
  const problems = checkSchema(schemaName, body);
  return problems.length === 0
    ? { pass: true, message: () => `expected the value not to match #/components/schemas/${schemaName}` }
    : {
        pass: false,
        message: () =>
          `expected the value to match #/components/schemas/${schemaName}:\n${problems.map((p) => `  ${p}`).join('\n')}`,
      };
}
