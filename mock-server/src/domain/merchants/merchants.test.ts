import {
  buildMerchantCreateRequest,
  buildMerchantFastTrackRequest,
  buildTestMerchantCreateRequest,
  type MerchantCreateRequest,
} from '../../../../fixtures/src';
import { createTestApp, defaultPartnerId, TEST_BASE_URL, type TestApp } from '../../../test/helpers';
import type { DomainEvent } from '../../shared/events';

const NOW = '2026-03-18T12:00:00.000Z';
const DAY_MS = 24 * 60 * 60 * 1000;

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
  test('lets the onboarding link live for the configured number of days', async () => {
    const t = createTestApp({ onboardingLinkDays: 3 });
    const body = await createMerchant(t);
    expect(body.expiresAt).toBe(new Date(Date.parse(NOW) + 3 * DAY_MS).toISOString());
  });

  test('publishes no event while the merchant is pending', async () => {
    const t = createTestApp();
    const events = recordEvents(t);
    await createMerchant(t);
    expect(events).toEqual([]);
  });
});

describe('POST /v1/partner/merchants/fast-track (fastTrackMerchant)', () => {
  test("creates a pending merchant from the guide's fields and keeps its company data", async () => {
    const t = createTestApp();
    const body = buildMerchantFastTrackRequest();
    const res = await t.api.post('/v1/partner/merchants/fast-track').set(t.auth).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      companyName: body.companyName,
      status: 'pending_onboarding',
      expiresAt: '2026-03-25T12:00:00.000Z',
    });
    const { registrationNumber, website, iban, bic } = body;
    expect(t.deps.state.merchants.get(res.body.merchantId)?.fastTrack).toEqual({
      registrationNumber,
      website,
      iban,
      bic,
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
});

describe('POST /v1/partner/merchants/test (createTestMerchant)', () => {
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
});

describe('GET /v1/partner/merchants (listMerchants)', () => {
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

  test('renews a link that has expired', async () => {
    const t = createTestApp();
    const created = await createMerchant(t);
    t.deps.clock.advance(8 * DAY_MS);
    expect((await t.api.get(`/onboarding/${created.onboardingToken}`)).status).toBe(410);
    const res = await t.api.post(`/v1/partner/merchants/${created.merchantId}/resend-onboarding`).set(t.auth);
    expect((await t.api.get(`/onboarding/${res.body.onboardingToken}`)).status).toBe(200);
  });
});
