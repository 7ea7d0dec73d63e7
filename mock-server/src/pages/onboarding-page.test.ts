import { createTestApp, defaultPartnerId, type TestApp } from '../../test/helpers';
import type { DomainEvent } from '../shared/events';

const DAY_MS = 24 * 60 * 60 * 1000;
const FORM = {
  companyName: 'Restaurant XYZ ApS',
  registrationNumber: '12345678',
  streetAddress: 'Hovedgaden 1',
  postalCode: '1000',
  city: 'København',
  iban: 'DK50 0040 0440 1162 43',
};

async function createMerchant(
  t: TestApp,
  body: object = { companyName: 'Restaurant XYZ', contactEmail: 'owner@restaurant-xyz.dk' },
) {
  const res = await t.api.post('/v1/partner/merchants').set(t.auth).send(body);
  return { merchantId: res.body.merchantId as number, path: new URL(res.body.onboardingUrl as string).pathname };
}

const merchantStatus = async (t: TestApp, merchantId: number) =>
  (await t.api.get(`/v1/partner/merchants/${merchantId}`).set(t.auth)).body.status;

function recordEvents(t: TestApp): DomainEvent[] {
  const events: DomainEvent[] = [];
  t.deps.events.subscribe((e) => events.push(e));
  return events;
}

describe('GET /onboarding/{token} (hosted onboarding page)', () => {
  test('shows the company form prefilled with the company name and contact email', async () => {
    const t = createTestApp();
    const { path } = await createMerchant(t);
    const res = await t.api.get(path);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('value="Restaurant XYZ"');
    expect(res.text).toContain('owner@restaurant-xyz.dk');
    for (const name of ['registrationNumber', 'streetAddress', 'postalCode', 'city', 'iban'])
      expect(res.text).toContain(`name="${name}"`);
  });

  test("prefills a fast-tracked merchant's CVR number and IBAN", async () => {
    const t = createTestApp();
    const res = await t.api.post('/v1/partner/merchants/fast-track').set(t.auth).send({
      companyName: 'Restaurant XYZ ApS',
      contactEmail: 'owner@restaurant-xyz.dk',
      registrationNumber: '12345678',
      website: 'https://restaurant-xyz.dk',
      iban: 'DK5000400440116243',
    });
    const page = await t.api.get(new URL(res.body.onboardingUrl).pathname);
    expect(page.text).toContain('value="12345678"');
    expect(page.text).toContain('value="DK5000400440116243"');
  });

  test('escapes the company name', async () => {
    const t = createTestApp();
    const { path } = await createMerchant(t, {
      companyName: '<script>alert(1)</script>',
      contactEmail: 'owner@restaurant-xyz.dk',
    });
    const res = await t.api.get(path);
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.text).toContain('&lt;script&gt;');
  });

  test('answers an unknown token with a 404 page', async () => {
    const t = createTestApp();
    const res = await t.api.get('/onboarding/no-such-token');
    expect(res.status).toBe(404);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('Onboarding link not found');
  });

  test('answers an expired link with a 410 page', async () => {
    const t = createTestApp();
    const { path } = await createMerchant(t);
    t.deps.clock.advance(7 * DAY_MS);
    const res = await t.api.get(path);
    expect(res.status).toBe(410);
    expect(res.text).toContain('Onboarding link expired');
  });

  test('still shows the form a moment before the link expires', async () => {
    const t = createTestApp();
    const { path } = await createMerchant(t);
    t.deps.clock.advance(7 * DAY_MS - 1);
    expect((await t.api.get(path)).status).toBe(200);
  });
});

describe('POST /onboarding/{token} (hosted onboarding submit)', () => {
  test('completes onboarding: the merchant is active and the confirmation page shows', async () => {
    const t = createTestApp();
    const { merchantId, path } = await createMerchant(t);
    const res = await t.api.post(path).type('form').send(FORM);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Merchant onboarding complete');
    expect(await merchantStatus(t, merchantId)).toBe('active');
  });

  test('creates the default store with the address from the form (D15)', async () => {
    const t = createTestApp();
    const { merchantId, path } = await createMerchant(t);
    await t.api.post(path).type('form').send(FORM);
    const res = await t.api.get(`/v1/partner/merchants/${merchantId}/stores`).set(t.auth);
    expect(res.body.stores).toEqual([
      expect.objectContaining({
        name: 'Main Store',
        streetAddress: 'Hovedgaden 1',
        postalCode: '1000',
        city: 'København',
        countryCode: 'DK',
        isDefault: true,
      }),
    ]);
  });

  test('publishes merchant.activated with the company name from the form', async () => {
    const t = createTestApp();
    const { merchantId, path } = await createMerchant(t);
    const events = recordEvents(t);
    await t.api.post(path).type('form').send(FORM);
    expect(events).toEqual([
      {
        type: 'merchant.activated',
        partnerId: defaultPartnerId(t.deps),
        timestamp: '2026-03-18T12:00:00.000Z',
        data: { merchantId, clientId: expect.any(String), companyName: 'Restaurant XYZ ApS', status: 'active' },
      },
    ]);
  });

  test('completes with only the prefilled company name', async () => {
    const t = createTestApp();
    const { merchantId, path } = await createMerchant(t);
    const res = await t.api.post(path).type('form').send({ companyName: 'Restaurant XYZ' });
    expect(res.status).toBe(200);
    expect(await merchantStatus(t, merchantId)).toBe('active');
  });

  test('uses up the link: it then shows "already completed" and a second submit changes nothing', async () => {
    const t = createTestApp();
    const { path } = await createMerchant(t);
    await t.api.post(path).type('form').send(FORM);
    const events = recordEvents(t);
    const again = await t.api.get(path);
    const resubmit = await t.api.post(path).type('form').send(FORM);
    expect(again.status).toBe(410);
    expect(again.text).toContain('Onboarding already completed');
    expect(resubmit.status).toBe(410);
    expect(events).toEqual([]);
  });

  test('refuses an expired link with a 410 page and leaves the merchant pending', async () => {
    const t = createTestApp();
    const { merchantId, path } = await createMerchant(t);
    t.deps.clock.advance(8 * DAY_MS);
    const res = await t.api.post(path).type('form').send(FORM);
    expect(res.status).toBe(410);
    expect(await merchantStatus(t, merchantId)).toBe('pending');
  });

  test('answers an unknown token with a 404 page', async () => {
    const t = createTestApp();
    const res = await t.api.post('/onboarding/no-such-token').type('form').send(FORM);
    expect(res.status).toBe(404);
    expect(res.type).toBe('text/html');
  });

  test('shows the form again with the problem for an invalid CVR number and keeps the merchant pending', async () => {
    const t = createTestApp();
    const { merchantId, path } = await createMerchant(t);
    const res = await t.api
      .post(path)
      .type('form')
      .send({ ...FORM, registrationNumber: '123' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('CVR number must be 8 digits');
    expect(res.text).toContain('value="Hovedgaden 1"');
    expect(await merchantStatus(t, merchantId)).toBe('pending');
  });

  test('shows the form again for an empty company name', async () => {
    const t = createTestApp();
    const { path } = await createMerchant(t);
    const res = await t.api
      .post(path)
      .type('form')
      .send({ ...FORM, companyName: ' ' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Company name is required');
  });
});
