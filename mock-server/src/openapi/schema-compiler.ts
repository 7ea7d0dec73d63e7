/**
 * Compiles the schemas behind the request and response validators. Compiling them with ajv costs
 * about a second of CPU, so `npm run build` compiles them once and writes the generated code as
 * modules (ajv standalone, scripts/build-spec-cache.js) to the artefact cache; at start-up the mock
 * loads those modules when they were made under the key of today's spec sources, ajv settings and
 * library versions (E153), and compiles anything else itself.
 *
 * Kinds: `param` coerces strings and fills defaults (path, query, headers); `main` validates bodies
 * and responses; `lenient` drops unknown body fields (D7, compiled only when asked for).
 */
import type Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import {
  artefacts,
  createSpecAjv,
  specAjvSettings,
  specSources,
  type SpecAjvOptions,
  type SpecName,
} from '../../../spec';
import { artefactKey, type ArtefactCache } from '../../../spec/artefact-cache';

export type SchemaKind = 'param' | 'main' | 'lenient';

export interface SchemaCompiler {
  compile(kind: SchemaKind, key: string, schema: object): ValidateFunction;
}

function kindOptions(kind: SchemaKind): Omit<SpecAjvOptions, 'source'> {
  if (kind === 'param') return { coerceTypes: true, useDefaults: true, withComponents: false };
  return { removeAdditional: kind === 'lenient' };
}

function createAjv(kind: SchemaKind, source: boolean): Ajv2020 {
  return createSpecAjv({ ...kindOptions(kind), source });
}

/** E153: the key a kind's validators are made under: both specs' texts, the kind's ajv settings, the libraries' versions. */
export function validatorKey(kind: SchemaKind): string {
  return artefactKey({ sources: specSources(), options: specAjvSettings(kindOptions(kind)) });
}

/** Compiles at run time, one ajv instance per kind, created when first needed. */
export function createRuntimeCompiler(): SchemaCompiler {
  const instances = new Map<SchemaKind, Ajv2020>();
  return {
    compile(kind, _key, schema) {
      let ajv = instances.get(kind);
      if (!ajv) {
        ajv = createAjv(kind, false);
        instances.set(kind, ajv);
      }
      return ajv.compile(schema);
    },
  };
}

/** For the build: compiles like the runtime compiler and keeps every schema under its key for standalone code. */
export function createRecordingCompiler() {
  const instances = new Map<SchemaKind, Ajv2020>();
  return {
    compile(kind: SchemaKind, key: string, schema: object): ValidateFunction {
      let ajv = instances.get(kind);
      if (!ajv) {
        ajv = createAjv(kind, true);
        instances.set(kind, ajv);
      }
      if (!ajv.getSchema(key)) ajv.addSchema(schema, key);
      return ajv.getSchema(key)!;
    },
    /** One CommonJS module per kind, exporting every validator by key. */
    modules(): Map<SchemaKind, string> {
      const out = new Map<SchemaKind, string>();
      for (const [kind, ajv] of instances) out.set(kind, standaloneCode(ajv));
      return out;
    },
  };
}

/** The artefact holding one spec's validators of one kind. */
export function precompiledModuleName(spec: SpecName, kind: SchemaKind): string {
  return `${spec}.${kind}.validators.js`;
}

/**
 * Uses the validators built for today's spec sources, ajv settings and library versions, falling
 * back to compiling at run time for anything missing (a spec edited after the build, lenient mode).
 */
export function createPrecompiledCompiler(
  spec: SpecName,
  fallback: SchemaCompiler = createRuntimeCompiler(),
  cache: ArtefactCache = artefacts,
): SchemaCompiler {
  const modules = new Map<SchemaKind, Record<string, ValidateFunction> | undefined>();
  function moduleFor(kind: SchemaKind): Record<string, ValidateFunction> | undefined {
    if (!modules.has(kind))
      modules.set(
        kind,
        cache.module<Record<string, ValidateFunction>>(precompiledModuleName(spec, kind), validatorKey(kind)),
      );
    return modules.get(kind);
  }
  return {
    compile(kind, key, schema) {
      return moduleFor(kind)?.[key] ?? fallback.compile(kind, key, schema);
    },
  };
}
