/**
 * Request and response validators for every operation of a spec, compiled once at start-up
 * (never per request). A request validator returns the coerced path/query/header values and the
 * body, or throws a 400/415 ApiError naming every problem; a response validator lists how a
 * response departs from the spec.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { OpenAPIV3_1 } from 'openapi-types';
import { dereference, resolveRef, toAbsoluteRefs, type SpecOperation } from '../../../spec';
import { apiError } from '../http/api-error';
import { formatAjvErrors } from './error-messages';
import { createPrecompiledCompiler, type SchemaCompiler } from './schema-compiler';

export interface RequestParts {
  params: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** True when the request carried a body (Content-Length > 0 or chunked). */
  hasBody: boolean;
  contentType: string | undefined;
}

export interface ValidatedRequest {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
}

export interface OperationValidators {
  validateRequest(parts: RequestParts): ValidatedRequest;
  /** An empty list when the response fits the spec. */
  validateResponse(status: number, contentType: string | undefined, body: unknown): string[];
}

export interface ValidatorOptions {
  /** D7: drop unknown body fields instead of rejecting them. */
  lenient?: boolean;
  /** Defaults to the validators precompiled by the build, compiling what is missing. */
  compiler?: SchemaCompiler;
}

type ParamIn = 'path' | 'query' | 'header';

/** A number parameter and the sentence that refuses a value it cannot hold (E30). */
interface NumericParam {
  name: string;
  integer: boolean;
  message: string;
}

function paramsSchema(op: SpecOperation, where: ParamIn) {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const numeric: NumericParam[] = [];
  const all = [...(op.pathItem.parameters ?? []), ...(op.operation.parameters ?? [])];
  for (const raw of all) {
    const param = resolveRef<OpenAPIV3_1.ParameterObject>(op.spec, raw);
    if (param.in !== where) continue;
    const name = where === 'header' ? param.name.toLowerCase() : param.name;
    const schema = dereference(op.spec, param.schema ?? {}) as OpenAPIV3_1.SchemaObject;
    properties[name] = schema;
    if (param.required) required.push(name);
    const found = numericParam(where, name, schema);
    if (found) numeric.push(found);
  }
  if (Object.keys(properties).length === 0) return undefined;
  return { schema: { type: 'object', properties, required }, numeric };
}

/**
 * E30: ajv's coercion turns the strings `Infinity` and `1e400` into ±Infinity, which then skip
 * `minimum`/`maximum` (ajv checks bounds only on finite numbers). A number parameter must be
 * finite, and an integer one a safe integer (an id beyond 2^53 is not the id that was sent).
 */
function numericParam(where: ParamIn, name: string, schema: OpenAPIV3_1.SchemaObject): NumericParam | undefined {
  const types = ([] as unknown[]).concat(schema.type ?? []);
  const integer = types.includes('integer');
  if (!integer && !types.includes('number')) return undefined;
  const label = `${where === 'header' ? 'header' : `${where} parameter`} ${name}`;
  const limit = Number.MAX_SAFE_INTEGER;
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  const message = integer
    ? `${label} must be an integer from ${Math.max(min ?? -limit, -limit)} to ${Math.min(max ?? limit, limit)}`
    : min !== undefined && max !== undefined
      ? `${label} must be a number from ${min} to ${max}`
      : `${label} must be a finite number`;
  return { name, integer, message };
}

/**
 * E228: how a number parameter must be written: as JSON writes a number (E30 takes `1e0` and `2.0`
 * for 1 and 2). ajv coerces whatever `Number()` reads (`0x1`, `+1`, ` 1`, `0b1`), so
 * `/payments/0x1/status` found payment 1.
 */
const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const NO_NUMBERS: unknown[] = [];

/** The raw values of a request's number parameters, before ajv coerces them in place. */
function rawNumbers(target: Record<string, unknown>, numeric: NumericParam[]): unknown[] {
  return numeric.map(({ name }) => target[name]);
}

/** The values that no number parameter may hold (as sent, or as coerced), with ajv's errors about them dropped. */
function checkNumbers(
  target: Record<string, unknown>,
  numeric: NumericParam[],
  raw: unknown[],
  ajvErrors: ErrorObject[],
): { messages: string[]; rest: ErrorObject[] } {
  const messages: string[] = [];
  let rest = ajvErrors;
  for (const [i, { name, integer, message }] of numeric.entries()) {
    const sent = raw[i];
    const value = target[name];
    const written =
      sent === undefined || typeof sent === 'number' || (typeof sent === 'string' && NUMBER_TEXT.test(sent));
    if (written && (typeof value !== 'number' || (integer ? Number.isSafeInteger(value) : Number.isFinite(value))))
      continue;
    messages.push(message);
    const path = `/${name}`;
    rest = rest.filter((e) => e.instancePath !== path && !e.instancePath.startsWith(`${path}/`));
  }
  return { messages, rest };
}

function jsonBodySchema(op: SpecOperation): { schema: unknown; required: boolean } | undefined {
  if (!op.operation.requestBody) return undefined;
  const body = resolveRef<OpenAPIV3_1.RequestBodyObject>(op.spec, op.operation.requestBody);
  const media = body.content['application/json'];
  if (!media?.schema) return undefined;
  return { schema: toAbsoluteRefs(op.spec, media.schema), required: body.required ?? false };
}

function responseTable(op: SpecOperation) {
  const table = new Map<string, Map<string, ValidateFunction | null>>();
  return { table, entries: Object.entries(op.operation.responses ?? {}) };
}

export function compileValidators(
  operations: SpecOperation[],
  options: ValidatorOptions = {},
): Map<string, OperationValidators> {
  const spec = operations[0]?.spec ?? 'partner-api';
  const compiler = options.compiler ?? createPrecompiledCompiler(spec);
  const result = new Map<string, OperationValidators>();

  for (const op of operations) {
    const paramValidators = (['path', 'query', 'header'] as const).map((where) => {
      const found = paramsSchema(op, where);
      return {
        where,
        names: found ? Object.keys(found.schema.properties) : [],
        numeric: found?.numeric ?? [],
        validate: found ? compiler.compile('param', `${op.operationId}:${where}`, found.schema) : undefined,
      };
    });
    const body = jsonBodySchema(op);
    const validateBody = body
      ? compiler.compile(options.lenient ? 'lenient' : 'main', `${op.operationId}:body`, body.schema as object)
      : undefined;

    const { table, entries } = responseTable(op);
    for (const [status, raw] of entries) {
      const response = resolveRef<OpenAPIV3_1.ResponseObject>(op.spec, raw);
      const media = new Map<string, ValidateFunction | null>();
      for (const [type, content] of Object.entries(response.content ?? {})) {
        const schema = content.schema;
        media.set(
          type,
          type.includes('json') && schema
            ? compiler.compile('main', `${op.operationId}:${status}:${type}`, toAbsoluteRefs(op.spec, schema) as object)
            : null,
        );
      }
      table.set(status, media);
    }

    result.set(op.operationId, {
      validateRequest(parts) {
        const problems: string[] = [];
        const out: ValidatedRequest = {
          params: { ...parts.params },
          query: { ...parts.query },
          headers: {},
          body: undefined,
        };
        for (const { where, names, numeric, validate } of paramValidators) {
          if (!validate) continue;
          const target =
            where === 'path' ? out.params : where === 'query' ? out.query : pickHeaders(parts.headers, names);
          const raw = numeric.length > 0 ? rawNumbers(target, numeric) : NO_NUMBERS;
          const valid = validate(target); // coerces `target` in place
          const { messages, rest } = checkNumbers(target, numeric, raw, valid ? [] : (validate.errors ?? []));
          problems.push(...formatAjvErrors(rest, where), ...messages);
          if (where === 'header') out.headers = target;
        }
        if (body && validateBody) {
          if (!parts.hasBody) {
            if (body.required) problems.push('body is required');
          } else if (!isJson(parts.contentType)) {
            throw apiError('unsupported_media_type', parts.contentType);
          } else if (!validateBody(parts.body) || (options.lenient && !validateBody(parts.body))) {
            // D7, E231: lenient drops unknown fields as it validates, after `minProperties` was
            // checked; the second pass checks what is left (`{"__proto__": 1}` left an empty update).
            problems.push(...formatAjvErrors(validateBody.errors, 'body'));
          } else {
            out.body = parts.body;
          }
        }
        if (problems.length > 0) throw apiError('validation_failed', problems);
        return out;
      },
      validateResponse(status, contentType, payload) {
        const media = table.get(String(status)) ?? table.get(`${String(status)[0]}XX`) ?? table.get('default');
        if (!media) return [`status ${status} is not documented for ${op.operationId}`];
        if (media.size === 0) return [];
        const type = (contentType ?? '').split(';')[0]!.trim();
        if (!media.has(type))
          return [`content type ${type || '(none)'} is not documented for ${op.operationId} ${status}`];
        const validate = media.get(type);
        if (validate && !validate(payload)) return formatAjvErrors(validate.errors, 'response');
        return [];
      },
    });
  }
  return result;
}

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

function pickHeaders(headers: RequestParts['headers'], names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
