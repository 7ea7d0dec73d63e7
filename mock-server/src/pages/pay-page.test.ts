import type { DomainEvent } from '../shared/events';
import { addActiveMerchant, createTestApp, defaultPartnerId } from '../../test/helpers';
import { formatAmount } from './pay-page';

async function setup(extra: Record<string, unknown> = {}) {
  const t = createTestApp();
  const merchant = addActiveMerchant(t.deps, defaultPartnerId(t.deps), { companyName: 'Restaurant <XYZ> ApS' });
  const events: DomainEvent[] = [];
  t.deps.events.subscribe((e) => events.push(e));
  const res = await t.api
    .post('/v1/partner/payments')
    .set(t.auth)
    .send({
      merchantClientId: merchant.clientId,
      amount: 149.5,
      referenceNumber: 'ORDER-123',
      description: 'Table 5',
      ...extra,
    });
  const paymentUrl = new URL(res.body.paymentUrl as string);
  const token = paymentUrl.searchParams.get('token')!;
  const payment = t.deps.services.payments.findById(res.body.paymentId);
  return { ...t, events, token, payment, pagePath: `${paymentUrl.pathname}${paymentUrl.search}` };
}

describe('GET /pay (hosted pay page)', () => {
  test('shows merchant, Danish amount, description, reference, the banks and three buttons', async () => {
    const { api, pagePath } = await setup();
    const res = await api.get(pagePath);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('Restaurant &lt;XYZ&gt; ApS');
    expect(res.text).toContain('149,50 kr.');
    expect(res.text).toContain('Table 5');
    expect(res.text).toContain('ORDER-123');
    for (const bank of ['Danske Bank', 'Nordea', 'Lunar', 'Ringkjøbing Landbobank', 'Vestjysk Bank']) {
      expect(res.text).toContain(`type="radio" name="bank" value="${bank}"`);
    }
    expect(res.text).toMatch(/value="approve"/);
    expect(res.text).toMatch(/value="reject"/);
    expect(res.text).toMatch(/value="abandon"/);
    expect(res.text).toContain('name="viewport"');
  });

  test('answers an unknown token with a 404 page', async () => {
    const { api } = await setup();
    const res = await api.get('/pay?token=nope');
    expect(res.status).toBe(404);
    expect(res.text).toContain('Payment not found');
  });

  test('answers a missing token with a 404 page', async () => {
    const { api } = await setup();
    expect((await api.get('/pay')).status).toBe(404);
  });

  test('shows the outcome of a payment that is already paid', async () => {
    const { api, pagePath, payment, deps } = await setup();
    deps.services.payments.complete(payment, 'Lunar');
    const res = await api.get(pagePath);
    expect(res.status).toBe(200);
    expect(res.text).toContain('✓ Payment approved');
    expect(res.text).not.toContain('name="bank"');
  });

  test('shows expired with 410 for a pending payment past its expiry', async () => {
    const { api, pagePath, deps, payment } = await setup();
    deps.clock.advance(30 * 60 * 1000);
    const res = await api.get(pagePath);
    expect(res.status).toBe(410);
    expect(res.text).toContain('Payment link expired');
    expect(payment.status).toBe('expired');
  });
});

describe('POST /pay (hosted pay page)', () => {
  test('approve with a bank pays the payment and shows the outcome', async () => {
    const { api, token, payment, events } = await setup();
    const res = await api.post('/pay').type('form').send({ token, bank: 'Danske Bank', action: 'approve' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('✓ Payment approved');
    expect(res.text).toContain('Danske Bank');
    expect(payment).toMatchObject({
      status: 'paid',
      bank: 'Danske Bank',
      bankPaymentStatus: 'AcceptedSettlementCompleted',
    });
    expect(events.map((e) => e.type)).toEqual(['payment.completed']);
  });

  test.each(['reject', 'abandon'])('%s fails the payment and shows the outcome', async (action) => {
    const { api, token, payment, events } = await setup();
    const res = await api.post('/pay').type('form').send({ token, action });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Payment failed');
    expect(payment).toMatchObject({ status: 'failed', bankPaymentStatus: 'Rejected' });
    expect(events.map((e) => e.type)).toEqual(['payment.failed']);
  });

  test('approve without a bank shows the form again with an error and 400', async () => {
    const { api, token, payment } = await setup();
    const res = await api.post('/pay').type('form').send({ token, action: 'approve' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Choose your bank before approving.');
    expect(res.text).toContain('name="bank"');
    expect(payment.status).toBe('pending');
  });

  test('approve with a bank that is not in the list shows the form again with 400', async () => {
    const { api, token, payment } = await setup();
    const res = await api.post('/pay').type('form').send({ token, action: 'approve', bank: 'Bank of Nowhere' });
    expect(res.status).toBe(400);
    expect(payment.status).toBe('pending');
  });

  test('a second submit on a final payment shows the outcome that stands with 409', async () => {
    const { api, token, payment } = await setup();
    await api.post('/pay').type('form').send({ token, action: 'reject' });
    const res = await api.post('/pay').type('form').send({ token, bank: 'Nordea', action: 'approve' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('Payment failed');
    expect(payment.status).toBe('failed');
  });

  test('answers an unknown token with a 404 page', async () => {
    const { api } = await setup();
    const res = await api.post('/pay').type('form').send({ token: 'nope', action: 'approve', bank: 'Nordea' });
    expect(res.status).toBe(404);
    expect(res.text).toContain('Payment not found');
  });
});

describe('formatAmount', () => {
  test('writes amounts in Danish notation', () => {
    expect(formatAmount(149.5, 'DKK')).toBe('149,50 kr.');
    expect(formatAmount(1234567.89, 'DKK')).toBe('1.234.567,89 kr.');
    expect(formatAmount(0.07, 'EUR')).toBe('0,07 EUR');
  });
});
