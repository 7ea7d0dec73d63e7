/**
 * Finds every example written in a spec (under media types, parameters, headers and schemas) and
 * checks it against the schema it sits under, so a wrong example fails the tests instead of
 * misleading a reader or a generated client. Also holds the few operation checks that the tests of
 * both specs share (provenance marks, listed statuses, error bodies).
 */
import type Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject } from 'ajv';
import type { OpenAPIV3_1 } from 'openapi-types';
import { HTTP_METHODS, loadSpec, resolveRef, toAbsoluteRefs, type SpecName, type SpecOperation } from './index';

export interface SpecExample {
  spec: SpecName;
  /** How tests name it, e.g. `createStore request example "documented"`. */
  label: string;
  /** Where it is written, as a JSON pointer into the spec, e.g. `#/paths/~1v1~1partner~1stores/post/...`. */
  pointer: string;
  /** The schema the example must fit, as written in the spec (local refs). */
  schema: unknown;
  value: unknown;
}

type Content = Record<string, OpenAPIV3_1.MediaTypeObject>;
type Ref = OpenAPIV3_1.ReferenceObject;

const isRef = (value: unknown): value is Ref => typeof value === 'object' && value !== null && '$ref' in value;
const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The examples of one object that carries `example` / `examples` beside a schema (media type, parameter, header). */
function fromHolder(
  spec: SpecName,
  label: string,
  pointer: string,
  holder: OpenAPIV3_1.MediaTypeObject,
): SpecExample[] {
  const found: SpecExample[] = [];
  if (holder.example !== undefined) {
    found.push({
      spec,
      label: `${label} example`,
      pointer: `${pointer}/example`,
      schema: holder.schema,
      value: holder.example,
    });
  }
  for (const [name, entry] of Object.entries(holder.examples ?? {})) {
    const example = resolveRef<OpenAPIV3_1.ExampleObject>(spec, entry);
    if (example.externalValue !== undefined)
      throw new Error(`${label} example "${name}" uses externalValue, which cannot be checked`);
    found.push({
      spec,
      label: `${label} example "${name}"`,
      pointer: `${pointer}/examples/${escape(name)}`,
      schema: holder.schema,
      value: example.value,
    });
  }
  return found;
}

function fromContent(spec: SpecName, label: string, pointer: string, content: Content | undefined): SpecExample[] {
  return Object.entries(content ?? {}).flatMap(([mediaType, media]) => {
    const named = mediaType === 'application/json' ? label : `${label} (${mediaType})`;
    return fromHolder(spec, named, `${pointer}/content/${escape(mediaType)}`, media);
  });
}

/** Parameters and headers hold examples either beside their schema or in a `content` map. */
function fromParameterLike(
  spec: SpecName,
  label: string,
  pointer: string,
  param: OpenAPIV3_1.ParameterObject | OpenAPIV3_1.HeaderObject,
): SpecExample[] {
  return [...fromHolder(spec, label, pointer, param), ...fromContent(spec, label, pointer, param.content)];
}

/**
 * The examples of one operation. Parts written as a `$ref` are skipped here: their examples are
 * collected once, under components, rather than once per operation that uses them.
 */
function fromOperation(spec: SpecName, name: string, pointer: string, op: OpenAPIV3_1.OperationObject): SpecExample[] {
  const found: SpecExample[] = [];
  (op.parameters ?? []).forEach((param, i) => {
    if (isRef(param)) return;
    found.push(...fromParameterLike(spec, `${name} parameter "${param.name}"`, `${pointer}/parameters/${i}`, param));
  });
  if (op.requestBody && !isRef(op.requestBody)) {
    found.push(...fromContent(spec, `${name} request`, `${pointer}/requestBody`, op.requestBody.content));
  }
  for (const [status, response] of Object.entries(op.responses ?? {})) {
    if (isRef(response)) continue;
    const at = `${pointer}/responses/${escape(status)}`;
    found.push(...fromContent(spec, `${name} ${status} response`, at, response.content));
    for (const [header, value] of Object.entries(response.headers ?? {})) {
      if (isRef(value)) continue;
      found.push(
        ...fromParameterLike(
          spec,
          `${name} ${status} response header "${header}"`,
          `${at}/headers/${escape(header)}`,
          value,
        ),
      );
    }
  }
  return found;
}

function fromPathItems(
  spec: SpecName,
  section: 'paths' | 'webhooks',
  items: Record<string, OpenAPIV3_1.PathItemObject | Ref | undefined>,
) {
  const found: SpecExample[] = [];
  for (const [key, entry] of Object.entries(items)) {
    if (!entry) continue;
    const item = resolveRef<OpenAPIV3_1.PathItemObject>(spec, entry);
    const itemPointer = `#/${section}/${escape(key)}`;
    (item.parameters ?? []).forEach((param, i) => {
      if (isRef(param)) return;
      found.push(
        ...fromParameterLike(spec, `${key} parameter "${param.name}"`, `${itemPointer}/parameters/${i}`, param),
      );
    });
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const name = section === 'webhooks' ? `webhook ${key}` : (op.operationId ?? `${method.toUpperCase()} ${key}`);
      found.push(...fromOperation(spec, name, `${itemPointer}/${method}`, op));
    }
  }
  return found;
}

/** Schema keywords whose values are subschemas (or maps / lists of them) that may carry examples. */
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMAS = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains'];

/** `example` and `examples` written inside a schema (JSON Schema's list, OpenAPI's single value). */
function fromSchema(spec: SpecName, path: string, schema: unknown): SpecExample[] {
  if (typeof schema !== 'object' || schema === null || isRef(schema)) return [];
  const node = schema as Record<string, unknown>;
  const found: SpecExample[] = [];
  const pointer = `#/${path}`;
  if (node.example !== undefined)
    found.push({ spec, label: `${path} example`, pointer: `${pointer}/example`, schema, value: node.example });
  if (Array.isArray(node.examples)) {
    node.examples.forEach((value: unknown, i) => {
      found.push({ spec, label: `${path} example #${i + 1}`, pointer: `${pointer}/examples/${i}`, schema, value });
    });
  }
  for (const key of SUBSCHEMA_MAPS) {
    for (const [name, sub] of Object.entries((node[key] as Record<string, unknown> | undefined) ?? {})) {
      found.push(...fromSchema(spec, `${path}/${key}/${escape(name)}`, sub));
    }
  }
  for (const key of SUBSCHEMA_LISTS) {
    const list = node[key];
    if (Array.isArray(list))
      list.forEach((sub: unknown, i) => found.push(...fromSchema(spec, `${path}/${key}/${i}`, sub)));
  }
  for (const key of SUBSCHEMAS) found.push(...fromSchema(spec, `${path}/${key}`, node[key]));
  return found;
}

function fromComponents(spec: SpecName, components: OpenAPIV3_1.ComponentsObject): SpecExample[] {
  const found: SpecExample[] = [];
  const named = <T>(map: Record<string, T | Ref> | undefined) =>
    Object.entries(map ?? {}).filter((entry): entry is [string, T] => !isRef(entry[1]));
  for (const [name, response] of named(components.responses)) {
    found.push(
      ...fromContent(spec, `components/responses/${name}`, `#/components/responses/${escape(name)}`, response.content),
    );
  }
  for (const [name, body] of named(components.requestBodies)) {
    found.push(
      ...fromContent(
        spec,
        `components/requestBodies/${name}`,
        `#/components/requestBodies/${escape(name)}`,
        body.content,
      ),
    );
  }
  for (const [name, param] of named(components.parameters)) {
    found.push(
      ...fromParameterLike(spec, `components/parameters/${name}`, `#/components/parameters/${escape(name)}`, param),
    );
  }
  for (const [name, header] of named(components.headers)) {
    found.push(
      ...fromParameterLike(spec, `components/headers/${name}`, `#/components/headers/${escape(name)}`, header),
    );
  }
  for (const [name, schema] of Object.entries(components.schemas ?? {})) {
    found.push(...fromSchema(spec, `components/schemas/${escape(name)}`, schema));
  }
  return found;
}

/** Every example of a spec: operations and webhooks first (in document order), then components. */
export function collectExamples(spec: SpecName): SpecExample[] {
  const doc = loadSpec(spec);
  return [
    ...fromPathItems(spec, 'paths', doc.paths ?? {}),
    ...fromPathItems(spec, 'webhooks', doc.webhooks ?? {}),
    ...fromComponents(spec, doc.components ?? {}),
  ].filter((example) => example.schema !== undefined);
}

function formatError(error: ErrorObject): string {
  const at = error.instancePath === '' ? '(root)' : error.instancePath;
  return `  ${at} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)} [schema ${error.schemaPath}]`;
}

/**
 * Validates one example with an ajv made by createSpecAjv; returns one line per problem, each with
 * the JSON path inside the example, or an empty list when it fits.
 */
export function checkExample(ajv: Ajv2020, example: SpecExample): string[] {
  const validate = ajv.compile(toAbsoluteRefs(example.spec, example.schema) as object);
  if (validate(example.value)) return [];
  return (validate.errors ?? []).map(formatError);
}

/** Throws an error that names the example, where it is written and every problem, when it does not fit. */
export function assertExampleFits(ajv: Ajv2020, example: SpecExample): void {
  const problems = checkExample(ajv, example);
  if (problems.length === 0) return;
  throw new Error(
    `${example.label} does not fit its schema (${example.spec}.yaml ${example.pointer}):\n${problems.join('\n')}`,
  );
}

/** Whether `needle` occurs anywhere inside `value` (deep, by strict equality of scalars). */
export function containsValue(value: unknown, needle: string | number | boolean): boolean {
  if (value === needle) return true;
  if (Array.isArray(value)) return value.some((item) => containsValue(item, needle));
  if (typeof value === 'object' && value !== null)
    return Object.values(value).some((item) => containsValue(item, needle));
  return false;
}

/** What is wrong with an item's `x-provenance` mark: documented needs x-source, inferred x-decision and x-reason. */
export function provenanceProblems(item: object): string[] {
  const marks = item as Record<string, unknown>;
  const mark = marks['x-provenance'];
  const filled = (key: string) => typeof marks[key] === 'string' && marks[key] !== '';
  if (mark === 'documented') return filled('x-source') ? [] : ['x-source is missing'];
  if (mark === 'inferred') {
    const problems: string[] = [];
    if (!/^[DE]\d+$/.test(String(marks['x-decision']))) problems.push('x-decision is not D<n> or E<n>');
    if (!filled('x-reason')) problems.push('x-reason is missing');
    return problems;
  }
  return [`x-provenance is ${JSON.stringify(mark)}, not documented or inferred`];
}

export function parametersOf(op: SpecOperation): OpenAPIV3_1.ParameterObject[] {
  return [...(op.pathItem.parameters ?? []), ...(op.operation.parameters ?? [])].map((p) =>
    resolveRef<OpenAPIV3_1.ParameterObject>(op.spec, p),
  );
}

/** The statuses of `required` that the operation does not list. */
export function missingStatuses(op: SpecOperation, required: string[]): string[] {
  const listed = Object.keys(op.operation.responses ?? {});
  return required.filter((status) => !listed.includes(status));
}

/** The 4xx and default responses of an operation whose JSON body is not `#/components/schemas/Error`. */
export function errorResponsesNotUsingError(op: SpecOperation): string[] {
  return Object.entries(op.operation.responses ?? {})
    .filter(([status]) => /^4\d\d$/.test(status) || status === 'default')
    .filter(([, response]) => {
      const resolved = resolveRef<OpenAPIV3_1.ResponseObject>(op.spec, response);
      const schema = resolved.content?.['application/json']?.schema;
      return !isRef(schema) || schema.$ref !== '#/components/schemas/Error';
    })
    .map(([status]) => status);
}

/**
 * What an operation's error responses lack: 400 and 404 for path parameters, 400, 413 and 415 for a
 * request body, and the Error schema on every 4xx and default response.
 */
export function errorResponseProblems(op: SpecOperation): string[] {
  const required = [
    ...(parametersOf(op).some((p) => p.in === 'path') ? ['400', '404'] : []),
    ...(op.operation.requestBody !== undefined ? ['400', '413', '415'] : []),
  ];
  return [
    ...missingStatuses(op, [...new Set(required)]).map((status) => `${status} is not listed`),
    ...errorResponsesNotUsingError(op).map((status) => `${status} does not answer the Error schema`),
  ];
}
