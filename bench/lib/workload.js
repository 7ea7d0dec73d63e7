'use strict';
/**
 * The benchmarked requests. Every server gets byte-for-byte the same requests except for the ids in
 * them: the mock's come from data created in setup, the others (which keep no state) get ids of the
 * same shape.
 */
const { expectStatus } = require('./http-client');
const { partnerHeaders } = require('./project');

const PLACEHOLDER_IDS = {
  merchantId: 1,
  merchantClientId: 'eb5673f8-b7cf-4ca8-88c1-a75b770a89ff',
  storeId: '12ea29bc-8212-4c80-9f85-49ada1c0885f',
  paymentId: 1,
  storeMerchantId: 2,
};

const STORE_BODY = {
  name: 'Downtown Branch',
  streetAddress: 'Nørregade 12',
  city: 'København',
  postalCode: '1165',
  countryCode: 'DK',
  phone: '+4512345678',
  email: 'downtown@example.dk',
};

function paymentBody(ids) {
  return {
    merchantClientId: ids.merchantClientId,
    amount: 149.5,
    referenceNumber: 'ORDER-123',
    description: 'Table 5 - 2 items',
    storeId: ids.storeId,
    registerId: 'REG-001',
  };
}

/**
 * Creates what the scenarios need in the mock: a test merchant with three stores (list stores), one
 * of its payments (status), and a second merchant that receives the created stores, so that list
 * stores keeps answering three stores however many the create-store run adds.
 */
async function setupOurs(base) {
  const headers = partnerHeaders();
  const post = (path, body) => expectStatus(base, { method: 'POST', path, headers, body }, 201);
  const merchant = await post('/v1/partner/merchants/test', { companyName: 'Bench Bistro ApS' });
  await post(`/v1/partner/merchants/${merchant.merchantId}/stores`, { ...STORE_BODY, name: 'Airport' });
  await post(`/v1/partner/merchants/${merchant.merchantId}/stores`, STORE_BODY);
  const { stores } = await expectStatus(
    base,
    { path: `/v1/partner/merchants/${merchant.merchantId}/stores`, headers },
    200,
  );
  const storeId = stores.find((s) => s.isDefault).storeId;
  const ids = { merchantId: merchant.merchantId, merchantClientId: merchant.clientId, storeId };
  const payment = await post('/v1/partner/payments', paymentBody(ids));
  const storeMerchant = await post('/v1/partner/merchants/test', { companyName: 'Bench Stores ApS' });
  return { ...ids, paymentId: payment.paymentId, storeMerchantId: storeMerchant.merchantId };
}

/** [{name, title, expect, request}] where request is an autocannon request object; `payments` only names the list scenario. */
function scenarios(ids, { payments = 100_000 } = {}) {
  const loaded = payments >= 1000 ? `${Math.round(payments / 1000)}k` : String(payments);
  const headers = { ...partnerHeaders(), accept: 'application/json' };
  const json = { ...headers, 'content-type': 'application/json' };
  return [
    {
      name: 'create-payment',
      title: 'create payment',
      expect: 201,
      request: { method: 'POST', path: '/v1/partner/payments', headers: json, body: JSON.stringify(paymentBody(ids)) },
    },
    {
      name: 'payment-status',
      title: 'get payment status',
      expect: 200,
      request: { method: 'GET', path: `/v1/partner/payments/${ids.paymentId}/status`, headers },
    },
    {
      name: 'list-stores',
      title: 'list stores (3)',
      expect: 200,
      request: { method: 'GET', path: `/v1/partner/merchants/${ids.merchantId}/stores`, headers },
    },
    {
      name: 'create-store',
      title: 'create store',
      expect: 201,
      request: {
        method: 'POST',
        path: `/v1/partner/merchants/${ids.storeMerchantId}/stores`,
        headers: json,
        body: JSON.stringify(STORE_BODY),
      },
    },
    {
      name: 'list-payments',
      title: `list payments p1 (${loaded})`,
      expect: 200,
      request: { method: 'GET', path: '/v1/partner/payments?page=1&limit=20', headers },
    },
  ];
}

module.exports = { PLACEHOLDER_IDS, STORE_BODY, paymentBody, setupOurs, scenarios };
