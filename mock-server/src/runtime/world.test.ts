import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { stringify as toYaml } from 'yaml';
import { DEFAULT_CLIENT_ID, NAMED_SCENARIOS, type Scenario } from '../../../fixtures/src';
import { createTestApp, createTestDeps } from '../../test/helpers';
import { isApiError } from '../http/api-error';
import { newDeliveryRecord } from '../webhooks/delivery-record';
import { findScenarioFile, readScenarioFile } from '../../../fixtures/src/scenario-file';
import { collectGarbage } from './world';

const MERCHANT = '11111111-1111-4111-8111-111111111111';
const STORE = '22222222-2222-4222-8222-222222222222';

function smallScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    version: 1,
    partners: [
      { id: 1, name: 'Acme POS', credentials: [{ clientId: DEFAULT_CLIENT_ID, clientSecret: '5ec2e7f0'.repeat(8) }] },
    ],
    merchants: [
      {
        id: 4,
        partnerId: 1,
        clientId: MERCHANT,
        companyName: 'Café Nørrebro ApS',
        contactEmail: 'hej@cafe-noerrebro.dk',
        status: 'active',
      },
    ],
    stores: [{ storeId: STORE, merchantId: 4, name: 'Main Store', isDefault: true }],
    payments: [
      {
        id: 7,
        merchantId: 4,
        amount: 149.5,
        referenceNumber: 'ORDER-1',
        status: 'paid',
        createdAt: '2026-03-18T10:00:00.000Z',
      },
      { id: 8, merchantId: 4, amount: 20, referenceNumber: 'ORDER-2', status: 'pending' },
    ],
    ...overrides,
  };
}

/** The problems of a load that must fail with 400 invalid_scenario. */
function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (!isApiError(err)) throw err;
    expect([err.statusCode, err.code]).toEqual([400, 'invalid_scenario']);
    return err.messages as string[];
  }
  throw new Error('expected the load to fail');
}

describe('world.load', () => {
  test('replaces the state and reports the counts', () => {
    const deps = createTestDeps();
    const { counts } = deps.world.load(smallScenario());
    expect(counts).toEqual({ partners: 1, merchants: 1, stores: 1, payments: 2, webhooks: 0 });
    expect(deps.state.merchantByClientId(MERCHANT)?.companyName).toBe('Café Nørrebro ApS');
  });

  test('fills the defaults of omitted fields from the clock, the ids and the config', () => {
    const deps = createTestDeps({ paymentExpirySeconds: 600, onboardingLinkDays: 3 });
    const pendingMerchant = {
      id: 5,
      partnerId: 1,
      clientId: 'm-5',
      companyName: 'Ny Butik ApS',
      contactEmail: 'hej@ny-butik.dk',
      status: 'pending' as const,
    };
    deps.world.load(smallScenario({ merchants: [...smallScenario().merchants!, pendingMerchant] }));
    const paid = deps.state.payments.get(7)!;
    const pending = deps.state.payments.get(8)!;
    expect(paid).toMatchObject({
      currency: 'DKK',
      bankPaymentStatus: 'AcceptedSettlementCompleted',
      paidAt: '2026-03-18T10:01:00.000Z',
      expiresAt: '2026-03-18T10:10:00.000Z',
    });
    expect(pending).toMatchObject({
      createdAt: '2026-03-18T12:00:00.000Z',
      expiresAt: '2026-03-18T12:10:00.000Z',
      bankPaymentStatus: null,
      paidAt: null,
    });
    expect(pending.token).toMatch(/^[0-9a-f]{32}$/);
    expect(deps.state.merchants.get(5)).toMatchObject({
      onboardingToken: expect.any(String),
      onboardingExpiresAt: '2026-03-21T12:00:00.000Z',
    });
    expect(deps.state.stores.get(STORE)).toMatchObject({
      partnerId: 1,
      countryCode: 'DK',
      isActive: true,
      locationId: expect.stringMatching(/^LOC-\d{8}-[A-Z0-9]{4}$/),
    });
    expect(deps.state.partners.get(1)).toMatchObject({
      companyName: 'Acme POS',
      contactEmail: 'kontakt@acme-pos.dk',
      status: 'active',
    });
  });

  // E190: a loaded payment has the created one's fields in the same order (one hidden class).
  test('gives loaded payments the fields of a created payment, in its order, and updatedAt by status', () => {
    const deps = createTestDeps({ paymentExpirySeconds: 600 });
    const createdAt = '2026-03-18T10:00:00.000Z';
    const payment = (id: number, status: 'failed' | 'expired') =>
      ({ id, merchantId: 4, amount: 5, referenceNumber: `ORDER-${id}`, status, createdAt }) as const;
    deps.world.load(smallScenario({ payments: [payment(9, 'failed'), payment(10, 'expired')] }));
    const partner = deps.state.partners.get(1)!;
    const { paymentId } = deps.services.payments.create(partner, {
      merchantClientId: MERCHANT,
      amount: 12,
      currency: 'DKK',
      referenceNumber: 'ORDER-NEW',
    });
    const created = deps.state.payments.get(paymentId)!;
    const failed = deps.state.payments.get(9)!;
    const expired = deps.state.payments.get(10)!;
    expect(Object.keys(failed)).toEqual(Object.keys(created));
    expect(Object.keys(expired)).toEqual(Object.keys(created));
    expect(failed).toMatchObject({ updatedAt: '2026-03-18T10:01:00.000Z', bankPaymentStatus: 'Rejected' });
    expect(expired).toMatchObject({ updatedAt: '2026-03-18T10:10:00.000Z', expiresAt: '2026-03-18T10:10:00.000Z' });
  });

  test('stores every timestamp as UTC with milliseconds (D4)', () => {
    const deps = createTestDeps();
    const payments = [
      {
        id: 7,
        merchantId: 4,
        amount: 1,
        referenceNumber: 'A',
        status: 'failed' as const,
        createdAt: '2026-03-18T12:00:00+01:00',
      },
    ];
    deps.world.load(smallScenario({ payments }));
    expect(deps.state.payments.get(7)).toMatchObject({
      createdAt: '2026-03-18T11:00:00.000Z',
      updatedAt: '2026-03-18T11:01:00.000Z',
    });
  });

  test('continues the id sequences after the highest loaded id', () => {
    const deps = createTestDeps();
    deps.world.load(smallScenario());
    expect(deps.state.nextId('merchant')).toBe(5);
    expect(deps.state.nextId('payment')).toBe(9);
  });

  test('adds the default partner when no partner holds the configured credential', () => {
    const deps = createTestDeps();
    const partners = [
      { id: 3, name: 'Other POS', credentials: [{ clientId: 'other-client', clientSecret: 'other-secret' }] },
    ];
    deps.world.load(smallScenario({ partners, merchants: [], stores: [], payments: [] }));
    const credential = deps.state.credentialByClientId(deps.config.clientId)!;
    expect(credential.partnerId).toBe(4);
    expect(deps.state.partners.get(4)?.name).toBe('Acme POS');
  });

  test('gives an active merchant without stores the D15 Main Store', () => {
    const deps = createTestDeps();
    deps.world.load(smallScenario({ stores: [], payments: [] }));
    expect(deps.state.storesOf(4)).toEqual([
      expect.objectContaining({ name: 'Main Store', isDefault: true, isActive: true }),
    ]);
  });

  test('expires a loaded pending payment when the mock clock passes its expiry', () => {
    const deps = createTestDeps();
    deps.world.load(smallScenario());
    deps.clock.advance(30 * 60_000);
    deps.timeline.runDue();
    expect(deps.state.payments.get(8)).toMatchObject({ status: 'expired', bankPaymentStatus: 'Expired' });
  });

  test('rejects an invalid scenario with every problem and leaves the running state untouched', () => {
    const deps = createTestDeps();
    deps.world.load(NAMED_SCENARIOS.default());
    const before = deps.state.snapshot();
    const broken = smallScenario({
      stores: [
        { storeId: STORE, merchantId: 4, name: 'Main Store', isDefault: true },
        { storeId: 'store-2', merchantId: 4, name: 'Second', isDefault: true },
      ],
      payments: [{ id: 7, merchantId: 99, amount: 0, referenceNumber: 'X', status: 'pending' }],
    });
    const problems = problemsOf(() => deps.world.load(broken));
    expect(problems).toEqual(
      expect.arrayContaining([
        'payments[0].amount must be >= 0.01, got 0',
        'payments[0].merchantId 99 matches no merchant',
        expect.stringContaining('merchant 4 has 2 default stores'),
      ]),
    );
    expect(deps.state.snapshot()).toEqual(before);
  });

  // E220: a leap second passes RFC 3339 but no JavaScript Date; it is a problem of the file, not a crash.
  test('rejects a leap second as a problem of its field', () => {
    const deps = createTestDeps();
    const scenario = smallScenario();
    scenario.stores![0]!.createdAt = '2016-12-31T23:59:60Z';
    expect(problemsOf(() => deps.world.load(scenario))).toEqual([
      'stores[0].createdAt must be a valid date-time, got "2016-12-31T23:59:60Z"',
    ]);
  });

  test('rejects a document of another format version', () => {
    const deps = createTestDeps();
    expect(problemsOf(() => deps.world.load({ version: 2 }))).toEqual(['version must be 1, got 2']);
  });
});

describe('world.reset (D2, E130)', () => {
  async function busyMock() {
    const t = createTestApp();
    t.deps.world.load(smallScenario());
    await t.api.get('/v1/partner/profile').set(t.auth).expect(200);
    t.deps.faults.add({ operationId: 'getProfile', status: 503 }, t.deps.clock.now().toISOString());
    t.deps.deliveries.add(
      newDeliveryRecord(
        'dlv_1',
        {
          partnerId: 1,
          webhookId: 1,
          url: 'http://127.0.0.1:9/hooks',
          event: 'payment.completed',
          body: '{}',
          paymentId: 7,
          merchantId: 4,
          test: false,
        },
        t.deps.clock,
      ),
    );
    t.deps.clock.advance(60_000);
    return t;
  }

  test('starts again from the default partner, keeps the clock (D4) and drops deliveries, faults and the journal', async () => {
    const { deps } = await busyMock();
    const now = deps.clock.nowMs();
    deps.world.reset();
    expect(deps.clock.nowMs()).toBe(now);
    expect(deps.world.counts()).toEqual({ partners: 1, merchants: 0, stores: 0, payments: 0, webhooks: 0 });
    expect(deps.state.credentialByClientId(deps.config.clientId)).toBeDefined();
    expect(deps.deliveries.list().total).toBe(0);
    expect(deps.faults.list()).toEqual([]);
    expect(deps.journal.list().total).toBe(0);
  });

  test('with a scenario: the scenario is the new world', async () => {
    const { deps } = await busyMock();
    deps.world.reset(NAMED_SCENARIOS.default());
    expect(deps.state.merchants.size).toBe(3);
    expect(deps.faults.list()).toEqual([]);
  });

  test('a scenario that does not load changes nothing: records, deliveries, faults, journal', async () => {
    const { deps } = await busyMock();
    const before = deps.state.snapshot();
    expect(problemsOf(() => deps.world.reset({ version: 2 }))).toEqual(['version must be 1, got 2']);
    expect(deps.state.snapshot()).toEqual(before);
    expect(deps.deliveries.list().total).toBe(1);
    expect(deps.faults.list()).toHaveLength(1);
    expect(deps.journal.list().total).toBe(1);
  });

  test("E215: takes the replaced world's waiting expiries and settlements off the timeline", async () => {
    const { deps, api, auth } = await busyMock();
    await api
      .post('/v1/partner/payments')
      .set(auth)
      .set('X-Mock-Payment', 'delay=60000')
      .send({ merchantClientId: MERCHANT, amount: 42, referenceNumber: 'ORDER-LATER' })
      .expect(201);
    // Payment 8's expiry, then the created payment's expiry and its delayed settlement.
    expect(deps.timeline.size()).toBe(3);
    deps.world.reset();
    expect(deps.timeline.size()).toBe(0);
    deps.world.load(smallScenario());
    expect(deps.timeline.size()).toBe(1);
    deps.world.load(smallScenario());
    expect(deps.timeline.size()).toBe(1);
    deps.clock.advance(30 * 60_000);
    expect(deps.timeline.runDue()).toBe(1);
    expect(deps.state.payments.get(8)).toMatchObject({ status: 'expired' });
  });

  test('E215: a payment id too large for an exact number key keeps its expiry and its settlement apart', () => {
    const deps = createTestDeps();
    const id = 2 ** 52;
    const at = (ms: number) => new Date(deps.clock.nowMs() + ms).toISOString();
    deps.world.load(
      smallScenario({
        payments: [
          { id, merchantId: 4, amount: 5, referenceNumber: 'BIG', status: 'pending', mockSettlementAt: at(60_000) },
        ],
      }),
    );
    expect(deps.timeline.size()).toBe(2);
    deps.timeline.advance(60_000);
    expect(deps.state.payments.get(id)).toMatchObject({ status: 'paid' });
    expect(deps.timeline.size()).toBe(0);
  });

  test("a load keeps the faults and the journal, and drops the replaced world's deliveries", async () => {
    const { deps } = await busyMock();
    deps.world.load(smallScenario());
    expect(deps.deliveries.list().total).toBe(0);
    expect(deps.faults.list()).toHaveLength(1);
    expect(deps.journal.list().total).toBe(1);
  });
});

describe('world.export', () => {
  test('loads back into the same state', async () => {
    const { deps, api, auth } = createTestApp();
    deps.world.load(NAMED_SCENARIOS['onboarding-pipeline']());
    await api
      .post('/v1/partner/payments')
      .set(auth)
      .send({ merchantClientId: '0b0a2d00-0000-4000-8000-000000000004', amount: 99.5, referenceNumber: 'ORDER-9' })
      .expect(201);
    await api
      .post('/v1/partner/webhooks')
      .set(auth)
      .send({ url: 'https://pos.example.dk/hooks', events: ['payment.completed'] })
      .expect(201);
    const before = deps.state.snapshot();

    const other = createTestDeps();
    other.world.load(JSON.parse(JSON.stringify(deps.world.export())));
    expect(other.state.snapshot()).toEqual(before);
    expect(other.state.seq).toEqual(deps.state.seq);
  });
});

describe('a delayed mock settlement (D25) across export and load (E132)', () => {
  test('is exported with the pending payment and pays it at the same clock time after a load', async () => {
    const { deps, api, auth } = createTestApp();
    deps.world.load(smallScenario());
    const created = await api
      .post('/v1/partner/payments')
      .set(auth)
      .set('X-Mock-Payment', 'delay=60000')
      .send({ merchantClientId: MERCHANT, amount: 42, referenceNumber: 'ORDER-LATER' })
      .expect(201);
    const paymentId = (created.body as { paymentId: number }).paymentId;
    const exported = JSON.parse(JSON.stringify(deps.world.export())) as Scenario;
    const payment = exported.payments!.find((p) => p.id === paymentId)!;
    expect(payment.mockSettlementAt).toBe(new Date(deps.clock.nowMs() + 60_000).toISOString());
    expect(exported.payments!.filter((p) => p.mockSettlementAt !== undefined)).toHaveLength(1);

    const other = createTestDeps();
    other.world.load(exported);
    expect(other.state.payments.get(paymentId)).not.toHaveProperty('mockSettlementAt');
    other.timeline.advance(59_999);
    expect(other.state.payments.get(paymentId)!.status).toBe('pending');
    other.timeline.advance(1);
    expect(other.state.payments.get(paymentId)!.status).toBe('paid');
    expect(other.world.export().payments!.find((p) => p.id === paymentId)).not.toHaveProperty('mockSettlementAt');
  });

  test('a settled payment keeps no settlement', () => {
    const deps = createTestDeps();
    const paid = { id: 9, merchantId: 4, amount: 1, referenceNumber: 'X', status: 'paid' as const };
    deps.world.load(smallScenario({ payments: [{ ...paid, mockSettlementAt: '2026-03-18T12:01:00.000Z' }] }));
    expect(deps.state.mockSettlements.size).toBe(0);
  });
});

describe('a scenario by name or path, as --scenario and POST /__control/reset read it', () => {
  const resolveScenario = (nameOrPath: string) => readScenarioFile(findScenarioFile(nameOrPath));

  test('reads a named scenario from fixtures/scenarios', () => {
    expect(resolveScenario('default')).toMatchObject({ version: 1, name: 'default' });
  });

  test('reads a YAML file by its path', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scenario-'));
    const file = path.join(dir, 'small.yaml');
    fs.writeFileSync(file, toYaml(smallScenario()));
    try {
      expect(resolveScenario(file)).toEqual(smallScenario());
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  test('fails for an unknown name and lists the named scenarios', () => {
    expect(() => resolveScenario('nope')).toThrow(
      /Unknown scenario "nope".*busy-restaurant-chain, default, empty, onboarding-pipeline/,
    );
  });
});

describe('collectGarbage (E193)', () => {
  test('collects what nothing refers to any more, and leaves no gc function to new contexts', async () => {
    let garbage: object | null = { payments: Array.from({ length: 1000 }, (_, id) => ({ id })) };
    const ref = new WeakRef(garbage);
    garbage = null;
    // A WeakRef keeps its target alive until the job that made it ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    expect(vm.runInNewContext('typeof gc')).toBe('undefined');
  });
});
