/**
 * Authentication (D1), for every operation of partner-api.yaml at once: each answers 401 to a
 * request without the partner headers, with only the client id, with a wrong secret and with an
 * unknown client id. Each operation gets its own describe block titled with its operationId, so
 * the contract report counts these tests under that operation.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import * as fixtures from '../../fixtures/src';
import { resolveRef } from '../../spec/index';
import type { Test } from 'supertest';
import { createApi, type ApiClient } from '../support/client';
import { partnerOperations } from '../support/coverage';
import { findOperationById } from '../support/operation-index';
import { expectSpecResponse } from '../support/provenance';
import { useTarget, type Target } from '../support/target';
import { directApi } from './helpers';

const target = useTarget();

/** A valid body for each operation that takes one, so only the credentials are wrong. */
const BODIES: Record<string, () => unknown> = {
  updateProfile: () => fixtures.buildProfileUpdateRequest(),
  createCredential: () => fixtures.buildCredentialCreateRequest(),
  createMerchant: () => fixtures.buildMerchantCreateRequest(),
  fastTrackMerchant: () => fixtures.buildMerchantFastTrackRequest(),
  createTestMerchant: () => fixtures.buildTestMerchantCreateRequest(),
  createStore: () => fixtures.buildStoreCreateRequest(),
  updateStore: () => fixtures.buildStoreUpdateRequest(),
  createPayment: () => fixtures.buildPaymentCreateRequest({ merchantClientId: 'c0ffee00-0000-4000-8000-000000000000' }),
  createWebhook: () => fixtures.buildWebhookCreateRequest(),
  updateWebhook: () => fixtures.buildWebhookUpdateRequest(),
};

/** Path parameters no partner owns: a large id, or a UUID for string ids. */
function concretePath(operationId: string, template: string): string {
  const op = findOperationById(operationId)!;
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const param = (op.operation.parameters ?? [])
      .map((p) => resolveRef<OpenAPIV3_1.ParameterObject>(op.spec, p))
      .find((p) => p.in === 'path' && p.name === name);
    const schema = param?.schema ? resolveRef<OpenAPIV3_1.SchemaObject>(op.spec, param.schema) : undefined;
    return schema?.type === 'integer' ? '2000000000' : '00000000-0000-4000-8000-000000000000';
  });
}

function send(api: ApiClient, method: string, path: string, body: unknown): Test {
  switch (method) {
    case 'GET':
      return api.get(path);
    case 'POST':
      return api.post(path, body);
    case 'PUT':
      return api.put(path, body);
    default:
      return api.delete(path);
  }
}

const WRONG_SECRET = '6'.repeat(64);
const UNKNOWN_CLIENT = 'ffffffff-ffff-4fff-bfff-ffffffffffff';

for (const { operationId, method, path } of partnerOperations()) {
  describe(`${method} ${path} (${operationId}): authentication`, () => {
    const url = concretePath(operationId, path);
    const body = BODIES[operationId]?.();
    const cases: [string, (t: Target) => Test][] = [
      ['without the partner headers', (t) => send(directApi(t).unauthenticated(), method, url, body)],
      [
        'with only the client id header',
        (t) => send(directApi(t).unauthenticated(), method, url, body).set('X-Partner-Client-Id', t.clientId),
      ],
      ['with a wrong secret', (t) => send(createApi(t).withCredentials(t.clientId, WRONG_SECRET), method, url, body)],
      [
        'with an unknown client id',
        (t) => send(createApi(t).withCredentials(UNKNOWN_CLIENT, t.clientSecret), method, url, body),
      ],
    ];
    test.each(cases)('answers 401 %s', async (_title, request) => {
      await expectSpecResponse(target(), await request(target()), operationId, 401);
    });
  });
}
