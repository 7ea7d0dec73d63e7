/**
 * The real CLI as a separate process (from the build that `npm ci` / `npm run build` makes), for
 * tests of what a person or CI sees: the start-up banner, exit codes, logs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../spec';

export const BIN = path.join(PACKAGE_ROOT, 'bin', 'acountpay-mock.js');
export const BUILT = fs.existsSync(path.join(PACKAGE_ROOT, 'dist', 'mock-server', 'src', 'main.js'));

/** `describe` when the build exists, else `describe.skip` with a note saying why. */
export function describeWhenBuilt(file: string): jest.Describe {
  if (!BUILT) process.stdout.write(`${file} skipped: no build in dist/ (run \`npm run build\`)\n`);
  return BUILT ? describe : describe.skip;
}

export interface RunningCli {
  child: ChildProcess;
  /** The URL from the banner's `listening on` line (always loopback). */
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
}

/**
 * Starts `acountpay-mock <args>` and resolves once it prints where it listens; `viaNpm` starts it as
 * `npm start -- <args>` from the package's folder, so that `child` is npm, leading a process group
 * of its own (`process.kill(-child.pid)` then reaches whatever npm started).
 */
export function startCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  { viaNpm = false }: { viaNpm?: boolean } = {},
): Promise<RunningCli> {
  const [command, argv] = viaNpm ? ['npm', ['start', '--', ...args]] : [process.execPath, [BIN, ...args]];
  const child = spawn(command, argv, {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: viaNpm,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1]!, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Runs `acountpay-mock <args>` to its end. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return exitOf(child).then((code) => ({ code, out }));
}
