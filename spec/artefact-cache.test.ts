import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { artefactKey, libraryVersions, openArtefactCache, type ArtefactCache } from './artefact-cache';
import { artefacts, specAjvSettings, specDocumentKey, specPath, specSources } from './index';

const inputs = { sources: ['openapi: 3.1.0'], options: { ajv: { allErrors: true } } };

describe('the artefact key (E153)', () => {
  test('is the same for the same sources, options and library versions', () => {
    expect(artefactKey(inputs)).toBe(artefactKey({ ...inputs, sources: [Buffer.from('openapi: 3.1.0')] }));
    expect(artefactKey(inputs)).toBe(artefactKey({ ...inputs, libraries: libraryVersions() }));
  });

  test('differs when a source, an option or a library version differs', () => {
    const key = artefactKey(inputs);
    expect(artefactKey({ ...inputs, sources: ['openapi: 3.1.1'] })).not.toBe(key);
    expect(artefactKey({ ...inputs, sources: ['openapi: ', '3.1.0'] })).not.toBe(key);
    expect(artefactKey({ ...inputs, options: { ajv: { allErrors: false } } })).not.toBe(key);
    for (const name of ['ajv', 'ajv-formats', 'yaml'])
      expect(artefactKey({ ...inputs, libraries: { ...libraryVersions(), [name]: '0.0.0' } })).not.toBe(key);
  });

  test('covers the installed ajv, ajv-formats and yaml', () => {
    expect(Object.keys(libraryVersions()).sort()).toEqual(['ajv', 'ajv-formats', 'yaml']);
    expect(libraryVersions().ajv).toMatch(/^\d+\.\d+\.\d+/);
  });

  test("a spec validator's key follows the specs' texts and the ajv settings", () => {
    const key = (coerceTypes: boolean) =>
      artefactKey({ sources: specSources(), options: specAjvSettings({ coerceTypes }) });
    expect(key(true)).not.toBe(key(false));
    expect(specSources()).toHaveLength(2);
    expect(specDocumentKey(fs.readFileSync(specPath('partner-api')))).not.toBe(
      specDocumentKey(fs.readFileSync(specPath('control-api'))),
    );
  });
});

describe('the artefact cache', () => {
  let cache: ArtefactCache;
  beforeEach(() => {
    cache = openArtefactCache(fs.mkdtempSync(path.join(os.tmpdir(), 'artefacts-')));
  });
  afterEach(() => cache.clear());

  test('gives an artefact back only under the key it was made under', () => {
    cache.write('doc.json', 'key-1', JSON.stringify({ openapi: '3.1.0' }));
    expect(cache.json('doc.json', 'key-1')).toEqual({ openapi: '3.1.0' });
    expect(cache.json('doc.json', 'key-2')).toBeUndefined();
    expect(cache.find('other.json', 'key-1')).toBeUndefined();
  });

  test('keeps the keys in a file, so another process finds what the build wrote', () => {
    cache.write('validators.js', 'key-1', 'module.exports = { answer: 42 };');
    const again = openArtefactCache(cache.dir);
    expect(again.module<{ answer: number }>('validators.js', 'key-1')).toEqual({ answer: 42 });
    expect(again.module('validators.js', 'key-of-an-older-ajv')).toBeUndefined();
  });

  test('a stale artefact is not used once rewritten under a new key, and nothing is found after clear', () => {
    cache.write('doc.json', 'old', '{"v":1}');
    cache.write('doc.json', 'new', '{"v":2}');
    expect(cache.json('doc.json', 'old')).toBeUndefined();
    expect(cache.json('doc.json', 'new')).toEqual({ v: 2 });
    cache.clear();
    expect(cache.find('doc.json', 'new')).toBeUndefined();
  });

  test("the project's cache lives in dist/spec-cache", () => {
    expect(path.relative(specPath('partner-api'), artefacts.dir)).toBe(path.join('..', '..', 'dist', 'spec-cache'));
  });
});
