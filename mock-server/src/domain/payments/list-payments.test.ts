import { addActiveMerchant, createTestApp, defaultPartnerId } from '../../../test/helpers';

/** 250 payments over two merchants: even ones for `a`, odd ones for `b`; every 5th one paid. */
function setup() {
  const t = createTestApp();
  const partner = t.deps.state.partners.get(defaultPartnerId(t.deps))!;
  const a = addActiveMerchant(t.deps, partner.id, { companyName: 'Café A ApS' });
  const b = addActiveMerchant(t.deps, partner.id, { companyName: 'Bistro B ApS' });
  const payments = t.deps.services.payments;
  const ids: number[] = [];
  for (let i = 0; i < 250; i += 1) {
    const merchant = i % 2 === 0 ? a : b;
    const created = payments.create(partner, {
      merchantClientId: merchant.clientId,
      amount: 10 + i,
      referenceNumber: `ORDER-${i}`,
      currency: 'DKK',
    });
    if (i % 5 === 0) payments.complete(payments.findById(created.paymentId));
    ids.push(created.paymentId);
    t.deps.clock.advance(1000);
  }
  return { ...t, partner, a, b, ids };
}

describe('GET /v1/partner/payments (listPayments)', () => {
  test('returns the first page of 20, newest first, with the total', async () => {
    const { api, auth, ids, b } = setup();
    const res = await api.get('/v1/partner/payments').set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 250, page: 1, limit: 20 });
    expect(res.body.payments.map((p: { id: number }) => p.id)).toEqual(ids.slice(-20).reverse());
    expect(res.body.payments[0]).toEqual({
      id: ids[249],
      referenceNumber: 'ORDER-249',
      amount: 259,
      currency: 'DKK',
      status: 'pending',
      merchantClientId: b.clientId,
      merchantName: 'Bistro B ApS',
      description: null,
      createdAt: '2026-03-18T12:04:09.000Z',
    });
  });

  test('pages through all 250 payments without gaps or repeats', async () => {
    const { api, auth, ids } = setup();
    const seen: number[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const res = await api.get(`/v1/partner/payments?page=${page}&limit=100`).set(auth);
      seen.push(...res.body.payments.map((p: { id: number }) => p.id));
    }
    expect(seen).toEqual([...ids].reverse());
  });

  test('returns an empty page past the end, with the total', async () => {
    const { api, auth } = setup();
    const res = await api.get('/v1/partner/payments?page=4&limit=100').set(auth);
    expect(res.body).toEqual({ payments: [], total: 250, page: 4, limit: 100 });
  });

  test('filters by merchantClientId', async () => {
    const { api, auth, a } = setup();
    const res = await api.get(`/v1/partner/payments?merchantClientId=${a.clientId}&limit=100`).set(auth);
    expect(res.body.total).toBe(125);
    expect(res.body.payments.every((p: { merchantClientId: string }) => p.merchantClientId === a.clientId)).toBe(true);
  });

  test('filters by status', async () => {
    const { api, auth } = setup();
    const res = await api.get('/v1/partner/payments?status=paid&limit=100').set(auth);
    expect(res.body.total).toBe(50);
    expect(res.body.payments[0].referenceNumber).toBe('ORDER-245');
    expect(res.body.payments.every((p: { status: string }) => p.status === 'paid')).toBe(true);
  });

  test('filters by merchant and status together', async () => {
    const { api, auth, b } = setup();
    const res = await api.get(`/v1/partner/payments?merchantClientId=${b.clientId}&status=paid`).set(auth);
    // Paid ones are i % 5 === 0; b has the odd ones: 5, 15, ..., 245.
    expect(res.body.total).toBe(25);
    expect(res.body.payments[0].referenceNumber).toBe('ORDER-245');
  });

  test('moves an expired payment from the pending filter to the expired filter', async () => {
    const { api, auth, deps } = setup();
    deps.clock.advance(30 * 60 * 1000);
    const pending = await api.get('/v1/partner/payments?status=pending').set(auth);
    const expired = await api.get('/v1/partner/payments?status=expired').set(auth);
    expect(pending.body.total).toBe(0);
    expect(expired.body.total).toBe(200);
  });
});
