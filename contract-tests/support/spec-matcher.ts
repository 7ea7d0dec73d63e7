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
import { documentedOnlySchema } from './provenance';

export interface SpecMatchOptions {
  /** Check only the documented fields and accept any documented status of the same class (inferred responses on a real target). */
  loose?: boolean;
  /** Let the `default` response cover any status, not only 5xx. */
  allowDefault?: boolean;
}

export interface SpecCheck {
  /** `GET /v1/partner/profile → 200`, and the operation when one was found. */
  subject: string;
  operation?: SpecOperation;
  problems: string[];
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
  // Loose: a real target answering 200 where the spec infers 201 still has its body checked.
  if (options.loose) {
    const sameClass = keys.find((k) => k[0] === String(status)[0] && /^\d/.test(k));
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
  problems: string[],
): void {
  for (const [name, raw] of Object.entries(response.headers ?? {})) {
    const header = resolveRef<OpenAPIV3_1.HeaderObject>(spec, raw);
    const value = res.headers[name.toLowerCase()];
    if (value === undefined) {
      if (header.required) problems.push(`header ${name}: is required but missing`);
      continue;
    }
    if (!header.schema) continue;
    const validate = compileCached(`${cacheKey}|header:${name}`, () =>
      coercingAjv().compile(toAbsoluteRefs(spec, header.schema) as object),
    );
    if (!validate(value))
      problems.push(...(validate.errors ?? []).map((e) => `header ${name}: ${e.message ?? e.keyword}`));
  }
}

function checkBody(
  op: SpecOperation,
  statusKey: string,
  media: string,
  schema: unknown,
  res: Response,
  options: SpecMatchOptions,
  problems: string[],
): void {
  if (!isJson(media)) {
    const size = Buffer.isBuffer(res.body) ? res.body.length : (res.text ?? '').length;
    if (size === 0) problems.push(`/: the ${media} body is empty`);
    return;
  }
  const key = `${op.spec}|${op.operationId}|${statusKey}|${media}|${options.loose ? 'loose' : 'exact'}`;
  const validate = compileCached(key, () =>
    ajv().compile((options.loose ? documentedOnlySchema(op.spec, schema) : toAbsoluteRefs(op.spec, schema)) as object),
  );
  if (!validate(res.body)) problems.push(...(validate.errors ?? []).map(formatAjvError));
}

export function checkResponse(res: Response, options: SpecMatchOptions = {}): SpecCheck {
  const { method, path } = requestOf(res);
  const subject = `${method} ${path} → ${res.status}`;
  const lookup = findOperation(method, path);
  if (!lookup.found) {
    const why =
      lookup.reason === 'no-path'
        ? `no path of the specs matches ${pathOnly(path)}`
        : `${lookup.template} documents only ${lookup.methods.join(', ')}`;
    return { subject, problems: [`no operation for ${method} ${pathOnly(path)}: ${why}`] };
  }
  const op = lookup.operation;
  const statusKey = pickResponse(op, res.status, options);
  if (!statusKey) {
    const documented = Object.keys(op.operation.responses ?? {}).map((k) =>
      k === 'default' ? 'default (5xx only)' : k,
    );
    return {
      subject,
      operation: op,
      problems: [`${op.operationId} answered undocumented status ${res.status} (documented: ${documented.join(', ')})`],
    };
  }
  const response = resolveRef<OpenAPIV3_1.ResponseObject>(
    op.spec,
    op.operation.responses?.[statusKey] as OpenAPIV3_1.ResponseObject,
  );
  const problems: string[] = [];
  const cacheKey = `${op.spec}|${op.operationId}|${statusKey}`;
  checkHeaders(op.spec, response, res, cacheKey, problems);
  const contents = Object.keys(response.content ?? {});
  const media = mediaTypeOf(res);
  if (contents.length === 0) {
    if ((res.text ?? '').length > 0)
      problems.push(
        `the spec documents no body for ${statusKey}, but ${res.text.length} bytes of ${media ?? 'unknown type'} came back`,
      );
    return { subject, operation: op, problems };
  }
  const documentedMedia = media ? matchMedia(contents, media) : undefined;
  if (!documentedMedia) {
    problems.push(
      `Content-Type ${media ?? '(none)'} is not documented for ${statusKey} (documented: ${contents.join(', ')})`,
    );
    return { subject, operation: op, problems };
  }
  checkBody(op, statusKey, documentedMedia, response.content?.[documentedMedia]?.schema, res, options, problems);
  return { subject, operation: op, problems };
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
  const { subject, operation, problems } = checkResponse(received, options);
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
