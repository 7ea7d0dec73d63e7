/**
 * E100-E104, E106: outcome rules over HTTP with the manual clock: which rule decides, when the
 * payment settles, what the status read and the webhook show, the flags' rules across resets and
 * imports, the control API's checks, and the explanation of a payment.
 */
import { buildPaymentCreateRequest } from '../../fixtures/src';
import type { components } from '../../spec/generated/control-api';
import { addActiveMerchant, addStoreFor, createTestApp, defaultPartnerId, type TestApp } from './helpers';
import { ALL_EVENTS, advanceSeconds, flush, startReceiver, type Receiver } from './control-helpers';

type ControlPaymentDetail = components['schemas']['ControlPaymentDetail'];
type Rule = components['schemas']['Rule'];

let t: TestApp;
let receiver: Receiver | undefined;
let merchantClientId: string;

function setup(config: Parameters<typeof createTestApp>[0] = {}, random?: () => number): void {
  t = createTestApp(config, random ? { random } : {});
  merchantClientId = addActiveMerchant(t.deps, defaultPartnerId(t.deps)).clientId;
}

afterEach(async () => {
  t.deps.dispatcher.close();
  t.deps.timeline.close();
  await receiver?.listener.close();
  receiver = undefined;
});

async function addRule(rule: Rule, query = ''): Promise<Rule> {
  const res = await t.api.post(`/__control/rules${query}`).send(rule);
  if (res.status !== 201) throw new Error(`addRule answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Rule;
}

async function pay(fields: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await t.api
    .post('/v1/partner/payments')
    .set({ ...t.auth, ...headers })
    .send(buildPaymentCreateRequest({ merchantClientId, amount: 149.5, ...fields }));
  expect(res.status).toBe(201);
  return res.body as { paymentId: number; status: string };
}

async function statusOf(paymentId: number) {
  const res = await t.api.get(`/v1/partner/payments/${paymentId}/status`).set(t.auth);
  expect(res.status).toBe(200);
  return res.body as { status: string; bankPaymentStatus: string | null; paidAt: string | null; updatedAt: string };
}

async function explain(paymentId: number): Promise<ControlPaymentDetail> {
  const res = await t.api.get(`/__control/payments/${paymentId}`);
  expect(res.status).toBe(200);
  return res.body as ControlPaymentDetail;
}

async function advanceMs(ms: number): Promise<void> {
  await advanceSeconds(t, ms / 1000);
}

describe('E100, E101 outcome rules', () => {
  test('without a rule a payment stays pending, as before', async () => {
    setup();
    const { paymentId } = await pay({ amount: 20.13 });
    await advanceMs(10 * 60_000);
    expect((await statusOf(paymentId)).status).toBe('pending');
    expect((await explain(paymentId)).outcomeRule).toBeNull();
  });

  test('an amount ending in .13 fails after 2 s, seen by polling and by its payment.failed', async () => {
    setup();
    receiver = await startReceiver(t, ALL_EVENTS);
    await addRule({ id: 'fail-13', when: { amount: '*.13' }, outcome: { status: 'failed', after: '2s' } });
    const created = await pay({ amount: 20.13 });
    expect(created.status).toBe('pending');
    await advanceMs(1999);
    expect((await statusOf(created.paymentId)).status).toBe('pending');
    await advanceMs(1);
    expect(await statusOf(created.paymentId)).toMatchObject({
      status: 'failed',
      bankPaymentStatus: 'Rejected',
      updatedAt: '2026-03-18T12:00:02.000Z',
    });
    await flush(t);
    const failed = receiver.listener.received.filter((d) => d.event === 'payment.failed');
    expect(failed.map((d) => d.body)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ paymentId: created.paymentId, status: 'failed' }) }),
    ]);
    expect((await explain(created.paymentId)).outcomeRule).toEqual({
      ruleId: 'fail-13',
      status: 'failed',
      reason: 'rejected',
      delayMs: 2000,
      decidedAt: '2026-03-18T12:00:00.000Z',
      dueAt: '2026-03-18T12:00:02.000Z',
      appliedAt: '2026-03-18T12:00:02.000Z',
    });
  });

  test('the first matching rule wins; a rule that does not match is passed over', async () => {
    setup();
    await addRule({ id: 'expire-all', when: {}, outcome: { status: 'expired', after: '1s' } }, '?position=last');
    await addRule({ id: 'pay-big', when: { amount: { min: 1000 } }, outcome: { status: 'paid' } }, '?position=last');
    await addRule({ id: 'fail-13', when: { amount: '*.13' }, outcome: { status: 'failed' } }); // first
    const thirteen = await pay({ amount: 1000.13 });
    const big = await pay({ amount: 1000 });
    const small = await pay({ amount: 10 });
    expect((await statusOf(thirteen.paymentId)).status).toBe('failed');
    expect((await statusOf(big.paymentId)).status).toBe('pending'); // expire-all comes before pay-big
    await advanceMs(1000);
    expect((await statusOf(big.paymentId)).status).toBe('expired');
    expect((await statusOf(small.paymentId)).status).toBe('expired');
    expect((await explain(big.paymentId)).outcomeRule?.ruleId).toBe('expire-all');
  });

  test('at once: settled inside the create request, whose answer still says pending (E8)', async () => {
    setup();
    await addRule({ when: {}, outcome: { status: 'paid', bank: 'Nordea' } });
    const created = await pay();
    expect(created.status).toBe('pending');
    expect(await statusOf(created.paymentId)).toMatchObject({
      status: 'paid',
      paidAt: '2026-03-18T12:00:00.000Z',
    });
    expect(t.deps.state.payments.get(created.paymentId)?.bank).toBe('Nordea');
  });

  test('matches by merchant, store, register, reference and description patterns', async () => {
    setup();
    const partnerId = defaultPartnerId(t.deps);
    const other = addActiveMerchant(t.deps, partnerId);
    const store = addStoreFor(t.deps, other, { isDefault: true });
    await addRule(
      {
        when: { merchantClientId: other.clientId, storeId: store.storeId, registerId: 'KASSE-2' },
        outcome: { status: 'failed', reason: 'abandoned' },
      },
      '?position=last',
    );
    await addRule({ when: { referenceNumber: 'DECLINE-*' }, outcome: { status: 'failed' } }, '?position=last');
    await addRule({ when: { description: '*table ?' }, outcome: { status: 'paid' } }, '?position=last');
    const byStore = await pay({ merchantClientId: other.clientId, storeId: store.storeId, registerId: 'KASSE-2' });
    const otherRegister = await pay({
      merchantClientId: other.clientId,
      storeId: store.storeId,
      registerId: 'KASSE-3',
    });
    const byReference = await pay({ referenceNumber: 'DECLINE-77' });
    const byDescription = await pay({ referenceNumber: 'R-1', description: 'Lunch at table 5' });
    const none = await pay({ referenceNumber: 'R-2', description: 'Lunch at table 55' });
    expect((await statusOf(byStore.paymentId)).status).toBe('failed');
    expect((await explain(byStore.paymentId)).outcomeRule).toMatchObject({ reason: 'abandoned' });
    expect((await statusOf(otherRegister.paymentId)).status).toBe('pending');
    expect((await statusOf(byReference.paymentId)).status).toBe('failed');
    expect((await statusOf(byDescription.paymentId)).status).toBe('paid');
    expect((await statusOf(none.paymentId)).status).toBe('pending');
  });

  test('pending leaves the payment alone, also against a later catch-all rule', async () => {
    setup({ autoPay: '3s' });
    await addRule({ id: 'keep-42', when: { amount: '*.42' }, outcome: { status: 'pending' } });
    const kept = await pay({ amount: 1.42 });
    const paid = await pay({ amount: 1.43 });
    await advanceMs(3000);
    expect((await statusOf(kept.paymentId)).status).toBe('pending');
    expect((await statusOf(paid.paymentId)).status).toBe('paid');
    expect((await explain(kept.paymentId)).outcomeRule).toMatchObject({ status: 'pending', dueAt: null });
  });

  test('X-Mock-Payment wins over the rules', async () => {
    setup();
    await addRule({ when: {}, outcome: { status: 'failed' } });
    const created = await pay({}, { 'X-Mock-Payment': 'paid' });
    expect((await statusOf(created.paymentId)).status).toBe('paid');
    expect((await explain(created.paymentId)).outcomeRule).toBeNull();
  });

  test('a payment that expires before its rule is due stays expired, and the rule is not applied', async () => {
    setup({ paymentExpirySeconds: 60 });
    await addRule({ when: {}, outcome: { status: 'paid', after: '2m' } });
    const created = await pay();
    await advanceMs(120_000);
    expect((await statusOf(created.paymentId)).status).toBe('expired');
    expect((await explain(created.paymentId)).outcomeRule).toMatchObject({ status: 'paid', appliedAt: null });
  });

  test('a ranged delay is drawn with the random source', async () => {
    setup({}, () => 0.5);
    await addRule({ when: {}, outcome: { status: 'paid', after: '1s..5s' } });
    const created = await pay();
    expect((await explain(created.paymentId)).outcomeRule).toMatchObject({ delayMs: 3000 });
    await advanceMs(2999);
    expect((await statusOf(created.paymentId)).status).toBe('pending');
    await advanceMs(1);
    expect((await statusOf(created.paymentId)).status).toBe('paid');
  });

  test('a rule decides new payments only: one added later leaves earlier payments pending', async () => {
    setup();
    const before = await pay();
    await addRule({ when: {}, outcome: { status: 'paid' } });
    const after = await pay();
    expect((await statusOf(before.paymentId)).status).toBe('pending');
    expect((await statusOf(after.paymentId)).status).toBe('paid');
  });

  test('a deleted rule still settles the payments it decided', async () => {
    setup();
    await addRule({ id: 'later', when: {}, outcome: { status: 'paid', after: '5s' } });
    const created = await pay();
    expect((await t.api.delete('/__control/rules/later')).status).toBe(200);
    await advanceMs(5000);
    expect((await statusOf(created.paymentId)).status).toBe('paid');
  });
});

describe('E102, E103 the start flags', () => {
  test('--auto-pay pays every new payment after the delay with its signed payment.completed', async () => {
    setup({ autoPay: '3s' });
    receiver = await startReceiver(t, ['payment.completed']);
    const created = await pay();
    await advanceMs(2999);
    await flush(t);
    expect(receiver.listener.received).toEqual([]);
    await advanceMs(1);
    await flush(t);
    expect((await statusOf(created.paymentId)).status).toBe('paid');
    expect(
      receiver.listener.received.map((d) => [d.event, (d.body as { data: { paymentId: number } }).data.paymentId]),
    ).toEqual([['payment.completed', created.paymentId]]);
  });

  test('--rules magic-amounts: .13 fails, .30 expires, other amounts stay pending without --auto-pay', async () => {
    setup({ rules: 'magic-amounts' });
    const fails = await pay({ amount: 20.13 });
    const expires = await pay({ amount: 5.3 });
    const plain = await pay({ amount: 5.31 });
    await advanceMs(3000);
    expect((await statusOf(fails.paymentId)).status).toBe('failed');
    expect((await statusOf(expires.paymentId)).status).toBe('expired');
    expect((await statusOf(plain.paymentId)).status).toBe('pending');
  });

  test('the flags come back after a reset and an import, and an export of a mock with flags imports unchanged', async () => {
    setup({ rules: 'magic-amounts', autoPay: '1s' });
    const ids = (body: unknown) => (body as { rules: { id: string }[] }).rules.map((r) => r.id);
    const started = ids((await t.api.get('/__control/rules')).body);
    expect(started.at(-1)).toBe('auto-pay');
    expect(started).toHaveLength(10);
    await t.api.put('/__control/rules').send({ rules: [{ id: 'mine', when: {}, outcome: { status: 'failed' } }] });
    expect(ids((await t.api.get('/__control/rules')).body)).toEqual(['mine']);
    expect((await t.api.post('/__control/reset')).status).toBe(200);
    expect(ids((await t.api.get('/__control/rules')).body)).toEqual(started);
    await t.api.post('/__control/rules').send({ id: 'mine', when: {}, outcome: { status: 'failed' } });
    const exported = (await t.api.get('/__control/state')).body as { rules: Rule[] };
    expect(exported.rules.map((r) => r.id)).toEqual(['mine', ...started]);
    expect((await t.api.put('/__control/state').send(exported)).status).toBe(200);
    expect(ids((await t.api.get('/__control/rules')).body)).toEqual(['mine', ...started]);
    expect((await t.api.put('/__control/state').send({ version: 1 })).status).toBe(200);
    expect(ids((await t.api.get('/__control/rules')).body)).toEqual(started);
  });
});

describe('E104 the rules over the control API', () => {
  beforeEach(() => setup());

  test('lists, adds first or last, reads, replaces in place and deletes', async () => {
    expect((await t.api.get('/__control/rules')).body).toEqual({ rules: [] });
    const a = await addRule({ when: { amount: '*.13' }, outcome: { status: 'failed' } });
    const b = await addRule({ when: {}, webhook: { dropFirst: 1 } });
    const c = await addRule({ id: 'last-one', when: {}, outcome: { status: 'paid' } }, '?position=last');
    expect([a.id, b.id, c.id]).toEqual(['rule-1', 'rule-2', 'last-one']);
    const list = async () => ((await t.api.get('/__control/rules')).body as { rules: Rule[] }).rules.map((r) => r.id);
    expect(await list()).toEqual(['rule-2', 'rule-1', 'last-one']);
    expect((await t.api.get('/__control/rules/rule-1')).body).toEqual({
      id: 'rule-1',
      when: { amount: '*.13' },
      outcome: { status: 'failed' },
    });
    const replaced = await t.api.put('/__control/rules/rule-1').send({ when: {}, outcome: { status: 'expired' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({ id: 'rule-1', when: {}, outcome: { status: 'expired' } });
    expect(await list()).toEqual(['rule-2', 'rule-1', 'last-one']);
    expect((await t.api.delete('/__control/rules/rule-2')).body).toMatchObject({ id: 'rule-2' });
    expect(await list()).toEqual(['rule-1', 'last-one']);
    // Ids are numbered on, not given twice.
    expect((await addRule({ when: {}, outcome: { status: 'paid' } })).id).toBe('rule-3');
    const all = await t.api.put('/__control/rules').send({ rules: [{ when: {}, outcome: { status: 'paid' } }] });
    expect(all.body).toEqual({ rules: [{ id: 'rule-4', when: {}, outcome: { status: 'paid' } }] });
  });

  test.each([
    [{ when: {} }, 'rule needs an outcome, a webhook behaviour, or both'],
    [{ outcome: { status: 'paid', reason: 'rejected' } }, 'outcome.reason goes with status failed only, not paid'],
    [{ outcome: { status: 'paid', after: '8d' } }, 'outcome.after must be a delay from 0 to 7 days'],
    [{ outcome: { status: 'paid' }, colour: 'blue' }, 'colour is not allowed'],
    [{ when: { amount: '13' }, outcome: { status: 'paid' } }, 'when.amount'],
    [{ webhook: { dropFirst: 11 } }, 'webhook.dropFirst must be <= 10'],
  ])('refuses %j with a 400 naming the field', async (rule, words) => {
    const res = await t.api.post('/__control/rules').send(rule);
    expect(res.status).toBe(400);
    expect([(res.body as { message: string | string[] }).message].flat().join(' | ')).toContain(words);
    expect((await t.api.get('/__control/rules')).body).toEqual({ rules: [] });
  });

  test('a list with a bad rule changes nothing and names every problem', async () => {
    await addRule({ id: 'keep', when: {}, outcome: { status: 'paid' } });
    const res = await t.api.put('/__control/rules').send({
      rules: [
        { id: 'x', outcome: { status: 'paid' } },
        { id: 'x', outcome: { status: 'failed', bank: 'Nordea' } },
      ],
    });
    expect(res.status).toBe(400);
    expect((res.body as { message: string[] }).message).toEqual([
      'rules[1].outcome.bank goes with status paid only, not failed',
      'rules[1].id x is already used by rules[0]',
    ]);
    expect(((await t.api.get('/__control/rules')).body as { rules: Rule[] }).rules.map((r) => r.id)).toEqual(['keep']);
  });

  test('409 for an id in use and for a 101st rule; 404 for an unknown id; 400 for an id that differs from the path', async () => {
    await addRule({ id: 'one', when: {}, outcome: { status: 'paid' } });
    expect((await t.api.post('/__control/rules').send({ id: 'one', outcome: { status: 'paid' } })).body).toMatchObject({
      statusCode: 409,
      code: 'rule_exists',
    });
    expect((await t.api.get('/__control/rules/none')).body).toMatchObject({ statusCode: 404, code: 'rule_not_found' });
    expect((await t.api.delete('/__control/rules/none')).status).toBe(404);
    expect((await t.api.put('/__control/rules/none').send({ outcome: { status: 'paid' } })).status).toBe(404);
    const renamed = await t.api.put('/__control/rules/one').send({ id: 'two', outcome: { status: 'paid' } });
    expect(renamed.status).toBe(400);
    expect((renamed.body as { message: string[] }).message).toEqual([
      'id two differs from the rule id one in the path',
    ]);
    const hundred = Array.from({ length: 100 }, (_, i) => ({ id: `r${i}`, outcome: { status: 'paid' as const } }));
    expect((await t.api.put('/__control/rules').send({ rules: hundred })).status).toBe(200);
    expect((await t.api.post('/__control/rules').send({ outcome: { status: 'paid' } })).body).toMatchObject({
      statusCode: 409,
      code: 'too_many_rules',
    });
  });
});

describe('E106 a payment explained', () => {
  test("names the rule, the payment's deliveries and the journal's requests about it, which link back", async () => {
    setup();
    receiver = await startReceiver(t, ['payment.completed']);
    await addRule({ id: 'pay-now', when: {}, outcome: { status: 'paid' } });
    await addRule({ id: 'twice', when: { events: ['payment.completed'] }, webhook: { duplicate: 'new-id' } });
    const created = await pay();
    await t.api.get(`/v1/partner/payments/${created.paymentId}/status`).set(t.auth).expect(200);
    await flush(t);
    const detail = await explain(created.paymentId);
    expect(detail).toMatchObject({
      paymentId: created.paymentId,
      status: 'paid',
      outcomeRule: { ruleId: 'pay-now', status: 'paid', delayMs: 0, appliedAt: '2026-03-18T12:00:00.000Z' },
    });
    expect(detail.deliveries).toEqual([
      expect.objectContaining({
        event: 'payment.completed',
        outcome: 'delivered',
        rule: expect.objectContaining({ ruleId: 'twice' }),
      }),
      expect.objectContaining({
        event: 'payment.completed',
        rule: expect.objectContaining({ ruleId: 'twice', duplicateOf: detail.deliveries[0]!.id }),
      }),
    ]);
    expect(detail.requests.map((r) => [r.operationId, r.links])).toEqual([
      ['getPaymentStatus', { paymentId: created.paymentId }],
      [
        'createPayment',
        { paymentId: created.paymentId, ruleIds: ['pay-now', 'twice'], deliveryIds: [detail.deliveries[0]!.id] },
      ],
    ]);
    const byPayment = await t.api.get(`/__control/requests?paymentId=${created.paymentId}`);
    expect((byPayment.body as { total: number }).total).toBe(2);
    expect((await t.api.get('/__control/payments/999')).status).toBe(404);
  });
});
