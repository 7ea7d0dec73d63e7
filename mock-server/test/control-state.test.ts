import { loadSpec } from '../../spec';
import { createTestApp } from './helpers';
import { createPayment, createTestMerchant, flush, paymentStatus, startReceiver } from './control-helpers';

describe('POST /__control/reset (resetState)', () => {
  test('drops every record and starts again from the default partner', async () => {
    const t = createTestApp();
    const { clientId } = await createTestMerchant(t);
    const paymentId = await createPayment(t, clientId);
    await t.api.post('/__control/partners').send({ name: 'Tenant B' });

    const res = await t.api.post('/__control/reset');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect((await t.api.get('/__control/health')).body.partners).toBe(1);
    expect((await t.api.get('/v1/partner/merchants').set(t.auth)).body.total).toBe(0);
    expect((await t.api.post(`/__control/payments/${paymentId}/complete`)).status).toBe(404);
  });

  test('clears faults, the request journal and deliveries', async () => {
    const t = createTestApp();
    const receiver = await startReceiver(t);
    try {
      await createTestMerchant(t);
      await flush(t);
      await t.api.post('/__control/faults').send({ operationId: 'getStats', status: 500 });
      await t.api.post('/__control/reset').expect(200);
      expect((await t.api.get('/__control/faults')).body).toEqual({ faults: [] });
      expect((await t.api.get('/__control/requests')).body.total).toBe(0);
      expect((await t.api.get('/__control/webhook-deliveries')).body.total).toBe(0);
      expect((await t.api.get('/v1/partner/stats').set(t.auth)).status).toBe(200);
    } finally {
      await receiver.listener.close();
    }
  });

  test('keeps the clock where it is, because it only moves forward', async () => {
    const t = createTestApp();
    await t.api.post('/__control/clock/advance').send({ duration: '1h' });
    await t.api.post('/__control/reset');
    expect((await t.api.get('/__control/clock')).body.offsetMs).toBe(3_600_000);
  });

  test('starts from a named scenario', async () => {
    const t = createTestApp();
    await createTestMerchant(t);
    const res = await t.api.post('/__control/reset').send({ scenario: 'empty' });
    expect(res.status).toBe(200);
    expect((await t.api.get('/v1/partner/merchants').set(t.auth)).body.total).toBe(0);
  });

  test('answers 400 for an unknown scenario and for a path, and changes nothing', async () => {
    const t = createTestApp();
    await createTestMerchant(t);
    for (const scenario of ['no-such-scenario', '../package.json']) {
      const res = await t.api.post('/__control/reset').send({ scenario });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('unknown_scenario');
      // A path is not the way out over HTTP, so the message does not offer one.
      expect(res.body.message).not.toContain('file path');
    }
    const unknown = await t.api.post('/__control/reset').send({ scenario: 'no-such-scenario' });
    expect(unknown.body.message).toMatch(
      /^Unknown scenario "no-such-scenario"; .*default.* \(a world of your own: PUT \/__control\/state\)$/,
    );
    expect((await t.api.get('/v1/partner/merchants').set(t.auth)).body.total).toBe(1);
  });
});

describe('GET /__control/state (exportState) and PUT /__control/state (importState)', () => {
  test('loads an exported state back after a reset', async () => {
    const t = createTestApp();
    const { clientId } = await createTestMerchant(t);
    const paid = await createPayment(t, clientId);
    const pending = await createPayment(t, clientId);
    await t.api.post(`/__control/payments/${paid}/complete`);
    await t.api
      .post('/v1/partner/webhooks')
      .set(t.auth)
      .send({ url: 'http://127.0.0.1:9/hooks', events: ['payment.completed'] });

    const exported = await t.api.get('/__control/state');
    expect(exported.status).toBe(200);
    expect(exported.body.version).toBe(1);
    await t.api.post('/__control/reset').expect(200);

    const imported = await t.api.put('/__control/state').send(exported.body);
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({
      ok: true,
      counts: { partners: 1, merchants: 1, stores: 1, payments: 2, webhooks: 1 },
    });
    expect(await paymentStatus(t, paid)).toBe('paid');
    expect(await paymentStatus(t, pending)).toBe('pending');
    expect((await t.api.get('/__control/state')).body).toEqual(exported.body);
  });

  test('expires an imported pending payment by the clock', async () => {
    const t = createTestApp();
    const pending = await createPayment(t, (await createTestMerchant(t)).clientId);
    const exported = await t.api.get('/__control/state');
    await t.api.put('/__control/state').send(exported.body).expect(200);
    await t.api.post('/__control/clock/advance').send({ duration: '30m' });
    expect(await paymentStatus(t, pending)).toBe('expired');
  });

  test('answers 400 listing the problems of an invalid scenario and changes nothing', async () => {
    const t = createTestApp();
    await createTestMerchant(t);
    const res = await t.api.put('/__control/state').send({ version: 1, merchants: [{ id: 1, partnerId: 7 }] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_scenario');
    expect(Array.isArray(res.body.message)).toBe(true);
    expect((await t.api.get('/v1/partner/merchants').set(t.auth)).body.total).toBe(1);
  });

  test("loads the spec's example scenario", async () => {
    const { components } = loadSpec('control-api') as unknown as {
      components: { examples: Record<string, { value: unknown }> };
    };
    const res = await createTestApp()
      .api.put('/__control/state')
      .send(components.examples.SmallScenario!.value as object);
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ partners: 1, merchants: 1, stores: 1, payments: 1, webhooks: 1 });
  });

  test('answers 400 for a scenario without version', async () => {
    const res = await createTestApp().api.put('/__control/state').send({ partners: [] });
    expect(res.status).toBe(400);
  });
});

describe('ids at the end of what a JSON number holds (E19, E225)', () => {
  const LAST = Number.MAX_SAFE_INTEGER;

  test('a world whose highest payment id is 2^53 − 1 answers a new payment 409 and keeps every payment', async () => {
    const t = createTestApp();
    const { clientId } = await createTestMerchant(t);
    await createPayment(t, clientId);
    const exported = (await t.api.get('/__control/state')).body;
    exported.payments[0].id = LAST;
    await t.api.put('/__control/state').send(exported).expect(200);
    const before = (await t.api.get('/__control/state')).body;

    const res = await t.api
      .post('/v1/partner/payments')
      .set(t.auth)
      .send({ merchantClientId: clientId, amount: 10, referenceNumber: 'AFTER-LAST' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ids_exhausted');
    expect(res.body.message).toMatch(/^No payment id is left/);
    expect((await t.api.get('/__control/state')).body).toEqual(before);
    expect((await t.api.get(`/v1/partner/payments/${LAST}/status`).set(t.auth)).status).toBe(200);
    // Other kinds still have ids.
    expect((await t.api.post('/v1/partner/merchants/test').set(t.auth).send({ companyName: 'Næste' })).status).toBe(
      201,
    );
  });

  test('an id past 2^53 − 1 is refused on import instead of being rounded onto another', async () => {
    const t = createTestApp();
    const { clientId } = await createTestMerchant(t);
    await createPayment(t, clientId);
    const exported = (await t.api.get('/__control/state')).body;
    const text = JSON.stringify(exported).replace(/"payments":\[\{"id":\d+/, '"payments":[{"id":9007199254740993');
    const res = await t.api.put('/__control/state').set('content-type', 'application/json').send(text);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('payments[0].id must be <= 9007199254740991, got 9007199254740992');
    expect((await t.api.get('/__control/state')).body).toEqual(exported);
  });
});
