/**
 * The one spec loader: every part of the project (mock, contract tests, fixtures, scripts) reads the
 * OpenAPI documents through here, so they are parsed once and compiled with the same ajv settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import type { OpenAPIV3_1 } from 'openapi-types';
import { artefactKey, openArtefactCache } from './artefact-cache';
import { addSpecChecks, SPEC_FORMATS_CODE, SPEC_CHECKS_REVISION } from './formats';

export type SpecDocument = OpenAPIV3_1.Document;
export type SpecName = 'partner-api' | 'control-api';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Keywords that OpenAPI and our provenance marks add to JSON Schema; ajv must know them in strict mode. */
const SPEC_KEYWORDS = [
  'x-provenance',
  'x-decision',
  'x-reason',
  'x-source',
  'x-inferred-constraints',
  'x-inferred-values',
  'example',
  'components',
  'discriminator',
  'xml',
  'externalDocs',
];

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'spec', 'partner-api.yaml')))
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the acountpay-mock package root above ${start}`);
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot(__dirname);

export function specPath(name: SpecName): string {
  return path.join(PACKAGE_ROOT, 'spec', `${name}.yaml`);
}

/** The `$id` under which a spec's components are registered in ajv; refs look like `${specSchemaId(name)}#/components/schemas/Store`. */
export function specSchemaId(name: SpecName): string {
  return `https://acountpay-mock.local/${name}.json`;
}

const cache = new Map<SpecName, SpecDocument>();

/**
 * The build's artefacts: parsed specs and precompiled validators (see scripts/build-spec-cache.js),
 * each used only when made from the same sources, options and library versions (E153).
 */
export const artefacts = openArtefactCache(path.join(PACKAGE_ROOT, 'dist', 'spec-cache'));

/** The texts of both specs, which every validator is compiled from (each registers its components). */
export function specSources(): Buffer[] {
  return (['partner-api', 'control-api'] as const)
    .filter((name) => fs.existsSync(specPath(name)))
    .map((name) => fs.readFileSync(specPath(name)));
}

/** The key of a spec's parsed JSON copy: its YAML text and the parser's version. */
export function specDocumentKey(yamlText: string | Buffer): string {
  return artefactKey({ sources: [yamlText], options: { parse: 'yaml' } });
}

/**
 * Parses a spec once per process. Parsing the YAML costs far more than the JSON copy that the build
 * writes, so the copy is used when it was made from the same text.
 */
export function loadSpec(name: SpecName = 'partner-api'): SpecDocument {
  const cached = cache.get(name);
  if (cached) return cached;
  const text = fs.readFileSync(specPath(name));
  const doc =
    artefacts.json<SpecDocument>(`${name}.json`, specDocumentKey(text)) ??
    (parse(text.toString('utf8')) as SpecDocument);
  cache.set(name, doc);
  return doc;
}

export interface SpecOperation {
  spec: SpecName;
  operationId: string;
  method: HttpMethod;
  /** The path as written in the spec, e.g. `/v1/partner/merchants/{merchantId}`. */
  path: string;
  operation: OpenAPIV3_1.OperationObject;
  pathItem: OpenAPIV3_1.PathItemObject;
}

export function listOperations(name: SpecName = 'partner-api'): SpecOperation[] {
  const doc = loadSpec(name);
  const ops: SpecOperation[] = [];
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      if (!operation.operationId) throw new Error(`${method.toUpperCase()} ${p} in ${name} has no operationId`);
      ops.push({
        spec: name,
        operationId: operation.operationId,
        method,
        path: p,
        operation,
        pathItem: item,
      });
    }
  }
  return ops;
}

/** Follows one local `$ref` (`#/components/...`) in a spec; returns the object itself when it is not a ref. */
export function resolveRef<T>(name: SpecName, value: T | OpenAPIV3_1.ReferenceObject): T {
  let current: unknown = value;
  for (let depth = 0; depth < 10; depth += 1) {
    if (!current || typeof current !== 'object' || !('$ref' in current)) return current as T;
    const ref = (current as OpenAPIV3_1.ReferenceObject).$ref;
    if (!ref.startsWith('#/')) throw new Error(`Only local refs are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (node, key) => (node as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')],
        loadSpec(name),
      );
  }
  throw new Error('Too many nested $refs');
}

/**
 * Rewrites local refs (`#/components/...`) of a schema taken out of a spec so that it compiles on its
 * own in an ajv instance made by createSpecAjv.
 */
export function toAbsoluteRefs(name: SpecName, schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toAbsoluteRefs(name, s));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `${specSchemaId(name)}${value}`
        : toAbsoluteRefs(name, value);
  }
  return out;
}

/** Replaces every local `$ref` of a schema taken out of a spec by what it points at (for small, self-contained schemas). */
export function dereference(name: SpecName, schema: unknown, depth = 0): unknown {
  if (depth > 20) throw new Error('Schema nests too deeply to dereference');
  if (Array.isArray(schema)) return schema.map((s) => dereference(name, s, depth + 1));
  if (!schema || typeof schema !== 'object') return schema;
  if ('$ref' in schema && typeof schema.$ref === 'string') {
    const { $ref: _ref, ...rest } = schema as Record<string, unknown>;
    const target = dereference(name, resolveRef(name, { $ref: schema.$ref }), depth + 1) as Record<string, unknown>;
    return { ...target, ...(dereference(name, rest, depth + 1) as Record<string, unknown>) };
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, dereference(name, v, depth + 1)]));
}

export interface SpecAjvOptions {
  /** Coerce strings to numbers/booleans (for path, query and header values). */
  coerceTypes?: boolean;
  /** Fill in schema defaults. */
  useDefaults?: boolean;
  /** Drop properties that `additionalProperties: false` forbids instead of failing (D7 lenient mode). */
  removeAdditional?: boolean;
  /** Register the specs' components (default true); without them only self-contained schemas compile. */
  withComponents?: boolean;
  /** Keep the generated source so `ajv/dist/standalone` can write it to a module (build time). */
  source?: boolean;
}

/**
 * What an ajv made by createSpecAjv compiles by, besides the specs: its options, the keywords it
 * knows and whether the components are registered. Part of a precompiled validator's key (E153);
 * keeping the generated source or not changes nothing it validates, so it is left out.
 */
export function specAjvSettings(options: Omit<SpecAjvOptions, 'source'> = {}) {
  return {
    ajv: {
      allErrors: true,
      strict: true,
      coerceTypes: options.coerceTypes ?? false,
      useDefaults: options.useDefaults ?? false,
      removeAdditional: options.removeAdditional ?? false,
    },
    keywords: SPEC_KEYWORDS,
    withComponents: options.withComponents !== false,
    formats: SPEC_CHECKS_REVISION, // E213
  };
}

/** An ajv (JSON Schema 2020-12, formats on, strict) with the components of every spec registered. */
export function createSpecAjv(options: SpecAjvOptions = {}): Ajv2020 {
  const settings = specAjvSettings(options);
  const ajv = new Ajv2020({ ...settings.ajv, code: { source: options.source ?? false, formats: SPEC_FORMATS_CODE } });
  addSpecChecks(ajv); // E213, E217
  ajv.addVocabulary(settings.keywords);
  for (const name of ['partner-api', 'control-api'] as const) {
    if (!settings.withComponents || !fs.existsSync(specPath(name))) continue;
    ajv.addSchema({ $id: specSchemaId(name), components: loadSpec(name).components ?? {} });
  }
  return ajv;
}
