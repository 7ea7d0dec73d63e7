import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertFact, documentedOnlySchema, inferredProperties, isInferred } from './provenance';
import { readJournal } from './report';

describe('isInferred', () => {
  test('is false for a documented operation', () => {
    expect(isInferred('getProfile')).toBe(false);
    expect(isInferred('getProfile', 200)).toBe(false);
  });

  test('is true for an operation marked inferred', () => {
    expect(isInferred('getStats')).toBe(true);
  });

  test('is true for a response marked inferred on a documented operation', () => {
    expect(isInferred('createPayment')).toBe(false);
    expect(isInferred('createPayment', 201)).toBe(true);
  });

  test('is true for an error response, whose D5 body is inferred', () => {
    expect(isInferred('getProfile', 401)).toBe(true);
  });

  test('throws for an unknown operationId', () => {
    expect(() => isInferred('getNothing')).toThrow('Unknown operationId getNothing');
  });
});

describe('inferredProperties', () => {
  test('lists the properties marked inferred', () => {
    expect(inferredProperties('PaymentEventData')).toEqual(expect.arrayContaining(['storeId', 'registerId', 'paidAt']));
    expect(inferredProperties('PaymentEventData')).not.toContain('paymentId');
    expect(inferredProperties('#/components/schemas/Profile')).toEqual([]);
  });
});

describe('documentedOnlySchema', () => {
  test('drops inferred properties from properties and required', () => {
    const loose = documentedOnlySchema('partner-api', { $ref: '#/components/schemas/PaymentEventData' }) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(loose.properties)).not.toContain('paidAt');
    expect(loose.required).toContain('merchantName');
  });

  test('drops the constraint keywords and enum members the spec marks inferred, and closedness', () => {
    const loose = documentedOnlySchema('partner-api', {
      type: 'object',
      additionalProperties: false,
      properties: {
        countryCode: { type: 'string', pattern: '^[A-Z]{2}$', 'x-inferred-constraints': { pattern: 'D17' } },
        status: { type: 'string', enum: ['pending', 'activated'], 'x-inferred-values': { activated: 'E24' } },
      },
    }) as { additionalProperties?: unknown; properties: Record<string, Record<string, unknown>> };
    expect(loose.additionalProperties).toBeUndefined();
    expect(loose.properties.countryCode).not.toHaveProperty('pattern');
    expect(loose.properties.countryCode).toHaveProperty('type', 'string');
    expect(loose.properties.status).not.toHaveProperty('enum');
  });

  test('keeps only the type of an inline node marked inferred (a wrapper around a documented schema)', () => {
    expect(
      documentedOnlySchema('partner-api', {
        'x-provenance': 'inferred',
        'x-decision': 'D16',
        allOf: [{ $ref: '#/components/schemas/Store' }],
      }),
    ).toEqual({});
  });

  test('keeps only the type of an inferred component', () => {
    expect(documentedOnlySchema('partner-api', { $ref: '#/components/schemas/Error' })).toEqual({ type: 'object' });
  });
});

describe('assertFact', () => {
  const saved = process.env.CONTRACT_RUN_DIR;
  let runDir: string;

  beforeEach(() => {
    runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acountpay-fact-'));
    process.env.CONTRACT_RUN_DIR = runDir;
  });

  afterEach(() => {
    process.env.CONTRACT_RUN_DIR = saved;
    fs.rmSync(runDir, { recursive: true, force: true });
  });

  const differs = () => expect(201).toBe(200);

  test('records an inferred fact that differs on a real target instead of failing', async () => {
    await assertFact({ isMock: false }, 'inferred', 'D19 create answers 201', differs);
    const entries = readJournal();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ type: 'inferred-differs', label: 'D19 create answers 201' });
    expect(entries[0]?.type === 'inferred-differs' && entries[0].message).toContain('Expected: 200');
  });

  test('fails an inferred fact that differs on the mock', async () => {
    await expect(assertFact({ isMock: true }, 'inferred', 'D19', differs)).rejects.toThrow('Expected: 200');
    expect(readJournal()).toEqual([]);
  });

  test('fails a documented fact that differs on any target', async () => {
    await expect(assertFact({ isMock: false }, 'documented', 'profile shape', differs)).rejects.toThrow(
      'Expected: 200',
    );
  });

  test('passes quietly when the fact holds', async () => {
    await assertFact({ isMock: false }, 'inferred', 'holds', () => expect(1).toBe(1));
    expect(readJournal()).toEqual([]);
  });
});
