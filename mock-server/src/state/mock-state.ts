/**
 * The in-memory record store of the mock: every table, with the indexes that keep lookups O(1) and
 * lists O(page). Only this file touches the indexes; services call its methods so that a record and
 * its index entries always change together.
 */
import { IdTable } from './id-table';
import { PaymentRows, type PaymentFacts } from './payment-rows';
import type {
  CredentialRecord,
  MerchantRecord,
  MerchantStatus,
  PartnerRecord,
  PaymentRecord,
  PaymentStatus,
  StoreRecord,
  WebhookRecord,
} from './records';
import type { StoredRule } from '../../../fixtures/src/rules';
import type { ChangeLog } from './change-log';
import { SortedIndex } from './sorted-index';
import { apiError } from '../http/api-error';

export interface Sequences {
  partner: number;
  credential: number;
  merchant: number;
  payment: number;
  webhook: number;
}

/** A plain-JSON copy of every table: what `GET /__control/state` exports and scenarios load. */
export interface StateSnapshot {
  version: 1;
  partners: PartnerRecord[];
  credentials: CredentialRecord[];
  merchants: MerchantRecord[];
  stores: StoreRecord[];
  payments: PaymentRecord[];
  webhooks: WebhookRecord[];
}

const partnerKey = (partnerId: number) => `p${partnerId}`;
const partnerStatusKey = (partnerId: number, status: string) => `p${partnerId}:${status}`;
const merchantKey = (merchantId: number) => `m${merchantId}`;
const merchantStatusKey = (merchantId: number, status: string) => `m${merchantId}:${status}`;

/** Every table and index of one world; a swap replaces the whole object at once (E130). */
class Tables {
  // The records by id, then (typed) the lookups and lists that MockState's methods keep with them.
  readonly seq: Sequences = { partner: 0, credential: 0, merchant: 0, payment: 0, webhook: 0 };

  readonly partners = new Map<number, PartnerRecord>();
  readonly credentials = new Map<number, CredentialRecord>();
  readonly credentialsByClientId: Map<string, CredentialRecord> = new Map();
  readonly credentialsByPartner: Map<number, number[]> = new Map();

  readonly merchants = new Map<number, MerchantRecord>();
  readonly merchantsByClientId: Map<string, MerchantRecord> = new Map();
  readonly merchantsByToken: Map<string, MerchantRecord> = new Map();
  readonly merchantsByUsedToken: Map<string, MerchantRecord> = new Map();
  readonly merchantIndex: SortedIndex = new SortedIndex();

  readonly stores = new Map<string, StoreRecord>();
  readonly storesByMerchant: Map<number, string[]> = new Map();
  /** By merchant, then locationId: no key text is built and hashed for each lookup (E215). */
  readonly storesByLocation: Map<number, Map<string, StoreRecord>> = new Map();
  readonly defaultStores: Map<number, StoreRecord> = new Map();

  /** E235: the loaded payments that are final, as rows outside the heap. */
  readonly paymentRows = new PaymentRows();
  /** E234: by id in an array while the ids ascend, as they are given out and loaded; E235: a final loaded one is a row. */
  readonly payments = new IdTable<PaymentRecord>((row) => this.paymentRows.read(row));
  /**
   * E203: built at the first lookup by token (the pay page), not while a world loads: for a million
   * loaded payments it is a second of start-up that a mock whose pages are never opened does not need.
   * Payment ids by token.
   */
  paymentsByToken: Map<string, number> | null = null;
  readonly paymentIndex: SortedIndex = new SortedIndex();

  readonly webhooks = new Map<number, WebhookRecord>();
  readonly webhooksByPartner: Map<number, number[]> = new Map();

  /** D25: when a payment sent with `X-Mock-Payment: delay=<ms>` gets paid (clock ms), by payment id. */
  readonly mockSettlements = new Map<number, number>();

  /** E100-E105: the outcome and webhook behaviour rules, first match first; the state file keeps them in its meta. */
  rules: StoredRule[] = [];
  /** The number of the last generated rule id (`rule-<n>`), so that ids are not given twice. */
  ruleSeq = 0;
}

/** The tables the rest of the mock reads by name; each reads through to the current world (E130). */
const RECORDS: readonly (keyof Tables)[] = ['partners', 'credentials', 'merchants', 'stores', 'payments', 'webhooks'];
const READ_THROUGH: readonly (keyof Tables)[] = ['seq', ...RECORDS, 'mockSettlements'];
const WRITE_THROUGH: readonly (keyof Tables)[] = ['rules', 'ruleSeq'];

/** The records a change can be about, by the change log's table. */
interface TouchableRecords {
  partners: PartnerRecord;
  credentials: CredentialRecord;
  merchants: MerchantRecord;
  stores: StoreRecord;
  payments: PaymentRecord;
  webhooks: WebhookRecord;
}

export class MockState {
  declare readonly seq: Tables['seq'];
  declare readonly partners: Tables['partners'];
  declare readonly credentials: Tables['credentials'];
  declare readonly merchants: Tables['merchants'];
  declare readonly stores: Tables['stores'];
  declare readonly payments: Tables['payments'];
  declare readonly webhooks: Tables['webhooks'];
  declare readonly mockSettlements: Tables['mockSettlements'];
  declare rules: Tables['rules'];
  declare ruleSeq: Tables['ruleSeq'];

  static {
    for (const name of [...READ_THROUGH, ...WRITE_THROUGH]) {
      const settable = WRITE_THROUGH.includes(name);
      Object.defineProperty(MockState.prototype, name, {
        get(this: MockState) {
          return this.t[name];
        },
        ...(settable && {
          set(this: MockState, value: unknown) {
            (this.t as unknown as Record<string, unknown>)[name] = value;
          },
        }),
      });
    }
  }

  /** The world's tables; only `replaceWith` swaps them. */
  private t = new Tables();
  /**
   * Set when a state file is used (E50): every method below that adds or changes a record puts it
   * here. Code that changes a record's plain fields in place calls the matching `touch…` method.
   */
  changes: ChangeLog | null = null;
  /** E102: the rules of `--rules` and `--auto-pay`, put back into every world that replaces this one. */
  configRules: readonly StoredRule[] = [];

  /**
   * Makes `source`'s tables this state's, in one step (runtime/world.ts is the one caller). This
   * state keeps its change log, which then rewrites the whole state file in one commit (E50), and
   * its config rules, which go into the new world's rules (E102).
   */
  replaceWith(source: MockState): void {
    this.t = source.t;
    this.applyConfigRules();
    this.changes?.replaceWorld();
  }

  /** The next id of `kind`; a 409 (`ids_exhausted`, E225), and nothing drawn, once 2^53 − 1 is taken. */
  nextId(kind: keyof Sequences): number {
    if (this.seq[kind] >= Number.MAX_SAFE_INTEGER) throw apiError('ids_exhausted', kind);
    this.seq[kind] += 1;
    return this.seq[kind];
  }

  /** A record with a sequential id moves its kind's sequence past that id (D3). */
  private passSequence(kind: keyof Sequences, id: number): void {
    if (id > this.seq[kind]) this.seq[kind] = id;
  }

  /** A record changed in place: the change log (the state file's, E50) files it under its key. */
  touch<K extends keyof TouchableRecords>(table: K, record: TouchableRecords[K]): void {
    const key = table === 'stores' ? (record as StoreRecord).storeId : (record as { id: number }).id;
    this.changes?.put(table, key, record);
  }

  // Partners and credentials (D1, D2, D31)
  addPartner(partner: PartnerRecord): void {
    this.partners.set(partner.id, partner);
    this.passSequence('partner', partner.id);
    this.touch('partners', partner);
  }

  addCredential(credential: CredentialRecord): void {
    this.credentials.set(credential.id, credential);
    this.t.credentialsByClientId.set(credential.clientId, credential);
    pushTo(this.t.credentialsByPartner, credential.partnerId, credential.id);
    this.passSequence('credential', credential.id);
    this.touch('credentials', credential);
  }

  credentialByClientId(clientId: string): CredentialRecord | undefined {
    return this.t.credentialsByClientId.get(clientId);
  }

  credentialsOf(partnerId: number): CredentialRecord[] {
    return (this.t.credentialsByPartner.get(partnerId) ?? []).map((id) => this.credentials.get(id)!);
  }

  // Merchants (D8-D14)
  addMerchant(merchant: MerchantRecord): void {
    this.merchants.set(merchant.id, merchant);
    this.t.merchantsByClientId.set(merchant.clientId, merchant);
    if (merchant.onboardingToken) this.t.merchantsByToken.set(merchant.onboardingToken, merchant);
    this.t.merchantIndex.add(partnerKey(merchant.partnerId), merchant.id);
    this.t.merchantIndex.add(partnerStatusKey(merchant.partnerId, merchant.status), merchant.id);
    this.passSequence('merchant', merchant.id);
    this.touch('merchants', merchant);
  }

  merchantByClientId(clientId: string): MerchantRecord | undefined {
    return this.t.merchantsByClientId.get(clientId);
  }

  merchantByOnboardingToken(token: string): MerchantRecord | undefined {
    return this.t.merchantsByToken.get(token);
  }

  setMerchantStatus(merchant: MerchantRecord, status: MerchantStatus, at: string): void {
    if (merchant.status === status) return;
    this.t.merchantIndex.remove(partnerStatusKey(merchant.partnerId, merchant.status), merchant.id);
    merchant.status = status;
    merchant.updatedAt = at;
    this.t.merchantIndex.add(partnerStatusKey(merchant.partnerId, status), merchant.id);
    this.touch('merchants', merchant);
  }

  setOnboardingToken(merchant: MerchantRecord, token: string | null, expiresAt: string | null): void {
    if (merchant.onboardingToken) this.t.merchantsByToken.delete(merchant.onboardingToken);
    merchant.onboardingToken = token;
    merchant.onboardingExpiresAt = expiresAt;
    if (token) this.t.merchantsByToken.set(token, merchant);
    this.touch('merchants', merchant);
  }

  /** D11: a link that was used (or closed by activation) keeps answering "already completed", not "unknown". */
  retireOnboardingToken(merchant: MerchantRecord): void {
    if (!merchant.onboardingToken) return;
    this.t.merchantsByUsedToken.set(merchant.onboardingToken, merchant);
    this.changes?.put('usedOnboardingTokens', merchant.onboardingToken, merchant.id);
    this.setOnboardingToken(merchant, null, null);
  }

  /** Used links by token, for the state file (E51). */
  usedOnboardingTokens(): IterableIterator<[string, MerchantRecord]> {
    return this.t.merchantsByUsedToken.entries();
  }

  /** A used link read back from the state file. */
  restoreUsedOnboardingToken(token: string, merchant: MerchantRecord): void {
    this.t.merchantsByUsedToken.set(token, merchant);
  }

  merchantByUsedOnboardingToken(token: string): MerchantRecord | undefined {
    return this.t.merchantsByUsedToken.get(token);
  }

  pageMerchants(partnerId: number, status: MerchantStatus | undefined, page: number, limit: number) {
    const key = status ? partnerStatusKey(partnerId, status) : partnerKey(partnerId);
    const ids = this.t.merchantIndex.pageNewestFirst(key, page, limit);
    return { items: ids.map((id) => this.merchants.get(id)!), total: this.t.merchantIndex.count(key) };
  }

  countMerchants(partnerId: number, status?: MerchantStatus): number {
    return this.t.merchantIndex.count(status ? partnerStatusKey(partnerId, status) : partnerKey(partnerId));
  }

  // Stores (D15-D18)
  addStore(store: StoreRecord): void {
    this.stores.set(store.storeId, store);
    pushTo(this.t.storesByMerchant, store.merchantId, store.storeId);
    this.locationsOf(store.merchantId).set(store.locationId, store);
    if (store.isDefault) this.t.defaultStores.set(store.merchantId, store);
    this.touch('stores', store);
  }

  storeByLocationId(merchantId: number, locationId: string): StoreRecord | undefined {
    return this.t.storesByLocation.get(merchantId)?.get(locationId);
  }

  private locationsOf(merchantId: number): Map<string, StoreRecord> {
    let locations = this.t.storesByLocation.get(merchantId);
    if (!locations) {
      locations = new Map();
      this.t.storesByLocation.set(merchantId, locations);
    }
    return locations;
  }

  setStoreLocationId(store: StoreRecord, locationId: string): void {
    const locations = this.locationsOf(store.merchantId);
    locations.delete(store.locationId);
    store.locationId = locationId;
    locations.set(locationId, store);
    this.touch('stores', store);
  }

  defaultStoreOf(merchantId: number): StoreRecord | undefined {
    return this.t.defaultStores.get(merchantId);
  }

  /** D18: moves the merchant's default to `store` in one step, clearing (and touching) the previous one. */
  setDefaultStore(store: StoreRecord, at: string): void {
    const previous = this.t.defaultStores.get(store.merchantId);
    if (previous === store) return;
    if (previous) {
      previous.isDefault = false;
      previous.updatedAt = at;
      this.touch('stores', previous);
    }
    store.isDefault = true;
    store.updatedAt = at;
    this.t.defaultStores.set(store.merchantId, store);
    this.touch('stores', store);
  }

  storesOf(merchantId: number): StoreRecord[] {
    return (this.t.storesByMerchant.get(merchantId) ?? []).map((id) => this.stores.get(id)!);
  }

  // Payments (D19-D25)
  addPayment(payment: PaymentRecord): void {
    this.payments.set(payment.id, payment);
    this.t.paymentsByToken?.set(payment.token, payment.id);
    this.t.paymentIndex.add(partnerKey(payment.partnerId), payment.id);
    this.t.paymentIndex.add(partnerStatusKey(payment.partnerId, payment.status), payment.id);
    this.t.paymentIndex.add(merchantKey(payment.merchantId), payment.id);
    this.t.paymentIndex.add(merchantStatusKey(payment.merchantId, payment.status), payment.id);
    this.passSequence('payment', payment.id);
    this.touch('payments', payment);
  }

  /**
   * E235: what `addPayments` takes for `payment`: a row of this world's final payments when it is
   * final and fits one (the record itself is then not kept), else the record.
   */
  paymentEntry(payment: PaymentRecord): PaymentRecord | number {
    const row = this.t.paymentRows.add(payment);
    return row < 0 ? payment : row;
  }

  /**
   * E190: the same as addPayment for each payment (a scenario load), with each index list built in
   * one step: the ids are grouped by owner and status first, then every list is sorted and merged once.
   * A number is a row made by `paymentEntry` (E235).
   */
  addPayments(payments: readonly (PaymentRecord | number)[]): void {
    const byPartner = new Map<number, Map<string, number[]>>();
    const byMerchant = new Map<number, Map<string, number[]>>();
    const byToken = this.t.paymentsByToken;
    const rows = this.t.paymentRows;
    for (const entry of payments) {
      let id: number, partnerId: number, merchantId: number, status: PaymentStatus;
      if (typeof entry === 'number') {
        id = rows.id(entry);
        partnerId = rows.partnerId(entry);
        merchantId = rows.merchantId(entry);
        status = rows.status(entry);
        this.payments.setRow(id, entry);
        byToken?.set(rows.token(entry), id);
        if (this.changes) this.touch('payments', rows.read(entry));
      } else {
        ({ id, partnerId, merchantId, status } = entry);
        this.payments.set(id, entry);
        byToken?.set(entry.token, id);
        this.touch('payments', entry);
      }
      group(byPartner, partnerId, status, id);
      group(byMerchant, merchantId, status, id);
      this.passSequence('payment', id);
    }
    const index = this.t.paymentIndex;
    for (const [partnerId, lists] of byPartner)
      for (const [status, ids] of lists)
        index.addMany(status ? partnerStatusKey(partnerId, status) : partnerKey(partnerId), ids);
    for (const [merchantId, lists] of byMerchant)
      for (const [status, ids] of lists)
        index.addMany(status ? merchantStatusKey(merchantId, status) : merchantKey(merchantId), ids);
  }

  paymentByToken(token: string): PaymentRecord | undefined {
    let byToken = this.t.paymentsByToken;
    if (!byToken) {
      // In the order the payments were added, as one add at a time would have left it.
      byToken = new Map();
      const rows = this.t.paymentRows;
      for (const [id, entry] of this.payments.heldEntries())
        byToken.set(typeof entry === 'number' ? rows.token(entry) : entry.token, id);
      this.t.paymentsByToken = byToken;
    }
    const id = byToken.get(token);
    return id === undefined ? undefined : this.payments.get(id);
  }

  /** The payment's status, currency, amount and creation time; a row's without making its record (E235). */
  paymentFacts(id: number): PaymentFacts | undefined {
    const held = this.payments.held(id);
    return typeof held === 'number' ? this.t.paymentRows.facts(held) : held;
  }

  /**
   * The payments that can still change (E235: every final one loaded with a world is a row, read as
   * a frozen copy): what a world swap takes off the timeline and puts back on it.
   */
  changeablePayments(): IterableIterator<PaymentRecord> {
    return this.payments.objects();
  }

  setPaymentStatus(payment: PaymentRecord, status: PaymentStatus): void {
    if (payment.status === status) return;
    this.t.paymentIndex.remove(partnerStatusKey(payment.partnerId, payment.status), payment.id);
    this.t.paymentIndex.remove(merchantStatusKey(payment.merchantId, payment.status), payment.id);
    payment.status = status;
    this.t.paymentIndex.add(partnerStatusKey(payment.partnerId, status), payment.id);
    this.t.paymentIndex.add(merchantStatusKey(payment.merchantId, status), payment.id);
    this.touch('payments', payment);
  }

  setMockSettlement(paymentId: number, dueMs: number): void {
    this.mockSettlements.set(paymentId, dueMs);
    this.changes?.put('mockSettlements', paymentId, dueMs);
  }

  clearMockSettlement(paymentId: number): void {
    if (this.mockSettlements.delete(paymentId)) this.changes?.delete('mockSettlements', paymentId);
  }

  /** One page of payments, newest first; filtered by merchant and/or status through the indexes. */
  pagePayments(
    filter: { partnerId: number; merchantId?: number; status?: PaymentStatus },
    page: number,
    limit: number,
  ) {
    const key =
      filter.merchantId !== undefined
        ? filter.status
          ? merchantStatusKey(filter.merchantId, filter.status)
          : merchantKey(filter.merchantId)
        : filter.status
          ? partnerStatusKey(filter.partnerId, filter.status)
          : partnerKey(filter.partnerId);
    const ids = this.t.paymentIndex.pageNewestFirst(key, page, limit);
    return { items: ids.map((id) => this.payments.get(id)!), total: this.t.paymentIndex.count(key) };
  }

  paymentIdsOf(partnerId: number): readonly number[] {
    return this.t.paymentIndex.values(partnerKey(partnerId));
  }

  // Webhooks (D26)
  addWebhook(webhook: WebhookRecord): void {
    this.webhooks.set(webhook.id, webhook);
    pushTo(this.t.webhooksByPartner, webhook.partnerId, webhook.id);
    this.passSequence('webhook', webhook.id);
    this.touch('webhooks', webhook);
  }

  removeWebhook(webhook: WebhookRecord): void {
    this.webhooks.delete(webhook.id);
    const ids = this.t.webhooksByPartner.get(webhook.partnerId);
    const at = ids ? ids.indexOf(webhook.id) : -1;
    if (at >= 0) ids!.splice(at, 1); // never splice(-1): that would drop the partner's last webhook
    this.changes?.delete('webhooks', webhook.id);
  }

  webhooksOf(partnerId: number): WebhookRecord[] {
    return (this.t.webhooksByPartner.get(partnerId) ?? []).map((id) => this.webhooks.get(id)!);
  }

  // Rules (E100-E105). The state file stores them with its meta record, which every commit compares.
  setRules(rules: StoredRule[]): void {
    this.rules = rules;
  }

  /** E102: each config rule replaces the world's rule with its id, or goes after the world's rules. */
  applyConfigRules(): void {
    if (this.configRules.length === 0) return;
    const rules = [...this.rules];
    for (const rule of this.configRules) {
      const at = rules.findIndex((r) => r.id === rule.id);
      if (at >= 0) rules[at] = structuredClone(rule);
      else rules.push(structuredClone(rule));
    }
    this.rules = rules;
  }

  snapshot(): StateSnapshot {
    return structuredClone({
      version: 1 as const,
      partners: [...this.partners.values()],
      credentials: [...this.credentials.values()],
      merchants: [...this.merchants.values()],
      stores: [...this.stores.values()],
      payments: [...this.payments.values()],
      webhooks: [...this.webhooks.values()],
    });
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** An id under its owner's whole list (status '') and under the owner's list for its status. */
function group(groups: Map<number, Map<string, number[]>>, owner: number, status: string, id: number): void {
  let lists = groups.get(owner);
  if (!lists) {
    lists = new Map();
    groups.set(owner, lists);
  }
  pushTo(lists, '', id);
  pushTo(lists, status, id);
}
