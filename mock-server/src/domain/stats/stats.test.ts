import { addActiveMerchant, createTestApp, defaultPartnerId } from '../../../test/helpers';

function setup() {
  const t = createTestApp();
  const partner = t.deps.state.partners.get(defaultPartnerId(t.deps))!;
  const active = addActiveMerchant(t.deps, partner.id);
  addActiveMerchant(t.deps, partner.id, { status: 'pending' });
  addActiveMerchant(t.deps, partner.id, { status: 'inactive' });
  const payments = t.deps.services.payments;
  const pay = (amount: number, currency = 'DKK') =>
    payments.create(partner, { merchantClientId: active.clientId, amount, referenceNumber: 'R', currency });
  const settle = (id: number, how: 'complete' | 'fail' | 'expire') => payments[how](payments.findById(id));

  settle(pay(0.1).paymentId, 'complete'); // 12:00
  settle(pay(0.2).paymentId, 'complete');
  settle(pay(25, 'EUR').paymentId, 'complete');
  settle(pay(99).paymentId, 'fail');
  t.deps.clock.advance(60 * 60 * 1000); // 13:00
  settle(pay(10).paymentId, 'expire');
  settle(pay(149.5).paymentId, 'complete');
  pay(5);
  return t;
}

describe('GET /v1/partner/stats (getStats)', () => {
  test('counts merchants and payments by status and sums paid volume per currency', async () => {
    const { api, auth } = setup();
    const res = await api.get('/v1/partner/stats').set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: null,
      to: null,
      merchants: { total: 3, pending: 1, active: 1, inactive: 1 },
      payments: { total: 7, pending: 1, paid: 4, failed: 1, expired: 1 },
      volume: [
        { currency: 'DKK', amount: 149.8, count: 3 },
        { currency: 'EUR', amount: 25, count: 1 },
      ],
    });
  });

  test('counts only payments created in [from, to)', async () => {
    const { api, auth } = setup();
    const res = await api.get('/v1/partner/stats?from=2026-03-18T12:00:00Z&to=2026-03-18T13:00:00.000Z').set(auth);
    expect(res.body).toMatchObject({
      from: '2026-03-18T12:00:00.000Z',
      to: '2026-03-18T13:00:00.000Z',
      merchants: { total: 3 },
      payments: { total: 4, pending: 0, paid: 3, failed: 1, expired: 0 },
      volume: [
        { currency: 'DKK', amount: 0.3, count: 2 },
        { currency: 'EUR', amount: 25, count: 1 },
      ],
    });
  });

  test('counts a pending payment past its expiry as expired', async () => {
    const { api, auth, deps } = setup();
    deps.clock.advance(30 * 60 * 1000);
    const res = await api.get('/v1/partner/stats').set(auth);
    expect(res.body.payments).toMatchObject({ pending: 0, expired: 2 });
  });
});
