/**
 * Scenarios through HTTP: the control API moves the whole state (exportState, importState) and the
 * Partner API then shows a loaded scenario's data to the partner that holds the default credential.
 */
import { DEFAULT_CLIENT_ID, DEFAULT_PARTNER, NAMED_SCENARIOS, SCENARIO_NAMES, type Scenario } from '../../fixtures/src';
import { createTestApp } from './helpers';

/** What the default credential's partner owns in a scenario. */
function ownedBy(scenario: Scenario) {
  const partner = scenario.partners!.find((p) => p.credentials.some((c) => c.clientId === DEFAULT_CLIENT_ID))!;
  const merchants = scenario.merchants!.filter((m) => m.partnerId === partner.id);
  const merchantIds = new Set(merchants.map((m) => m.id));
  const payments = scenario.payments!.filter((p) => merchantIds.has(p.merchantId));
  return { merchants, payments, stores: scenario.stores!.filter((s) => merchantIds.has(s.merchantId)) };
}

describe('GET /__control/state (exportState)', () => {
  test('exports a state that PUT /__control/state loads back unchanged', async () => {
    const { api, auth, deps } = createTestApp();
    await api.put('/__control/state').send(NAMED_SCENARIOS.default()).expect(200);
    await api
      .post('/v1/partner/merchants')
      .set(auth)
      .send({ companyName: 'Ny Butik ApS', contactEmail: 'hej@ny-butik.dk' })
      .expect(201);
    const before = deps.state.snapshot();

    const exported = await api.get('/__control/state').expect(200);
    const imported = await api.put('/__control/state').send(exported.body).expect(200);

    expect(imported.body).toEqual({
      ok: true,
      counts: { partners: 1, merchants: 4, stores: 3, payments: 8, webhooks: 0 },
    });
    expect(deps.state.snapshot()).toEqual(before);
  });
});

describe('PUT /__control/state (importState)', () => {
  test('answers 400 listing every problem of the scenario and changes nothing', async () => {
    const { api, deps } = createTestApp();
    await api.put('/__control/state').send(NAMED_SCENARIOS.default()).expect(200);
    const before = deps.state.snapshot();
    const scenario = NAMED_SCENARIOS.default();
    scenario.stores![2]!.isDefault = true; // a second default store of merchant 2
    scenario.payments!.push({
      id: 9,
      merchantId: 3,
      amount: 10,
      referenceNumber: 'X',
      status: 'paid',
      createdAt: '2026-03-09T10:00:00.000Z',
    }); // merchant 3 is pending
    scenario.payments!.push({ id: 10, merchantId: 42, amount: 1.999, referenceNumber: 'Y', status: 'failed' }); // unknown merchant, 3 decimals

    const res = await api.put('/__control/state').send(scenario).expect(400);

    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'invalid_scenario' });
    expect(res.body.message).toEqual([
      'payments[9].merchantId 42 matches no merchant',
      'stores[1], stores[2]: merchant 2 has 2 default stores; at most one is allowed (D18)',
      'payments[8]: paid payment 9 belongs to merchant 3 which is pending; only an active merchant takes payments (D19)',
      'payments[9].amount 1.999 has more than 2 decimals (D19)',
    ]);
    expect(deps.state.snapshot()).toEqual(before);
  });
});

describe.each(SCENARIO_NAMES)('the %s scenario through the Partner API', (name) => {
  const scenario = NAMED_SCENARIOS[name]();
  const owned = ownedBy(scenario);

  test('loads and lists its merchants, stores and payments to the default credential', async () => {
    const { api, auth } = createTestApp();
    await api.put('/__control/state').send(scenario).expect(200);

    const merchants = await api.get('/v1/partner/merchants').set(auth).expect(200);
    expect(merchants.body.total).toBe(owned.merchants.length);
    const payments = await api.get('/v1/partner/payments').set(auth).expect(200);
    expect(payments.body.total).toBe(owned.payments.length);
    if (owned.payments.length > 0)
      expect(payments.body.payments[0].id).toBe(Math.max(...owned.payments.map((p) => p.id)));

    const withStores = owned.merchants.find((m) => owned.stores.some((s) => s.merchantId === m.id));
    if (withStores) {
      const stores = await api.get(`/v1/partner/merchants/${withStores.id}/stores`).set(auth).expect(200);
      const expected = owned.stores.filter((s) => s.merchantId === withStores.id).map((s) => s.storeId);
      expect(stores.body.stores.map((s: { storeId: string }) => s.storeId)).toEqual(expected);
      expect(stores.body.stores.filter((s: { isDefault: boolean }) => s.isDefault)).toHaveLength(1);
    }
  });
});

describe('the seed an app starts with, through the Partner API', () => {
  test('answers the seeded partner its profile and its one credential, masked', async () => {
    const { api, auth, deps } = createTestApp();
    const profile = await api.get('/v1/partner/profile').set(auth).expect(200);
    expect(profile.body).toEqual({
      id: 1,
      ...DEFAULT_PARTNER,
      status: 'active',
      createdAt: '2026-03-18T12:00:00.000Z',
      updatedAt: '2026-03-18T12:00:00.000Z',
    });
    const credentials = await api.get('/v1/partner/credentials').set(auth).expect(200);
    expect(credentials.body).toEqual([
      {
        id: 1,
        name: 'Default credential',
        clientId: deps.config.clientId,
        clientSecretLast4: `...${deps.config.clientSecret.slice(-4)}`,
        status: 'active',
        createdAt: '2026-03-18T12:00:00.000Z',
      },
    ]);
    expect(credentials.text).not.toContain(deps.config.clientSecret);
  });
});
