import request from 'supertest';
import { json, startCannedServer, type CannedAnswer, type CannedServer } from './canned-server';
import { checkResponse } from './spec-matcher';

const profile = {
  id: 1,
  name: 'Acme POS',
  companyName: 'Acme POS ApS',
  contactEmail: 'partner@acmepos.dk',
  contactPhone: '+4512345678',
  website: null,
  registrationNumber: null,
  status: 'active',
  createdAt: '2026-03-18T10:00:00.000Z',
  updatedAt: '2026-03-18T10:00:00.000Z',
};

const store = {
  storeId: 'a1b2c3d4-e5f6-4890-abcd-1234567890ab',
  locationId: 'LOC-20260319-A1B2',
  name: 'Downtown Branch',
  isActive: true,
  isDefault: false,
  createdAt: '2026-03-19T10:00:00.000Z',
  updatedAt: '2026-03-19T10:00:00.000Z',
};

const d5Error = (statusCode: number, error: string) => ({
  statusCode,
  error,
  message: `${error} (canned)`,
  code: 'canned',
});

let next: CannedAnswer = json(200, {});
let server: CannedServer;
let api: ReturnType<typeof request>;

beforeAll(async () => {
  server = await startCannedServer(() => next);
  api = request(server.url);
});

afterAll(() => server.close());

async function answer(canned: CannedAnswer, method: 'get' | 'post' | 'put' | 'delete', path: string) {
  next = canned;
  return api[method](path);
}

describe('toMatchSpec', () => {
  test('passes a correct getProfile body', async () => {
    const res = await answer(json(200, profile), 'get', '/v1/partner/profile');
    expect(res).toMatchSpec();
  });

  test('fails a renamed field, naming getProfile and the JSON path', async () => {
    const { companyName, ...rest } = profile;
    const res = await answer(json(200, { ...rest, companyNam: companyName }), 'get', '/v1/partner/profile');
    expect(() => expect(res).toMatchSpec()).toThrow(
      /GET \/v1\/partner\/profile → 200 to match getProfile \(partner-api\)/,
    );
    expect(() => expect(res).toMatchSpec()).toThrow('/companyName: is required but missing');
  });

  test('names the JSON path of a wrong type inside an array', async () => {
    const res = await answer(
      json(200, { stores: [{ ...store, isDefault: 'yes' }], total: 1 }),
      'get',
      '/v1/partner/merchants/42/stores',
    );
    expect(() => expect(res).toMatchSpec()).toThrow('/stores/0/isDefault: must be boolean');
  });

  test('fails an undocumented status, naming the operation', async () => {
    const res = await answer(json(418, d5Error(418, "I'm a Teapot")), 'get', '/v1/partner/profile');
    expect(() => expect(res).toMatchSpec()).toThrow('getProfile answered undocumented status 418');
  });

  test('accepts an undocumented status through default when told to', async () => {
    const res = await answer(json(418, d5Error(418, "I'm a Teapot")), 'get', '/v1/partner/profile');
    expect(res).toMatchSpec({ allowDefault: true });
  });

  test('lets default cover a server error in the D5 shape', async () => {
    const res = await answer(json(503, d5Error(503, 'Service Unavailable')), 'get', '/v1/partner/profile');
    expect(res).toMatchSpec();
  });

  test('passes an error body in the D5 shape', async () => {
    const res = await answer(json(401, d5Error(401, 'Unauthorized')), 'get', '/v1/partner/profile');
    expect(res).toMatchSpec();
  });

  test('fails an error body that is not in the D5 shape', async () => {
    const res = await answer(json(404, { error: 'not here' }), 'get', '/v1/partner/merchants/42/stores/abc');
    expect(() => expect(res).toMatchSpec()).toThrow(/getStore[\s\S]*\/statusCode: is required but missing/);
  });

  test('ignores the query string when matching the path', async () => {
    const body = { payments: [], total: 0, page: 2, limit: 20 };
    const res = await answer(json(200, body), 'get', '/v1/partner/payments?page=2&status=paid&merchantClientId=a%2Fb');
    expect(checkResponse(res).operation?.operationId).toBe('listPayments');
    expect(res).toMatchSpec();
  });

  test('resolves a route with path parameters to getStore', async () => {
    const res = await answer(json(200, store), 'get', '/v1/partner/merchants/42/stores/abc');
    expect(checkResponse(res).operation?.operationId).toBe('getStore');
    expect(res).toMatchSpec();
  });

  test('resolves a control API path through control-api.yaml', async () => {
    const res = await answer(json(200, { ok: true, version: '0.1.0', partners: 1 }), 'get', '/__control/health');
    expect(checkResponse(res).operation).toMatchObject({ spec: 'control-api', operationId: 'getHealth' });
    expect(res).toMatchSpec();
  });

  test('prefers a literal path segment over a path parameter', async () => {
    const res = await answer(json(400, d5Error(400, 'Bad Request')), 'post', '/v1/partner/merchants/fast-track');
    expect(checkResponse(res).operation?.operationId).toBe('fastTrackMerchant');
  });

  test('fails an undocumented Content-Type', async () => {
    const res = await answer(
      { status: 200, body: 'hello', headers: { 'content-type': 'text/plain' } },
      'get',
      '/v1/partner/profile',
    );
    expect(() => expect(res).toMatchSpec()).toThrow(
      'Content-Type text/plain is not documented for 200 (documented: application/json)',
    );
  });

  test('accepts a non-JSON media type the spec documents', async () => {
    const res = await answer(
      { status: 200, body: '<svg xmlns="http://www.w3.org/2000/svg"/>', headers: { 'content-type': 'image/svg+xml' } },
      'get',
      '/v1/partner/payments/7/qr',
    );
    expect(res).toMatchSpec();
  });

  test('checks the schema of a documented response header', async () => {
    const res = await answer(
      json(429, d5Error(429, 'Too Many Requests'), { 'retry-after': 'soon' }),
      'get',
      '/v1/partner/profile',
    );
    expect(() => expect(res).toMatchSpec()).toThrow('header Retry-After: must be integer');
  });

  test('fails a request that no operation of the specs documents', async () => {
    const res = await answer(json(404, d5Error(404, 'Not Found')), 'get', '/v1/partner/nothing-here');
    expect(() => expect(res).toMatchSpec()).toThrow(
      'no operation for GET /v1/partner/nothing-here: no path of the specs matches',
    );
  });

  test('fails a method the path does not document', async () => {
    const res = await answer(json(404, d5Error(404, 'Not Found')), 'delete', '/v1/partner/profile');
    expect(() => expect(res).toMatchSpec()).toThrow('/v1/partner/profile documents only GET, PUT');
  });

  test('supports .not', async () => {
    const res = await answer(json(200, { nothing: true }), 'get', '/v1/partner/profile');
    expect(res).not.toMatchSpec();
  });

  test('checks only documented fields in loose mode and accepts another status of the same class', async () => {
    const created = {
      paymentId: 5,
      paymentUrl: 'https://pay.example/p/5',
      status: 'pending',
      referenceNumber: 'ORDER-1',
    };
    const res = await answer(json(200, created), 'post', '/v1/partner/payments');
    expect(() => expect(res).toMatchSpec()).toThrow('createPayment answered undocumented status 200');
    expect(res).toMatchSpec({ loose: true });
  });

  test('drops inferred schemas to their type in loose mode', async () => {
    const res = await answer(json(200, { paymentId: 5, status: 'settled' }), 'get', '/v1/partner/payments/5/status');
    expect(res).not.toMatchSpec();
    expect(res).toMatchSpec({ loose: true });
  });
});

describe('toMatchSpecSchema', () => {
  test('validates a body against one component schema', async () => {
    const res = await answer(json(404, d5Error(404, 'Not Found')), 'get', '/v1/partner/nothing-here');
    expect(res).toMatchSpecSchema('Error');
    expect({ statusCode: 'x' }).not.toMatchSpecSchema('Error');
  });
});
