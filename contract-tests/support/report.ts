/**
 * The run journal: every test file runs in its own Jest worker, so tests append one JSON line per
 * fact to `${CONTRACT_RUN_DIR}/journal.ndjson` (the directory is made by global-setup.ts before any
 * worker starts, and workers inherit the variable). jest-reporter.js reads it after the run and
 * writes contract-summary.json / .md.
 */
import fs from 'node:fs';
import path from 'node:path';

export const JOURNAL_FILE = 'journal.ndjson';
export const RUN_FILE = 'run.json';

interface TestRef {
  /** Jest's full test name, `<describe titles> <test title>`. */
  test?: string;
  /** Absolute path of the test file. */
  file?: string;
}

export interface CallEntry extends TestRef {
  type: 'call';
  method: string;
  path: string;
  status: number;
  operationId: string | null;
}

/** One inferred fact that a target answered otherwise. */
export interface Difference {
  /** A JSON path in the body (`/stores/0/isDefault`), `status`, `Content-Type` or `header X-…`. */
  where: string;
  expected: string;
  observed: string;
  /** The decision (D…/E…) behind the guess, when the spec names one. */
  decision?: string | undefined;
}

export interface InferredDiffersEntry extends TestRef {
  type: 'inferred-differs';
  operationId: string | null;
  label: string;
  message: string;
  differences?: Difference[];
}

/** An operation the spec infers answered 404, 405 or 501: this target does not offer it. */
export interface NotAvailableEntry extends TestRef {
  type: 'not-available';
  operationId: string;
  status: number;
}

export interface SkipEntry extends TestRef {
  type: 'skip';
  /** The test's own title (describe titles are not known while tests register). */
  title: string;
  reason: string;
}

export type JournalEntry = CallEntry | InferredDiffersEntry | NotAvailableEntry | SkipEntry;

/** Without CONTRACT_RUN_DIR (Jest started without the contract project's global setup) nothing is journalled. */
export function journalPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env.CONTRACT_RUN_DIR;
  return dir ? path.join(dir, JOURNAL_FILE) : null;
}

/** The running test, as Jest's expect state knows it (empty outside Jest or between tests). */
export function currentTest(): TestRef {
  if (typeof expect === 'undefined') return {};
  const state = expect.getState();
  return { test: state.currentTestName ?? undefined, file: state.testPath ?? undefined };
}

/** `GET /v1/partner/profile (getProfile) returns the profile` → `getProfile`. */
export function operationIdFromTitle(title: string | undefined): string | null {
  const match = /\(([a-z][A-Za-z0-9]*)\)/.exec(title ?? '');
  return match?.[1] ?? null;
}

/** One line per entry; a single appendFileSync per line keeps lines from concurrent workers whole. */
export function record(entry: JournalEntry): void {
  const file = journalPath();
  if (!file) return;
  fs.appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

export function readJournal(file: string | null = journalPath()): JournalEntry[] {
  if (!file || !fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JournalEntry);
}

/** Records inferred differences found by the matcher, attributed to the running test. */
export function recordDifferences(operationId: string, label: string, differences: Difference[]): void {
  const where = currentTest();
  record({
    type: 'inferred-differs',
    operationId: operationIdFromTitle(where.test) ?? operationId,
    label,
    message: differences.map((d) => `${d.where}: expected ${d.expected}, got ${d.observed}`).join('; '),
    differences,
    ...where,
  });
}
