/**
 * Data set-up shared by the operation tests: each call creates fresh data through the Partner API
 * (or the control API, where only a mock can help) and fails loudly when the target refuses it, so
 * a broken set-up never passes for a finding about the operation under test.
 */
import type { Response, Test } from 'supertest';
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
import { assertFact, checkAvailable, expectSpecResponse, InferredDifference } from '../support/provenance';
import { statusIsInferred } from '../support/spec-provenance';
import { targetIsMock } from '../support/target-config';
import type { Target } from '../support/target';
import type { WebhookEndpoint, WebhookReceiver } from '../support/webhook-receiver';

export type TestMerchant = ResponseBody<'createTestMerchant', 201>;
export type MerchantOnboarding = ResponseBody<'createMerchant', 201>;
export type Store = ResponseBody<'createStore', 201>;
export type CredentialWithSecret = ResponseBody<'createCredential', 201>;
export type StoreList = ResponseBody<'listStores', 200>;

/**
 * A set-up call must succeed. Against the mock it answers exactly its documented status; against
 * another target any 2xx will do where the status is inferred (a 200 for a guessed 201), so one
 * inferred difference never cascades into every test that needs the data; an inferred operation
 * that is missing ends the test as "not available".
 */
function expectSetup(res: Response, operationId: string, status = 201): void {
  const target = { isMock: targetIsMock() };
  checkAvailable(target, res, operationId);
  const ok =
    target.isMock || !statusIsInferred(operationId, status)
      ? res.status === status
      : res.status >= 200 && res.status < 300;
  if (!ok) throw new Error(`Set-up failed: ${operationId} answered ${res.status}: ${res.text}`);
}

function expectControl(res: Response, what: string): void {
  if (res.status !== 201) throw new Error(`Set-up failed: ${what} answered ${res.status}: ${res.text}`);
}

/** An active test merchant (D13), which already has its default "Main Store" (D15). */
export async function createTestMerchant(
  api: ApiClient,
  overrides: Partial<TestMerchantCreateRequest> = {},
): Promise<TestMerchant> {
  const res = await api.post('/v1/partner/merchants/test', buildTestMerchantCreateRequest(overrides));
  expectSetup(res, 'createTestMerchant');
  return res.body as TestMerchant;
}

/** A store of the merchant, built by the fixtures (never with a locationId unless given). */
export async function createStore(
  api: ApiClient,
  merchantId: number,
  overrides: Partial<StoreCreateRequest> = {},
): Promise<Store> {
  const res = await api.post(`/v1/partner/merchants/${merchantId}/stores`, buildStoreCreateRequest(overrides));
  expectSetup(res, 'createStore');
  return res.body as Store;
}

/** A merchant still pending onboarding (D8): it has no store yet. */
export async function createPendingMerchant(
  api: ApiClient,
  overrides: Partial<MerchantCreateRequest> = {},
): Promise<MerchantOnboarding> {
  const res = await api.post('/v1/partner/merchants', buildMerchantCreateRequest(overrides));
  expectSetup(res, 'createMerchant');
  return res.body as MerchantOnboarding;
}

/** GET /v1/partner/profile with a credential's own id and secret: 200 while it works, 401 once it does not. */
export function profileWith(target: Target, credential: { clientId: string; clientSecret: string }): Test {
  return createApi(target).withCredentials(credential.clientId, credential.clientSecret).get('/v1/partner/profile');
}

/** A new credential of the caller's partner, with its full secret (D31). */
export async function createCredential(
  api: ApiClient,
  overrides: Partial<CredentialCreateRequest> = {},
): Promise<CredentialWithSecret> {
  const res = await api.post('/v1/partner/credentials', buildCredentialCreateRequest(overrides));
  expectSetup(res, 'createCredential');
  const credential = res.body as CredentialWithSecret;
  // The create answer is a guess (D31): without the full secret in `clientSecret` a test cannot go on.
  if (typeof credential.clientSecret !== 'string' || typeof credential.clientId !== 'string')
    throw new InferredDifference('D31: a new credential answers clientId and the full clientSecret', res.text);
  return credential;
}

/**
 * A client for a second partner with its own credential (D2), made through the control API: use it
 * only in tests registered with testWith('control').
 */
export async function createOtherPartner(target: Target, name = 'Tenant B'): Promise<ApiClient> {
  const res = await createControl(target).post('/__control/partners', { name });
  expectControl(res, 'POST /__control/partners');
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

/**
 * E170: the `code` the mock adds to an error (the spec's Error.code: "clients must not need it") is
 * asserted against the mock; another target is not asked for one.
 */
export function expectMockCode(res: Response, code: string): void {
  if (targetIsMock()) expect((res.body as { code?: unknown }).code).toBe(code);
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
  expectControl(res, 'POST /__control/partners');
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
  expectSetup(res, 'createPayment');
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
  expectSetup(res, 'createWebhook');
  return res.body as WebhookWithSecret;
}

/** The merchant's stores, checked against the spec. */
export async function listStores(api: ApiClient, merchantId: number): Promise<StoreList> {
  const res = await api.get(`/v1/partner/merchants/${merchantId}/stores`);
  expectSetup(res, 'listStores', 200);
  expect(res).toMatchSpec();
  return res.body as StoreList;
}

/**
 * The merchant's default store. A test merchant gets its "Main Store" at once (D13, D15); where a
 * target gives it none, one is created with isDefault true and the difference is reported, so the
 * documented default-store rules can still be tested.
 */
export async function defaultStoreOf(api: ApiClient, merchantId: number): Promise<Store> {
  const list = await listStores(api, merchantId);
  const defaults = list.stores.filter((s) => s.isDefault);
  if (defaults.length > 0 || targetIsMock()) return expectOneActiveDefault(list);
  await assertFact({ isMock: false }, 'inferred', 'D15: an active merchant has a default store at once', () =>
    expect(defaults).toHaveLength(1),
  );
  return createStore(api, merchantId, { isDefault: true });
}

/** D18: at most one default store, and it is an active one. */
export function expectOneActiveDefault(list: StoreList): Store {
  const defaults = list.stores.filter((s) => s.isDefault);
  expect(defaults).toHaveLength(1);
  expect(defaults[0]?.isActive).toBe(true);
  return defaults[0]!;
}

/** A call that must succeed (see expectSetup): `expectOk(await api.delete(path), 'deactivateStore', 200)`. */
export function expectOk(res: Response, operationId: string, status = 200): Response {
  expectSetup(res, operationId, status);
  return res;
}

/**
 * The resource an update or delete answered, or, when the target answered 204 with no body where
 * the spec guessed one (an inferred difference that expectSpecResponse reports), the resource read
 * back with `readBack`.
 */
export async function answeredOrReadBack<T>(res: Response, readBack: () => Promise<T>): Promise<T> {
  const body = res.body as unknown;
  const hasBody = !!body && typeof body === 'object' && Object.keys(body).length > 0;
  return hasBody ? (body as T) : readBack();
}

/** Ids no partner owns: an integer id and a store id. */
export const UNKNOWN_ID = 2_000_000_000;
export const UNKNOWN_STORE = '00000000-0000-4000-8000-000000000000';

export const storesPath = (merchantId: number | string): string => `/v1/partner/merchants/${merchantId}/stores`;
export const storePath = (merchantId: number | string, storeId: string): string =>
  `${storesPath(merchantId)}/${storeId}`;

/** A store's fields in the order of the Stores guide (D16). */
export const STORE_FIELDS = [
  'storeId',
  'locationId',
  'name',
  'streetAddress',
  'city',
  'postalCode',
  'countryCode',
  'phone',
  'email',
  'isActive',
  'isDefault',
  'createdAt',
  'updatedAt',
];

/** A test merchant with its "Main Store" default and one more store that is not the default. */
export async function merchantWithTwoStores(
  api: ApiClient,
): Promise<{ merchantId: number; main: Store; other: Store }> {
  const { merchantId } = await createTestMerchant(api);
  const main = await defaultStoreOf(api, merchantId);
  const other = await createStore(api, merchantId, { isDefault: false });
  return { merchantId, main, other };
}

/** One store of the merchant, read with getStore. */
export async function readStore(api: ApiClient, merchantId: number, storeId: string): Promise<Store> {
  const res = await api.get(`/v1/partner/merchants/${merchantId}/stores/${storeId}`);
  expectSetup(res, 'getStore', 200);
  return res.body as Store;
}

type MerchantStatus = 'pending' | 'active' | 'inactive';

/**
 * The words the docs also use for a merchant's status (E24): a target may answer them in place of
 * the API reference's `pending` and `active`.
 */
const MERCHANT_STATUS_SYNONYMS: Record<MerchantStatus, string[]> = {
  pending: ['pending_onboarding'],
  active: ['activated'],
  inactive: [],
};

/**
 * A merchant's status is `expected`: exactly so against the mock; against another target one of
 * the docs' other words for it (E24) is accepted and reported as an inferred difference.
 */
export async function expectMerchantStatus(actual: unknown, expected: MerchantStatus): Promise<void> {
  const target = { isMock: targetIsMock() };
  if (!target.isMock) expect([expected, ...MERCHANT_STATUS_SYNONYMS[expected]]).toContain(actual);
  await assertFact(target, 'inferred', `E24: a ${expected} merchant reads "${expected}"`, () =>
    expect(actual).toBe(expected),
  );
}

/**
 * A body has no field beyond `allowed`. Which fields a body has is checked against the spec by
 * toMatchSpec(); that there are no others is a guess (a real server may add fields), so it is an
 * inferred fact.
 */
export async function expectNoOtherFields(body: unknown, allowed: string[], label: string): Promise<void> {
  await assertFact({ isMock: targetIsMock() }, 'inferred', label, () =>
    expect(Object.keys(body as object).filter((k) => !allowed.includes(k))).toEqual([]),
  );
}

/** A partner of its own, a webhook for every event at a fresh receiver endpoint, and a test merchant. */
export interface WebhookStory {
  api: ApiClient;
  merchant: TestMerchant;
  endpoint: WebhookEndpoint;
  secret: string;
  webhookId: number;
}

/** Starts a WebhookStory at `receiver` (a partner of its own needs the control API: testWith('control')). */
export async function startWebhookStory(target: Target, receiver: WebhookReceiver): Promise<WebhookStory> {
  const { api } = await createIsolatedPartner(target);
  const endpoint = receiver.endpoint();
  const webhook = await createWebhook(api, endpoint.url);
  endpoint.setSecret(webhook.secret);
  const merchant = await createTestMerchant(api);
  return { api, merchant, endpoint, secret: webhook.secret, webhookId: webhook.id };
}
