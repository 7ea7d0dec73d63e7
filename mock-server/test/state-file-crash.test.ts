/**
 * E50-E55 with real processes: the CLI (`bin/acountpay-mock.js`) on a temp state file is killed
 * with SIGKILL right after an answer and started again on the same file. Whatever was answered is
 * there, ids go on, a pending expiry and a waiting webhook retry resume; a file that is not sound
 * stops the start with exit code 2; SIGTERM lets a request in flight finish and commits it.
 *
 * The property test runs random sequences of changes, kills the mock right after the answer to a
 * random one of them, and compares the restarted mock with a twin: a second mock started on a copy
 * of the file taken just before that last change, which is then sent the same change. Ids are
 * seeded (`--seed`), so both give out the same ids; timestamps made by the last change differ by the
 * time between the two runs and are compared as "new". More runs: ACOUNTPAY_DURABILITY_RUNS=50.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import * as fixtures from '../../fixtures/src';
import { createWebhookListener, verifyWebhookSignature } from '../src/webhooks';
import { describeWhenBuilt, runCli, startCli, type RunningCli } from './cli-helpers';
import {
  answerBody,
  clientOf,
  observe,
  tempDir,
  type Answer,
  type Client,
  type Observed,
  type TempDir,
} from './state-file-helpers';

const describeBuilt = describeWhenBuilt('state-file-crash.test.ts');
const RUNS = Number(process.env.ACOUNTPAY_DURABILITY_RUNS ?? 3);
const SEED = Number(process.env.ACOUNTPAY_DURABILITY_SEED ?? 20261202);

let tmp: TempDir;
const running = new Set<RunningCli>();

async function startMock(file: string, extra: string[] = []): Promise<RunningCli & { client: Client }> {
  const args = ['--port', '0', '--log-level', 'silent', '--scenario', 'empty', '--seed', '7', '--state-file', file];
  const cli = await startCli([...args, ...extra]);
  const mock = { ...cli, client: clientOf(() => cli.url) };
  running.add(mock);
  return mock;
}

/** Resolves once the process has ended, however it ended (a killed one has no exit code). */
function ended(cli: RunningCli): Promise<void> {
  const { child } = cli;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function kill9(cli: RunningCli): Promise<void> {
  running.delete(cli);
  cli.child.kill('SIGKILL');
  await ended(cli);
}

beforeEach(() => {
  tmp = tempDir();
});
afterEach(async () => {
  for (const cli of running) await kill9(cli);
  tmp.remove();
});

describeBuilt('kill -9 loses no answered change (E50)', () => {
  test('a payment answered 201 is there after kill -9, identical, and the next id follows it', async () => {
    let mock = await startMock(tmp.file());
    const merchant = answerBody(
      await mock.client.partner('POST', '/v1/partner/merchants/test', fixtures.buildTestMerchantCreateRequest()),
      201,
    );
    const before = await observe(mock.client);
    const body = fixtures.buildPaymentCreateRequest({ merchantClientId: merchant.clientId });
    const created = answerBody(await mock.client.partner('POST', '/v1/partner/payments', body), 201);
    await kill9(mock); // right after the answer: nothing else reached the mock since

    mock = await startMock(tmp.file());
    const status = answerBody(
      await mock.client.partner('GET', `/v1/partner/payments/${created.paymentId}/status`),
      200,
    );
    expect(status).toMatchObject({ paymentId: created.paymentId, status: 'pending', amount: body.amount });
    const after = await observe(mock.client);
    const { payments, ...rest } = after.state as { payments: { id: number }[] };
    const { payments: paymentsBefore, ...restBefore } = before.state as { payments: { id: number }[] };
    expect(rest).toEqual(restBefore);
    expect(payments.map((p) => p.id)).toEqual([...paymentsBefore.map((p) => p.id), created.paymentId]);
    expect({ ...after, state: null }).toEqual({ ...before, state: null });

    const next = answerBody(await mock.client.partner('POST', '/v1/partner/payments', body), 201);
    expect(next.paymentId).toBe(created.paymentId + 1);
  });

  test('a pending payment still expires at its time after kill -9 (the expiry timer resumes)', async () => {
    let mock = await startMock(tmp.file(), ['--payment-expiry', '60']);
    const merchant = answerBody(
      await mock.client.partner('POST', '/v1/partner/merchants/test', fixtures.buildTestMerchantCreateRequest()),
      201,
    );
    const body = fixtures.buildPaymentCreateRequest({ merchantClientId: merchant.clientId });
    const { paymentId } = answerBody(await mock.client.partner('POST', '/v1/partner/payments', body), 201);
    await kill9(mock);

    mock = await startMock(tmp.file(), ['--payment-expiry', '60']);
    const listed = (status: string) =>
      mock.client
        .partner('GET', `/v1/partner/payments?status=${status}`)
        .then((a) => (answerBody(a, 200).payments as { id: number }[]).map((p) => p.id));
    expect(await listed('pending')).toEqual([paymentId]);
    answerBody(await mock.client.call('POST', '/__control/clock/advance', { seconds: 61 }), 200);
    // The list reads the index, which only the resumed timer moves: no read-time expiry is involved.
    expect(await listed('expired')).toEqual([paymentId]);
    const { payments } = (await observe(mock.client)).state as { payments: { updatedAt: string; expiresAt: string }[] };
    expect(payments[0]!.updatedAt).toBe(payments[0]!.expiresAt); // E7: dated when it lapsed
  });

  test('a webhook retry that waits at kill -9 is sent after the restart to a real receiver', async () => {
    const receiver = await createWebhookListener({ respondStatus: 500, output: () => {} });
    try {
      const schedule = ['--webhook-retry-schedule', '600000'];
      let mock = await startMock(tmp.file(), schedule);
      const hook = answerBody(
        await mock.client.partner(
          'POST',
          '/v1/partner/webhooks',
          fixtures.buildWebhookCreateRequest({ url: receiver.url, events: ['merchant.activated'] }),
        ),
        201,
      );
      answerBody(
        await mock.client.partner('POST', '/v1/partner/merchants/test', fixtures.buildTestMerchantCreateRequest()),
        201,
      );
      answerBody(await mock.client.call('POST', '/__control/webhook-deliveries/flush'), 200);
      const [waiting] = answerBody(await mock.client.call('GET', '/__control/webhook-deliveries'), 200).deliveries;
      expect(waiting).toMatchObject({ outcome: 'pending', attempts: [{ attempt: 1, statusCode: 500 }] });
      const before = answerBody(await mock.client.call('GET', `/__control/webhook-deliveries/${waiting.id}`), 200);
      await kill9(mock);

      receiver.setRespondStatus(200);
      mock = await startMock(tmp.file(), schedule);
      const restored = answerBody(await mock.client.call('GET', `/__control/webhook-deliveries/${waiting.id}`), 200);
      expect(restored).toEqual(before);
      answerBody(await mock.client.call('POST', '/__control/clock/advance', { seconds: 600 }), 200);
      answerBody(await mock.client.call('POST', '/__control/webhook-deliveries/flush'), 200);
      const done = answerBody(await mock.client.call('GET', `/__control/webhook-deliveries/${waiting.id}`), 200);
      expect(done).toMatchObject({ outcome: 'delivered', attempts: [{ statusCode: 500 }, { statusCode: 200 }] });
      const second = receiver.received.filter((d) => d.deliveryId === waiting.id);
      expect(second.map((d) => d.attempt)).toEqual([1, 2]);
      expect(verifyWebhookSignature(second[1]!.rawBody, second[1]!.headers['x-webhook-signature'], hook.secret)).toBe(
        true,
      );
    } finally {
      await receiver.close();
    }
  });

  test('a state file that is not sound stops the start with exit code 2, and is left as it was', async () => {
    let mock = await startMock(tmp.file());
    answerBody(
      await mock.client.partner('POST', '/v1/partner/merchants/test', fixtures.buildTestMerchantCreateRequest()),
      201,
    );
    await kill9(mock);
    // A torn file: the first pages only, as a bad copy would leave it.
    const whole = fs.readFileSync(tmp.file());
    fs.writeFileSync(tmp.file('torn.db'), whole.subarray(0, 4096 * 2));
    const torn = fs.readFileSync(tmp.file('torn.db'));
    const run = await runCli(['--port', '0', '--log-level', 'silent', '--state-file', tmp.file('torn.db')]);
    expect(run.code).toBe(2);
    expect(run.out).toMatch(/Cannot start: State file .*torn\.db/);
    expect(fs.readFileSync(tmp.file('torn.db')).equals(torn)).toBe(true);
    mock = await startMock(tmp.file()); // the original is fine
    await kill9(mock);
  });

  test('SIGTERM lets a request in flight finish, commits it and exits 0', async () => {
    let mock = await startMock(tmp.file());
    const merchant = answerBody(
      await mock.client.partner('POST', '/v1/partner/merchants/test', fixtures.buildTestMerchantCreateRequest()),
      201,
    );
    answerBody(
      await mock.client.call('POST', '/__control/faults', { operationId: 'createPayment', latencyMs: 3000 }),
      201,
    );
    const body = fixtures.buildPaymentCreateRequest({ merchantClientId: merchant.clientId });
    const inFlight = mock.client.partner('POST', '/v1/partner/payments', body);
    // The fault counts the request once it is inside the mock.
    while (answerBody(await mock.client.call('GET', '/__control/faults'), 200).faults[0].hits < 1);
    mock.child.kill('SIGTERM');
    const created = answerBody(await inFlight, 201);
    await ended(mock);
    running.delete(mock);
    expect(mock.child.exitCode).toBe(0);
    expect(fs.existsSync(`${tmp.file()}-wal`)).toBe(false); // everything is in the file itself

    mock = await startMock(tmp.file());
    const status = answerBody(
      await mock.client.partner('GET', `/v1/partner/payments/${created.paymentId}/status`),
      200,
    );
    expect(status.status).toBe('pending');
  });
});

// ---- the property test ------------------------------------------------------------------------

interface World {
  merchants: { id: number; clientId: string }[];
  stores: { merchantId: number; storeId: string }[];
  payments: number[];
  credentials: number[];
}

type Step = { label: string; send: (c: Client, w: World) => Promise<Answer>; learn?: (a: Answer, w: World) => void };

const pick = <T>(list: T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
const skip: Answer = { status: 0, body: null };

/** The changes a step can make; each picks its target among what exists by index. */
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.integer({ min: 1, max: 1e6 }).map<Step>((seed) => ({
    label: 'create test merchant',
    send: (c) => c.partner('POST', '/v1/partner/merchants/test', fixtures.buildTestMerchantCreateRequest({}, { seed })),
    learn: (a, w) => a.status === 201 && w.merchants.push({ id: a.body.merchantId, clientId: a.body.clientId }),
  })),
  fc.integer({ min: 1, max: 1e6 }).map<Step>((seed) => ({
    label: 'create merchant',
    send: (c) => c.partner('POST', '/v1/partner/merchants', fixtures.buildMerchantCreateRequest({}, { seed })),
    learn: (a, w) => a.status === 201 && w.merchants.push({ id: a.body.merchantId, clientId: a.body.clientId }),
  })),
  fc.record({ m: fc.nat(), seed: fc.integer({ min: 1, max: 1e6 }) }).map<Step>(({ m, seed }) => {
    let merchantId = 0;
    return {
      label: 'create store',
      send: (c, w) => {
        const merchant = pick(w.merchants, m);
        if (!merchant) return Promise.resolve(skip);
        merchantId = merchant.id;
        return c.partner(
          'POST',
          `/v1/partner/merchants/${merchant.id}/stores`,
          fixtures.buildStoreCreateRequest({}, { seed }),
        );
      },
      learn: (a, w) => a.status === 201 && w.stores.push({ merchantId, storeId: a.body.storeId }),
    };
  }),
  fc.record({ s: fc.nat(), isDefault: fc.boolean(), deactivate: fc.boolean(), seed: fc.nat() }).map<Step>((p) => ({
    label: 'update or deactivate store',
    send: (c, w) => {
      const store = pick(w.stores, p.s);
      if (!store) return Promise.resolve(skip);
      const url = `/v1/partner/merchants/${store.merchantId}/stores/${store.storeId}`;
      if (p.deactivate) return c.partner('DELETE', url);
      return c.partner(
        'PUT',
        url,
        fixtures.buildStoreUpdateRequest(p.isDefault ? { isDefault: true } : {}, { seed: p.seed + 1 }),
      );
    },
  })),
  fc
    .record({ m: fc.nat(), outcome: fc.constantFrom('', 'paid', 'failed', 'expired', 'delay=3600000'), seed: fc.nat() })
    .map<Step>((p) => ({
      label: `create payment ${p.outcome}`,
      send: (c, w) => {
        const merchant = pick(w.merchants, p.m);
        if (!merchant) return Promise.resolve(skip);
        const body = fixtures.buildPaymentCreateRequest({ merchantClientId: merchant.clientId }, { seed: p.seed + 1 });
        return c.partner('POST', '/v1/partner/payments', body, p.outcome ? { 'X-Mock-Payment': p.outcome } : {});
      },
      learn: (a, w) => a.status === 201 && w.payments.push(a.body.paymentId),
    })),
  fc.record({ p: fc.nat(), action: fc.constantFrom('complete', 'fail', 'expire') }).map<Step>((p) => ({
    label: `${p.action} payment`,
    send: (c, w) => {
      const id = pick(w.payments, p.p);
      return id === undefined ? Promise.resolve(skip) : c.call('POST', `/__control/payments/${id}/${p.action}`, {});
    },
  })),
  fc.record({ m: fc.nat(), action: fc.constantFrom('activate', 'deactivate') }).map<Step>((p) => ({
    label: `${p.action} merchant`,
    send: (c, w) => {
      const merchant = pick(w.merchants, p.m);
      return merchant ? c.call('POST', `/__control/merchants/${merchant.id}/${p.action}`) : Promise.resolve(skip);
    },
  })),
  fc.record({ c: fc.nat(), action: fc.constantFrom('create', 'rotate', 'revoke'), seed: fc.nat() }).map<Step>((p) => ({
    label: `${p.action} credential`,
    send: (c, w) => {
      if (p.action === 'create')
        return c.partner(
          'POST',
          '/v1/partner/credentials',
          fixtures.buildCredentialCreateRequest({}, { seed: p.seed + 1 }),
        );
      const id = pick(w.credentials, p.c);
      if (id === undefined) return Promise.resolve(skip);
      return p.action === 'rotate'
        ? c.partner('POST', `/v1/partner/credentials/${id}/rotate`)
        : c.partner('DELETE', `/v1/partner/credentials/${id}`);
    },
    learn: (a, w) => p.action === 'create' && a.status === 201 && w.credentials.push(a.body.id),
  })),
  fc.nat().map<Step>((seed) => ({
    label: 'update profile',
    send: (c) => c.partner('PUT', '/v1/partner/profile', fixtures.buildProfileUpdateRequest({}, { seed: seed + 1 })),
  })),
  // Whole hours: every payment still pending expires in the request itself, none by real time later.
  fc.constantFrom(1, 2).map<Step>((hours) => ({
    label: `advance clock ${hours}h`,
    send: (c) => c.call('POST', '/__control/clock/advance', { duration: `${hours}h` }),
  })),
  fc.constant<Step>({
    label: 'create partner',
    send: (c) => c.call('POST', '/__control/partners', { name: 'Tenant B' }),
  }),
  fc.integer({ min: 1, max: 3 }).map<Step>((times) => ({
    label: 'fault and a hit',
    send: async (c) => {
      await c.call('POST', '/__control/faults', { operationId: 'getStats', status: 503, times });
      return c.partner('GET', '/v1/partner/stats');
    },
  })),
  fc.constant<Step>({
    label: 'reset',
    send: (c) => c.call('POST', '/__control/reset', {}),
    learn: (_a, w) => {
      w.merchants = [];
      w.stores = [];
      w.payments = [];
      w.credentials = [];
    },
  }),
);

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
/** Timestamps at or after `since` (made by the last change) read as "new"; all else as it is. */
function masked(value: unknown, since: number): unknown {
  if (typeof value === 'string') return ISO.test(value) && Date.parse(value) >= since ? 'new' : value;
  if (Array.isArray(value)) return value.map((v) => masked(v, since));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v, since)]));
  return value;
}

describeBuilt('kill -9 after a random answer, property-based (E50)', () => {
  test(
    'the restarted mock equals a twin that got the same last change',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 10 }), async (steps) => {
          const run = tempDir();
          try {
            const world: World = { merchants: [], stores: [], payments: [], credentials: [] };
            let mock = await startMock(run.file('a.db'));
            for (const step of steps.slice(0, -1)) step.learn?.(await step.send(mock.client, world), world);
            // Quiet point: every answer so far is committed; copy the file (and its log) for the twin.
            const since = Date.parse(answerBody(await mock.client.call('GET', '/__control/clock'), 200).now);
            for (const suffix of ['', '-wal'])
              if (fs.existsSync(run.file(`a.db${suffix}`)))
                fs.copyFileSync(run.file(`a.db${suffix}`), run.file(`b.db${suffix}`));
            const last = steps[steps.length - 1]!;
            const lastWorld = structuredClone(world);
            await last.send(mock.client, world);
            await kill9(mock);

            const twin = await startMock(run.file('b.db'));
            await last.send(twin.client, lastWorld);
            const expected = masked(await observe(twin.client), since) as Observed;
            await kill9(twin);

            mock = await startMock(run.file('a.db'));
            const actual = masked(await observe(mock.client), since) as Observed;
            await kill9(mock);
            expect(actual).toEqual(expected);
          } finally {
            run.remove();
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    },
    120_000 + RUNS * 30_000,
  );
});
