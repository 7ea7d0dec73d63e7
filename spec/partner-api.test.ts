import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { OpenAPIV3_1 } from 'openapi-types';
import {
  assertExampleFits,
  collectExamples,
  containsValue,
  errorResponseProblems,
  missingStatuses,
  provenanceProblems,
} from './example-walker';
import { PACKAGE_ROOT, createSpecAjv, listOperations, loadSpec, resolveRef, specSchemaId } from './index';

const doc = loadSpec('partner-api');
const operations = listOperations('partner-api');
const examples = collectExamples('partner-api');
const ajv = createSpecAjv();

const EXPECTED_OPERATIONS = [
  'getProfile',
  'updateProfile',
  'listCredentials',
  'createCredential',
  'rotateCredential',
  'revokeCredential',
  'createMerchant',
  'listMerchants',
  'fastTrackMerchant',
  'createTestMerchant',
  'getMerchant',
  'resendOnboarding',
  'createStore',
  'listStores',
  'getStore',
  'updateStore',
  'deactivateStore',
  'createPayment',
  'listPayments',
  'getPaymentStatus',
  'getPaymentQr',
  'listWebhooks',
  'createWebhook',
  'updateWebhook',
  'deleteWebhook',
  'testWebhook',
  'getStats',
];
const EXPECTED_WEBHOOKS = ['payment.completed', 'payment.failed', 'merchant.activated', 'merchant.deactivated'];

/** Values that the two seed documents (Partner API overview, Stores guide) print in their examples. */
const SEED_VALUES: (string | number)[] = [
  149.5,
  'ORDER-123',
  'Downtown Branch',
  'Nørregade 12',
  'Restaurant XYZ',
  'owner@restaurant-xyz.dk',
];

describe('partner-api.yaml examples', () => {
  test.each(examples.map((example) => [example.label, example] as const))('%s fits its schema', (_label, example) => {
    assertExampleFits(ajv, example);
  });

  test('names every example uniquely', () => {
    const labels = examples.map((example) => example.label);
    expect(labels.filter((label, i) => labels.indexOf(label) !== i)).toEqual([]);
  });

  test('covers request bodies, responses, parameters and webhooks', () => {
    const labels = examples.map((example) => example.label).join('\n');
    expect(labels).toContain('createStore request example "documented"');
    expect(labels).toContain('createStore 201 response example "documented"');
    expect(labels).toContain('webhook payment.completed request example "documented"');
    expect(labels).toContain('components/responses/BadRequest example "invalidField"');
  });

  test.each(SEED_VALUES)('the seed value %p appears in an example', (value) => {
    expect(examples.some((example) => containsValue(example.value, value))).toBe(true);
  });
});

describe('partner-api.yaml schemas', () => {
  test.each(Object.keys(doc.components?.schemas ?? {}))('components/schemas/%s compiles in strict mode', (name) => {
    expect(() => ajv.compile({ $ref: `${specSchemaId('partner-api')}#/components/schemas/${name}` })).not.toThrow();
  });
});

describe('partner-api.yaml operations', () => {
  const rows = operations.map((op) => [op.operationId, op] as const);

  test('are exactly the documented and inferred set', () => {
    expect(operations.map((op) => op.operationId).sort()).toEqual([...EXPECTED_OPERATIONS].sort());
  });

  test('include the four webhook events', () => {
    expect(Object.keys(doc.webhooks ?? {}).sort()).toEqual([...EXPECTED_WEBHOOKS].sort());
  });

  test('are all guarded by both partner security schemes', () => {
    expect(doc.security).toEqual([{ partnerClientId: [], partnerClientSecret: [] }]);
    expect(Object.keys(doc.components?.securitySchemes ?? {}).sort()).toEqual([
      'partnerClientId',
      'partnerClientSecret',
    ]);
  });

  test.each(rows)('%s has a camelCase operationId and declared tags', (operationId, op) => {
    const declared = (doc.tags ?? []).map((tag) => tag.name);
    expect(operationId).toMatch(/^[a-z]+[A-Za-z0-9]*$/);
    expect(op.operation.tags?.length ?? 0).toBeGreaterThan(0);
    expect((op.operation.tags ?? []).filter((tag) => !declared.includes(tag))).toEqual([]);
  });

  test.each(rows)('%s marks its provenance', (_operationId, op) => {
    expect(provenanceProblems(op.operation)).toEqual([]);
  });

  test.each(rows)('%s keeps the global security', (_operationId, op) => {
    expect(op.operation.security).toBeUndefined();
  });

  test.each(rows)('%s lists 401, 429 and default', (_operationId, op) => {
    expect(missingStatuses(op, ['401', '429', 'default'])).toEqual([]);
  });

  test.each(rows)('%s lists the errors of its path parameters and body, each with the Error schema', (_id, op) => {
    expect(errorResponseProblems(op)).toEqual([]);
  });
});

describe('partner-api.yaml webhooks', () => {
  const rows = Object.entries(doc.webhooks ?? {}).map(
    ([event, item]) => [event, resolveRef<OpenAPIV3_1.PathItemObject>('partner-api', item).post] as const,
  );

  test.each(rows)('%s marks its provenance and describes its request body', (_event, op) => {
    expect(op).toBeDefined();
    expect(provenanceProblems(op ?? {})).toEqual([]);
    expect(op?.requestBody).toBeDefined();
  });
});

describe('spec/README.md', () => {
  test('lists every inferred item as scripts/provenance-table.js prints it', () => {
    const printed = execFileSync(process.execPath, [path.join(PACKAGE_ROOT, 'scripts', 'provenance-table.js')], {
      encoding: 'utf8',
    });
    const readme = fs.readFileSync(path.join(PACKAGE_ROOT, 'spec', 'README.md'), 'utf8');
    const block = /<!-- provenance-table:start -->\n([\s\S]*?)<!-- provenance-table:end -->/.exec(readme)?.[1];
    expect(block?.trim()).toBe(printed.trim());
  });
});
