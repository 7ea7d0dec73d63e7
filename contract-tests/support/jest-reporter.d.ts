/** Types of jest-reporter.js and of the contract-summary.json it writes. */

export type Verdict = 'passed' | 'failed' | 'inferred, differs' | 'skipped' | 'not covered';

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
  inferredDiffers: { test?: string; label: string; message: string }[];
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
    skipped: number;
    notCovered: number;
  };
  operations: OperationSummary[];
  /** Test files outside operations/ whose tests name no operation (multi-step flows). */
  flows: { file: string; passed: number; failed: number; skipped: number }[];
}

export function summarize(run: unknown, journal: unknown[], testResults: unknown[]): ContractSummary;

declare class ContractReporter {
  onRunComplete(contexts: unknown, results: { testResults: unknown[] }): void;
}

export default ContractReporter;
