/**
 * A JSON body nested deeper than the stack parses, but cannot be written back with JSON.stringify.
 * The request journal used to do exactly that when the answer finished, outside any handler: the
 * process died. It must answer 400 and keep serving, and the journal shows the request (E37).
 */
import { startTestServer } from './helpers';

const DEPTH = 200_000;

test('a body nested 200,000 levels deep answers 400 and the mock keeps serving (E37)', async () => {
  const mock = await startTestServer();
  try {
    const headers = {
      'content-type': 'application/json',
      'x-partner-client-id': mock.clientId,
      'x-partner-client-secret': mock.clientSecret,
    };
    const deep = `{"merchantClientId":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)},"amount":1,"referenceNumber":"R"}`;
    const res = await fetch(`${mock.url}/v1/partner/payments`, { method: 'POST', headers, body: deep });
    expect(res.status).toBe(400);
    const after = await fetch(`${mock.url}/v1/partner/profile`, { headers });
    expect(after.status).toBe(200);
    const journal = (await (await fetch(`${mock.url}/__control/requests?limit=5`)).json()) as {
      requests: { id: number; operationId: string | null }[];
    };
    const entry = journal.requests.find((r) => r.operationId === 'createPayment');
    expect(entry).toBeDefined();
    const detail = (await (await fetch(`${mock.url}/__control/requests/${entry!.id}`)).json()) as {
      request: { body: string | null };
    };
    expect(detail.request.body).toBe('(request body nested too deeply to show)');
  } finally {
    await mock.close();
  }
});
