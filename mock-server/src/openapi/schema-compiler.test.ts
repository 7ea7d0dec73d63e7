import fs from 'node:fs';
import path from 'node:path';
import { listOperations, PACKAGE_ROOT } from '../../../spec';
import { openArtefactCache, type ArtefactCache } from '../../../spec/artefact-cache';
import {
  createPrecompiledCompiler,
  createRecordingCompiler,
  precompiledModuleName,
  validatorKey,
  type SchemaCompiler,
  type SchemaKind,
} from './schema-compiler';
import { compileValidators } from './validators';

/** As the build does, with the key each kind is made under (E153), or another one. */
function buildInto(cache: ArtefactCache, keyOf: (kind: SchemaKind) => string = validatorKey): void {
  const recording = createRecordingCompiler();
  compileValidators(listOperations('partner-api'), { compiler: recording });
  for (const [kind, code] of recording.modules())
    cache.write(precompiledModuleName('partner-api', kind), keyOf(kind), code);
}

function countingFallback(): SchemaCompiler & { calls: number } {
  const counter = {
    calls: 0,
    compile: () => {
      counter.calls += 1;
      return Object.assign(() => true, { errors: null }) as never;
    },
  };
  return counter;
}

const request = (body: unknown, query: Record<string, unknown> = {}) => ({
  params: {},
  query,
  headers: { 'content-type': 'application/json' },
  body,
  hasBody: true,
  contentType: 'application/json',
});

// Inside the package, so the generated modules resolve ajv from node_modules.
const scratch = (name: string) => {
  fs.mkdirSync(path.join(PACKAGE_ROOT, 'reports'), { recursive: true });
  return fs.mkdtempSync(path.join(PACKAGE_ROOT, 'reports', name));
};

describe('precompiled validators', () => {
  let cache: ArtefactCache;
  beforeAll(() => {
    cache = openArtefactCache(scratch('validators-'));
    buildInto(cache);
  }, 120_000);
  afterAll(() => cache.clear());

  test('validate exactly like the ones compiled at run time', () => {
    const precompiled = compileValidators(listOperations('partner-api'), {
      compiler: createPrecompiledCompiler('partner-api', countingFallback(), cache),
    });
    const runtime = compileValidators(listOperations('partner-api'));
    for (const validators of [precompiled, runtime]) {
      const create = validators.get('createPayment')!;
      expect(() =>
        create.validateRequest(request({ merchantClientId: 'm', amount: 1, referenceNumber: 'R' })),
      ).not.toThrow();
      expect(() =>
        create.validateRequest(request({ merchantClientId: 'm', amount: 0, referenceNumber: 'R', x: 1 })),
      ).toThrow(expect.objectContaining({ messages: ['x is not allowed', 'amount must be >= 0.01'] }));
      const list = validators.get('listPayments')!;
      expect(list.validateRequest({ ...request(undefined, { page: '2' }), hasBody: false }).query).toEqual({
        page: 2,
        limit: 20,
      });
      expect(validators.get('getProfile')!.validateResponse(200, 'application/json', { id: 1 })).toContain(
        'response body name is required'.replace('response body ', ''),
      );
    }
  });

  test("are used without compiling anything when made under the key of today's sources, options and libraries", () => {
    const fallback = countingFallback();
    compileValidators(listOperations('partner-api'), {
      compiler: createPrecompiledCompiler('partner-api', fallback, cache),
    });
    expect(fallback.calls).toBe(0);
  });

  test('are not used when made under another key (other sources, ajv options or library versions)', () => {
    const stale = openArtefactCache(scratch('validators-stale-'));
    buildInto(stale, (kind) => `${validatorKey(kind)}-of-another-build`);
    const fallback = countingFallback();
    compileValidators(listOperations('partner-api'), {
      compiler: createPrecompiledCompiler('partner-api', fallback, stale),
    });
    expect(fallback.calls).toBeGreaterThan(50);
    stale.clear();
  });

  test("each kind's key follows its own ajv options", () => {
    expect(new Set((['param', 'main', 'lenient'] as const).map(validatorKey)).size).toBe(3);
  });
});
