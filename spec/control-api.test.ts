import {
  assertExampleFits,
  collectExamples,
  errorResponseProblems,
  missingStatuses,
  provenanceProblems,
} from './example-walker';
import { createSpecAjv, listOperations, loadSpec, specSchemaId } from './index';

const doc = loadSpec('control-api');
const operations = listOperations('control-api');
const examples = collectExamples('control-api');
const ajv = createSpecAjv();

const EXPECTED_OPERATIONS = [
  'getHealth',
  'completePayment',
  'failPayment',
  'expirePayment',
  'activateMerchant',
  'deactivateMerchant',
  'getClock',
  'advanceClock',
  'resetState',
  'exportState',
  'importState',
  'createPartner',
  'listDeliveries',
  'getDelivery',
  'redeliverDelivery',
  'flushDeliveries',
  'listRequests',
  'clearRequests',
  'createFault',
  'listFaults',
  'clearFaults',
  'deleteFault',
  'getRequest',
  'streamEvents',
  'getReceiver',
  'updateReceiver',
  'getPayment',
  'listRules',
  'addRule',
  'replaceRules',
  'getRule',
  'replaceRule',
  'deleteRule',
];

const rows = operations.map((op) => [op.operationId, op] as const);
const guarded = rows.filter(([operationId]) => operationId !== 'getHealth');

describe('control-api.yaml examples', () => {
  test.each(examples.map((example) => [example.label, example] as const))('%s fits its schema', (_label, example) => {
    assertExampleFits(ajv, example);
  });

  test('names every example uniquely', () => {
    const labels = examples.map((example) => example.label);
    expect(labels.filter((label, i) => labels.indexOf(label) !== i)).toEqual([]);
  });

  test('gives every operation a success example', () => {
    const withExample = new Set(examples.map((example) => example.label.split(' ')[0]));
    expect(operations.map((op) => op.operationId).filter((id) => !withExample.has(id))).toEqual([]);
  });
});

describe('control-api.yaml schemas', () => {
  test.each(Object.keys(doc.components?.schemas ?? {}))('components/schemas/%s compiles in strict mode', (name) => {
    expect(() => ajv.compile({ $ref: `${specSchemaId('control-api')}#/components/schemas/${name}` })).not.toThrow();
  });

  test('names exactly the Partner API operations as fault targets', () => {
    const targets: unknown[] = doc.components?.schemas?.PartnerOperationId?.enum ?? [];
    const partnerOperations = listOperations('partner-api').map((op) => op.operationId);
    expect(targets.map(String).sort()).toEqual([...partnerOperations].sort());
  });

  test('refuses a fault with no effect and a retryAfter with a status other than 429', () => {
    const validate = ajv.compile({ $ref: `${specSchemaId('control-api')}#/components/schemas/FaultRequest` });
    expect(validate({ operationId: 'createPayment', times: 1 })).toBe(false);
    expect(validate({ retryAfter: 5, status: 503 })).toBe(false);
    expect(validate({ retryAfter: 5, status: 429 })).toBe(true);
  });

  test('accepts either seconds or a duration to advance the clock, not both', () => {
    const validate = ajv.compile({ $ref: `${specSchemaId('control-api')}#/components/schemas/ClockAdvanceRequest` });
    expect(validate({ seconds: 0.5 })).toBe(true);
    expect(validate({ duration: '2h' })).toBe(true);
    expect(validate({ seconds: 0 })).toBe(false);
    expect(validate({ duration: '2 hours' })).toBe(false);
    expect(validate({ seconds: 10, duration: '10s' })).toBe(false);
  });
});

describe('control-api.yaml operations', () => {
  test('are exactly the control set, all under /__control', () => {
    expect(operations.map((op) => op.operationId).sort()).toEqual([...EXPECTED_OPERATIONS].sort());
    expect(operations.filter((op) => !op.path.startsWith('/__control/')).map((op) => op.path)).toEqual([]);
  });

  test('make the bearer control token optional, and health open', () => {
    expect(doc.security).toEqual([{}, { controlToken: [] }]);
    expect(doc.components?.securitySchemes?.controlToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(operations.find((op) => op.operationId === 'getHealth')?.operation.security).toEqual([]);
  });

  test.each(rows)('%s has a camelCase operationId and one declared tag', (operationId, op) => {
    const declared = (doc.tags ?? []).map((tag) => tag.name);
    expect(operationId).toMatch(/^[a-z]+[A-Za-z0-9]*$/);
    expect(op.operation.tags).toHaveLength(1);
    expect(declared).toContain(op.operation.tags?.[0]);
  });

  test.each(rows)('%s is marked inferred with a decision and a reason', (_operationId, op) => {
    expect((op.operation as Record<string, unknown>)['x-provenance']).toBe('inferred');
    expect(provenanceProblems(op.operation)).toEqual([]);
  });

  test.each(guarded)('%s keeps the global security and lists 401 and default', (_operationId, op) => {
    expect(op.operation.security).toBeUndefined();
    expect(missingStatuses(op, ['401', 'default'])).toEqual([]);
  });

  test.each(rows)('%s lists the errors of its path parameters and body, each with the Error schema', (_id, op) => {
    expect(errorResponseProblems(op)).toEqual([]);
  });
});
