/**
 * The spec's provenance marks, read without Jest (the stand-in sandbox uses them too): which
 * operations, responses, properties, constraint keywords and enum values are inferred, and the
 * documented-only part of a schema that a non-mock target must satisfy exactly.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import { loadSpec, resolveRef, type SpecName } from '../../spec/index';
import { findOperationById } from './operation-index';

export type FactKind = 'documented' | 'inferred';

interface Marked {
  'x-provenance'?: FactKind;
}

type Schema = Record<string, unknown> & Marked;

function markOf(node: unknown): FactKind | undefined {
  return node && typeof node === 'object' ? (node as Marked)['x-provenance'] : undefined;
}

function componentSchema(spec: SpecName, ref: string): Schema {
  const name = ref.replace(/^#\/components\/schemas\//, '');
  const schema = loadSpec(spec).components?.schemas?.[name];
  if (!schema) throw new Error(`No schema ${name} in ${spec}`);
  return schema as Schema;
}

/**
 * An operation is inferred when it is marked so, or when the response for `status` is marked so or
 * has a body whose top-level schema is (every error body is: the Error schema is D5).
 */
export function isInferred(operationId: string, status?: number): boolean {
  const op = findOperationById(operationId);
  if (!op) throw new Error(`Unknown operationId ${operationId}`);
  if (markOf(op.operation) === 'inferred') return true;
  if (status === undefined) return false;
  const raw = op.operation.responses?.[String(status)];
  if (!raw) return false;
  if (markOf(raw) === 'inferred') return true;
  const response = resolveRef<OpenAPIV3_1.ResponseObject>(op.spec, raw);
  if (markOf(response) === 'inferred') return true;
  return Object.values(response.content ?? {}).some(
    (media) => markOf(resolveRef<Schema>(op.spec, media.schema as Schema)) === 'inferred',
  );
}

type ResponseMark = Marked & { 'x-inferred-part'?: 'status' | 'status-and-body' };

function responseObject(operationId: string, statusKey: string) {
  const op = findOperationById(operationId);
  if (!op) throw new Error(`Unknown operationId ${operationId}`);
  const raw = op.operation.responses?.[statusKey];
  return { op, raw, response: raw ? resolveRef<OpenAPIV3_1.ResponseObject & ResponseMark>(op.spec, raw) : undefined };
}

/**
 * Whether the status code itself is a guess: the operation is inferred, the response object is
 * marked inferred (whole, or `x-inferred-part: status`), or it is an error status (D6: every error
 * status is inferred). Another status of the same class is then only an inferred difference.
 */
export function statusIsInferred(operationId: string, statusKey: string | number): boolean {
  const key = String(statusKey);
  if (key === 'default' || /^[45]/.test(key)) return true;
  const { op, raw, response } = responseObject(operationId, key);
  if (markOf(op.operation) === 'inferred') return true;
  return markOf(raw) === 'inferred' || markOf(response) === 'inferred';
}

/**
 * Whether the body of a response is a guess as a whole: the operation is inferred, the response is
 * marked inferred for more than its status, or its top-level schema is inferred (the D5 Error).
 */
export function bodyIsInferred(operationId: string, statusKey: string | number): boolean {
  const { op, raw, response } = responseObject(operationId, String(statusKey));
  if (markOf(op.operation) === 'inferred') return true;
  if (!response) return false;
  const marked = markOf(raw) === 'inferred' ? (raw as ResponseMark) : markOf(response) === 'inferred' ? response : null;
  if (marked && marked['x-inferred-part'] !== 'status') return true;
  return Object.values(response.content ?? {}).some(
    (media) => markOf(resolveRef<Schema>(op.spec, media.schema as Schema)) === 'inferred',
  );
}

/**
 * The decision behind the schema keyword at a JSON pointer (an ajv `schemaPath`, relative to
 * `root` or absolute in the spec): the keyword's own `x-inferred-constraints` entry, else the
 * nearest `x-decision` on the way there. Undefined when nothing on the way is inferred.
 */
export function decisionAt(spec: SpecName, root: unknown, schemaPath: string): string | undefined {
  const hash = schemaPath.indexOf('#');
  const fromSpec = hash > 0;
  let node: unknown = fromSpec ? loadSpec(spec) : root;
  const parts = schemaPath
    .slice(hash + 1)
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p.replace(/~1/g, '/').replace(/~0/g, '~')));
  let decision: string | undefined;
  const visit = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const marked = n as Marked & { 'x-decision'?: string };
    if (markOf(n) === 'inferred' && typeof marked['x-decision'] === 'string') decision = marked['x-decision'];
  };
  for (const [i, part] of parts.entries()) {
    visit(node);
    const keyword = i === parts.length - 1 ? part : undefined;
    const constraints = (node as { 'x-inferred-constraints'?: Record<string, string> } | undefined)?.[
      'x-inferred-constraints'
    ];
    if (keyword && constraints?.[keyword]) return constraints[keyword];
    const values = (node as { 'x-inferred-values'?: Record<string, string> } | undefined)?.['x-inferred-values'];
    if (keyword === 'enum' && values) return Object.values(values)[0] ?? decision;
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  return decision;
}

/** Property names of a component schema (own and through allOf) that are marked inferred: `inferredProperties('PaymentEventData')`. */
export function inferredProperties(schemaRef: string, spec: SpecName = 'partner-api'): string[] {
  const schema = componentSchema(spec, schemaRef);
  const parts = [schema, ...((schema.allOf as Schema[] | undefined) ?? []).map((s) => resolveRef<Schema>(spec, s))];
  return parts.flatMap((part) =>
    Object.entries((part.properties as Record<string, unknown> | undefined) ?? {})
      .filter(([, prop]) => markOf(prop) === 'inferred')
      .map(([name]) => name),
  );
}

function typeOnly(schema: Schema): Schema {
  return schema.type === undefined ? {} : { type: schema.type };
}

/**
 * The schema with only its documented part left, refs inlined: a property marked inferred is
 * dropped (and no longer required); a ref to an inferred component keeps only its `type`
 * (the field is documented, its rules are not); keywords listed in `x-inferred-constraints`, an
 * enum with `x-inferred-values` and `additionalProperties: false` are dropped.
 */
export function documentedOnlySchema(spec: SpecName, schema: unknown, depth = 0): unknown {
  if (depth > 32) throw new Error('Schema nests too deeply to loosen');
  if (Array.isArray(schema)) return schema.map((s) => documentedOnlySchema(spec, s, depth + 1));
  if (!schema || typeof schema !== 'object') return schema;
  const node = schema as Schema;
  if (typeof node.$ref === 'string') {
    const target = componentSchema(spec, node.$ref);
    return markOf(target) === 'inferred' ? typeOnly(target) : documentedOnlySchema(spec, target, depth + 1);
  }
  // An inline node marked inferred (an allOf member, a wrapper) keeps only its type, like a ref to one.
  if (markOf(node) === 'inferred') return typeOnly(node);
  const out: Schema = {};
  const inferredKeywords = new Set(Object.keys((node['x-inferred-constraints'] as object | undefined) ?? {}));
  // An enum with guessed members is not a documented closed list; an object's closedness is never documented.
  if (node['x-inferred-values']) inferredKeywords.add('enum');
  if (node.additionalProperties === false) inferredKeywords.add('additionalProperties');
  if (node.unevaluatedProperties === false) inferredKeywords.add('unevaluatedProperties');
  for (const [key, value] of Object.entries(node)) {
    if (inferredKeywords.has(key)) continue;
    if (key === 'properties' && value && typeof value === 'object') {
      const kept = Object.entries(value).filter(([, prop]) => markOf(prop) !== 'inferred');
      out.properties = Object.fromEntries(
        kept.map(([name, prop]) => [name, documentedOnlySchema(spec, prop, depth + 1)]),
      );
    } else {
      out[key] = documentedOnlySchema(spec, value, depth + 1);
    }
  }
  if (Array.isArray(out.required) && out.properties) {
    const props = out.properties as Record<string, unknown>;
    const dropped = Object.keys((node.properties as Record<string, unknown> | undefined) ?? {}).filter(
      (name) => !(name in props),
    );
    out.required = (out.required as string[]).filter((name) => !dropped.includes(name));
  }
  return out;
}

/** What a test sent: the JSON body, and the path and query parameters of the request. */
export interface SentRequest {
  body: unknown;
  path: Record<string, string>;
  query: URLSearchParams;
}

type Validate = (schema: unknown, value: unknown, coerce?: boolean) => boolean;

/**
 * Whether a request the test sent on purpose as invalid is still valid by the documented rules
 * alone: parameters the spec infers are not looked at, the others and the JSON body are checked
 * against their documented-only schemas. Then a 4xx for it rests on an inferred rule (unknown
 * fields refused, D7; a guessed pattern, bound, minProperties or parameter).
 */
export function requestBreaksOnlyInferredRules(operationId: string, sent: SentRequest, validate: Validate): boolean {
  const op = findOperationById(operationId);
  if (!op) return false;
  if (markOf(op.operation) === 'inferred') return true;
  for (const raw of op.operation.parameters ?? []) {
    const param = resolveRef<OpenAPIV3_1.ParameterObject & Marked>(op.spec, raw);
    if (markOf(param) === 'inferred' || (param.in !== 'path' && param.in !== 'query')) continue;
    const value = param.in === 'path' ? sent.path[param.name] : (sent.query.get(param.name) ?? undefined);
    if (value === undefined) {
      if (param.required) return false;
      continue;
    }
    if (param.schema && !validate(documentedOnlySchema(op.spec, param.schema), value, true)) return false;
  }
  const requestBody = op.operation.requestBody;
  if (!requestBody || sent.body === undefined) return true;
  const media = resolveRef<OpenAPIV3_1.RequestBodyObject>(op.spec, requestBody).content?.['application/json'];
  return !media?.schema || validate(documentedOnlySchema(op.spec, media.schema), sent.body);
}
