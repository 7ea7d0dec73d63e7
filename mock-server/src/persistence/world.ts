/**
 * The running mock's world in and out of a StateStore (E50-E53). `captureWorld` reads every table
 * of the running state; `installWorld` checks a stored world record by record, builds a new state
 * from it, swaps it in only when all of it is sound, and then resumes what was pending: expiries,
 * delayed mock settlements and webhook retries.
 */
import type { ScenarioCounts } from '../../../fixtures/src/scenario';
import { validateScenario } from '../../../fixtures/src/scenario-validate';
import type { ValidateFunction } from 'ajv';
import { createSpecAjv, specSchemaId } from '../../../spec/index';
import type { AppDeps } from '../deps';
import { MockState, replaceState } from '../state/mock-state';
import { countsOf } from '../state/scenario-loader';
import type {
  CredentialRecord,
  DeliveryRecord,
  MerchantRecord,
  PartnerRecord,
  PaymentRecord,
  StoreRecord,
  WebhookRecord,
} from '../state/records';
import { StateFileError, type LoadedWorld, type RecordKey, type StoredMeta, type StoredWorld } from './state-store';
import type { StoredDelivery, TrackedDeliveryStore } from './tracked-deliveries';

export type WorldDeps = Pick<AppDeps, 'state' | 'clock' | 'ids' | 'faults' | 'services' | 'dispatcher' | 'logger'> & {
  deliveries: TrackedDeliveryStore;
};

/** The values of the meta row that change with the state; `clock.nowMs` is added at each commit. */
export function captureMeta(deps: Pick<AppDeps, 'state' | 'clock' | 'ids' | 'faults'>): StoredMeta {
  return {
    seq: { ...deps.state.seq },
    clock: { offsetMs: deps.clock.offsetMs(), nowMs: deps.clock.nowMs() },
    idsPosition: deps.ids.position?.() ?? null,
    faults: deps.faults.dump(),
    rules: { nextId: deps.state.ruleSeq, rules: deps.state.rules },
  };
}

function* pairs<T>(values: Iterable<T>, key: (value: T) => RecordKey): Generator<readonly [RecordKey, unknown]> {
  for (const value of values) yield [key(value), value];
}

export function captureWorld(deps: Pick<WorldDeps, 'state' | 'clock' | 'ids' | 'faults' | 'deliveries'>): StoredWorld {
  const { state } = deps;
  const secrets = (record: DeliveryRecord) => state.webhooks.get(record.webhookId)?.secret ?? null;
  return {
    meta: captureMeta(deps),
    tables: {
      partners: pairs(state.partners.values(), (r) => r.id),
      credentials: pairs(state.credentials.values(), (r) => r.id),
      merchants: pairs(state.merchants.values(), (r) => r.id),
      stores: pairs(state.stores.values(), (r) => r.storeId),
      payments: pairs(state.payments.values(), (r) => r.id),
      webhooks: pairs(state.webhooks.values(), (r) => r.id),
      usedOnboardingTokens: (function* () {
        for (const [token, merchant] of state.usedOnboardingTokens()) yield [token, merchant.id] as const;
      })(),
      mockSettlements: state.mockSettlements.entries(),
      deliveries: (function* () {
        for (const record of deps.deliveries.all())
          yield [record.id, { record, secret: secrets(record) } satisfies StoredDelivery] as const;
      })(),
    },
  };
}

// ---- checking what a store read back -------------------------------------------------------

type FieldType =
  'int' | 'number' | 'string' | 'bool' | 'string|null' | 'int|null' | 'string?' | 'array' | 'object|null';
type Shape = Record<string, FieldType | readonly string[]>;

function fits(value: unknown, type: FieldType | readonly string[]): boolean {
  if (Array.isArray(type)) return typeof value === 'string' && type.includes(value);
  switch (type) {
    case 'int':
      return Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'string|null':
      return value === null || typeof value === 'string';
    case 'int|null':
      return value === null || Number.isSafeInteger(value);
    case 'string?':
      return value === undefined || value === null || typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'object|null':
      return value === null || (typeof value === 'object' && !Array.isArray(value));
  }
  return false;
}

/** `what` names the record in a message; it is a function so that sound records cost no string. */
function check<T>(what: string | (() => string), value: unknown, shape: Shape): T {
  const name = () => (typeof what === 'string' ? what : what());
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(`${name()} is not an object`);
  const record = value as Record<string, unknown>;
  for (const field in shape) {
    if (!fits(record[field], shape[field]!))
      throw bad(`${name()} has a bad ${field}: ${JSON.stringify(record[field]) ?? 'missing'}`);
  }
  return value as T;
}

const bad = (problem: string) => new StateFileError(problem);

/**
 * The parts of records whose shape the control API's spec already defines (a rule's decision, a
 * delivery's rule and attempts) are checked against it, compiled once, not by hand-written shapes.
 */
const specParts = new Map<string, ValidateFunction>();
let specAjv: ReturnType<typeof createSpecAjv> | undefined;
function specPart(
  schema: 'OutcomeRuleDecision' | 'DeliveryRule' | 'DeliveryAttempt',
  value: unknown,
  what: string,
): void {
  let validate = specParts.get(schema);
  if (!validate) {
    specAjv ??= createSpecAjv();
    validate = specAjv.compile({ $ref: `${specSchemaId('control-api')}#/components/schemas/${schema}` });
    specParts.set(schema, validate);
  }
  if (!validate(value))
    throw bad(
      `${what} is unsound: ${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ')}`,
    );
}
const TIMES = { createdAt: 'string', updatedAt: 'string' } as const;

const PARTNER: Shape = {
  id: 'int',
  name: 'string',
  companyName: 'string',
  contactEmail: 'string',
  contactPhone: 'string|null',
  website: 'string|null',
  registrationNumber: 'string|null',
  status: ['pending', 'active', 'suspended'],
  ...TIMES,
};
const CREDENTIAL: Shape = {
  id: 'int',
  partnerId: 'int',
  name: 'string',
  clientId: 'string',
  secret: 'string',
  status: ['active', 'revoked'],
  ...TIMES,
};
const MERCHANT: Shape = {
  id: 'int',
  partnerId: 'int',
  clientId: 'string',
  companyName: 'string',
  contactEmail: 'string',
  contactPhone: 'string|null',
  partnerRefId: 'string|null',
  status: ['pending', 'active', 'inactive'],
  onboardingToken: 'string|null',
  onboardingExpiresAt: 'string|null',
  fastTrack: 'object|null',
  isTest: 'bool',
  ...TIMES,
};
const STORE: Shape = {
  storeId: 'string',
  merchantId: 'int',
  partnerId: 'int',
  locationId: 'string',
  name: 'string',
  streetAddress: 'string?',
  city: 'string?',
  postalCode: 'string?',
  countryCode: 'string',
  phone: 'string?',
  email: 'string?',
  isActive: 'bool',
  isDefault: 'bool',
  ...TIMES,
};
const PAYMENT: Shape = {
  id: 'int',
  partnerId: 'int',
  merchantId: 'int',
  merchantClientId: 'string',
  amount: 'number',
  currency: 'string',
  referenceNumber: 'string',
  description: 'string|null',
  storeId: 'string|null',
  registerId: 'string|null',
  status: ['pending', 'paid', 'failed', 'expired'],
  bankPaymentStatus: 'string|null',
  token: 'string',
  bank: 'string|null',
  ...TIMES,
  expiresAt: 'string',
  paidAt: 'string|null',
};
const WEBHOOK: Shape = {
  id: 'int',
  partnerId: 'int',
  url: 'string',
  events: 'array',
  status: ['active', 'inactive'],
  secret: 'string',
  lastTriggeredAt: 'string|null',
  ...TIMES,
};
const DELIVERY: Shape = {
  id: 'string',
  partnerId: 'int',
  webhookId: 'int',
  url: 'string',
  event: ['payment.completed', 'payment.failed', 'merchant.activated', 'merchant.deactivated'],
  body: 'string',
  paymentId: 'int|null',
  merchantId: 'int|null',
  test: 'bool',
  outcome: ['pending', 'delivered', 'failed'],
  attempts: 'array',
  nextAttemptAt: 'string|null',
  ...TIMES,
};
const SEQUENCES: Shape = { partner: 'int', credential: 'int', merchant: 'int', payment: 'int', webhook: 'int' };

function checkMeta(value: unknown): StoredMeta {
  const meta = check<StoredMeta>('meta', value, { seq: 'object|null', clock: 'object|null', faults: 'object|null' });
  check('meta.seq', meta.seq, SEQUENCES);
  check('meta.clock', meta.clock, { offsetMs: 'number', nowMs: 'number' });
  check('meta.faults', meta.faults, { nextId: 'int', faults: 'array' });
  if (meta.idsPosition !== null && !Number.isSafeInteger(meta.idsPosition)) throw bad('meta has a bad idsPosition');
  if (meta.rules !== undefined) {
    // E102: the rules as a scenario's rules section would be checked.
    check('meta.rules', meta.rules, { nextId: 'int', rules: 'array' });
    const result = validateScenario({ version: 1, rules: meta.rules.rules });
    if (!result.ok) throw bad(`meta.rules is unsound: ${result.problems.join('; ')}`);
    if (meta.rules.rules.some((rule) => typeof rule.id !== 'string')) throw bad('meta.rules has a rule without an id');
  }
  return meta;
}

/** Checks a record against its shape and that it is stored under its own key. */
function entry<T>(table: string, shape: Shape, keyField: string, key: RecordKey, value: unknown): T {
  const record = check<T>(() => `${table} ${String(key)}`, value, shape);
  const own = (record as Record<string, unknown>)[keyField];
  if (own !== key) throw bad(`${table} ${String(key)} is stored under the key of ${String(own)}`);
  return record;
}

function need<T>(found: T | undefined, problem: () => string): T {
  if (found === undefined) throw bad(problem());
  return found;
}

export interface WorldCounts extends ScenarioCounts {
  deliveries: number;
  /** Pending deliveries whose retries were queued again. */
  resumedDeliveries: number;
}

/**
 * Checks the stored world and makes it the running one; throws StateFileError (and changes nothing
 * that is running) at the first unsound record. Call before the change log is attached.
 */
export function installWorld(deps: WorldDeps, world: LoadedWorld): WorldCounts {
  const meta = checkMeta(world.meta);
  const state = new MockState();
  const { tables } = world;
  for (const [key, value] of tables.partners)
    state.addPartner(entry<PartnerRecord>('partner', PARTNER, 'id', key, value));
  for (const [key, value] of tables.credentials) {
    const credential = entry<CredentialRecord>('credential', CREDENTIAL, 'id', key, value);
    need(state.partners.get(credential.partnerId), () => `credential ${key} belongs to no partner`);
    state.addCredential(credential);
  }
  for (const [key, value] of tables.merchants) {
    const merchant = entry<MerchantRecord>('merchant', MERCHANT, 'id', key, value);
    need(state.partners.get(merchant.partnerId), () => `merchant ${key} belongs to no partner`);
    state.addMerchant(merchant);
  }
  for (const [key, value] of tables.stores) {
    const store = entry<StoreRecord>('store', STORE, 'storeId', key, value);
    need(state.merchants.get(store.merchantId), () => `store ${key} belongs to no merchant`);
    state.addStore(store);
  }
  for (const [key, value] of tables.payments) {
    const payment = entry<PaymentRecord>('payment', PAYMENT, 'id', key, value);
    need(state.merchants.get(payment.merchantId), () => `payment ${key} belongs to no merchant`);
    if (payment.outcomeRule !== undefined)
      specPart('OutcomeRuleDecision', payment.outcomeRule, `payment ${key}'s outcomeRule`);
    state.addPayment(payment);
  }
  for (const [key, value] of tables.webhooks) {
    const webhook = entry<WebhookRecord>('webhook', WEBHOOK, 'id', key, value);
    need(state.partners.get(webhook.partnerId), () => `webhook ${key} belongs to no partner`);
    state.addWebhook(webhook);
  }
  for (const [token, merchantId] of tables.usedOnboardingTokens) {
    const merchant = need(
      typeof token === 'string' && typeof merchantId === 'number' ? state.merchants.get(merchantId) : undefined,
      () => `used onboarding token ${String(token)} belongs to no merchant`,
    );
    state.restoreUsedOnboardingToken(token as string, merchant);
  }
  for (const [paymentId, dueMs] of tables.mockSettlements) {
    const payment = typeof paymentId === 'number' ? state.payments.get(paymentId) : undefined;
    if (!payment || !Number.isFinite(dueMs)) throw bad(`mock settlement ${String(paymentId)} is unsound`);
    state.mockSettlements.set(payment.id, dueMs as number);
  }
  const deliveries: StoredDelivery[] = [];
  for (const [key, value] of tables.deliveries) {
    const stored = check<StoredDelivery>(() => `delivery ${String(key)}`, value, {
      record: 'object|null',
      secret: 'string|null',
    });
    const delivery = entry<DeliveryRecord>('delivery', DELIVERY, 'id', key, stored.record);
    if (delivery.rule !== undefined && delivery.rule !== null)
      specPart('DeliveryRule', delivery.rule, `delivery ${key}'s rule`);
    for (const attempt of delivery.attempts) specPart('DeliveryAttempt', attempt, `an attempt of delivery ${key}`);
    deliveries.push(stored);
  }
  // Ids continue after the highest ever given out, even when that record was deleted since (E52).
  for (const kind of Object.keys(SEQUENCES) as (keyof StoredMeta['seq'])[])
    state.seq[kind] = Math.max(state.seq[kind], meta.seq[kind]);
  if (meta.rules) {
    state.rules = meta.rules.rules;
    state.ruleSeq = meta.rules.nextId;
  }

  // Everything is sound: swap it in.
  replaceState(deps.state, state);
  deps.dispatcher.reset();
  deps.deliveries.clear();
  for (const stored of deliveries) deps.deliveries.restore(stored);
  deps.faults.restore(meta.faults);
  if (meta.idsPosition !== null) deps.ids.seek?.(meta.idsPosition);
  // E52: the clock goes on from where QA left it, and never behind the last commit.
  const behind = meta.clock.offsetMs - deps.clock.offsetMs();
  if (behind > 0) deps.clock.advance(behind);
  const late = meta.clock.nowMs - deps.clock.nowMs();
  if (late > 0) deps.clock.advance(late);

  return { ...resumePending(deps, deliveries), ...countsOf(deps.state), deliveries: deliveries.length };
}

/** D20, D25, D29: what was waiting for the clock waits again, at the same clock times (E53). */
function resumePending(deps: WorldDeps, deliveries: StoredDelivery[]): { resumedDeliveries: number } {
  const { state, services, dispatcher, logger } = deps;
  // Expiries and the outcomes rules decided (E101).
  for (const payment of state.payments.values()) services.payments.resume(payment);
  for (const [paymentId, dueMs] of state.mockSettlements) {
    const payment = state.payments.get(paymentId)!;
    if (payment.status === 'pending') services.payments.scheduleMockCompletionAt(payment, dueMs);
  }
  let resumed = 0;
  for (const { record, secret } of deliveries) {
    if (record.outcome !== 'pending') continue;
    const key = secret ?? state.webhooks.get(record.webhookId)?.secret;
    if (key === undefined) {
      logger.warn({ deliveryId: record.id }, 'pending delivery has no secret to sign with; not resumed');
      continue;
    }
    dispatcher.resume(record, key);
    resumed += 1;
  }
  return { resumedDeliveries: resumed };
}
