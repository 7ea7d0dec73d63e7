/**
 * Issue 12, deliverable 1: path, query and header numbers are finite and in range, or a 400 naming
 * the parameter (E30); operations without a request body never read one (E31).
 */
import { addActiveMerchant, createTestApp, defaultPartnerId } from './helpers';
import { createPayment, createTestMerchant } from './control-helpers';

const NON_FINITE = ['Infinity', '-Infinity', '1e400', '-1e400', '+Infinity'];

describe('numbers in parameters are finite or refused (E30)', () => {
  test.each(NON_FINITE)('GET /merchants?page=2&limit=%s answers 400 naming limit (it used to hang)', async (value) => {
    const t = createTestApp();
    const res = await t.api.get(`/v1/partner/merchants?page=2&limit=${encodeURIComponent(value)}`).set(t.auth);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.message).toEqual([expect.stringMatching(/^query parameter limit /)]);
  });

  test.each(NON_FINITE)('GET /payments?page=%s answers 400 naming page', async (value) => {
    const t = createTestApp();
    const res = await t.api.get(`/v1/partner/payments?page=${encodeURIComponent(value)}`).set(t.auth);
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual([expect.stringMatching(/^query parameter page /)]);
  });

  test('GET /merchants?limit=1e400 answers 400, not a 500 echoing Infinity', async () => {
    const t = createTestApp();
    const res = await t.api.get('/v1/partner/merchants?limit=1e400').set(t.auth);
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['query parameter limit must be an integer from 1 to 100']);
  });

  test('QR size=Infinity (PNG) and size=1e400 (SVG) answer 400 naming size', async () => {
    const t = createTestApp();
    const { clientId } = await createTestMerchant(t);
    const paymentId = await createPayment(t, clientId);
    for (const query of ['format=png&size=Infinity', 'size=1e400', 'size=-1e400']) {
      const res = await t.api.get(`/v1/partner/payments/${paymentId}/qr?${query}`).set(t.auth);
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(['query parameter size must be an integer from 64 to 2048']);
    }
  });

  test('GET /merchants/-1e400 answers 400 naming merchantId, not 404 "Merchant -Infinity"', async () => {
    const t = createTestApp();
    for (const id of ['-1e400', '1e400', 'Infinity']) {
      const res = await t.api.get(`/v1/partner/merchants/${id}`).set(t.auth);
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(['path parameter merchantId must be an integer from 1 to 9007199254740991']);
    }
  });

  test('control API ids beyond 2^53 or infinite answer 400 naming the parameter', async () => {
    const t = createTestApp();
    for (const id of ['1e400', '9007199254740993', '1e20']) {
      const res = await t.api.post(`/__control/payments/${id}/expire`);
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(['path parameter paymentId must be an integer from 1 to 9007199254740991']);
    }
    const list = await t.api.get('/__control/webhook-deliveries?partnerId=Infinity&limit=1e400');
    expect(list.status).toBe(400);
    expect(list.body.message).toEqual(
      expect.arrayContaining([
        'query parameter partnerId must be an integer from 1 to 9007199254740991',
        'query parameter limit must be an integer from 1 to 100',
      ]),
    );
  });

  test('finite numbers in any notation still work', async () => {
    const t = createTestApp();
    const res = await t.api.get('/v1/partner/merchants?page=1e0&limit=2.0').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, limit: 2 });
  });

  test('a number is written as JSON writes one: hex, a plus sign, spaces or a repeated parameter are refused (E228)', async () => {
    const t = createTestApp();
    const merchant = await t.api.post('/v1/partner/merchants/test').set(t.auth).send({ companyName: 'Hex ApS' });
    const id = merchant.body.merchantId as number;
    expect((await t.api.get(`/v1/partner/merchants/${id}`).set(t.auth)).status).toBe(200);
    for (const written of [
      `0x${id.toString(16)}`,
      `+${id}`,
      `%20${id}`,
      `${id}%20`,
      `0b${id.toString(2)}`,
      `0o${id}`,
    ]) {
      const res = await t.api.get(`/v1/partner/merchants/${written}`).set(t.auth);
      expect([written, res.status, res.body.message]).toEqual([
        written,
        400,
        ['path parameter merchantId must be an integer from 1 to 9007199254740991'],
      ]);
    }
    for (const query of ['page=0x10', 'page=1&page=2', 'limit=%2B5']) {
      const res = await t.api.get(`/v1/partner/merchants?${query}`).set(t.auth);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.message[0]).toMatch(/^query parameter (page|limit) must be an integer from 1 to /);
    }
  });
});

describe('paging in the services is defensive', () => {
  test('a page or limit that slipped past validation yields a finite page, never a loop', () => {
    const t = createTestApp();
    const partner = t.deps.state.partners.get(defaultPartnerId(t.deps))!;
    for (let i = 0; i < 3; i += 1) addActiveMerchant(t.deps, partner.id);
    for (const [page, limit] of [
      [2, -Infinity],
      [Infinity, 20],
      [-Infinity, 20],
      [NaN, NaN],
      [1, Number.MAX_VALUE],
    ] as const) {
      const merchants = t.deps.services.merchants.list(partner, { page, limit });
      expect(Number.isSafeInteger(merchants.page) && Number.isSafeInteger(merchants.limit)).toBe(true);
      const payments = t.deps.services.payments.list(partner, { page, limit });
      expect(Number.isSafeInteger(payments.page) && Number.isSafeInteger(payments.limit)).toBe(true);
      const deliveries = t.deps.deliveries.list({ page, limit });
      expect(deliveries.items).toEqual([]);
      expect(t.deps.journal.list({ limit }).requests.length).toBeLessThanOrEqual(1000);
    }
  });
});

describe('operations without a request body ignore one (E31)', () => {
  test('a body over 1 MB on a GET is ignored, not a 413 the spec does not list', async () => {
    const t = createTestApp();
    const res = await t.api
      .get('/v1/partner/profile')
      .set(t.auth)
      .set('Content-Type', 'application/json')
      .send(`{"x":"${'a'.repeat(1_100_000)}"}`);
    expect(res.status).toBe(200);
  });

  test('malformed JSON on a bodyless POST is ignored, not a 400 the spec does not list', async () => {
    const t = createTestApp();
    const { merchantId } = await createTestMerchant(t);
    const deactivate = await t.api
      .post(`/__control/merchants/${merchantId}/deactivate`)
      .set('Content-Type', 'application/json')
      .send('{not json');
    expect(deactivate.status).toBe(200);
    const webhooks = await t.api
      .get('/v1/partner/webhooks')
      .set(t.auth)
      .set('Content-Type', 'text/plain')
      .set('Content-Encoding', 'bogus')
      .send('hello');
    expect(webhooks.status).toBe(200);
  });

  test('operations with a body still refuse a bad one', async () => {
    const t = createTestApp();
    const res = await t.api
      .post('/v1/partner/merchants')
      .set(t.auth)
      .set('Content-Type', 'application/json')
      .send('{not json');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('malformed_json');
  });
});

describe('the clock stays within what a date-time can say (E35)', () => {
  test('a move past year 8999 answers 400 and leaves the clock where it was (it used to 500 every call after)', async () => {
    const t = createTestApp();
    const before = (await t.api.get('/__control/clock')).body;
    const res = await t.api.post('/__control/clock/advance').send({ duration: '4104741d' });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual([
      expect.stringMatching(/^the clock cannot move past 8999-12-31T23:59:59.999Z; at most \d+d/),
    ]);
    expect((await t.api.get('/__control/clock')).body).toEqual(before);
    expect((await t.api.get('/v1/partner/profile').set(t.auth)).status).toBe(200);
  });

  test('at the latest time it may show, every time reckoned from the clock is still a date-time', async () => {
    const t = createTestApp();
    // To the last millisecond allowed, by the largest moves the spec's duration takes.
    for (const unit of ['d', 'h', 'm', 's'] as const) {
      const left = (await t.api.post('/__control/clock/advance').send({ duration: `9999999${unit}` })).body
        .message[0] as string;
      const amount = new RegExp(`(\\d+)${unit}\\b`).exec(left.split('at most ')[1]!)?.[1];
      if (amount && Number(amount) > 0) {
        const moved = await t.api.post('/__control/clock/advance').send({ duration: `${amount}${unit}` });
        expect(moved.status).toBe(200);
      }
    }
    expect((await t.api.get('/__control/clock')).body.now).toMatch(/^8999-12-31T23:59:5/);
    const merchant = await t.api
      .post('/v1/partner/merchants')
      .set(t.auth)
      .send({ companyName: 'Sidste Butik ApS', contactEmail: 'kontakt@sidste.dk' });
    expect(merchant.status).toBe(201);
    const test = await t.api.post('/v1/partner/merchants/test').set(t.auth).send({ companyName: 'Sidste Test' });
    expect(test.status).toBe(201);
    const payment = await t.api
      .post('/v1/partner/payments')
      .set(t.auth)
      .send({ merchantClientId: test.body.clientId, amount: 10, referenceNumber: 'LAST-1' });
    expect(payment.status).toBe(201);
    const status = await t.api.get(`/v1/partner/payments/${payment.body.paymentId}/status`).set(t.auth);
    expect(status.status).toBe(200);
    expect(status.body.expiresAt).toMatch(/^9000-01-01T/);
    expect((await t.api.get('/__control/clock')).status).toBe(200);
  });
});
