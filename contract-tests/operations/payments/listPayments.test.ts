import { testWith } from '../../support/capabilities';
import { createApi, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type PaymentList = ResponseBody<'listPayments', 200>;

const target = useTarget();
const PATH = '/v1/partner/payments';
const ids = (list: PaymentList) => list.payments.map((p) => p.id);

/** A fresh merchant with three payments, so the merchant filter isolates them from any other data. */
async function merchantWithThreePayments(): Promise<{ merchant: kit.TestMerchant; created: kit.PaymentCreated[] }> {
  const api = createApi(target());
  const merchant = await kit.createTestMerchant(api);
  const created: kit.PaymentCreated[] = [];
  for (let i = 0; i < 3; i += 1) created.push(await kit.createPayment(api, merchant.clientId));
  return { merchant, created };
}

async function list(query: string): Promise<PaymentList> {
  const res = await createApi(target()).get(`${PATH}?${query}`);
  await expectSpecResponse(target(), res, 'listPayments', 200);
  return res.body as PaymentList;
}

describe('GET /v1/partner/payments (listPayments)', () => {
  test("lists a merchant's payments newest first in the documented shape", async () => {
    const { merchant, created } = await merchantWithThreePayments();
    const page = await list(`merchantClientId=${merchant.clientId}`);
    expect(page.total).toBe(3);
    expect(new Set(ids(page))).toEqual(new Set(created.map((p) => p.paymentId)));
    await assertFact(target(), 'inferred', 'D21: payments are listed newest first', () =>
      expect(ids(page)).toEqual(created.map((p) => p.paymentId).reverse()),
    );
    const newest = created[2]!;
    expect(page.payments.find((p) => p.id === newest.paymentId)).toMatchObject({
      id: newest.paymentId,
      referenceNumber: newest.referenceNumber,
      status: 'pending',
      merchantClientId: merchant.clientId,
      merchantName: merchant.companyName,
    });
  });

  test('pages with page and limit', async () => {
    const { merchant, created } = await merchantWithThreePayments();
    const [oldest, middle, newest] = created.map((p) => p.paymentId);
    const first = await list(`merchantClientId=${merchant.clientId}&page=1&limit=2`);
    expect(first).toMatchObject({ total: 3, page: 1, limit: 2 });
    const second = await list(`merchantClientId=${merchant.clientId}&page=2&limit=2`);
    expect(second).toMatchObject({ total: 3, page: 2, limit: 2 });
    expect([...ids(first), ...ids(second)].sort()).toEqual([oldest, middle, newest].sort());
    await assertFact(target(), 'inferred', 'D21: payments are listed newest first', () => {
      expect(ids(first)).toEqual([newest, middle]);
      expect(ids(second)).toEqual([oldest]);
    });
  });

  test('answers page 1 with 20 items per page by default', async () => {
    const { merchant } = await merchantWithThreePayments();
    const page = await list(`merchantClientId=${merchant.clientId}`);
    expect(page.page).toBe(1);
    expect(page.limit).toBe(20);
  });

  test('filters by status', async () => {
    const { merchant, created } = await merchantWithThreePayments();
    const page = await list(`merchantClientId=${merchant.clientId}&status=pending`);
    expect(new Set(page.payments.map((p) => p.status))).toEqual(new Set(['pending']));
    expect(ids(page)).toEqual(expect.arrayContaining(created.map((p) => p.paymentId)));
  });

  testWith('control')('filters by status after payments settle', async () => {
    const { merchant, created } = await merchantWithThreePayments();
    const [paid, failed] = created.map((p) => p.paymentId) as [number, number];
    await kit.settlePayment(target(), paid, 'complete');
    await kit.settlePayment(target(), failed, 'fail');
    expect(ids(await list(`merchantClientId=${merchant.clientId}&status=paid`))).toEqual([paid]);
    expect(ids(await list(`merchantClientId=${merchant.clientId}&status=failed`))).toEqual([failed]);
  });

  test('lists the payments of every merchant newest first without a merchant filter', async () => {
    const { created } = await merchantWithThreePayments();
    const page = await list('page=1&limit=100');
    // Newest first: this test's payments are among the newest, unless a parallel test added more.
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.payments.length).toBeGreaterThan(0);
    expect(page.payments.length).toBeLessThanOrEqual(100);
    const positions = created.map((p) => ids(page).indexOf(p.paymentId)).filter((i) => i >= 0);
    await assertFact(target(), 'inferred', 'D21: payments are listed newest first', () =>
      expect(positions).toEqual([...positions].sort((a, b) => b - a)),
    );
  });

  testWith('control')("never lists another partner's payments (D2)", async () => {
    const { merchant, created } = await merchantWithThreePayments();
    const other = await kit.createOtherPartner(target());
    const res = await other.get(`${PATH}?limit=100`);
    await expectSpecResponse(target(), res, 'listPayments', 200);
    const listed = ids(res.body as PaymentList);
    for (const p of created) expect(listed).not.toContain(p.paymentId);
    const filtered = await other.get(`${PATH}?merchantClientId=${merchant.clientId}`);
    await expectSpecResponse(target(), filtered, 'listPayments', 200);
    expect(filtered.body).toMatchObject({ payments: [], total: 0 });
  });

  test('rejects a limit above 100 with 400 naming limit', async () => {
    const res = await kit.directApi(target()).get(`${PATH}?limit=101`);
    await kit.expectErrorNaming(target(), res, 'listPayments', 400, 'limit');
  });

  test('rejects page 0 with 400 naming page', async () => {
    const res = await kit.directApi(target()).get(`${PATH}?page=0`);
    await kit.expectErrorNaming(target(), res, 'listPayments', 400, 'page');
  });

  test('rejects an unknown status with 400 naming status', async () => {
    const res = await kit.directApi(target()).get(`${PATH}?status=refunded`);
    await kit.expectErrorNaming(target(), res, 'listPayments', 400, 'status');
  });

  test('answers a merchant filter that matches no merchant with an empty page', async () => {
    const res = await createApi(target()).get(`${PATH}?merchantClientId=00000000-0000-4000-8000-000000000000`);
    await assertFact(target(), 'inferred', 'D21: an unknown merchantClientId filters to nothing', async () => {
      await expectSpecResponse(target(), res, 'listPayments', 200);
      expect(res.body).toMatchObject({ payments: [], total: 0 });
    });
  });
});
