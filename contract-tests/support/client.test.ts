import { json, startCannedServer, type CannedServer } from './canned-server';
import { createApi, createControl } from './client';
import { readJournal } from './report';

let server: CannedServer;

beforeAll(async () => {
  server = await startCannedServer((req) =>
    req.url?.startsWith('/__control') ? json(200, { ok: true }) : json(200, {}),
  );
});

afterAll(() => server.close());

const target = { baseUrl: '', clientId: 'client-1', clientSecret: 'secret-1' };

describe('createApi', () => {
  test('sends both partner headers', async () => {
    await createApi({ ...target, baseUrl: server.url }).get('/v1/partner/profile');
    expect(server.requests.at(-1)?.headers).toMatchObject({
      'x-partner-client-id': 'client-1',
      'x-partner-client-secret': 'secret-1',
    });
  });

  test('switches credentials and drops them on request', async () => {
    const api = createApi({ ...target, baseUrl: server.url });
    await api.withCredentials('client-2', 'secret-2').post('/v1/partner/merchants', { companyName: 'A' });
    expect(server.requests.at(-1)?.headers['x-partner-client-id']).toBe('client-2');
    await api.unauthenticated().delete('/v1/partner/webhooks/1');
    expect(server.requests.at(-1)?.headers['x-partner-client-id']).toBeUndefined();
  });

  test('journals every response with its operationId and the running test', async () => {
    await createApi({ ...target, baseUrl: server.url }).put('/v1/partner/merchants/42/stores/abc?x=1', { name: 'B' });
    const entry = readJournal().at(-1);
    expect(entry).toMatchObject({
      type: 'call',
      method: 'PUT',
      path: '/v1/partner/merchants/42/stores/abc',
      status: 200,
      operationId: 'updateStore',
      test: 'createApi journals every response with its operationId and the running test',
      file: __filename,
    });
  });
});

describe('createControl', () => {
  test('sends the control token as a bearer token', async () => {
    const control = createControl({
      baseUrl: server.url,
      controlUrl: server.url,
      controlToken: 'qa',
      capabilities: { control: true, webhooks: true },
    });
    await control.post('/__control/reset');
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer qa');
  });

  test('throws a clear error on a target without a control API', () => {
    const control = createControl({
      baseUrl: 'https://sandbox.api.acountpay.com',
      controlUrl: null,
      controlToken: null,
      capabilities: { control: false, webhooks: false },
    });
    expect(() => control.post('/__control/reset')).toThrow(
      /https:\/\/sandbox\.api\.acountpay\.com has no QA control API[\s\S]*testWith\("control"\)/,
    );
  });
});
