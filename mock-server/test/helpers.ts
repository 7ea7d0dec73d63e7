/**
 * Test dependencies for HTTP tests of the mock: a manual clock, seeded ids, a silent logger and the
 * default partner's headers. Build an app with `createTestApp()`; add partners with `addPartner()`.
 */
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../src/app';
import { parseConfig, type MockConfig } from '../src/config';
import { createRuntime, type Runtime, type RuntimeOverrides } from '../src/runtime/runtime';
import { createManualClock } from '../src/shared/clock';
import { createSeededIds } from '../src/shared/ids';
import { createMockServer, type MockServer } from '../src/server';
import type { WebhookHttpClient } from '../src/webhooks';
import type { MerchantRecord, StoreRecord } from '../src/state/records';
import { addActivePartner } from '../src/state/seed';
import type { ApiError } from '../src/http/api-error';

/**
 * Every test file that imports these helpers builds deps once before its first test, so the spec's
 * validators are compiled (a few seconds, once per test file) in a hook with its own timeout
 * instead of inside whichever test runs first.
 */
beforeAll(() => {
  createTestDeps();
}, 60_000);

export const TEST_BASE_URL = 'http://127.0.0.1:4010';

export interface TestApp {
  app: Express;
  deps: Runtime;
  /** Headers of the default partner. */
  auth: Record<string, string>;
  /** supertest agent bound to the app. */
  api: ReturnType<typeof request>;
}

export function createTestDeps(config: Partial<MockConfig> = {}, overrides: RuntimeOverrides = {}): Runtime {
  return createRuntime(
    parseConfig({ logLevel: 'silent', webhookRetrySchedule: [1000, 2000] }, config),
    () => TEST_BASE_URL,
    {
      clock: createManualClock('2026-03-18T12:00:00.000Z'),
      ids: createSeededIds(1),
      ...overrides,
    },
  );
}

/** A webhook client that answers 200 at once and sends nothing: no request of a test leaves the machine. */
export const answerEveryWebhook: WebhookHttpClient = {
  post: () => Promise.resolve({ statusCode: 200, bodySnippet: '' }),
};

/**
 * The mock on a real port of 127.0.0.1 (port 0: a free one), with the same manual clock and seeded
 * ids as `createTestDeps`, and webhooks answered without a network unless `overrides.http` is given.
 * Close it with `close()`.
 */
export function startTestServer(
  config: Partial<MockConfig> = {},
  overrides: RuntimeOverrides = {},
): Promise<MockServer> {
  return createMockServer({
    host: '127.0.0.1',
    port: 0,
    config: { logLevel: 'silent', webhookRetrySchedule: [1000, 2000], ...config },
    clock: createManualClock('2026-03-18T12:00:00.000Z'),
    ids: createSeededIds(1),
    http: answerEveryWebhook,
    ...overrides,
  });
}

export function createTestApp(config: Partial<MockConfig> = {}, overrides: RuntimeOverrides = {}): TestApp {
  const deps = createTestDeps(config, overrides);
  const app = createApp(deps);
  return { app, deps, auth: authHeaders(deps.config.clientId, deps.config.clientSecret), api: request(app) };
}

export function authHeaders(clientId: string, clientSecret: string): Record<string, string> {
  return { 'X-Partner-Client-Id': clientId, 'X-Partner-Client-Secret': clientSecret };
}

let extraPartners = 0;

/** Adds another partner with one active credential straight into the state; returns its auth headers. */
export function addPartner(deps: Runtime, name = 'Other POS'): { partnerId: number; auth: Record<string, string> } {
  extraPartners += 1;
  const clientId = `00000000-0000-4000-8000-${String(extraPartners).padStart(12, '0')}`;
  const secret = deps.ids.hex(32);
  const profile = (id: number) => ({ name, companyName: `${name} ApS`, contactEmail: `partner${id}@example.dk` });
  const partnerId = addActivePartner(deps.state, deps.clock, profile, { clientId, secret });
  return { partnerId, auth: authHeaders(clientId, secret) };
}

/** Adds an active merchant of `partnerId` straight into the state (no onboarding, no default store). */
export function addActiveMerchant(
  deps: Runtime,
  partnerId: number,
  overrides: Partial<MerchantRecord> = {},
): MerchantRecord {
  const now = deps.clock.now().toISOString();
  const id = deps.state.nextId('merchant');
  const merchant: MerchantRecord = {
    id,
    partnerId,
    clientId: deps.ids.uuid(),
    companyName: `Restaurant ${id} ApS`,
    contactEmail: `merchant${id}@example.dk`,
    contactPhone: null,
    partnerRefId: null,
    status: 'active',
    onboardingToken: null,
    onboardingExpiresAt: null,
    fastTrack: null,
    isTest: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  deps.state.addMerchant(merchant);
  return merchant;
}

/** Adds a store of `merchant` straight into the state (active, not default unless told). */
export function addStoreFor(
  deps: Runtime,
  merchant: MerchantRecord,
  overrides: Partial<StoreRecord> = {},
): StoreRecord {
  const now = deps.clock.now().toISOString();
  const store: StoreRecord = {
    storeId: deps.ids.uuid(),
    merchantId: merchant.id,
    partnerId: merchant.partnerId,
    locationId: `LOC-20260318-${deps.ids.alphanumeric(4)}`,
    name: 'Test Store',
    countryCode: 'DK',
    isActive: true,
    isDefault: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  deps.state.addStore(store);
  return store;
}

/** The id of the partner behind config.clientId (the seeded default partner). */
export function defaultPartnerId(deps: Runtime): number {
  const credential = deps.state.credentialByClientId(deps.config.clientId);
  if (!credential) throw new Error('The default partner credential is missing');
  return credential.partnerId;
}

/** The status of the ApiError that `fn` throws, or undefined when it throws none. */
export function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as ApiError).statusCode;
  }
}
