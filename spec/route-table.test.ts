import { RouteTable } from './route-table';

describe('RouteTable', () => {
  const table = new RouteTable<string>();
  table.add('get', '/v1/partner/merchants', 'listMerchants');
  table.add('post', '/v1/partner/merchants/test', 'createTestMerchant');
  table.add('get', '/v1/partner/merchants/{merchantId}', 'getMerchant');
  table.add('get', '/v1/partner/merchants/{merchantId}/stores/{storeId}', 'getStore');

  test('finds a path without parameters by method', () => {
    expect(table.match('GET', '/v1/partner/merchants')).toEqual({ value: 'listMerchants', params: {} });
    expect(table.match('POST', '/v1/partner/merchants')).toBeUndefined();
  });

  test('extracts and decodes path parameters', () => {
    expect(table.match('GET', '/v1/partner/merchants/42/stores/a%20b')).toEqual({
      value: 'getStore',
      params: { merchantId: '42', storeId: 'a b' },
    });
  });

  test('prefers a literal segment over a parameter', () => {
    expect(table.match('POST', '/v1/partner/merchants/test')?.value).toBe('createTestMerchant');
    expect(table.match('GET', '/v1/partner/merchants/test')?.value).toBe('getMerchant');
  });

  test('ignores one trailing slash and answers HEAD like GET', () => {
    expect(table.match('GET', '/v1/partner/merchants/')?.value).toBe('listMerchants');
    expect(table.match('HEAD', '/v1/partner/merchants/7')?.params).toEqual({ merchantId: '7' });
  });

  test('matches nothing for a malformed escape or an extra segment', () => {
    expect(table.match('GET', '/v1/partner/merchants/%E0%A4%A')).toBeUndefined();
    expect(table.match('GET', '/v1/partner/merchants/1/stores/2/extra')).toBeUndefined();
  });
});

describe('RouteTable.allAt', () => {
  test('lists what every method has at a path, for telling which methods it allows', () => {
    const table = new RouteTable<string>();
    table.add('get', '/v1/partner/payments', 'listPayments');
    table.add('post', '/v1/partner/payments', 'createPayment');
    table.add('delete', '/v1/partner/webhooks/{webhookId}', 'deleteWebhook');
    expect(table.allAt('/v1/partner/payments').sort()).toEqual(['createPayment', 'listPayments']);
    expect(table.allAt('/v1/partner/webhooks/3')).toEqual(['deleteWebhook']);
    expect(table.allAt('/v1/partner/nothing')).toEqual([]);
  });
});
