/**
 * Compiles the schemas behind the request and response validators. Compiling them with ajv costs
 * about a second of CPU, so `npm run build` compiles them once and writes the generated code as
 * modules (ajv standalone, scripts/build-spec-cache.js); at start-up the mock loads those modules
 * when they were built from the same spec sources, and compiles anything else itself.
 *
 * Kinds: `param` coerces strings and fills defaults (path, query, headers); `main` validates bodies
 * and responses; `lenient` drops unknown body fields (D7, compiled only when asked for).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { createSpecAjv, SPEC_CACHE_DIR, specSourceHash, type SpecName } from '../../../spec';

export type SchemaKind = 'param' | 'main' | 'lenient';

export interface SchemaCompiler {
  compile(kind: SchemaKind, key: string, schema: object): ValidateFunction;
}

function createAjv(kind: SchemaKind, source: boolean): Ajv2020 {
  if (kind === 'param') return createSpecAjv({ coerceTypes: true, useDefaults: true, withComponents: false, source });
  return createSpecAjv({ removeAdditional: kind === 'lenient', source });
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

export function precompiledModulePath(spec: SpecName, kind: SchemaKind, dir = SPEC_CACHE_DIR): string {
  return path.join(dir, `${spec}.${kind}.validators.js`);
}

export function manifestPath(dir = SPEC_CACHE_DIR): string {
  return path.join(dir, 'validators.json');
}

/**
 * Uses the validators built for these spec sources, falling back to compiling at run time for
 * anything missing (a spec edited after the build, lenient mode).
 */
export function createPrecompiledCompiler(
  spec: SpecName,
  fallback: SchemaCompiler = createRuntimeCompiler(),
  dir = SPEC_CACHE_DIR,
): SchemaCompiler {
  let usable = false;
  if (fs.existsSync(manifestPath(dir))) {
    const manifest = JSON.parse(fs.readFileSync(manifestPath(dir), 'utf8')) as { hash: string };
    usable = manifest.hash === specSourceHash();
  }
  const modules = new Map<SchemaKind, Record<string, ValidateFunction> | null>();
  function moduleFor(kind: SchemaKind): Record<string, ValidateFunction> | null {
    if (!modules.has(kind)) {
      const file = precompiledModulePath(spec, kind, dir);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      modules.set(kind, usable && fs.existsSync(file) ? (require(file) as Record<string, ValidateFunction>) : null);
    }
    return modules.get(kind) ?? null;
  }
  return {
    compile(kind, key, schema) {
      return moduleFor(kind)?.[key] ?? fallback.compile(kind, key, schema);
    },
  };
}
