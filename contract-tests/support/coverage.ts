/**
 * Which Partner API operations the suite covers: statically (one test file per operation at
 * `contract-tests/operations/<tag>/<operationId>.test.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { listOperations, PACKAGE_ROOT } from '../../spec/index';

export interface CoveredOperation {
  operationId: string;
  tag: string;
  method: string;
  path: string;
  provenance: 'documented' | 'inferred';
}

export const OPERATIONS_DIR = path.join(PACKAGE_ROOT, 'contract-tests', 'operations');

export function partnerOperations(): CoveredOperation[] {
  return listOperations('partner-api').map((op) => ({
    operationId: op.operationId,
    tag: op.operation.tags?.[0] ?? 'untagged',
    method: op.method.toUpperCase(),
    path: op.path,
    provenance:
      (op.operation as { 'x-provenance'?: string })['x-provenance'] === 'inferred' ? 'inferred' : 'documented',
  }));
}

/** `contract-tests/operations/stores/getStore.test.ts`, relative to the package root. */
export function testFileFor(op: Pick<CoveredOperation, 'tag' | 'operationId'>): string {
  return path.join('contract-tests', 'operations', op.tag, `${op.operationId}.test.ts`);
}

/**
 * Test files in a tag folder of operations/ that name no operation of the spec (a renamed or
 * removed operationId). Files directly in operations/ test every operation at once (authentication).
 */
export function strayTestFiles(operations: CoveredOperation[] = partnerOperations()): string[] {
  if (!fs.existsSync(OPERATIONS_DIR)) return [];
  const expected = new Set(operations.map((op) => testFileFor(op)));
  return fs
    .readdirSync(OPERATIONS_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts') && file.includes(path.sep))
    .map((file) => path.join('contract-tests', 'operations', file))
    .filter((file) => !expected.has(file));
}
