/**
 * Thin supertest clients for the Partner API and the QA control API. Paths are full spec paths
 * (`/v1/partner/merchants`). Every response is journalled (method, path, status, operationId) for
 * the contract report; checking it against the spec is the test's job: `expect(res).toMatchSpec()`.
 */
import request, { type Test } from 'supertest';
import type { operations } from '../../spec/generated/partner-api';
import { findOperation, pathOnly } from './operation-index';
import { currentTest, record } from './report';
import type { Target } from './target';

type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body the spec documents for an operation and status: `ResponseBody<'getStore', 200>`. */
export type ResponseBody<Op extends keyof operations, S extends keyof operations[Op]['responses']> = JsonContent<
  operations[Op]['responses'][S]
>;

export interface HttpClient {
  get(path: string): Test;
  post(path: string, body?: unknown): Test;
  put(path: string, body?: unknown): Test;
  delete(path: string): Test;
}

export interface ApiClient extends HttpClient {
  /** The same client with another credential pair (for tenancy and rotation tests). */
  withCredentials(clientId: string, clientSecret: string): ApiClient;
  /** The same client without the partner headers. */
  unauthenticated(): ApiClient;
}

type Method = 'get' | 'post' | 'put' | 'delete';

function journalled(test: Test, method: Method, path: string): Test {
  test.on('response', (res: { status: number }) => {
    const lookup = findOperation(method, path);
    record({
      type: 'call',
      method: method.toUpperCase(),
      path: pathOnly(path),
      status: res.status,
      operationId: lookup.found ? lookup.operation.operationId : null,
      ...currentTest(),
    });
  });
  return test;
}

/** The JSON body a request sent, kept on its response so checks can tell which rules it broke. */
export function sentBody(res: object): unknown {
  return (res as { [SENT]?: unknown })[SENT];
}
const SENT = Symbol('sentBody');

function createHttpClient(origin: string, headers: Record<string, string>): HttpClient {
  const agent = request(origin);
  const send = (method: Method, path: string, body?: unknown): Test => {
    const test = agent[method](path).set(headers);
    if (body !== undefined) {
      void test.send(body as object);
      test.on('response', (res: object) => Object.assign(res, { [SENT]: body }));
    }
    return journalled(test, method, path);
  };
  return {
    get: (path) => send('get', path),
    post: (path, body) => send('post', path, body),
    put: (path, body) => send('put', path, body),
    delete: (path) => send('delete', path),
  };
}

function buildApi(origin: string, credentials: { clientId: string; clientSecret: string } | null): ApiClient {
  const headers: Record<string, string> = credentials
    ? { 'X-Partner-Client-Id': credentials.clientId, 'X-Partner-Client-Secret': credentials.clientSecret }
    : {};
  return {
    ...createHttpClient(origin, headers),
    withCredentials: (clientId, clientSecret) => buildApi(origin, { clientId, clientSecret }),
    unauthenticated: () => buildApi(origin, null),
  };
}

export function createApi(target: Pick<Target, 'baseUrl' | 'clientId' | 'clientSecret'>): ApiClient {
  return buildApi(target.baseUrl, { clientId: target.clientId, clientSecret: target.clientSecret });
}

/**
 * The QA control API (`/__control/...`, full paths). Every call throws when the target has none,
 * so a test that forgot `testWith('control')` fails with the reason instead of a confusing 404.
 */
export function createControl(
  target: Pick<Target, 'controlUrl' | 'controlToken' | 'capabilities' | 'baseUrl'>,
): HttpClient {
  const { controlUrl } = target;
  if (!target.capabilities.control || !controlUrl) {
    const unavailable = (): never => {
      throw new Error(
        `The target ${target.baseUrl} has no QA control API (GET /__control/health did not answer {"ok":true}). ` +
          'Register this test with testWith("control") so it is skipped there, or set ACOUNTPAY_CONTROL_URL.',
      );
    };
    return { get: unavailable, post: unavailable, put: unavailable, delete: unavailable };
  }
  return createHttpClient(controlUrl, target.controlToken ? { Authorization: `Bearer ${target.controlToken}` } : {});
}
