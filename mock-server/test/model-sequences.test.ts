/**
 * Issue 12, deliverable 2: random sequences of merchant, store, payment and control operations
 * against a real server on 127.0.0.1, checked against a small model after every step:
 * - stores (D18): at most one default per merchant, the default is active, a merchant with stores
 *   has exactly one default, the first store becomes the default, and the store list is exactly
 *   what the model expects;
 * - payments (D20): pending → paid | failed | expired, expiry after 30 minutes of mock time, and a
 *   terminal state never changes;
 * - every answer is the status the model predicts.
 *
 * Seeded: `FUZZ_SEED=<n>` (default fixed; `random` for a fresh one); `MODEL_RUNS=<n>` sequences
 * (default 25) of up to `MODEL_STEPS` steps (default 25). A failure prints the seed and the sequence.
 */
import http from 'node:http';
import fc from 'fast-check';
import type { MockServer } from '../src/server';
import { authHeaders, startTestServer } from './helpers';
import { sendRaw } from './fuzz/raw-request';

const RUNS = Number(process.env.MODEL_RUNS ?? 25);
const STEPS = Number(process.env.MODEL_STEPS ?? 25);
const SEED =
  process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 20261201);
const EXPIRY_MS = 30 * 60 * 1000; // D20

type PaymentStatus = 'pending' | 'paid' | 'failed' | 'expired';
type MerchantStatus = 'pending' | 'active' | 'inactive';

interface StoreModel {
  id: string;
  isActive: boolean;
  isDefault: boolean;
}
interface MerchantModel {
  id: number;
  clientId: string;
  status: MerchantStatus;
  /** Oldest first, as the list answers (E23). */
  stores: StoreModel[];
}
interface PaymentModel {
  id: number;
  status: PaymentStatus;
  createdAtMs: number;
}
interface Model {
  merchants: MerchantModel[];
  payments: PaymentModel[];
  /** Mock time moved forward since the start of the run. */
  nowMs: number;
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

class Real {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private readonly auth: Record<string, string>;
  constructor(readonly mock: MockServer) {
    this.auth = authHeaders(mock.clientId, mock.clientSecret);
  }
  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await sendRaw(
      this.mock.port,
      {
        method,
        path,
        headers: {
          ...(path.startsWith('/v1/') ? this.auth : {}),
          ...headers,
          ...(body !== undefined && { 'Content-Type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      },
      this.agent,
    );
    if (res.status >= 500) throw new Error(`${method} ${path} answered ${res.status}: ${res.text}`);
    return { status: res.status, body: (res.text ? JSON.parse(res.text) : {}) as Record<string, unknown> };
  }
  async close(): Promise<void> {
    this.agent.destroy();
    await this.mock.close();
  }
}

function expectStatus(reply: Reply, expected: number, what: string): void {
  if (reply.status !== expected)
    throw new Error(`${what}: expected ${expected}, got ${reply.status} ${JSON.stringify(reply.body)}`);
}

const pick = <T>(list: T[], index: number): T | undefined =>
  list.length === 0 ? undefined : list[index % list.length];
/** One of the merchants that have a store (a step's `check` makes sure there is one). */
const pickWithStores = (model: Model, index: number) =>
  pick(
    model.merchants.filter((m) => m.stores.length > 0),
    index,
  )!;

/** The invariants, read back from the server after every step. */
async function checkInvariants(model: Model, real: Real): Promise<void> {
  for (const merchant of model.merchants) {
    const got = await real.call('GET', `/v1/partner/merchants/${merchant.id}`);
    expectStatus(got, 200, `merchant ${merchant.id}`);
    if (got.body.status !== merchant.status)
      throw new Error(`merchant ${merchant.id} is ${String(got.body.status)}, the model says ${merchant.status}`);
    const list = await real.call('GET', `/v1/partner/merchants/${merchant.id}/stores`);
    const stores = list.body.stores as { storeId: string; isActive: boolean; isDefault: boolean }[];
    const defaults = stores.filter((s) => s.isDefault);
    if (defaults.length > 1) throw new Error(`merchant ${merchant.id} has ${defaults.length} default stores`);
    if (defaults.some((s) => !s.isActive)) throw new Error(`merchant ${merchant.id} has a deactivated default store`);
    if (stores.length > 0 && defaults.length !== 1)
      throw new Error(`merchant ${merchant.id} has stores but no default`);
    const actual = stores.map((s) => ({ id: s.storeId, isActive: s.isActive, isDefault: s.isDefault }));
    if (JSON.stringify(actual) !== JSON.stringify(merchant.stores))
      throw new Error(
        `stores of merchant ${merchant.id}: ${JSON.stringify(actual)}, the model says ${JSON.stringify(merchant.stores)}`,
      );
  }
  for (const payment of model.payments) {
    const got = await real.call('GET', `/v1/partner/payments/${payment.id}/status`);
    expectStatus(got, 200, `payment ${payment.id}`);
    if (got.body.status !== payment.status)
      throw new Error(`payment ${payment.id} is ${String(got.body.status)}, the model says ${payment.status}`);
  }
}

type Cmd = fc.AsyncCommand<Model, Real>;

abstract class Step implements Cmd {
  abstract check(model: Readonly<Model>): boolean;
  abstract act(model: Model, real: Real): Promise<void>;
  async run(model: Model, real: Real): Promise<void> {
    await this.act(model, real);
    await checkInvariants(model, real);
  }
  abstract toString(): string;
}

class CreateMerchant extends Step {
  constructor(readonly test: boolean) {
    super();
  }
  check = () => true;
  async act(model: Model, real: Real) {
    const reply = this.test
      ? await real.call('POST', '/v1/partner/merchants/test', { companyName: 'Model Café ApS' })
      : await real.call('POST', '/v1/partner/merchants', {
          companyName: 'Model Bageri ApS',
          contactEmail: 'model@example.dk',
        });
    expectStatus(reply, 201, String(this));
    const id = reply.body.merchantId as number;
    const merchant: MerchantModel = { id, clientId: reply.body.clientId as string, status: 'pending', stores: [] };
    if (this.test) {
      // D13: a test merchant is active at once, with its default store.
      merchant.status = 'active';
      const list = await real.call('GET', `/v1/partner/merchants/${id}/stores`);
      const first = (list.body.stores as { storeId: string }[])[0];
      if (!first) throw new Error(`test merchant ${id} has no store`);
      merchant.stores.push({ id: first.storeId, isActive: true, isDefault: true });
    }
    model.merchants.push(merchant);
  }
  toString = () => (this.test ? 'createTestMerchant' : 'createMerchant');
}

class SetMerchantStatus extends Step {
  constructor(
    readonly merchant: number,
    readonly activate: boolean,
  ) {
    super();
  }
  check = (model: Readonly<Model>) => model.merchants.length > 0;
  async act(model: Model, real: Real) {
    const merchant = pick(model.merchants, this.merchant)!;
    const reply = await real.call(
      'POST',
      `/__control/merchants/${merchant.id}/${this.activate ? 'activate' : 'deactivate'}`,
    );
    const target: MerchantStatus = this.activate ? 'active' : 'inactive';
    if (merchant.status === target) return expectStatus(reply, 409, String(this));
    expectStatus(reply, 200, String(this));
    merchant.status = target;
    if (this.activate && merchant.stores.length === 0) {
      // D15: the first activation of a merchant without stores creates "Main Store" as default.
      const list = await real.call('GET', `/v1/partner/merchants/${merchant.id}/stores`);
      const main = (list.body.stores as { storeId: string }[])[0];
      if (!main) throw new Error(`merchant ${merchant.id} was activated without a Main Store`);
      merchant.stores.push({ id: main.storeId, isActive: true, isDefault: true });
    }
  }
  toString = () => `${this.activate ? 'activate' : 'deactivate'}Merchant(#${this.merchant})`;
}

function makeDefault(merchant: MerchantModel, store: StoreModel): void {
  for (const s of merchant.stores) s.isDefault = s === store;
}

class CreateStore extends Step {
  constructor(
    readonly merchant: number,
    readonly isDefault: boolean | undefined,
  ) {
    super();
  }
  check = (model: Readonly<Model>) => model.merchants.length > 0;
  async act(model: Model, real: Real) {
    const merchant = pick(model.merchants, this.merchant)!;
    const reply = await real.call('POST', `/v1/partner/merchants/${merchant.id}/stores`, {
      name: 'Model Store',
      ...(this.isDefault !== undefined && { isDefault: this.isDefault }),
    });
    expectStatus(reply, 201, String(this));
    const store: StoreModel = { id: reply.body.storeId as string, isActive: true, isDefault: false };
    merchant.stores.push(store);
    // D18: the first store becomes the default whatever isDefault says.
    if (this.isDefault === true || merchant.stores.length === 1) makeDefault(merchant, store);
    if (reply.body.isDefault !== store.isDefault)
      throw new Error(`${String(this)} answered isDefault ${String(reply.body.isDefault)}`);
  }
  toString = () => `createStore(#${this.merchant}, isDefault ${String(this.isDefault)})`;
}

class UpdateStore extends Step {
  constructor(
    readonly merchant: number,
    readonly store: number,
    readonly patch: { isDefault?: boolean; isActive?: boolean },
  ) {
    super();
  }
  check = (model: Readonly<Model>) => model.merchants.some((m) => m.stores.length > 0);
  async act(model: Model, real: Real) {
    const merchant = pickWithStores(model, this.merchant);
    const store = pick(merchant.stores, this.store)!;
    const body = Object.keys(this.patch).length > 0 ? this.patch : { name: 'Renamed Store' };
    const reply = await real.call('PUT', `/v1/partner/merchants/${merchant.id}/stores/${store.id}`, body);
    // checkStoreUpdate (D18): judged on the store as it would be after the update.
    const willBeActive = this.patch.isActive ?? store.isActive;
    const refused =
      (store.isDefault && this.patch.isDefault === false) ||
      (store.isDefault && !willBeActive) ||
      (this.patch.isDefault === true && !willBeActive);
    if (refused) return expectStatus(reply, 409, String(this));
    expectStatus(reply, 200, String(this));
    store.isActive = willBeActive;
    if (this.patch.isDefault === true) makeDefault(merchant, store);
  }
  toString = () => `updateStore(#${this.merchant}, #${this.store}, ${JSON.stringify(this.patch)})`;
}

class DeactivateStore extends Step {
  constructor(
    readonly merchant: number,
    readonly store: number,
  ) {
    super();
  }
  check = (model: Readonly<Model>) => model.merchants.some((m) => m.stores.length > 0);
  async act(model: Model, real: Real) {
    const merchant = pickWithStores(model, this.merchant);
    const store = pick(merchant.stores, this.store)!;
    const reply = await real.call('DELETE', `/v1/partner/merchants/${merchant.id}/stores/${store.id}`);
    if (store.isActive && store.isDefault) return expectStatus(reply, 409, String(this));
    expectStatus(reply, 200, String(this)); // E3: an inactive store answers 200 unchanged
    store.isActive = false;
  }
  toString = () => `deactivateStore(#${this.merchant}, #${this.store})`;
}

class CreatePayment extends Step {
  constructor(
    readonly merchant: number,
    readonly store: number | null,
    readonly outcome: 'paid' | 'failed' | 'expired' | null,
  ) {
    super();
  }
  check = (model: Readonly<Model>) => model.merchants.length > 0;
  async act(model: Model, real: Real) {
    const merchant = pick(model.merchants, this.merchant)!;
    const store = this.store === null ? undefined : pick(merchant.stores, this.store);
    const reply = await real.call(
      'POST',
      '/v1/partner/payments',
      {
        merchantClientId: merchant.clientId,
        amount: 149.5,
        referenceNumber: `MODEL-${model.payments.length + 1}`,
        ...(store && { storeId: store.id }),
      },
      this.outcome ? { 'X-Mock-Payment': this.outcome } : {},
    );
    // D14, D19: only an active merchant takes payments, and only at an active store.
    if (merchant.status !== 'active' || (store && !store.isActive)) return expectStatus(reply, 409, String(this));
    expectStatus(reply, 201, String(this));
    model.payments.push({
      id: reply.body.paymentId as number,
      status: this.outcome ?? 'pending', // E8: X-Mock-Payment settles it before the answer
      createdAtMs: model.nowMs,
    });
  }
  toString = () => `createPayment(#${this.merchant}, store ${String(this.store)}, ${String(this.outcome)})`;
}

class SettlePayment extends Step {
  constructor(
    readonly payment: number,
    readonly action: 'complete' | 'fail' | 'expire',
  ) {
    super();
  }
  check = (model: Readonly<Model>) => model.payments.length > 0;
  async act(model: Model, real: Real) {
    const payment = pick(model.payments, this.payment)!;
    const reply = await real.call('POST', `/__control/payments/${payment.id}/${this.action}`);
    // D20: terminal states never change.
    if (payment.status !== 'pending') return expectStatus(reply, 409, String(this));
    expectStatus(reply, 200, String(this));
    payment.status = this.action === 'complete' ? 'paid' : this.action === 'fail' ? 'failed' : 'expired';
  }
  toString = () => `${this.action}Payment(#${this.payment})`;
}

class AdvanceClock extends Step {
  constructor(readonly seconds: number) {
    super();
  }
  check = () => true;
  async act(model: Model, real: Real) {
    expectStatus(await real.call('POST', '/__control/clock/advance', { seconds: this.seconds }), 200, String(this));
    model.nowMs += this.seconds * 1000;
    for (const p of model.payments)
      if (p.status === 'pending' && model.nowMs - p.createdAtMs >= EXPIRY_MS) p.status = 'expired';
  }
  toString = () => `advanceClock(${this.seconds} s)`;
}

class Reset extends Step {
  check = () => true;
  async act(model: Model, real: Real) {
    expectStatus(await real.call('POST', '/__control/reset'), 200, String(this));
    model.merchants = [];
    model.payments = [];
  }
  toString = () => 'reset';
}

const index = fc.nat({ max: 20 });
const commands = [
  fc.boolean().map((test) => new CreateMerchant(test)),
  fc.tuple(index, fc.boolean()).map(([m, on]) => new SetMerchantStatus(m, on)),
  fc.tuple(index, fc.constantFrom(undefined, true, false)).map(([m, d]) => new CreateStore(m, d)),
  fc
    .tuple(index, index, fc.record({ isDefault: fc.boolean(), isActive: fc.boolean() }, { requiredKeys: [] }))
    .map(([m, s, patch]) => new UpdateStore(m, s, patch)),
  fc.tuple(index, index).map(([m, s]) => new DeactivateStore(m, s)),
  fc
    .tuple(
      index,
      fc.option(index),
      fc.constantFrom<'paid' | 'failed' | 'expired' | null>(null, null, null, 'paid', 'failed', 'expired'),
    )
    .map(([m, s, o]) => new CreatePayment(m, s, o)),
  fc
    .tuple(index, fc.constantFrom<'complete' | 'fail' | 'expire'>('complete', 'fail', 'expire'))
    .map(([p, a]) => new SettlePayment(p, a)),
  // Sums of these never land exactly on the 30-minute expiry, so the model needs no tie rule.
  fc.constantFrom(61, 907, 3600).map((s) => new AdvanceClock(s)),
  fc.constant(new Reset()),
];

test(
  `random sequences keep the store and payment invariants (seed ${SEED}, ${RUNS} runs)`,
  async () => {
    const details = await fc.check(
      fc.asyncProperty(fc.commands(commands, { maxCommands: STEPS }), async (cmds) => {
        const real = new Real(await startTestServer({ scenario: null }));
        try {
          await fc.asyncModelRun(() => ({ model: { merchants: [], payments: [], nowMs: 0 }, real }), cmds);
        } finally {
          await real.close();
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    if (details.failed) {
      const reason =
        details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(
        `failed (seed ${details.seed}, path ${details.counterexamplePath}); replay with FUZZ_SEED=${SEED} MODEL_RUNS=${RUNS} npx jest mock-server/test/model-sequences\n` +
          `steps: ${fc.stringify(details.counterexample?.[0])}\n${reason}`,
      );
    }
  },
  Math.max(60_000, RUNS * STEPS * 100),
);
