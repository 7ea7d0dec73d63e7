import path from 'node:path';
import { suggestion, summarize } from './jest-reporter';

const root = path.resolve(__dirname, '..', '..');
const opsDir = path.join(root, 'contract-tests', 'operations');
const storesFile = path.join(opsDir, 'stores', 'getStore.test.ts');
const flowFile = path.join(root, 'contract-tests', 'flows', 'checkout.test.ts');

const run = {
  startedAt: '2026-03-19T10:00:00.000Z',
  rootDir: root,
  reportDir: path.join(root, 'reports', 'contract'),
  target: { kind: 'in-process' },
  operations: [
    {
      operationId: 'getStore',
      tag: 'stores',
      method: 'GET',
      path: '/v1/partner/merchants/{merchantId}/stores/{storeId}',
      provenance: 'documented',
    },
    {
      operationId: 'listStores',
      tag: 'stores',
      method: 'GET',
      path: '/v1/partner/merchants/{merchantId}/stores',
      provenance: 'documented',
    },
    { operationId: 'getStats', tag: 'stats', method: 'GET', path: '/v1/partner/stats', provenance: 'inferred' },
  ],
};

const assertion = (title: string, status: string, failureMessages: string[] = []) => ({
  ancestorTitles: ['GET /v1/partner/merchants/{merchantId}/stores/{storeId} (getStore)'],
  title,
  fullName: `GET /v1/partner/merchants/{merchantId}/stores/{storeId} (getStore) ${title}`,
  status,
  failureMessages,
});

const testResults = [
  {
    testFilePath: storesFile,
    testResults: [
      assertion('answers the store', 'passed'),
      assertion('answers 404 for another partner', 'failed', [
        '\u001b[31mError: expected 404\u001b[39m\n    at Object.<anonymous> (x.ts:1:1)',
      ]),
      assertion('moves the clock', 'pending'),
    ],
  },
  {
    testFilePath: flowFile,
    testResults: [
      { ancestorTitles: ['checkout'], title: 'pays', fullName: 'checkout pays', status: 'passed', failureMessages: [] },
    ],
  },
  {
    testFilePath: path.join(root, 'contract-tests', 'support', 'x.test.ts'),
    testResults: [assertion('ignored', 'failed')],
  },
];

const journal = [
  {
    type: 'call',
    method: 'GET',
    path: '/v1/partner/merchants/1/stores/a',
    status: 200,
    operationId: 'getStore',
    file: storesFile,
  },
  {
    type: 'call',
    method: 'GET',
    path: '/v1/partner/merchants/1/stores/b',
    status: 404,
    operationId: 'getStore',
    file: storesFile,
  },
  { type: 'call', method: 'GET', path: '/v1/partner/stats', status: 200, operationId: 'getStats', file: flowFile },
  {
    type: 'inferred-differs',
    operationId: 'getStats',
    label: 'D32 counts',
    message: 'Expected: 1\nReceived: 2',
    file: flowFile,
  },
  { type: 'skip', title: 'moves the clock', reason: 'the target has no QA control API', file: storesFile },
];

describe('summarize', () => {
  const summary = summarize(run, journal, testResults);
  const row = (id: string) => summary.operations.find((r) => r.operationId === id);

  test('counts tests per operation from describe titles and keeps the statuses seen', () => {
    expect(row('getStore')).toMatchObject({
      verdict: 'failed',
      passed: 1,
      failed: 1,
      skipped: 1,
      statuses: [200, 404],
    });
  });

  test('strips colours and stack from failure messages', () => {
    expect(row('getStore')?.failures).toEqual([expect.objectContaining({ message: 'Error: expected 404' })]);
  });

  test('gives a skipped test the reason it was journalled with', () => {
    expect(row('getStore')?.skips).toEqual([expect.objectContaining({ reason: 'the target has no QA control API' })]);
  });

  test('reports an inferred difference as its own verdict', () => {
    expect(row('getStats')).toMatchObject({
      verdict: 'inferred, differs',
      inferredDiffers: [{ label: 'D32 counts', message: 'Expected: 1 Received: 2' }],
    });
  });

  test('marks an operation nothing exercised as not covered and counts flows apart', () => {
    expect(row('listStores')?.verdict).toBe('not covered');
    expect(summary.flows).toEqual([
      { file: path.join('contract-tests', 'flows', 'checkout.test.ts'), passed: 1, failed: 0, skipped: 0 },
    ]);
    expect(summary.totals).toEqual({
      operations: 3,
      passed: 0,
      failed: 1,
      inferredDiffers: 1,
      notAvailable: 0,
      skipped: 0,
      notCovered: 1,
    });
  });
});

describe('summarize, against a target that is not the mock', () => {
  const statsCall = (status: number) => ({
    ancestorTitles: ['GET /v1/partner/stats (getStats)'],
    title: `answers ${status}`,
    fullName: `GET /v1/partner/stats (getStats) answers ${status}`,
    status: 'passed',
    failureMessages: [],
  });
  const statsFile = path.join(opsDir, 'stats', 'getStats.test.ts');
  const summary = summarize(
    run,
    [
      { type: 'not-available', operationId: 'getStats', status: 404, file: statsFile },
      {
        type: 'inferred-differs',
        operationId: 'getStore',
        label: 'getStore answers as the spec says',
        message: '/status: …',
        differences: [{ where: 'status', expected: '201', observed: '200', decision: 'D6' }],
        test: 'a',
        file: storesFile,
      },
      {
        type: 'inferred-differs',
        operationId: 'getStore',
        label: 'getStore answers as the spec says',
        message: '/status: …',
        differences: [{ where: 'status', expected: '201', observed: '200', decision: 'D6' }],
        test: 'b',
        file: storesFile,
      },
    ],
    [
      { testFilePath: statsFile, testResults: [statsCall(200)] },
      { testFilePath: storesFile, testResults: [assertion('answers the store', 'passed')] },
    ],
  );

  test('gives an inferred operation that answered 404 the verdict "not available", not a failure', () => {
    expect(summary.operations.find((r) => r.operationId === 'getStats')).toMatchObject({
      verdict: 'not available',
      failed: 0,
      notAvailable: { status: 404 },
    });
    expect(summary.totals.notAvailable).toBe(1);
  });

  test('lists every inferred difference once, with the tests that saw it', () => {
    expect(summary.differences).toEqual([
      { operationId: 'getStore', where: 'status', expected: '201', observed: '200', decision: 'D6', tests: ['a', 'b'] },
      expect.objectContaining({ operationId: 'getStats', where: 'operation', observed: 'answers 404' }),
    ]);
  });

  test('lists what a webhook delivery differed in under its webhook', () => {
    const withDelivery = summarize(
      run,
      [
        {
          type: 'inferred-differs',
          operationId: 'onPaymentCompleted',
          label: 'the payment.completed delivery is as the spec says',
          message: '…',
          differences: [
            { where: 'header X-Webhook-Signature', expected: 'lowercase hex', observed: 'base64', decision: 'D28' },
          ],
          test: 'checkout pays',
          file: flowFile,
        },
      ],
      [],
    );
    expect(withDelivery.differences).toEqual([
      expect.objectContaining({
        operationId: 'onPaymentCompleted',
        where: 'header X-Webhook-Signature',
        observed: 'base64',
      }),
    ]);
  });

  test('suggests a spec update for each difference', () => {
    expect(suggestion(summary.differences[0]!)).toBe(
      '`getStore`: answers 200 where the spec guessed 201 (D6); document 200.',
    );
    expect(suggestion(summary.differences[1]!)).toMatch(/^`getStats`: not offered by this target \(answers 404\)/);
  });
});
