/**
 * The suite notices a server that drifts off the contract. A loopback proxy in front of the target
 * rewrites two answers, as a careless release might: createPayment's body renames
 * `referenceNumber` to `reference`, and getProfile answers 202 instead of 200. The spec matcher
 * must fail on both and name the operation and what is wrong, down to the JSON path.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request, { type Test } from 'supertest';
import { buildPaymentCreateRequest } from '../../fixtures/src';
import { createApi } from '../support/client';
import { checkResponse } from '../support/spec-matcher';
import { useTarget } from '../support/target';
import { createTestMerchant } from '../operations/helpers';
import { targetIsMock } from '../support/target-config';

interface Answer {
  status: number;
  body: Buffer;
}

type Rewrite = (method: string, path: string, status: number, body: Buffer) => Answer;

const renameReferenceNumber: Rewrite = (method, path, status, body) => {
  if (method !== 'POST' || path !== '/v1/partner/payments' || status < 200 || status > 299) return { status, body };
  const { referenceNumber, ...rest } = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  return { status, body: Buffer.from(JSON.stringify({ ...rest, reference: referenceNumber })) };
};

const profileAccepted: Rewrite = (method, path, status, body) =>
  method === 'GET' && path === '/v1/partner/profile' && status === 200 ? { status: 202, body } : { status, body };

interface DriftingProxy {
  url: string;
  close(): Promise<void>;
}

/** Forwards every request to `origin` and passes each answer through the rewrites. */
async function startDriftingProxy(origin: string, rewrites: Rewrite[]): Promise<DriftingProxy> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const upstream = http.request(
        new URL(req.url ?? '/', origin),
        { method: req.method, headers: { ...req.headers, host: new URL(origin).host } },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            const path = new URL(req.url ?? '/', origin).pathname;
            const out = rewrites.reduce<Answer>(
              (acc, rewrite) => rewrite(req.method ?? 'GET', path, acc.status, acc.body),
              {
                status: answer.statusCode ?? 502,
                body: Buffer.concat(parts),
              },
            );
            const headers = { ...answer.headers, 'content-length': String(out.body.length) };
            delete headers['transfer-encoding'];
            res.writeHead(out.status, headers).end(out.body);
          });
        },
      );
      upstream.on('error', (error) => res.writeHead(502).end(error.message));
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const target = useTarget();
/** Against a target that is not the mock only documented facts count (a renamed documented field still fails). */
const documentedOnly = { loose: !targetIsMock() };

let proxy: DriftingProxy;
beforeAll(async () => {
  // The in-process mock listens on a real port too, so every target can sit behind the proxy.
  proxy = await startDriftingProxy(target().baseUrl, [renameReferenceNumber, profileAccepted]);
});

/**
 * Plain supertest rather than createApi: the proxy's rewritten answers are not the target's, so they
 * stay out of the journal the contract report is built from.
 */
function drifting(method: 'get' | 'post', path: string): Test {
  const agent = request(proxy.url);
  const test = method === 'get' ? agent.get(path) : agent.post(path);
  return test.set({ 'X-Partner-Client-Id': target().clientId, 'X-Partner-Client-Secret': target().clientSecret });
}
afterAll(() => proxy.close());

describe('a server that drifts off the contract', () => {
  test('fails createPayment when referenceNumber is renamed and names the JSON path', async () => {
    const merchant = await createTestMerchant(createApi(target()));
    const res = await drifting('post', '/v1/partner/payments').send(
      buildPaymentCreateRequest({ merchantClientId: merchant.clientId }),
    );
    expect(res.ok).toBe(true);
    expect(res.body).toHaveProperty('reference');

    const check = checkResponse(res, documentedOnly);
    expect(check.operation?.operationId).toBe('createPayment');
    expect(check.problems).toContain('/referenceNumber: is required but missing');
    expect(() => expect(res).toMatchSpec()).toThrow(/createPayment[\s\S]*\/referenceNumber: is required but missing/);
  });

  test('fails getProfile when it answers an undocumented 202 and names the status', async () => {
    const res = await drifting('get', '/v1/partner/profile');
    expect(res.status).toBe(202);

    const check = checkResponse(res, documentedOnly);
    expect(check.operation?.operationId).toBe('getProfile');
    expect(check.problems).toEqual([expect.stringMatching(/^getProfile answered undocumented status 202/)]);
    expect(() => expect(res).toMatchSpec()).toThrow(/getProfile[\s\S]*undocumented status 202/);
  });

  test('passes the same calls when nothing is rewritten', async () => {
    const api = createApi(target());
    const merchant = await createTestMerchant(api);
    const payment = await api.post(
      '/v1/partner/payments',
      buildPaymentCreateRequest({ merchantClientId: merchant.clientId }),
    );
    expect(checkResponse(payment, documentedOnly).problems).toEqual([]);
    expect(checkResponse(await api.get('/v1/partner/profile'), documentedOnly).problems).toEqual([]);
  });
});
