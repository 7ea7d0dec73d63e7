/**
 * The rule the suite lives by against a target that is not the mock: a documented fact that differs
 * fails; an inferred fact that differs is journalled as "inferred, differs" and never fails; an
 * inferred operation the target lacks is "not available". Checked here on canned answers.
 */
import type { Response } from 'supertest';
import { json, startCannedServer, type CannedAnswer, type CannedServer } from './canned-server';
import { createApi } from './client';
import { expectSpecResponse, guardContractTest, NotAvailable } from './provenance';
import { readJournal, type JournalEntry } from './report';
import { asNonMockTarget } from './self-test-env';

const sandbox = { isMock: false };
let server: CannedServer;
let next: CannedAnswer = json(200, {});

beforeAll(async () => {
  server = await startCannedServer(() => next);
});
afterAll(() => server.close());
asNonMockTarget(() => server.url);

const api = () => createApi({ baseUrl: server.url, clientId: 'id', clientSecret: 'secret' });
const differences = (): JournalEntry[] => readJournal().filter((e) => e.type === 'inferred-differs');

async function answered(answer: CannedAnswer, send: () => Promise<Response>): Promise<Response> {
  next = answer;
  return send();
}

const payment = {
  paymentId: 9,
  paymentUrl: 'https://sandbox.acountpay.com/pay/9',
  status: 'pending',
  amount: 149.5,
  currency: 'DKK',
  referenceNumber: 'ORDER-123',
};
const paymentRequest = {
  merchantClientId: 'c0ffee00-0000-4000-8000-000000000000',
  amount: 149.5,
  referenceNumber: 'ORDER-123',
};

describe('statuses', () => {
  test('accepts 200 where the spec guessed 201, and records the difference with its decision', async () => {
    const res = await answered(json(200, payment), () => api().post('/v1/partner/payments', paymentRequest));
    await expectSpecResponse(sandbox, res, 'createPayment', 201);
    expect(differences()).toEqual([
      expect.objectContaining({
        operationId: 'createPayment',
        differences: [expect.objectContaining({ where: 'status', expected: '201', observed: '200' })],
      }),
      expect.anything(),
    ]);
  });

  test('fails another status where the spec documents one (getProfile 200)', async () => {
    const res = await answered(json(202, {}), () => api().get('/v1/partner/profile'));
    await expect(expectSpecResponse(sandbox, res, 'getProfile', 200)).rejects.toThrow('Expected: 200');
  });

  test('fails a status of another class even where the exact status is a guess', async () => {
    const res = await answered(json(200, { message: 'ok' }), () =>
      api().delete('/v1/partner/merchants/1/stores/a1b2c3d4-e5f6-4890-abcd-1234567890ab'),
    );
    await expect(expectSpecResponse(sandbox, res, 'deactivateStore', 409)).rejects.toThrow(
      'the exact status is a guess, but not its class (4xx)',
    );
  });

  test('accepts 204 without a body where the spec guessed the body (updateStore)', async () => {
    const res = await answered({ status: 204 }, () =>
      api().put('/v1/partner/merchants/1/stores/a1b2c3d4-e5f6-4890-abcd-1234567890ab', { name: 'Renamed' }),
    );
    await expectSpecResponse(sandbox, res, 'updateStore', 200);
    expect(differences()).not.toEqual([]);
  });

  test('fails 204 without a body where the docs show the body (createPayment)', async () => {
    const res = await answered({ status: 204 }, () => api().post('/v1/partner/payments', paymentRequest));
    await expect(expectSpecResponse(sandbox, res, 'createPayment', 201)).rejects.toThrow(/createPayment/);
  });
});

describe('bodies', () => {
  test('accepts extra fields, nulls for optional ones and another error shape', async () => {
    const res = await answered(json(200, { ...payment, traceId: 'x' }), () =>
      api().post('/v1/partner/payments', paymentRequest),
    );
    expect(res).toMatchSpec();
    const problem = await answered(
      json(
        404,
        { type: 'about:blank', title: 'Not Found', status: 404 },
        { 'content-type': 'application/problem+json' },
      ),
      () => api().get('/v1/partner/payments/9/status'),
    );
    await expectSpecResponse(sandbox, problem, 'getPaymentStatus', 404);
  });

  test('fails a renamed documented field and names its JSON path', async () => {
    const { paymentUrl, ...rest } = payment;
    const res = await answered(json(200, { ...rest, payment_url: paymentUrl }), () =>
      api().post('/v1/partner/payments', paymentRequest),
    );
    expect(() => expect(res).toMatchSpec()).toThrow('/paymentUrl: is required but missing');
  });

  test('fails a documented field of another type', async () => {
    const res = await answered(json(200, { ...payment, amount: '149.50' }), () =>
      api().post('/v1/partner/payments', paymentRequest),
    );
    expect(() => expect(res).toMatchSpec()).toThrow('/amount: must be number');
  });
});

describe('negative tests', () => {
  test('only reports a 2xx for a body that breaks nothing but an inferred rule (an unknown field, D7)', async () => {
    const res = await answered(json(200, payment), () =>
      api().post('/v1/partner/payments', { ...paymentRequest, tip: 10 }),
    );
    await expectSpecResponse(sandbox, res, 'createPayment', 400);
    expect(differences()).toEqual([
      expect.objectContaining({ label: 'createPayment refuses a body that breaks only inferred rules with 400' }),
    ]);
  });

  test('fails a 2xx for a body that breaks a documented rule (referenceNumber is required)', async () => {
    const { referenceNumber: _omitted, ...body } = paymentRequest;
    const res = await answered(json(200, payment), () => api().post('/v1/partner/payments', body));
    await expect(expectSpecResponse(sandbox, res, 'createPayment', 400)).rejects.toThrow('not its class (4xx)');
  });
});

describe('operations the target lacks', () => {
  test('an inferred operation answering 404 ends its test as "not available"', async () => {
    const res = await answered(json(404, { message: 'Cannot GET /v1/partner/stats' }), () =>
      api().get('/v1/partner/stats'),
    );
    await expect(expectSpecResponse(sandbox, res, 'getStats', 200)).rejects.toBeInstanceOf(NotAvailable);
    const body = guardContractTest(() => expectSpecResponse(sandbox, res, 'getStats', 200));
    await expect(body()).resolves.toBeUndefined();
    expect(readJournal()).toContainEqual(
      expect.objectContaining({ type: 'not-available', operationId: 'getStats', status: 404 }),
    );
  });

  test('a documented operation answering 404 fails', async () => {
    const res = await answered(json(404, { message: 'Cannot GET' }), () => api().get('/v1/partner/profile'));
    const body = guardContractTest(() => expectSpecResponse(sandbox, res, 'getProfile', 200));
    await expect(body()).rejects.toThrow('Expected: 200');
  });
});
