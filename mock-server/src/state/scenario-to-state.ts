/**
 * A valid scenario → a complete new MockState, with every default of fixtures/scenarios/README.md
 * filled in. Nothing here touches the running state; runtime/world.ts swaps the result in.
 */
import { toSlug } from '../../../fixtures/src/danish';
import type {
  Scenario,
  ScenarioMerchant,
  ScenarioPartner,
  ScenarioPayment,
  ScenarioStore,
  ScenarioWebhook,
} from '../../../fixtures/src/scenario';
import type { MockConfig } from '../config';
import { storeRules } from '../domain/rules/rules-service';
import type { Clock } from '../shared/clock';
import type { IdGenerator } from '../shared/ids';
import { isPlainIsoInstant } from '../../../spec/formats';
// E201: time arithmetic on the text, with the text `new Date(Date.parse(time) + ms).toISOString()` gives.
import { plusMs as plus } from './canonical-time';
import { MockState } from './mock-state';
import type { CredentialRecord, MerchantRecord, PaymentRecord, PaymentStatus, StoreRecord } from './records';
import { seedDefaultPartner } from './seed';

export interface BuildDeps {
  clock: Clock;
  ids: IdGenerator;
  config: Pick<MockConfig, 'clientId' | 'clientSecret' | 'paymentExpirySeconds' | 'onboardingLinkDays'>;
}

interface Context extends BuildDeps {
  state: MockState;
  /** Load time: the default for timestamps that have no better anchor. */
  now: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** D23: ISO 20022 bank statuses of settled payments. */
const BANK_PAYMENT_STATUS: Record<PaymentStatus, string | null> = {
  pending: null,
  paid: 'AcceptedSettlementCompleted',
  failed: 'Rejected',
  expired: 'Expired',
};

/** D4: stored as UTC with milliseconds, whatever offset the file used (most files already do). */
const at = (value: string | null | undefined, fallback: string) =>
  !value ? fallback : isPlainIsoInstant(value) ? value : new Date(value).toISOString();
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export function scenarioToState(scenario: Scenario, deps: BuildDeps): MockState {
  const builder = scenarioBuilder(scenario, deps);
  builder.addPayments(scenario.payments ?? []);
  return builder.finish();
}

/** A state built from a scenario's other records first and its payments after, in pieces (E218). */
export interface ScenarioBuilder {
  /** Payments in any order; pieces after the first must hold higher ids than every one before. */
  addPayments(payments: readonly ScenarioPayment[]): void;
  finish(): MockState;
}

/**
 * scenarioToState in steps, for a scenario whose payments are read a piece at a time: `scenario`'s
 * own payments are ignored. Ids are drawn in the same order as scenarioToState draws them.
 */
export function scenarioBuilder(scenario: Scenario, deps: BuildDeps): ScenarioBuilder {
  const ctx: Context = { ...deps, state: new MockState(), now: deps.clock.now().toISOString() };
  const partners = scenario.partners ?? [];
  partners.forEach((p) => addPartner(ctx, p));
  credentialRecords(ctx, partners).forEach((c) => ctx.state.addCredential(c));
  (scenario.merchants ?? []).forEach((m) => addMerchant(ctx, m));
  addStores(ctx, scenario.stores ?? []);
  const payments = paymentRecords(ctx);
  return {
    addPayments: (piece) => payments.add(piece),
    finish() {
      payments.addTo(ctx.state);
      (scenario.webhooks ?? []).forEach((w) => addWebhook(ctx, w));
      // E102: the world's rules, each with an id (`rule-<n>` numbered from 1 for those without).
      ctx.state.setRules(storeRules(scenario.rules ?? [], ctx.state));
      // D1: `npm start` prints the configured credential, so some partner must hold it.
      if (!ctx.state.credentialByClientId(deps.config.clientId)) seedDefaultPartner(ctx.state, deps.config, deps.clock);
      return ctx.state;
    },
  };
}

function addPartner({ state, now }: Context, p: ScenarioPartner): void {
  const createdAt = at(p.createdAt, now);
  state.addPartner({
    id: p.id,
    name: p.name,
    companyName: p.companyName ?? p.name,
    contactEmail: p.contactEmail ?? `kontakt@${toSlug(p.name) || `partner-${p.id}`}.dk`,
    contactPhone: p.contactPhone ?? null,
    website: p.website ?? null,
    registrationNumber: p.registrationNumber ?? null,
    status: p.status ?? 'active',
    createdAt,
    updatedAt: at(p.updatedAt, createdAt),
  });
}

/** Credentials without an id are numbered after the highest given one; all in id order. */
function credentialRecords({ state }: Context, partners: ScenarioPartner[]): CredentialRecord[] {
  let next = Math.max(0, ...partners.flatMap((p) => p.credentials.map((c) => c.id ?? 0)));
  const records = partners.flatMap((p) =>
    p.credentials.map((c): CredentialRecord => {
      const id = c.id ?? ++next;
      const createdAt = at(c.createdAt, state.partners.get(p.id)!.createdAt);
      const { clientId, clientSecret: secret } = c;
      return {
        id,
        partnerId: p.id,
        name: c.name ?? `Credential ${id}`,
        clientId,
        secret,
        status: c.status ?? 'active',
        createdAt,
        updatedAt: at(c.updatedAt, createdAt),
      };
    }),
  );
  return records.sort((a, b) => a.id - b.id);
}

function addMerchant({ state, now, ids, config }: Context, m: ScenarioMerchant): void {
  const createdAt = at(m.createdAt, now);
  const merchant: MerchantRecord = {
    ...m,
    contactPhone: m.contactPhone ?? null,
    partnerRefId: m.partnerRefId ?? null,
    isTest: m.isTest ?? false,
    fastTrack: m.fastTrack ? { ...m.fastTrack, bic: m.fastTrack.bic ?? null } : null,
    onboardingToken: m.onboardingToken ?? null,
    onboardingExpiresAt: m.onboardingExpiresAt ? at(m.onboardingExpiresAt, now) : null,
    createdAt,
    updatedAt: at(m.updatedAt, createdAt),
  };
  // D8/D11: a pending merchant without a link gets one, valid for the configured days from load.
  if (merchant.status === 'pending') {
    merchant.onboardingToken ??= ids.uuid();
    merchant.onboardingExpiresAt ??= plus(now, config.onboardingLinkDays * DAY);
  }
  state.addMerchant(merchant);
  // D11: past onboarding, a link that the scenario still names answers "already completed".
  if (merchant.status !== 'pending') state.retireOnboardingToken(merchant);
}

function addStores({ state, ids }: Context, stores: ScenarioStore[]): void {
  const taken = new Set(stores.filter((s) => s.locationId).map((s) => `${s.merchantId}:${s.locationId}`));
  // D3: `LOC-YYYYMMDD-XXXX`, dated like the store, unique within the merchant.
  const newLocationId = (merchantId: number, createdAt: string) => {
    let id: string;
    do id = `LOC-${createdAt.slice(0, 10).replace(/-/g, '')}-${ids.alphanumeric(4)}`;
    while (taken.has(`${merchantId}:${id}`));
    taken.add(`${merchantId}:${id}`);
    return id;
  };
  for (const s of stores) {
    const merchant = state.merchants.get(s.merchantId)!;
    const createdAt = at(s.createdAt, merchant.updatedAt);
    const store: StoreRecord = {
      ...s,
      partnerId: merchant.partnerId,
      locationId: s.locationId ?? newLocationId(s.merchantId, createdAt),
      countryCode: s.countryCode ?? 'DK',
      isActive: s.isActive ?? true,
      isDefault: s.isDefault ?? false,
      createdAt,
      updatedAt: at(s.updatedAt, createdAt),
    };
    state.addStore(defined(store));
  }
  // D15: an active merchant has a default store; one that the scenario gives none gets "Main Store".
  for (const merchant of state.merchants.values()) {
    if (merchant.status !== 'active' || state.storesOf(merchant.id).length > 0) continue;
    const { id: merchantId, partnerId, updatedAt: createdAt } = merchant;
    const locationId = newLocationId(merchantId, createdAt);
    state.addStore({
      storeId: ids.uuid(),
      merchantId,
      partnerId,
      locationId,
      name: 'Main Store',
      countryCode: 'DK',
      isActive: true,
      isDefault: true,
      createdAt,
      updatedAt: createdAt,
    });
  }
}

/**
 * E190: the payments are built in id order and added in one step, so that every index list is built
 * once instead of one insert at a time. Each record has the fields in the order the payments service
 * creates them in (one hidden class for loaded and created payments), and the few distinct values of
 * its repeated text fields (store, register, bank, statuses, currency) are one string each.
 */
function paymentRecords(ctx: Context): {
  add(payments: readonly ScenarioPayment[]): void;
  addTo(state: MockState): void;
} {
  const shared = new Map<string, string>();
  const one = (value: string | null): string | null => {
    if (value === null) return null;
    const known = shared.get(value);
    if (known !== undefined) return known;
    shared.set(value, value);
    return value;
  };
  const expiryMs = ctx.config.paymentExpirySeconds * 1000;
  // E235: a final payment becomes a row of the world's payments as its piece is built.
  const records: (PaymentRecord | number)[] = [];
  let lastId = -Infinity;
  const settlements: [number, string][] = [];
  return {
    add(payments) {
      // A streamed piece is in id order already (E218): no copy to sort.
      const sorted = payments.every((p, i) => i === 0 || p.id > payments[i - 1]!.id)
        ? payments
        : [...payments].sort((a, b) => a.id - b.id);
      if (sorted.length > 0 && sorted[0]!.id <= lastId)
        throw new RangeError(`payment ${sorted[0]!.id} comes after payment ${lastId}: pieces must follow in id order`);
      for (const p of sorted) {
        const entry = ctx.state.paymentEntry(paymentRecord(ctx, p, one, expiryMs));
        // E235: a drawn token is a slice of the random pool's text (E233); the record kept (pending,
        // mostly one in five) keeps its own copy, so that the pools go with the rows' tokens.
        if (typeof entry !== 'number' && p.token === undefined)
          entry.token = Buffer.from(entry.token, 'latin1').toString('latin1');
        records.push(entry);
        lastId = p.id;
        if (p.mockSettlementAt !== undefined && p.status === 'pending') settlements.push([p.id, p.mockSettlementAt]);
      }
    },
    addTo(state) {
      state.addPayments(records);
      // D25, E132: a delayed mock settlement of a pending payment waits again for its clock time.
      for (const [id, at] of settlements) state.setMockSettlement(id, Date.parse(at));
    },
  };
}

function paymentRecord(
  { state, now, ids }: Context,
  p: ScenarioPayment,
  one: (value: string | null) => string | null,
  expiryMs: number,
): PaymentRecord {
  const merchant = state.merchants.get(p.merchantId)!;
  const createdAt = at(p.createdAt, now);
  // Fallbacks are computed only when the field is missing: a date costs more than the rest of a record.
  const expiresAt = p.expiresAt ? at(p.expiresAt, now) : plus(createdAt, expiryMs);
  const paidAt = p.status !== 'paid' ? null : p.paidAt ? at(p.paidAt, now) : plus(createdAt, MINUTE);
  const settledAt = () =>
    p.status === 'paid'
      ? (paidAt ?? createdAt)
      : p.status === 'failed'
        ? plus(createdAt, MINUTE)
        : p.status === 'expired'
          ? expiresAt
          : createdAt;
  const record: PaymentRecord = {
    id: p.id,
    partnerId: merchant.partnerId,
    merchantId: p.merchantId,
    merchantClientId: merchant.clientId,
    amount: p.amount,
    currency: one(p.currency ?? 'DKK')!,
    referenceNumber: p.referenceNumber,
    description: p.description ?? null,
    storeId: one(p.storeId ?? null),
    registerId: one(p.registerId ?? null),
    status: one(p.status) as PaymentStatus,
    bankPaymentStatus: one(p.bankPaymentStatus !== undefined ? p.bankPaymentStatus : BANK_PAYMENT_STATUS[p.status]),
    token: p.token ?? ids.hex(16),
    bank: one(p.bank ?? null),
    createdAt,
    updatedAt: p.updatedAt ? at(p.updatedAt, now) : settledAt(),
    expiresAt,
    paidAt,
  };
  if (p.outcomeRule) record.outcomeRule = structuredClone(p.outcomeRule);
  return record;
}

function addWebhook({ state, now }: Context, w: ScenarioWebhook): void {
  const createdAt = at(w.createdAt, now);
  const { id, partnerId, url, secret } = w;
  const status = w.status ?? 'active';
  state.addWebhook({
    id,
    partnerId,
    url,
    events: [...w.events],
    status,
    secret,
    lastTriggeredAt: w.lastTriggeredAt ?? null,
    createdAt,
    updatedAt: at(w.updatedAt, createdAt),
  });
}
