/**
 * Data set-up shared by the operation tests: each call creates fresh data through the Partner API
 * (or the control API, where only a mock can help) and fails loudly when the target refuses it, so
 * a broken set-up never passes for a finding about the operation under test.
 */
import type { Response } from 'supertest';
import {
  MOCK_PAYMENT_HEADER,
  WEBHOOK_EVENT_TYPES,
  buildCredentialCreateRequest,
  buildMerchantCreateRequest,
  buildPaymentCreateRequest,
  buildStoreCreateRequest,
  buildTestMerchantCreateRequest,
  buildWebhookCreateRequest,
  type CredentialCreateRequest,
  type MerchantCreateRequest,
  type PaymentCreateRequest,
  type StoreCreateRequest,
  type TestMerchantCreateRequest,
  type WebhookEventType,
} from '../../fixtures/src';
import { createApi, createControl, type ApiClient, type ResponseBody } from '../support/client';
import { assertFact, expectSpecResponse } from '../support/provenance';
import type { Target } from '../support/target';

export type TestMerchant = ResponseBody<'createTestMerchant', 201>;
export type MerchantOnboarding = ResponseBody<'createMerchant', 201>;
export type Store = ResponseBody<'createStore', 201>;
export type CredentialWithSecret = ResponseBody<'createCredential', 201>;
export type StoreList = ResponseBody<'listStores', 200>;

function expectCreated(res: Response, what: string): void {
  if (res.status !== 201) throw new Error(`Set-up failed: ${what} answered ${res.status}: ${res.text}`);
}

/** An active test merchant (D13), which already has its default "Main Store" (D15). */
export async function createTestMerchant(
  api: ApiClient,
  overrides: Partial<TestMerchantCreateRequest> = {},
): Promise<TestMerchant> {
  const res = await api.post('/v1/partner/merchants/test', buildTestMerchantCreateRequest(overrides));
  expectCreated(res, 'POST /v1/partner/merchants/test');
  return res.body as TestMerchant;
}

/** A store of the merchant, built by the fixtures (never with a locationId unless given). */
export async function createStore(
  api: ApiClient,
  merchantId: number,
  overrides: Partial<StoreCreateRequest> = {},
): Promise<Store> {
  const res = await api.post(`/v1/partner/merchants/${merchantId}/stores`, buildStoreCreateRequest(overrides));
  expectCreated(res, `POST /v1/partner/merchants/${merchantId}/stores`);
  return res.body as Store;
}

/** A merchant still pending onboarding (D8): it has no store yet. */
export async function createPendingMerchant(
  api: ApiClient,
  overrides: Partial<MerchantCreateRequest> = {},
): Promise<MerchantOnboarding> {
  const res = await api.post('/v1/partner/merchants', buildMerchantCreateRequest(overrides));
  expectCreated(res, 'POST /v1/partner/merchants');
  return res.body as MerchantOnboarding;
}

/** A new credential of the caller's partner, with its full secret (D31). */
export async function createCredential(
  api: ApiClient,
  overrides: Partial<CredentialCreateRequest> = {},
): Promise<CredentialWithSecret> {
  const res = await api.post('/v1/partner/credentials', buildCredentialCreateRequest(overrides));
  expectCreated(res, 'POST /v1/partner/credentials');
  return res.body as CredentialWithSecret;
}

/**
 * A client for a second partner with its own credential (D2), made through the control API: use it
 * only in tests registered with testWith('control').
 */
export async function createOtherPartner(target: Target, name = 'Tenant B'): Promise<ApiClient> {
  const res = await createControl(target).post('/__control/partners', { name });
  expectCreated(res, 'POST /__control/partners');
  const { clientId, clientSecret } = res.body as { clientId: string; clientSecret: string };
  return createApi(target).withCredentials(clientId, clientSecret);
}

/**
 * The error answer of `operationId` with `status`, whose message names every one of `words` (a
 * field, a parameter). The error body is inferred (D5), so the wording is checked as inferred.
 */
export async function expectErrorNaming(
  target: Target,
  res: Response,
  operationId: string,
  status: number,
  ...words: string[]
): Promise<void> {
  await expectSpecResponse(target, res, operationId, status);
  await assertFact(target, 'inferred', `D5: the ${status} message names ${words.join(', ')}`, () => {
    const message = [(res.body as { message?: unknown }).message].flat().join(' | ');
    for (const word of words) expect(message).toContain(word);
  });
}

export type PaymentCreated = ResponseBody<'createPayment', 201>;
export type PaymentStatusResponse = ResponseBody<'getPaymentStatus', 200>;
export type WebhookWithSecret = ResponseBody<'createWebhook', 201>;

/**
 * The client for requests the spec itself calls invalid (a bad body or query, no partner headers),
 * and for binary answers. A validating proxy in front of the target (Prism with `--errors`) answers
 * invalid requests with its own 422 or 401 in `application/problem+json` and never forwards them,
 * and it re-encodes a binary body as UTF-8 text (a PNG then starts EF BF BD). So when
 * ACOUNTPAY_CONTROL_URL names the server behind such a proxy, these go there directly and the
 * server's own answer is checked.
 */
export function directApi(target: Target): ApiClient {
  const behindProxy = target.controlUrl !== null && target.controlUrl !== target.baseUrl;
  return createApi(behindProxy ? { ...target, baseUrl: target.controlUrl as string } : target);
}

/**
 * The partner a test keeps its data in: a fresh one when the target has a control API, so counts,
 * webhook fan-out and a receiver's canned answers see only this test's data even on a mock shared
 * by parallel test files; otherwise the configured partner (`isolated: false`). `direct` is the same
 * partner's client for requests the spec calls invalid (see directApi).
 */
export async function createIsolatedPartner(
  target: Target,
): Promise<{ api: ApiClient; direct: ApiClient; isolated: boolean }> {
  if (!target.capabilities.control) return { api: createApi(target), direct: directApi(target), isolated: false };
  const res = await createControl(target).post('/__control/partners', { name: 'Isolated POS' });
  expectCreated(res, 'POST /__control/partners');
  const { clientId, clientSecret } = res.body as { clientId: string; clientSecret: string };
  return {
    api: createApi(target).withCredentials(clientId, clientSecret),
    direct: directApi(target).withCredentials(clientId, clientSecret),
    isolated: true,
  };
}

/** A pending payment of the merchant, built by the fixtures; `mockOutcome` sends X-Mock-Payment (D25). */
export async function createPayment(
  api: ApiClient,
  merchantClientId: string,
  overrides: Partial<PaymentCreateRequest> = {},
  mockOutcome?: string,
): Promise<PaymentCreated> {
  const req = api.post('/v1/partner/payments', buildPaymentCreateRequest({ merchantClientId, ...overrides }));
  const res = await (mockOutcome === undefined ? req : req.set(MOCK_PAYMENT_HEADER, mockOutcome));
  expectCreated(res, 'POST /v1/partner/payments');
  return res.body as PaymentCreated;
}

/** Settles a pending payment as a customer or bank would (D20), through the control API. */
export async function settlePayment(
  target: Target,
  paymentId: number,
  action: 'complete' | 'fail' | 'expire',
): Promise<Response> {
  const res = await createControl(target).post(`/__control/payments/${paymentId}/${action}`);
  if (res.status !== 200)
    throw new Error(`Set-up failed: ${action} of payment ${paymentId} answered ${res.status}: ${res.text}`);
  return res;
}

/** A webhook for `url` (all events unless given); remove it with `deleteWebhook` when done. */
export async function createWebhook(
  api: ApiClient,
  url: string,
  events: WebhookEventType[] = [...WEBHOOK_EVENT_TYPES],
): Promise<WebhookWithSecret> {
  const res = await api.post('/v1/partner/webhooks', buildWebhookCreateRequest({ url, events }));
  expectCreated(res, 'POST /v1/partner/webhooks');
  return res.body as WebhookWithSecret;
}

/** The merchant's stores, checked against the spec. */
export async function listStores(api: ApiClient, merchantId: number): Promise<StoreList> {
  const res = await api.get(`/v1/partner/merchants/${merchantId}/stores`);
  if (res.status !== 200)
    throw new Error(`GET /v1/partner/merchants/${merchantId}/stores answered ${res.status}: ${res.text}`);
  expect(res).toMatchSpec();
  return res.body as StoreList;
}

/** D18: at most one default store, and it is an active one. */
export function expectOneActiveDefault(list: StoreList): Store {
  const defaults = list.stores.filter((s) => s.isDefault);
  expect(defaults).toHaveLength(1);
  expect(defaults[0]?.isActive).toBe(true);
  return defaults[0]!;
}
