'use strict';
/**
 * The fixed answers of the bare servers: one per benchmarked route, shaped and sized like the mock's
 * real responses, so the bare servers pay the same JSON and socket costs and nothing else.
 */
const store = {
  storeId: '935cc57f-ed13-493b-94a7-a3e3326e4e5e',
  locationId: 'LOC-20261122-HKTV',
  name: 'Downtown Branch',
  streetAddress: 'Nørregade 12',
  city: 'København',
  postalCode: '1165',
  countryCode: 'DK',
  phone: '+4512345678',
  email: 'downtown@example.dk',
  isActive: true,
  isDefault: false,
  createdAt: '2026-03-19T10:00:00.000Z',
  updatedAt: '2026-03-19T10:00:00.000Z',
};

const listItem = (id) => ({
  id,
  referenceNumber: `ORDER-${id}`,
  amount: 149.5,
  currency: 'DKK',
  status: 'paid',
  merchantClientId: 'eb5673f8-b7cf-4ca8-88c1-a75b770a89ff',
  merchantName: 'Restaurant XYZ ApS',
  description: 'Table 5 - 2 items',
  createdAt: '2026-03-18T12:00:00.000Z',
});

const routes = [
  {
    method: 'POST',
    expressPath: '/v1/partner/payments',
    pattern: /^\/v1\/partner\/payments$/,
    status: 201,
    body: {
      paymentId: 456,
      paymentUrl: 'http://127.0.0.1:4010/pay?token=c278ecc811b6a56217e60de0a6028fec',
      status: 'pending',
      amount: 149.5,
      currency: 'DKK',
      referenceNumber: 'ORDER-123',
    },
  },
  {
    method: 'GET',
    expressPath: '/v1/partner/payments/:paymentId/status',
    pattern: /^\/v1\/partner\/payments\/[^/]+\/status$/,
    status: 200,
    body: {
      paymentId: 456,
      status: 'pending',
      amount: 149.5,
      currency: 'DKK',
      referenceNumber: 'ORDER-123',
      merchantClientId: 'eb5673f8-b7cf-4ca8-88c1-a75b770a89ff',
      storeId: null,
      registerId: 'REG-001',
      bankPaymentStatus: null,
      paidAt: null,
      expiresAt: '2026-03-18T12:30:00.000Z',
      createdAt: '2026-03-18T12:00:00.000Z',
      updatedAt: '2026-03-18T12:00:00.000Z',
    },
  },
  {
    method: 'GET',
    expressPath: '/v1/partner/merchants/:merchantId/stores',
    pattern: /^\/v1\/partner\/merchants\/[^/]+\/stores$/,
    status: 200,
    body: {
      stores: [{ ...store, name: 'Main Store', isDefault: true }, store, { ...store, name: 'Airport' }],
      total: 3,
    },
  },
  {
    method: 'POST',
    expressPath: '/v1/partner/merchants/:merchantId/stores',
    pattern: /^\/v1\/partner\/merchants\/[^/]+\/stores$/,
    status: 201,
    body: store,
  },
  {
    method: 'GET',
    expressPath: '/v1/partner/payments',
    pattern: /^\/v1\/partner\/payments$/,
    status: 200,
    body: { payments: Array.from({ length: 20 }, (_, i) => listItem(100_000 - i)), total: 100_000, page: 1, limit: 20 },
  },
  { method: 'GET', expressPath: '/health', pattern: /^\/health$/, status: 200, body: { ok: true } },
];

module.exports = { routes };
