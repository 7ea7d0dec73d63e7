/**
 * The one cache of build artefacts (E153): what `npm run build` prepares so that the mock starts
 * without parsing YAML or compiling schemas (the specs as JSON, the precompiled request and response
 * validators, the scenario format's validator). Each artefact is kept with the key it was made under,
 * a digest of everything that decides what it holds: the source texts, the compiler's options and
 * the versions of the libraries that made it (ajv, ajv-formats, yaml). An artefact is used only when
 * its key is the one computed now, so an edited spec, other ajv options or another ajv (under Jest
 * too) compile afresh instead of running stale code.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The libraries whose output the artefacts are: the YAML parser, and the schema compiler with its formats. */
const LIBRARIES = ['ajv', 'ajv-formats', 'yaml'] as const;

let installed: Record<string, string> | undefined;

/** The installed version of each library an artefact depends on, from its package.json. */
export function libraryVersions(): Record<string, string> {
  installed ??= Object.fromEntries(
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    LIBRARIES.map((name) => [name, (require(`${name}/package.json`) as { version: string }).version]),
  );
  return installed;
}

export interface ArtefactInputs {
  /** The texts it is made from, in order. */
  sources: readonly (string | Buffer)[];
  /** Everything else that changes what is made: the compiler's options, the keywords it knows. */
  options: unknown;
  /** The libraries' versions; the installed ones unless given. */
  libraries?: Readonly<Record<string, string>>;
}

/** The key of an artefact: one digest of its sources, options and library versions. */
export function artefactKey({ sources, options, libraries = libraryVersions() }: ArtefactInputs): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ options, libraries }));
  for (const source of sources) {
    // Each source's length first, so that moving text from one source to the next changes the key.
    hash.update(`\0${Buffer.byteLength(source)}\0`);
    hash.update(source);
  }
  return hash.digest('hex');
}

export interface ArtefactCache {
  readonly dir: string;
  /** The artefact's file when it was made under this key; undefined when missing or made from anything else. */
  find(name: string, key: string): string | undefined;
  /** The artefact as parsed JSON, when made under this key. */
  json<T>(name: string, key: string): T | undefined;
  /** The artefact as a loaded CommonJS module, when made under this key. */
  module<T>(name: string, key: string): T | undefined;
  /** Writes an artefact and records the key it was made under. */
  write(name: string, key: string, content: string): void;
  /** Removes every artefact. */
  clear(): void;
}

/** The keys of the artefacts, by file name, in one file beside them. */
const MANIFEST = 'artefacts.json';

export function openArtefactCache(dir: string): ArtefactCache {
  const manifest = path.join(dir, MANIFEST);
  let keys: Record<string, string> | undefined;
  const read = () =>
    (keys ??= fs.existsSync(manifest) ? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<string, string>) : {});

  const cache: ArtefactCache = {
    dir,
    find(name, key) {
      const file = path.join(dir, name);
      return read()[name] === key && fs.existsSync(file) ? file : undefined;
    },
    json<T>(name: string, key: string) {
      const file = cache.find(name, key);
      return file === undefined ? undefined : (JSON.parse(fs.readFileSync(file, 'utf8')) as T);
    },
    module<T>(name: string, key: string) {
      const file = cache.find(name, key);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return file === undefined ? undefined : (require(file) as T);
    },
    write(name, key, content) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
      keys = { ...read(), [name]: key };
      fs.writeFileSync(manifest, `${JSON.stringify(keys, null, 2)}\n`);
    },
    clear() {
      fs.rmSync(dir, { recursive: true, force: true });
      keys = {};
    },
  };
  return cache;
}
