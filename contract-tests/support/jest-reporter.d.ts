/** Types of jest-reporter.js and of the contract-summary.json it writes. */

export type Verdict = 'passed' | 'failed' | 'inferred, differs' | 'not available' | 'skipped' | 'not covered';

/** One inferred fact a target answered otherwise (see report.ts `Difference`). */
export interface DifferenceItem {
  operationId: string;
  /** A JSON path, `status`, `Content-Type`, `header …`, `rule` (a whole inferred rule) or `operation` (not available). */
  where: string;
  expected: string;
  observed: string;
  decision?: string;
  tests: string[];
}

export interface OperationSummary {
  operationId: string;
  tag: string;
  method: string;
  path: string;
  provenance: 'documented' | 'inferred' | '';
  verdict: Verdict;
  passed: number;
  failed: number;
  skipped: number;
  /** Every status the suite saw this operation answer. */
  statuses: number[];
  failures: { test: string; message: string }[];
  inferredDiffers: {
    test?: string;
    label: string;
    message: string;
    differences: Omit<DifferenceItem, 'operationId' | 'tests'>[];
  }[];
  /** Set when this inferred operation answered 404, 405 or 501: the target does not offer it. */
  notAvailable: { status: number } | null;
  skips: { test: string; reason: string }[];
}

export interface ContractSummary {
  generatedAt: string;
  startedAt: string;
  target: {
    kind: 'in-process' | 'http';
    baseUrl: string | null;
    controlUrl: string | null;
    isMock: boolean;
    destructiveAllowed: boolean;
  };
  totals: {
    operations: number;
    passed: number;
    failed: number;
    inferredDiffers: number;
    notAvailable: number;
    skipped: number;
    notCovered: number;
  };
  operations: OperationSummary[];
  /** Test files outside operations/ whose tests name no operation (multi-step flows). */
  flows: { file: string; passed: number; failed: number; skipped: number }[];
  /** Every inferred difference once, also written to inferred-differences.json. */
  differences: DifferenceItem[];
}

/** One line of advice for the spec; `operations` replaces the operation's name (several share a finding). */
export function suggestion(difference: DifferenceItem, operations?: string): string;

export function summarize(run: unknown, journal: unknown[], testResults: unknown[]): ContractSummary;

declare class ContractReporter {
  onRunComplete(contexts: unknown, results: { testResults: unknown[] }): void;
}

export default ContractReporter;
