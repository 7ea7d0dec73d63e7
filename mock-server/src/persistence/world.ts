/**
 * The mock's world in and out of a StateStore (E50-E53). `captureWorld` reads every table of the
 * running state; `readStoredWorld` checks a stored world record by record and builds a new state
 * from it, which runtime/world.ts then swaps in and resumes.
 *
 * E131: a stored record is checked against the scenario schema's definition of its kind
 * (fixtures/scenarios/scenario.schema.json `$defs`), with the fields only a running record has and
 * every field required; a delivery against the control API's `Delivery`. References between records
 * and the keys they are stored under are checked here.
 */
import type { ValidateFunction } from 'ajv';
import { artefacts, createSpecAjv, specSchemaId } from '../../../spec/index';
import {
  createScenarioAjv,
  scenarioSchemaText,
  scenarioValidatorKey,
  validateScenario,
} from '../../../fixtures/src/scenario-validate';
import type { ScenarioCounts } from '../../../fixtures/src/scenario';
import type { FaultRegistry } from '../control/faults';
import type { Clock } from '../shared/clock';
import type { IdGenerator } from '../shared/ids';
import { MockState, type Sequences } from '../state/mock-state';
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
import type { StoredDelivery } from './tracked-deliveries';

export interface MetaParts {
  state: MockState;
  clock: Clock;
  ids: IdGenerator;
  faults: Pick<FaultRegistry, 'dump' | 'version'>;
}

/** The values of the meta row that change with the state; `clock.nowMs` is added at each commit. */
export function captureMeta({ state, clock, ids, faults }: MetaParts): StoredMeta {
  return {
    seq: { ...state.seq },
    clock: { offsetMs: clock.offsetMs(), nowMs: clock.nowMs() },
    idsPosition: ids.position?.() ?? null,
    faults: faults.dump(),
    rules: { nextId: state.ruleSeq, rules: state.rules },
  };
}

function* pairs<T>(values: Iterable<T>, key: (value: T) => RecordKey): Generator<readonly [RecordKey, unknown]> {
  for (const value of values) yield [key(value), value];
}

export function captureWorld(parts: MetaParts & { deliveries: { all(): DeliveryRecord[] } }): StoredWorld {
  const { state, deliveries } = parts;
  const secretOf = (record: DeliveryRecord) => state.webhooks.get(record.webhookId)?.secret ?? null;
  return {
    meta: captureMeta(parts),
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
        for (const record of deliveries.all())
          yield [record.id, { record, secret: secretOf(record) } satisfies StoredDelivery] as const;
      })(),
    },
  };
}

// ---- checking what a store read back -------------------------------------------------------

const bad = (problem: string) => new StateFileError(problem);

type Kind = 'Partner' | 'Credential' | 'Merchant' | 'Store' | 'Payment' | 'Webhook';
type SchemaObject = { properties: Record<string, unknown>; required?: string[]; [key: string]: unknown };

/**
 * Per kind: the scenario fields a running record does not have, the fields it has that a scenario
 * does not (and their schema), and the fields it may leave out.
 */
const RUNNING: Record<Kind, { drop?: string[]; add?: Record<string, unknown>; optional?: string[] }> = {
  Partner: { drop: ['credentials'] },
  Credential: {
    drop: ['clientSecret'],
    add: { partnerId: { $ref: '#/$defs/Id' }, secret: { type: 'string', minLength: 1 } },
  },
  Merchant: {},
  Store: {
    add: { partnerId: { $ref: '#/$defs/Id' } },
    optional: ['streetAddress', 'city', 'postalCode', 'phone', 'email'],
  },
  Payment: {
    drop: ['mockSettlementAt'], // a table of its own (mockSettlements)
    add: { partnerId: { $ref: '#/$defs/Id' }, merchantClientId: { type: 'string' } },
    optional: ['outcomeRule'],
  },
  Webhook: {},
};

const STORED_ID = 'https://acountpay-mock.local/state-file-records.json';
const KINDS = Object.keys(RUNNING) as Kind[];

/** The scenario schema with one `Running<Kind>` definition per kind, under an id of its own. */
export function storedRecordsSchema(): { $id: string; $defs: Record<string, SchemaObject> } {
  const schema = JSON.parse(scenarioSchemaText()) as { $id: string; $defs: Record<string, SchemaObject> };
  for (const kind of KINDS) {
    const { drop = [], add = {}, optional = [] } = RUNNING[kind];
    const properties = { ...schema.$defs[kind]!.properties, ...add };
    for (const field of drop) delete properties[field];
    const required = Object.keys(properties).filter((field) => !optional.includes(field));
    schema.$defs[`Running${kind}`] = { ...schema.$defs[kind]!, properties, required };
  }
  return { ...schema, $id: STORED_ID };
}

/** Where `npm run build` precompiles the record validators (scripts/build-spec-cache.js, E153). */
export const STORED_RECORDS_ARTEFACT = 'stored-records.validator.js';

/** The key the precompiled validators are made under: the derived schema's text, ajv's options, the libraries. */
export const storedRecordsKey = (schema: object) => scenarioValidatorKey(JSON.stringify(schema));

/** Each kind's schema by the name its validator has in the precompiled module. */
export const storedRecordRefs = (): Record<Kind, string> =>
  Object.fromEntries(KINDS.map((kind) => [kind, `${STORED_ID}#/$defs/Running${kind}`])) as Record<Kind, string>;

let recordValidators: Map<Kind, ValidateFunction> | undefined;
let deliveryValidator: ValidateFunction | undefined;

/** The build's precompiled validators when they were made from this schema, else compiled once per process. */
function recordValidator(kind: Kind): ValidateFunction {
  if (!recordValidators) {
    const schema = storedRecordsSchema();
    const built = artefacts.module<Partial<Record<Kind, ValidateFunction>>>(
      STORED_RECORDS_ARTEFACT,
      storedRecordsKey(schema),
    );
    let ajv: ReturnType<typeof createScenarioAjv> | undefined;
    const compile = (ref: string) => {
      if (!ajv) {
        ajv = createScenarioAjv();
        ajv.addSchema(schema);
      }
      return ajv.compile({ $ref: ref });
    };
    const refs = storedRecordRefs();
    recordValidators = new Map(KINDS.map((k) => [k, built?.[k] ?? compile(refs[k])]));
  }
  return recordValidators.get(kind)!;
}

function problemsOf(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}

/** Checks a record against its kind and that it is stored under its own key. */
function entry<T>(kind: Kind, keyField: string, key: RecordKey, value: unknown): T {
  const what = `${kind.toLowerCase()} ${String(key)}`;
  const validate = recordValidator(kind);
  if (!validate(value)) throw bad(`${what} is unsound: ${problemsOf(validate)}`);
  const own = (value as Record<string, unknown>)[keyField];
  if (own !== key) throw bad(`${what} is stored under the key of ${String(own)}`);
  return value as T;
}

function delivery(key: RecordKey, value: unknown): StoredDelivery {
  const what = `delivery ${String(key)}`;
  if (typeof value !== 'object' || value === null) throw bad(`${what} is not an object`);
  const { record, secret } = value as Partial<StoredDelivery>;
  if (secret !== null && typeof secret !== 'string') throw bad(`${what} has a bad secret`);
  if (typeof record !== 'object' || record === null) throw bad(`${what} has no record`);
  deliveryValidator ??= createSpecAjv().compile({
    $ref: `${specSchemaId('control-api')}#/components/schemas/Delivery`,
  });
  // Files written before E105 may say `rule: null` for a delivery no rule shaped.
  const { rule, ...rest } = record;
  if (!deliveryValidator(rule === null ? rest : record))
    throw bad(`${what} is unsound: ${problemsOf(deliveryValidator)}`);
  if (record.id !== key) throw bad(`${what} is stored under the key of ${String(record.id)}`);
  return { record, secret };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SEQUENCE_KINDS = [
  'partner',
  'credential',
  'merchant',
  'payment',
  'webhook',
] as const satisfies readonly (keyof Sequences)[];

function checkMeta(meta: unknown): StoredMeta {
  if (!isObject(meta)) throw bad('meta is not an object');
  const { seq, clock, faults, idsPosition, rules } = meta;
  if (!isObject(seq) || SEQUENCE_KINDS.some((kind) => !Number.isSafeInteger(seq[kind])))
    throw bad('meta has a bad seq');
  if (!isObject(clock) || !Number.isFinite(clock.offsetMs) || !Number.isFinite(clock.nowMs))
    throw bad('meta has a bad clock');
  if (!isObject(faults) || !Number.isSafeInteger(faults.nextId) || !Array.isArray(faults.faults))
    throw bad('meta has bad faults');
  if (idsPosition !== null && !Number.isSafeInteger(idsPosition)) throw bad('meta has a bad idsPosition');
  if (rules !== undefined) {
    // E102: the rules as a scenario's rules section would be checked.
    if (!isObject(rules) || !Number.isSafeInteger(rules.nextId) || !Array.isArray(rules.rules))
      throw bad('meta has bad rules');
    const result = validateScenario({ version: 1, rules: rules.rules });
    if (!result.ok) throw bad(`meta.rules is unsound: ${result.problems.join('; ')}`);
    if (rules.rules.some((rule: { id?: unknown }) => typeof rule.id !== 'string'))
      throw bad('meta.rules has a rule without an id');
  }
  return meta as unknown as StoredMeta;
}

type Reader = (state: MockState, key: RecordKey, value: unknown) => void;

/**
 * Reads one table's record into `state`: checks it (`entry`), then that the record it belongs to
 * (by `ownerKind`) was read before it, then adds it with its indexes.
 */
function reader<R>(
  kind: Kind,
  keyField: keyof R & string,
  add: (state: MockState, record: R) => void,
  owner?: [ownerKind: string, has: (state: MockState, record: R) => boolean],
): Reader {
  return (state, key, value) => {
    const record = entry<R>(kind, keyField, key, value);
    if (owner && !owner[1](state, record)) throw bad(`${kind.toLowerCase()} ${key} belongs to no ${owner[0]}`);
    add(state, record);
  };
}

const ofPartner = <R extends { partnerId: number }>(): [string, (state: MockState, r: R) => boolean] => [
  'partner',
  (state, r) => state.partners.has(r.partnerId),
];
const ofMerchant = <R extends { merchantId: number }>(): [string, (state: MockState, r: R) => boolean] => [
  'merchant',
  (state, r) => state.merchants.has(r.merchantId),
];

/** The record tables in the order a store reads them back: each after those its records belong to. */
const RECORD_TABLES = ['partners', 'credentials', 'merchants', 'stores', 'payments', 'webhooks'] as const;
const READERS: Record<Exclude<(typeof RECORD_TABLES)[number], 'payments'>, Reader> = {
  partners: reader<PartnerRecord>('Partner', 'id', (s, r) => s.addPartner(r)),
  credentials: reader<CredentialRecord>('Credential', 'id', (s, r) => s.addCredential(r), ofPartner()),
  merchants: reader<MerchantRecord>('Merchant', 'id', (s, r) => s.addMerchant(r), ofPartner()),
  stores: reader<StoreRecord>('Store', 'storeId', (s, r) => s.addStore(r), ofMerchant()),
  webhooks: reader<WebhookRecord>('Webhook', 'id', (s, r) => s.addWebhook(r), ofPartner()),
};

/** Checks a payment as the readers above check their records; `readPayments` adds it. */
const readPayment = reader<PaymentRecord>('Payment', 'id', () => {}, ofMerchant());

/** E190: the payments are checked one by one, in the order stored, then added in one step. */
function readPayments(state: MockState, rows: Iterable<readonly [RecordKey, unknown]>): void {
  const read: (PaymentRecord | number)[] = [];
  for (const [key, value] of rows) {
    readPayment(state, key, value);
    read.push(state.paymentEntry(value as PaymentRecord)); // E235
  }
  state.addPayments(read);
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

/** A stored world, checked: a state to swap in, the delivery log and the meta row. */
export interface StoredWorldRead {
  state: MockState;
  deliveries: StoredDelivery[];
  meta: StoredMeta;
}

/** Checks the stored world; throws StateFileError at the first unsound record. Touches nothing running. */
export function readStoredWorld(world: LoadedWorld): StoredWorldRead {
  const meta = checkMeta(world.meta);
  const state = new MockState();
  const { tables } = world;
  for (const table of RECORD_TABLES) {
    if (table === 'payments') readPayments(state, tables.payments);
    else for (const [key, value] of tables[table]) READERS[table](state, key, value);
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
  const deliveries = [...tables.deliveries].map(([key, value]) => delivery(key, value));
  // Ids continue after the highest ever given out, even when that record was deleted since (E52).
  for (const kind of SEQUENCE_KINDS) state.seq[kind] = Math.max(state.seq[kind], meta.seq[kind]);
  if (meta.rules) {
    state.rules = meta.rules.rules;
    state.ruleSeq = meta.rules.nextId;
  }
  return { state, deliveries, meta };
}
