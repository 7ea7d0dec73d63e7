import { testWith } from '../../support/capabilities';
import { createApi, type ApiClient, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type MerchantList = ResponseBody<'listMerchants', 200>;

const target = useTarget();
const PATH = '/v1/partner/merchants';
const MAX_PAGES = 200;

async function createThree(api: ApiClient): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < 3; i += 1) ids.push((await kit.createPendingMerchant(api)).merchantId);
  return ids;
}

/**
 * The merchant ids in list order, page by page (limit 2) until every wanted id was seen. Others may
 * create merchants meanwhile; newest first, those only push items to later pages, so none is missed.
 */
async function idsInListOrder(api: ApiClient, wanted: number[], query = ''): Promise<number[]> {
  const seen: number[] = [];
  for (let page = 1; page <= MAX_PAGES && !wanted.every((id) => seen.includes(id)); page += 1) {
    const res = await api.get(`${PATH}?limit=2&page=${page}${query}`);
    await expectSpecResponse(target(), res, 'listMerchants', 200);
    const { merchants } = res.body as MerchantList;
    if (merchants.length === 0) break;
    for (const { id } of merchants) if (!seen.includes(id)) seen.push(id);
  }
  return seen;
}

describe('GET /v1/partner/merchants (listMerchants)', () => {
  test('answers one page of the requested size with page, limit and total', async () => {
    const api = createApi(target());
    await createThree(api);
    const res = await api.get(`${PATH}?page=1&limit=2`);
    await expectSpecResponse(target(), res, 'listMerchants', 200);
    const body = res.body as MerchantList;
    expect(body.merchants).toHaveLength(2);
    expect(body.page).toBe(1);
    expect(body.limit).toBe(2);
    expect(body.total).toBeGreaterThanOrEqual(3);
  });

  test('lists the newest merchant first, across pages', async () => {
    const api = createApi(target());
    const [oldest, middle, newest] = await createThree(api);
    const order = await idsInListOrder(api, [oldest!, middle!, newest!]);
    const ours = order.filter((id) => id === oldest || id === middle || id === newest);
    expect(ours).toEqual([newest, middle, oldest]);
  });

  test('uses page 1 and limit 20 when none is given (D10, D21)', async () => {
    const res = await createApi(target()).get(PATH);
    await expectSpecResponse(target(), res, 'listMerchants', 200);
    await assertFact(target(), 'inferred', 'D21: page defaults to 1 and limit to 20', () => {
      expect(res.body).toMatchObject({ page: 1, limit: 20 });
      expect((res.body as MerchantList).merchants.length).toBeLessThanOrEqual(20);
    });
  });

  test('lists only pending merchants for status=pending', async () => {
    const api = createApi(target());
    const [pending] = await createThree(api);
    const active = await kit.createTestMerchant(api);
    const order = await idsInListOrder(api, [pending!], '&status=pending');
    expect(order).toContain(pending);
    expect(order).not.toContain(active.merchantId);
    const res = await api.get(`${PATH}?status=pending&limit=100`);
    for (const merchant of (res.body as MerchantList).merchants)
      await kit.expectMerchantStatus(merchant.status, 'pending');
  });

  test('lists only active merchants for status=active', async () => {
    const api = createApi(target());
    const active = await kit.createTestMerchant(api);
    const res = await api.get(`${PATH}?status=active&limit=100`);
    await expectSpecResponse(target(), res, 'listMerchants', 200);
    const { merchants } = res.body as MerchantList;
    for (const merchant of merchants) await kit.expectMerchantStatus(merchant.status, 'active');
    expect(await idsInListOrder(api, [active.merchantId], '&status=active')).toContain(active.merchantId);
  });

  testWith('control')('pages exactly through a partner’s own merchants, newest first (D2)', async () => {
    const api = await kit.createOtherPartner(target());
    const [oldest, middle, newest] = await createThree(api);
    const first = await api.get(`${PATH}?page=1&limit=2`);
    const second = await api.get(`${PATH}?page=2&limit=2`);
    const third = await api.get(`${PATH}?page=3&limit=2`);
    for (const res of [first, second, third]) await expectSpecResponse(target(), res, 'listMerchants', 200);
    expect(first.body).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect((first.body as MerchantList).merchants.map((m) => m.id)).toEqual([newest, middle]);
    expect((second.body as MerchantList).merchants.map((m) => m.id)).toEqual([oldest]);
    expect(third.body).toMatchObject({ merchants: [], total: 3, page: 3 });
  });

  testWith('control')('counts only the merchants in the requested status in total', async () => {
    const api = await kit.createOtherPartner(target());
    await kit.createPendingMerchant(api);
    await kit.createPendingMerchant(api);
    const active = await kit.createTestMerchant(api);
    const pending = await api.get(`${PATH}?status=pending`);
    const onlyActive = await api.get(`${PATH}?status=active`);
    for (const res of [pending, onlyActive]) await expectSpecResponse(target(), res, 'listMerchants', 200);
    expect(pending.body).toMatchObject({ total: 2 });
    expect((pending.body as MerchantList).merchants).toHaveLength(2);
    expect(onlyActive.body).toMatchObject({ total: 1, merchants: [{ id: active.merchantId, status: 'active' }] });
  });

  testWith('control')("never lists another partner's merchants (D2)", async () => {
    const theirs = await kit.createTestMerchant(await kit.createOtherPartner(target()));
    const api = createApi(target());
    const ours = await kit.createTestMerchant(api);
    const order = await idsInListOrder(api, [ours.merchantId]);
    expect(order).not.toContain(theirs.merchantId);
  });

  test.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['page=0', 'page'],
    ['status=activated', 'status'],
  ])('answers 400 naming the parameter for %s', async (query, name) => {
    const res = await kit.directApi(target()).get(`${PATH}?${query}`);
    await kit.expectErrorNaming(target(), res, 'listMerchants', 400, name);
  });
});
