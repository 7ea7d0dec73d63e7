/**
 * E50-E56: the state file, in this process. A mock on a real port with a temp state file is changed
 * in every way the Partner API, the control API and the hosted pages allow, closed, and started
 * again on the same file: what a client sees must be identical, ids go on, and nothing is reset.
 * (Killing a real process with SIGKILL is in state-file-crash.test.ts.)
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import * as fixtures from '../../fixtures/src';
import { openSqliteStateStore } from '../src/persistence/sqlite-state-store';
import type { StateStore } from '../src/persistence/state-store';
import { createMockServer, type MockServer } from '../src/server';
import { createWebhookListener, verifyWebhookSignature, type WebhookListener } from '../src/webhooks';
import { CLOSED_PORT_URL, answerBody, clientOf, observe, tempDir, type TempDir } from './state-file-helpers';

let tmp: TempDir;
let mock: MockServer | undefined;
const listeners: WebhookListener[] = [];

const start = async (file: string, config: Record<string, unknown> = {}) => {
  mock = await createMockServer({ config: { stateFile: file, webhookRetrySchedule: [3_600_000], ...config } });
  return mock;
};
const stop = async () => {
  await mock?.close();
  mock = undefined;
};
const client = clientOf(() => mock!.url);

beforeEach(() => {
  tmp = tempDir();
});
afterEach(async () => {
  await stop();
  await Promise.all(listeners.splice(0).map((l) => l.close()));
  tmp.remove();
});

/** Changes the mock in every way there is; returns ids to check afterwards. */
async function changeEverything() {
  const receiver = await createWebhookListener({ respondStatus: 500, output: () => {} });
  listeners.push(receiver);
  answerBody(await client.partner('PUT', '/v1/partner/profile', fixtures.buildProfileUpdateRequest()));
  const credential = answerBody(
    await client.partner('POST', '/v1/partner/credentials', fixtures.buildCredentialCreateRequest()),
    201,
  );
  answerBody(await client.partner('POST', `/v1/partner/credentials/${credential.id}/rotate`));
  const second = answerBody(
    await client.partner('POST', '/v1/partner/credentials', fixtures.buildCredentialCreateRequest()),
    201,
  );
  answerBody(await client.partner('DELETE', `/v1/partner/credentials/${second.id}`));

  // Webhooks: one that answers 500 (a retry waits), one to a closed port, one deleted (the highest id).
  const hook = answerBody(
    await client.partner('POST', '/v1/partner/webhooks', fixtures.buildWebhookCreateRequest({ url: receiver.url })),
    201,
  );
  const other = answerBody(
    await client.partner('POST', '/v1/partner/webhooks', fixtures.buildWebhookCreateRequest({ url: CLOSED_PORT_URL })),
    201,
  );
  answerBody(
    await client.partner(
      'PUT',
      `/v1/partner/webhooks/${other.id}`,
      fixtures.buildWebhookCreateRequest({ url: CLOSED_PORT_URL, events: ['payment.failed'] }),
    ),
  );
  const doomed = answerBody(
    await client.partner('POST', '/v1/partner/webhooks', fixtures.buildWebhookCreateRequest({ url: CLOSED_PORT_URL })),
    201,
  );
  answerBody(await client.partner('DELETE', `/v1/partner/webhooks/${doomed.id}`));

  const pending = answerBody(
    await client.partner('POST', '/v1/partner/merchants', fixtures.buildMerchantCreateRequest()),
    201,
  );
  answerBody(await client.partner('POST', `/v1/partner/merchants/${pending.merchantId}/resend-onboarding`));
  const fast = answerBody(
    await client.partner('POST', '/v1/partner/merchants/fast-track', fixtures.buildMerchantFastTrackRequest()),
    201,
  );
  // The hosted onboarding form activates it; its link is then "already completed" (E14).
  const form = await fetch(`${mock!.url}/onboarding/${fast.onboardingToken}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ companyName: 'Fast Track ApS', city: 'Aarhus' }).toString(),
  });
  expect(form.status).toBe(200);

  const test = answerBody(
    await client.partner('POST', '/v1/partner/merchants/test', fixtures.buildTestMerchantCreateRequest()),
    201,
  );
  const mid = test.merchantId as number;
  const store = answerBody(
    await client.partner('POST', `/v1/partner/merchants/${mid}/stores`, fixtures.buildStoreCreateRequest()),
    201,
  );
  answerBody(
    await client.partner(
      'PUT',
      `/v1/partner/merchants/${mid}/stores/${store.storeId}`,
      fixtures.buildStoreUpdateRequest({ locationId: 'LOC-DURABLE-1', isDefault: true }),
    ),
  );
  const branch = answerBody(
    await client.partner('POST', `/v1/partner/merchants/${mid}/stores`, fixtures.buildStoreCreateRequest()),
    201,
  );
  answerBody(await client.partner('DELETE', `/v1/partner/merchants/${mid}/stores/${branch.storeId}`));

  const pay = (headers: Record<string, string> = {}) =>
    client.partner(
      'POST',
      '/v1/partner/payments',
      fixtures.buildPaymentCreateRequest({ merchantClientId: test.clientId }),
      headers,
    );
  const open = answerBody(await pay(), 201);
  for (const outcome of ['paid', 'failed', 'expired']) answerBody(await pay({ 'X-Mock-Payment': outcome }), 201);
  const delayed = answerBody(await pay({ 'X-Mock-Payment': 'delay=600000' }), 201);
  const byControl = answerBody(await pay(), 201);
  answerBody(await client.call('POST', `/__control/payments/${byControl.paymentId}/fail`, { reason: 'rejected' }));
  const byPage = answerBody(await pay(), 201);
  const token = new URL(byPage.paymentUrl as string).searchParams.get('token')!;
  const page = await fetch(`${mock!.url}/pay`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, action: 'approve', bank: 'Danske Bank' }).toString(),
  });
  expect(page.status).toBeLessThan(400);

  const partner = answerBody(await client.call('POST', '/__control/partners', { name: 'Tenant B' }), 201);
  answerBody(await client.call('POST', `/__control/merchants/${pending.merchantId}/deactivate`));
  answerBody(await client.call('POST', '/__control/clock/advance', { seconds: 60 }));
  answerBody(await client.call('POST', '/__control/faults', { operationId: 'getStats', status: 503, times: 3 }), 201);
  expect((await client.partner('GET', '/v1/partner/stats')).status).toBe(503); // one hit of three
  answerBody(await client.call('POST', '/__control/webhook-deliveries/flush'));
  return { receiver, hook, doomed, open, delayed, fast, partner };
}

describe('--state-file: a restart gives back what a client saw (E50)', () => {
  test('every kind of change is identical after a restart, and ids go on from the highest ever given', async () => {
    await start(tmp.file());
    const { hook, doomed, fast } = await changeEverything();
    const before = await observe(client);
    await stop();

    await start(tmp.file());
    expect(mock!.restored).toMatchObject({ payments: expect.any(Number), resumedDeliveries: expect.any(Number) });
    expect(await observe(client)).toEqual(before);
    // E14: the used onboarding link still answers "already completed", not "unknown".
    expect((await fetch(`${mock!.url}/onboarding/${fast.onboardingToken}`)).status).toBe(410);
    // E52: the deleted webhook's id is not given out again.
    const next = answerBody(
      await client.partner(
        'POST',
        '/v1/partner/webhooks',
        fixtures.buildWebhookCreateRequest({ url: CLOSED_PORT_URL }),
      ),
      201,
    );
    expect(next.id).toBe((doomed.id as number) + 1);
    expect(hook.id).toBeLessThan(next.id as number);
  });

  test('the clock goes on from where QA moved it (E52)', async () => {
    await start(tmp.file());
    const moved = answerBody(await client.call('POST', '/__control/clock/advance', { duration: '2h' }));
    await stop();
    await start(tmp.file());
    const clock = answerBody(await client.call('GET', '/__control/clock'));
    expect(clock.offsetMs).toBe(moved.offsetMs);
    expect(Date.parse(clock.now as string)).toBeGreaterThanOrEqual(Date.parse(moved.now as string));
  });

  test('a delayed mock settlement and a waiting webhook retry resume after the restart (E53)', async () => {
    await start(tmp.file());
    const { receiver, delayed, hook } = await changeEverything();
    const waiting = answerBody(await client.call('GET', '/__control/webhook-deliveries?outcome=pending&limit=100'));
    const toReceiver = (waiting.deliveries as { url: string; id: string }[]).filter((d) => d.url === receiver.url);
    expect(toReceiver.length).toBeGreaterThan(0);
    await stop();

    receiver.setRespondStatus(200);
    await start(tmp.file());
    expect(mock!.restored!.resumedDeliveries).toBeGreaterThanOrEqual(toReceiver.length);
    answerBody(await client.call('POST', '/__control/clock/advance', { duration: '2h' }));
    answerBody(await client.call('POST', '/__control/webhook-deliveries/flush'));
    for (const { id } of toReceiver) {
      const delivery = answerBody(await client.call('GET', `/__control/webhook-deliveries/${id}`));
      expect(delivery.outcome).toBe('delivered');
      expect(delivery.attempts).toHaveLength(2);
      const second = receiver.received.filter((d) => d.deliveryId === id && d.attempt === 2);
      expect(second).toHaveLength(1);
      expect(verifyWebhookSignature(second[0]!.rawBody, second[0]!.headers['x-webhook-signature'], hook.secret)).toBe(
        true,
      );
    }
    // The X-Mock-Payment delay ran out on the restored clock: the payment is paid.
    const status = answerBody(await client.partner('GET', `/v1/partner/payments/${delayed.paymentId}/status`));
    expect(status.status).toBe('paid');
  });

  test('reset and state import through the control API are durable too', async () => {
    await start(tmp.file());
    await changeEverything();
    answerBody(await client.call('POST', '/__control/reset', {}));
    const afterReset = await observe(client);
    await stop();
    await start(tmp.file());
    expect(await observe(client)).toEqual(afterReset);

    const { partners } = answerBody(await client.call('GET', '/__control/state'));
    const merchant = { id: 77, partnerId: 1, clientId: '7d1f2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', status: 'active' };
    const imported = { ...merchant, companyName: 'Imported ApS', contactEmail: 'import@example.dk' };
    answerBody(await client.call('PUT', '/__control/state', { version: 1, partners, merchants: [imported] }));
    const afterImport = await observe(client);
    await stop();
    await start(tmp.file());
    expect(await observe(client)).toEqual(afterImport);
  });

  test('a stored state wins over the start-up scenario; a new file gets the scenario written first', async () => {
    let prepared = 0;
    const prepare = () => {
      prepared += 1;
    };
    mock = await createMockServer({ config: { stateFile: tmp.file() }, prepare });
    expect(mock.restored).toBeNull();
    answerBody(await client.call('POST', '/__control/partners', { name: 'Kept' }), 201);
    await stop();
    mock = await createMockServer({ config: { stateFile: tmp.file() }, prepare });
    expect(prepared).toBe(1);
    expect(mock.restored).toMatchObject({ partners: 2 });
  });
});

describe('--state-file: acknowledged means durable (E50)', () => {
  test('a change is committed before the status line of its answer is written', async () => {
    const events: string[] = [];
    const sqlite = openSqliteStateStore(tmp.file());
    const store: StateStore = {
      description: sqlite.description,
      load: () => sqlite.load(),
      commit(changes) {
        sqlite.commit(changes);
        events.push(`commit ${[...changes.tables.keys()].join(',')}`);
      },
      replaceAll: (world) => sqlite.replaceAll(world),
      close: () => sqlite.close(),
    };
    mock = await createMockServer({ config: { stateFile: tmp.file() }, stateStore: store });
    mock.server.prependListener('request', (_req: unknown, res: ServerResponse) => {
      const writeHead = res.writeHead;
      res.writeHead = ((...args: Parameters<ServerResponse['writeHead']>) => {
        events.push(`answer ${args[0]}`);
        return writeHead.apply(res, args);
      }) as ServerResponse['writeHead'];
    });
    answerBody(await client.call('POST', '/__control/partners', { name: 'Tenant B' }), 201);
    expect(events).toEqual(['commit partners,credentials', 'answer 201']);
  });
});

describe('--state-file: a file that is not sound stops the start and is left as it was (E55)', () => {
  async function startFails(file: string): Promise<string> {
    const before = fs.readFileSync(file);
    const error = await createMockServer({ config: { stateFile: file } }).then(
      (m) => {
        mock = m;
        throw new Error('the mock started');
      },
      (err: Error) => err,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    return error.message;
  }

  test('a file that is not SQLite', async () => {
    fs.writeFileSync(tmp.file(), 'not a database, just text\n'.repeat(100));
    expect(await startFails(tmp.file())).toMatch(/state file .*cannot be read: file is not a database/i);
  });

  test('a SQLite file of some other program', async () => {
    const db = new Database(tmp.file());
    db.exec('CREATE TABLE notes (text TEXT)');
    db.close();
    expect(await startFails(tmp.file())).toMatch(/not an acountpay-mock state file/);
  });

  /** A state file holding one merchant (id 1); returns the merchant as stored. */
  async function fileWithMerchant(): Promise<Record<string, unknown>> {
    await start(tmp.file());
    answerBody(
      await client.partner('POST', '/v1/partner/merchants/test', fixtures.buildTestMerchantCreateRequest()),
      201,
    );
    await stop();
    const db = new Database(tmp.file());
    const { doc } = db.prepare<[], { doc: string }>('SELECT doc FROM merchants WHERE id = 1').get()!;
    db.close();
    return JSON.parse(doc) as Record<string, unknown>;
  }

  function storeMerchantDoc(doc: string): void {
    const db = new Database(tmp.file());
    db.prepare('UPDATE merchants SET doc = ? WHERE id = 1').run(doc);
    db.close();
  }

  test('a record that does not parse, and one that points at nothing', async () => {
    const merchant = await fileWithMerchant();
    storeMerchantDoc('{"id": 1, "partnerId": ');
    expect(await startFails(tmp.file())).toMatch(/merchants row 1 is not JSON/);

    storeMerchantDoc(JSON.stringify({ ...merchant, partnerId: 999 }));
    expect(await startFails(tmp.file())).toMatch(/merchant 1 belongs to no partner/);
  });

  test("a payment whose rule decision is unsound (checked against the scenario schema's OutcomeRuleDecision)", async () => {
    await start(tmp.file());
    const merchant = answerBody(
      await client.partner('POST', '/v1/partner/merchants/test', fixtures.buildTestMerchantCreateRequest()),
      201,
    );
    const payment = fixtures.buildPaymentCreateRequest({
      merchantClientId: (merchant as { clientId: string }).clientId,
    });
    answerBody(await client.partner('POST', '/v1/partner/payments', payment), 201);
    await stop();
    const db = new Database(tmp.file());
    const row = db.prepare<[], { id: number; doc: string }>('SELECT id, doc FROM payments').get()!;
    const outcomeRule = { ruleId: 'r', status: 'paid', delayMs: 0, decidedAt: 'later', dueAt: 'soon', appliedAt: null };
    db.prepare('UPDATE payments SET doc = ? WHERE id = ?').run(
      JSON.stringify({ ...JSON.parse(row.doc), outcomeRule }),
      row.id,
    );
    db.close();
    // E131: the record is checked against the scenario schema's Payment, whose outcomeRule is its OutcomeRuleDecision.
    expect(await startFails(tmp.file())).toMatch(/payment \d+ is unsound: \/outcomeRule\/decidedAt must match format/);
  });

  test('a record without a field every running record has (E131)', async () => {
    const { isTest: _isTest, ...merchant } = await fileWithMerchant();
    storeMerchantDoc(JSON.stringify({ ...merchant, status: 'done' }));
    const message = await startFails(tmp.file());
    expect(message).toMatch(/merchant 1 is unsound: .*must have required property 'isTest'/);
    expect(message).toMatch(/\/status must be equal to one of the allowed values/);
  });

  test('a file another mock has open', async () => {
    await start(tmp.file());
    const error = await createMockServer({ config: { stateFile: tmp.file() } }).then(
      () => new Error('started twice'),
      (err: Error) => err,
    );
    expect(error.message).toMatch(/in use by another process/);
  });
});
