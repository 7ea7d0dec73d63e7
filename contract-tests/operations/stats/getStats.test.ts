import { testWith } from '../../support/capabilities';
import { createApi, createControl, type ApiClient, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type Stats = ResponseBody<'getStats', 200>;
type Volume = Stats['volume'][number];

const target = useTarget();
const PATH = '/v1/partner/stats';

async function stats(api: ApiClient, query = ''): Promise<Stats> {
  const res = await api.get(`${PATH}${query}`);
  await expectSpecResponse(target(), res, 'getStats', 200);
  return res.body as Stats;
}

/**
 * How far each count moved. In a partner of its own the deltas are exact; in the configured partner
 * of a shared target, parallel tests may add to them, so they are only lower bounds.
 */
function expectMoved(before: number, after: number, by: number, isolated: boolean): void {
  if (isolated) expect(after - before).toBe(by);
  else expect(after - before).toBeGreaterThanOrEqual(by);
}

const volumeOf = (s: Stats, currency: string): Volume =>
  s.volume.find((v) => v.currency === currency) ?? { currency, amount: 0, count: 0 };

describe('GET /v1/partner/stats (getStats)', () => {
  test('answers merchant and payment counts and the paid volume', async () => {
    const s = await stats(createApi(target()));
    expect(s.from).toBeNull();
    expect(s.to).toBeNull();
    expect(s.merchants.total).toBeGreaterThanOrEqual(s.merchants.active);
    expect(s.payments.total).toBeGreaterThanOrEqual(s.payments.paid);
  });

  test('counts a new active merchant', async () => {
    const { api, isolated } = await kit.createIsolatedPartner(target());
    const before = await stats(api);
    await kit.createTestMerchant(api);
    const after = await stats(api);
    await assertFact(target(), 'inferred', 'D32: merchants are counted by status', () => {
      expectMoved(before.merchants.total, after.merchants.total, 1, isolated);
      expectMoved(before.merchants.active, after.merchants.active, 1, isolated);
    });
  });

  test('counts a new merchant pending onboarding', async () => {
    const { api, isolated } = await kit.createIsolatedPartner(target());
    const before = await stats(api);
    await kit.createPendingMerchant(api);
    const after = await stats(api);
    await assertFact(target(), 'inferred', 'D32: a merchant pending onboarding counts as pending', () => {
      expectMoved(before.merchants.total, after.merchants.total, 1, isolated);
      expectMoved(before.merchants.pending, after.merchants.pending, 1, isolated);
    });
  });

  test('counts a new payment as pending', async () => {
    const { api, isolated } = await kit.createIsolatedPartner(target());
    const merchant = await kit.createTestMerchant(api);
    const before = await stats(api);
    await kit.createPayment(api, merchant.clientId);
    const after = await stats(api);
    await assertFact(target(), 'inferred', 'D32: payments are counted by status', () => {
      expectMoved(before.payments.total, after.payments.total, 1, isolated);
      expectMoved(before.payments.pending, after.payments.pending, 1, isolated);
    });
  });

  testWith('control')('moves a deactivated merchant from active to inactive (D14)', async () => {
    const { api } = await kit.createIsolatedPartner(target());
    const merchant = await kit.createTestMerchant(api);
    const before = await stats(api);
    const res = await createControl(target()).post(`/__control/merchants/${merchant.merchantId}/deactivate`);
    expect(res.status).toBe(200);
    const after = await stats(api);
    expect(after.merchants.active - before.merchants.active).toBe(-1);
    expect(after.merchants.inactive - before.merchants.inactive).toBe(1);
    expect(after.merchants.total).toBe(before.merchants.total);
  });

  testWith('control')('adds a completed payment to the paid volume of its currency', async () => {
    const { api } = await kit.createIsolatedPartner(target());
    const merchant = await kit.createTestMerchant(api);
    const payment = await kit.createPayment(api, merchant.clientId, { amount: 12.34, currency: 'EUR' });
    const before = await stats(api);
    await kit.settlePayment(target(), payment.paymentId, 'complete');
    const after = await stats(api);
    expect(after.payments.paid - before.payments.paid).toBe(1);
    expect(after.payments.pending - before.payments.pending).toBe(-1);
    const [was, now] = [volumeOf(before, 'EUR'), volumeOf(after, 'EUR')];
    expect(now.count - was.count).toBe(1);
    expect(Math.round((now.amount - was.amount) * 100)).toBe(1234);
    expect(volumeOf(after, 'DKK')).toEqual(volumeOf(before, 'DKK'));
  });

  test('counts only payments created within from and to', async () => {
    const { api } = await kit.createIsolatedPartner(target());
    const merchant = await kit.createTestMerchant(api);
    await kit.createPayment(api, merchant.clientId);
    const s = await stats(api, '?from=2000-01-01T00:00:00.000Z&to=2000-01-02T00:00:00.000Z');
    await assertFact(target(), 'inferred', 'D32: from and to limit the payments counted', () => {
      expect(s.from).toBe('2000-01-01T00:00:00.000Z');
      expect(s.to).toBe('2000-01-02T00:00:00.000Z');
      expect(s.payments.total).toBe(0);
      expect(s.volume).toEqual([]);
    });
  });

  testWith('control')("counts nothing of another partner's merchants and payments (D2)", async () => {
    const mine = createApi(target());
    const merchant = await kit.createTestMerchant(mine);
    await kit.createPayment(mine, merchant.clientId);
    const { api } = await kit.createIsolatedPartner(target());
    const s = await stats(api);
    expect(s.merchants.total).toBe(0);
    expect(s.payments.total).toBe(0);
    expect(s.volume).toEqual([]);
  });

  test('rejects from after to with 400 naming from', async () => {
    const res = await createApi(target()).get(`${PATH}?from=2026-03-19T00:00:00.000Z&to=2026-03-18T00:00:00.000Z`);
    await kit.expectErrorNaming(target(), res, 'getStats', 400, 'from');
  });

  test('rejects a from that is not a date-time with 400 naming from', async () => {
    const res = await kit.directApi(target()).get(`${PATH}?from=yesterday`);
    await kit.expectErrorNaming(target(), res, 'getStats', 400, 'from');
  });
});
