import fs from 'node:fs';
import path from 'node:path';
import { listOperations, PACKAGE_ROOT, specSourceHash } from '../../../spec';
import {
  createPrecompiledCompiler,
  createRecordingCompiler,
  manifestPath,
  precompiledModulePath,
  type SchemaCompiler,
} from './schema-compiler';
import { compileValidators } from './validators';

function buildInto(dir: string, hash: string): void {
  const recording = createRecordingCompiler();
  compileValidators(listOperations('partner-api'), { compiler: recording });
  for (const [kind, code] of recording.modules())
    fs.writeFileSync(precompiledModulePath('partner-api', kind, dir), code);
  fs.writeFileSync(manifestPath(dir), JSON.stringify({ hash }));
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
  let dir: string;
  beforeAll(() => {
    dir = scratch('validators-');
    buildInto(dir, specSourceHash());
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('validate exactly like the ones compiled at run time', () => {
    const precompiled = compileValidators(listOperations('partner-api'), {
      compiler: createPrecompiledCompiler('partner-api', countingFallback(), dir),
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

  test('are used without compiling anything when built from the same spec sources', () => {
    const fallback = countingFallback();
    compileValidators(listOperations('partner-api'), {
      compiler: createPrecompiledCompiler('partner-api', fallback, dir),
    });
    expect(fallback.calls).toBe(0);
  });

  test('are ignored when the spec sources changed since the build', () => {
    const stale = scratch('validators-stale-');
    for (const file of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, file), path.join(stale, file));
    fs.writeFileSync(manifestPath(stale), JSON.stringify({ hash: 'another spec' }));
    const fallback = countingFallback();
    compileValidators(listOperations('partner-api'), {
      compiler: createPrecompiledCompiler('partner-api', fallback, stale),
    });
    expect(fallback.calls).toBeGreaterThan(50);
    fs.rmSync(stale, { recursive: true, force: true });
  });
});
