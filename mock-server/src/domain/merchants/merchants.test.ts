import {
  buildMerchantCreateRequest,
  buildMerchantFastTrackRequest,
  buildTestMerchantCreateRequest,
  type MerchantCreateRequest,
} from '../../../../fixtures/src';
import {
  addPartner,
  createTestApp,
  createTestDeps,
  defaultPartnerId,
  TEST_BASE_URL,
  type TestApp,
} from '../../../test/helpers';
import type { DomainEvent } from '../../shared/events';

const NOW = '2026-03-18T12:00:00.000Z';
const DAY_MS = 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SEED_MERCHANT = { companyName: 'Restaurant XYZ', contactEmail: 'owner@restaurant-xyz.dk' };
const FAST_TRACK = {
  companyName: 'Restaurant XYZ ApS',
  contactEmail: 'owner@restaurant-xyz.dk',
  contactPhone: '+4512345678',
  partnerRefId: 'merchant-001',
  registrationNumber: '12345678',
  website: 'https://restaurant-xyz.dk',
  iban: 'DK5000400440116243',
  bic: 'DABADKKK',
};

// Building the first app of a file compiles every validator of the spec once.
beforeAll(() => void createTestDeps(), 60_000);

async function createMerchant({ api, auth }: TestApp, body: MerchantCreateRequest = buildMerchantCreateRequest()) {
  const res = await api.post('/v1/partner/merchants').set(auth).send(body);
  expect(res.status).toBe(201);
  return res.body as {
    merchantId: number;
    clientId: string;
    onboardingToken: string;
    onboardingUrl: string;
    expiresAt: string;
  };
}

function recordEvents(t: TestApp): DomainEvent[] {
  const events: DomainEvent[] = [];
  t.deps.events.subscribe((e) => events.push(e));
  return events;
}

describe('POST /v1/partner/merchants (createMerchant)', () => {
  test("creates a pending merchant from the overview's example with a hosted onboarding link", async () => {
    const t = createTestApp();
    const res = await t.api.post('/v1/partner/merchants').set(t.auth).send(SEED_MERCHANT);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      merchantId: expect.any(Number),
      clientId: expect.stringMatching(UUID),
      companyName: 'Restaurant XYZ',
      contactEmail: 'owner@restaurant-xyz.dk',
      onboardingUrl: `${TEST_BASE_URL}/onboarding/${res.body.onboardingToken}`,
      onboardingToken: expect.any(String),
      status: 'pending_onboarding',
      expiresAt: '2026-03-25T12:00:00.000Z',
    });
  });

  test('lets the onboarding link live for the configured number of days', async () => {
    const t = createTestApp({ onboardingLinkDays: 3 });
    const body = await createMerchant(t);
    expect(body.expiresAt).toBe(new Date(Date.parse(NOW) + 3 * DAY_MS).toISOString());
  });

  test('keeps the optional contact phone and partner reference', async () => {
    const t = createTestApp();
    const { merchantId } = await createMerchant(
      t,
      buildMerchantCreateRequest({ contactPhone: '+4512345678', partnerRefId: 'merchant-001' }),
    );
    const res = await t.api.get(`/v1/partner/merchants/${merchantId}`).set(t.auth);
    expect(res.body).toMatchObject({ contactPhone: '+4512345678', partnerRefId: 'merchant-001', status: 'pending' });
  });

  test('publishes no event while the merchant is pending', async () => {
    const t = createTestApp();
    const events = recordEvents(t);
    await createMerchant(t);
    expect(events).toEqual([]);
  });

  test('rejects a missing contactEmail with 400 naming the field', async () => {
    const t = createTestApp();
    const res = await t.api.post('/v1/partner/merchants').set(t.auth).send({ companyName: 'Restaurant XYZ' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain('contactEmail');
  });

  test('rejects an unknown body field with 400 naming it (D7)', async () => {
    const t = createTestApp();
    const res = await t.api
      .post('/v1/partner/merchants')
      .set(t.auth)
      .send({ ...SEED_MERCHANT, iban: 'DK5000400440116243' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain('iban');
  });
});

describe('POST /v1/partner/merchants/fast-track (fastTrackMerchant)', () => {
  test("creates a pending merchant from the guide's fields and keeps its company data", async () => {
    const t = createTestApp();
    const res = await t.api.post('/v1/partner/merchants/fast-track').set(t.auth).send(FAST_TRACK);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      companyName: 'Restaurant XYZ ApS',
      status: 'pending_onboarding',
      expiresAt: '2026-03-25T12:00:00.000Z',
    });
    expect(t.deps.state.merchants.get(res.body.merchantId)?.fastTrack).toEqual({
      registrationNumber: '12345678',
      website: 'https://restaurant-xyz.dk',
      iban: 'DK5000400440116243',
      bic: 'DABADKKK',
    });
  });

  test('accepts fields beyond the documented ones and does not store them (D12)', async () => {
    const t = createTestApp();
    const res = await t.api
      .post('/v1/partner/merchants/fast-track')
      .set(t.auth)
      .send({ ...buildMerchantFastTrackRequest(), primaryUseCase: 'retail' });
    expect(res.status).toBe(201);
    const record = t.deps.state.merchants.get(res.body.merchantId);
    expect(JSON.stringify(record)).not.toContain('primaryUseCase');
  });

  test('reads as pending until the merchant finishes through its link', async () => {
    const t = createTestApp();
    const created = await t.api
      .post('/v1/partner/merchants/fast-track')
      .set(t.auth)
      .send(buildMerchantFastTrackRequest());
    const res = await t.api.get(`/v1/partner/merchants/${created.body.merchantId}`).set(t.auth);
    expect(res.body.status).toBe('pending');
  });

  test('rejects a missing iban with 400 naming the field', async () => {
    const t = createTestApp();
    const { iban: _iban, ...body } = FAST_TRACK;
    const res = await t.api.post('/v1/partner/merchants/fast-track').set(t.auth).send(body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain('iban');
  });
});

describe('POST /v1/partner/merchants/test (createTestMerchant)', () => {
  test("creates an activated merchant from the testing guide's example", async () => {
    const t = createTestApp();
    const res = await t.api.post('/v1/partner/merchants/test').set(t.auth).send({ companyName: 'Test Merchant' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      merchantId: expect.any(Number),
      clientId: expect.stringMatching(UUID),
      companyName: 'Test Merchant',
      status: 'activated',
      message: 'Test merchant created and activated. Use the clientId to create payments immediately.',
    });
    const merchant = await t.api.get(`/v1/partner/merchants/${res.body.merchantId}`).set(t.auth);
    expect(merchant.body.status).toBe('active');
  });

  test('gives the test merchant its default store at once (D15)', async () => {
    const t = createTestApp();
    const created = await t.api.post('/v1/partner/merchants/test').set(t.auth).send(buildTestMerchantCreateRequest());
    const res = await t.api.get(`/v1/partner/merchants/${created.body.merchantId}/stores`).set(t.auth);
    expect(res.body.total).toBe(1);
    expect(res.body.stores[0]).toMatchObject({
      name: 'Main Store',
      isDefault: true,
      isActive: true,
      countryCode: 'DK',
    });
  });

  test('publishes merchant.activated', async () => {
    const t = createTestApp();
    const events = recordEvents(t);
    const body = buildTestMerchantCreateRequest();
    const res = await t.api.post('/v1/partner/merchants/test').set(t.auth).send(body);
    expect(events).toEqual([
      {
        type: 'merchant.activated',
        partnerId: defaultPartnerId(t.deps),
        timestamp: NOW,
        data: {
          merchantId: res.body.merchantId,
          clientId: res.body.clientId,
          companyName: body.companyName,
          status: 'active',
        },
      },
    ]);
  });

  test('rejects an empty companyName with 400 naming the field', async () => {
    const t = createTestApp();
    const res = await t.api.post('/v1/partner/merchants/test').set(t.auth).send({ companyName: '' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain('companyName');
  });
});

describe('GET /v1/partner/merchants (listMerchants)', () => {
  test('lists merchants newest first with the default page and limit', async () => {
    const t = createTestApp();
    const first = await createMerchant(t);
    const second = await createMerchant(t);
    const res = await t.api.get('/v1/partner/merchants').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, limit: 20 });
    expect(res.body.merchants.map((m: { id: number }) => m.id)).toEqual([second.merchantId, first.merchantId]);
  });

  test('filters by status', async () => {
    const t = createTestApp();
    await createMerchant(t);
    const active = await t.api.post('/v1/partner/merchants/test').set(t.auth).send(buildTestMerchantCreateRequest());
    const res = await t.api.get('/v1/partner/merchants?status=active').set(t.auth);
    expect(res.body.total).toBe(1);
    expect(res.body.merchants).toEqual([expect.objectContaining({ id: active.body.merchantId, status: 'active' })]);
  });

  test('pages 250 merchants: page 3 of 100 holds the 50 oldest, newest first', async () => {
    const t = createTestApp();
    const partner = t.deps.state.partners.get(defaultPartnerId(t.deps))!;
    const ids = Array.from(
      { length: 250 },
      () => t.deps.services.merchants.create(partner, buildMerchantCreateRequest()).merchantId,
    );
    const res = await t.api.get('/v1/partner/merchants?page=3&limit=100').set(t.auth);
    expect(res.body).toMatchObject({ total: 250, page: 3, limit: 100 });
    expect(res.body.merchants.map((m: { id: number }) => m.id)).toEqual(ids.slice(0, 50).reverse());
  });

  test('answers a page past the end with an empty list and the total', async () => {
    const t = createTestApp();
    await createMerchant(t);
    const res = await t.api.get('/v1/partner/merchants?page=5').set(t.auth);
    expect(res.body).toEqual({ merchants: [], total: 1, page: 5, limit: 20 });
  });

  test("does not list another partner's merchants (D2)", async () => {
    const t = createTestApp();
    await createMerchant(t);
    const other = addPartner(t.deps);
    const res = await t.api.get('/v1/partner/merchants').set(other.auth);
    expect(res.body).toMatchObject({ merchants: [], total: 0 });
  });

  test('rejects a limit above 100 with 400 naming the parameter', async () => {
    const t = createTestApp();
    const res = await t.api.get('/v1/partner/merchants?limit=101').set(t.auth);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain('limit');
  });

  test('rejects an unknown status with 400 naming the parameter', async () => {
    const t = createTestApp();
    const res = await t.api.get('/v1/partner/merchants?status=pending_onboarding').set(t.auth);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain('status');
  });
});

describe('GET /v1/partner/merchants/{merchantId} (getMerchant)', () => {
  test('returns the merchant in the API reference shape', async () => {
    const t = createTestApp();
    const created = await createMerchant(t, SEED_MERCHANT);
    const res = await t.api.get(`/v1/partner/merchants/${created.merchantId}`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: created.merchantId,
      clientId: created.clientId,
      companyName: 'Restaurant XYZ',
      contactEmail: 'owner@restaurant-xyz.dk',
      contactPhone: null,
      status: 'pending',
      partnerRefId: null,
      createdAt: NOW,
    });
  });

  test('answers 404 for an unknown merchant', async () => {
    const t = createTestApp();
    const res = await t.api.get('/v1/partner/merchants/999').set(t.auth);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'merchant_not_found', message: 'Merchant 999 not found' });
  });

  test("answers 404 for another partner's merchant, exactly like an unknown one (D2)", async () => {
    const t = createTestApp();
    const created = await createMerchant(t);
    const other = addPartner(t.deps);
    const res = await t.api.get(`/v1/partner/merchants/${created.merchantId}`).set(other.auth);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: `Merchant ${created.merchantId} not found`,
      code: 'merchant_not_found',
    });
  });

  test('rejects a non-numeric id with 400 naming the parameter', async () => {
    const t = createTestApp();
    const res = await t.api.get('/v1/partner/merchants/abc').set(t.auth);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain('merchantId');
  });
});

describe('POST /v1/partner/merchants/{merchantId}/resend-onboarding (resendOnboarding)', () => {
  test('issues a new token whose expiry counts from the resend', async () => {
    const t = createTestApp();
    const created = await createMerchant(t);
    t.deps.clock.advance(2 * DAY_MS);
    const res = await t.api.post(`/v1/partner/merchants/${created.merchantId}/resend-onboarding`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.onboardingToken).not.toBe(created.onboardingToken);
    expect(res.body).toMatchObject({
      merchantId: created.merchantId,
      status: 'pending_onboarding',
      onboardingUrl: `${TEST_BASE_URL}/onboarding/${res.body.onboardingToken}`,
      expiresAt: '2026-03-27T12:00:00.000Z',
    });
  });

  test('stops the previous link from working', async () => {
    const t = createTestApp();
    const created = await createMerchant(t);
    const res = await t.api.post(`/v1/partner/merchants/${created.merchantId}/resend-onboarding`).set(t.auth);
    expect((await t.api.get(`/onboarding/${created.onboardingToken}`)).status).toBe(404);
    expect((await t.api.get(`/onboarding/${res.body.onboardingToken}`)).status).toBe(200);
  });

  test('renews a link that has expired', async () => {
    const t = createTestApp();
    const created = await createMerchant(t);
    t.deps.clock.advance(8 * DAY_MS);
    expect((await t.api.get(`/onboarding/${created.onboardingToken}`)).status).toBe(410);
    const res = await t.api.post(`/v1/partner/merchants/${created.merchantId}/resend-onboarding`).set(t.auth);
    expect((await t.api.get(`/onboarding/${res.body.onboardingToken}`)).status).toBe(200);
  });

  test('answers 409 for a merchant that is already active', async () => {
    const t = createTestApp();
    const active = await t.api.post('/v1/partner/merchants/test').set(t.auth).send(buildTestMerchantCreateRequest());
    const res = await t.api.post(`/v1/partner/merchants/${active.body.merchantId}/resend-onboarding`).set(t.auth);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('merchant_not_pending');
  });

  test("answers 404 for another partner's merchant (D2)", async () => {
    const t = createTestApp();
    const created = await createMerchant(t);
    const other = addPartner(t.deps);
    const res = await t.api.post(`/v1/partner/merchants/${created.merchantId}/resend-onboarding`).set(other.auth);
    expect(res.status).toBe(404);
  });
});
