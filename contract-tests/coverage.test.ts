/**
 * A static check that does not depend on run order: every Partner API operation has its own test
 * file at contract-tests/operations/<tag>/<operationId>.test.ts, whose describe title names the
 * operation (that is how the contract report attributes results). One test per operation, so the
 * output lists exactly which ones are missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../spec/index';
import { partnerOperations, strayTestFiles, testFileFor } from './support/coverage';

const operations = partnerOperations();

describe('contract test coverage of partner-api.yaml', () => {
  test.each(operations)('$operationId ($method $path) has its own test file', (op) => {
    const file = testFileFor(op);
    const absolute = path.join(PACKAGE_ROOT, file);
    if (!fs.existsSync(absolute))
      throw new Error(`Missing contract test for ${op.operationId} (${op.method} ${op.path}): create ${file}`);
    const title = `(${op.operationId})`;
    if (!fs.readFileSync(absolute, 'utf8').includes(title)) {
      throw new Error(
        `${file} never names ${title} in a describe title, e.g. describe('${op.method} ${op.path} ${title}', …)`,
      );
    }
  });

  test('no test file under operations/ names an operation the spec does not have', () => {
    expect(strayTestFiles(operations)).toEqual([]);
  });
});
