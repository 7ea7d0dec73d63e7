import { buildPaymentCreateRequest, MOCK_PAYMENT_HEADER, PLACEHOLDER_MERCHANT_CLIENT_ID } from '../../../fixtures/src';
import { testWith } from '../../support/capabilities';
import { createApi, createControl, type ResponseBody } from '../../support/client';
import { assertFact, expectSpecResponse, inferredRule } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

type PaymentStatus = ResponseBody<'getPaymentStatus', 200>;

const target = useTarget();
const PATH = '/v1/partner/payments';

let merchant: kit.TestMerchant;
beforeAll(async () => {
  merchant = await kit.createTestMerchant(createApi(target()));
});

describe('POST /v1/partner/payments (createPayment)', () => {
  test('creates the overview example as a pending payment in the documented shape', async () => {
    // The seed's quick-start body, sent as-is with a real merchant's clientId.
    const body = {
      merchantClientId: merchant.clientId,
      amount: 149.5,
      referenceNumber: 'ORDER-123',
      description: 'Table 5',
    };
    const res = await createApi(target()).post(PATH, body);
    await expectSpecResponse(target(), res, 'createPayment', 201);
    expect(res.body).toMatchObject({
      paymentId: expect.any(Number) as number,
      paymentUrl: expect.stringMatching(/^https?:\/\//) as string,
      status: 'pending',
      referenceNumber: 'ORDER-123',
    });
    // The overview's answer shows amount and currency, the API reference's does not: both optional.
    await assertFact(target(), 'inferred', 'D19: the create answer echoes amount and currency', () =>
      expect(res.body).toMatchObject({ amount: 149.5, currency: 'DKK' }),
    );
    await assertFact(target(), 'inferred', 'D19: the fields come in the seed order', () => {
      expect(Object.keys(res.body as object)).toEqual([
        'paymentId',
        'paymentUrl',
        'status',
        'amount',
        'currency',
        'referenceNumber',
      ]);
    });
  });

  test('creates the Stores guide example attributed to a store and register', async () => {
    const api = createApi(target());
    const store = await kit.createStore(api, merchant.merchantId);
    const body = {
      merchantClientId: merchant.clientId,
      amount: 149.5,
      referenceNumber: 'ORDER-123',
      storeId: store.storeId,
      registerId: 'REG-001',
    };
    const res = await api.post(PATH, body);
    await expectSpecResponse(target(), res, 'createPayment', 201);
    const { paymentId } = res.body as kit.PaymentCreated;
    const status = await api.get(`${PATH}/${paymentId}/status`);
    await expectSpecResponse(target(), status, 'getPaymentStatus', 200);
    await assertFact(target(), 'inferred', 'D21: the status shows the store and register', () => {
      expect(status.body).toMatchObject({ storeId: store.storeId, registerId: 'REG-001' });
    });
  });

  test('gives every payment its own id and payment URL', async () => {
    const api = createApi(target());
    const body = buildPaymentCreateRequest({ merchantClientId: merchant.clientId });
    const first = (await api.post(PATH, body)).body as kit.PaymentCreated;
    const second = (await api.post(PATH, body)).body as kit.PaymentCreated;
    expect(second.paymentId).not.toBe(first.paymentId);
    expect(second.paymentUrl).not.toBe(first.paymentUrl);
  });

  test('rejects an amount of 0 with 400 naming amount', async () => {
    const body = buildPaymentCreateRequest({ merchantClientId: merchant.clientId, amount: 0 });
    const res = await kit.directApi(target()).post(PATH, body);
    await kit.expectErrorNaming(target(), res, 'createPayment', 400, 'amount');
  });

  test('rejects an amount with three decimals with 400 naming amount', async () => {
    const body = buildPaymentCreateRequest({ merchantClientId: merchant.clientId, amount: 10.005 });
    const res = await kit.directApi(target()).post(PATH, body);
    await kit.expectErrorNaming(target(), res, 'createPayment', 400, 'amount');
    await assertFact(target(), 'inferred', 'D19: the message says amount has at most 2 decimals', () =>
      expect((res.body as { message?: unknown }).message).toEqual(['amount must have at most 2 decimals']),
    );
  });

  test('rejects a floating-point leftover such as 0.1 + 0.2 with 400 naming amount (D19)', async () => {
    const body = buildPaymentCreateRequest({ merchantClientId: merchant.clientId, amount: 0.1 + 0.2 });
    const res = await kit.directApi(target()).post(PATH, body);
    await kit.expectErrorNaming(target(), res, 'createPayment', 400, 'amount');
  });

  test('accepts a large amount with two decimals whose binary form is not exact, as sent', async () => {
    const res = await createApi(target()).post(
      PATH,
      buildPaymentCreateRequest({ merchantClientId: merchant.clientId, amount: 1234567.89 }),
    );
    await expectSpecResponse(target(), res, 'createPayment', 201);
    await assertFact(target(), 'inferred', 'D19: the create answer echoes the amount as sent', () =>
      expect((res.body as { amount?: unknown }).amount).toBe(1234567.89),
    );
  });

  test('rejects a lowercase currency with 400 naming currency', async () => {
    const body = buildPaymentCreateRequest({ merchantClientId: merchant.clientId, currency: 'dkk' });
    const res = await kit.directApi(target()).post(PATH, body);
    await kit.expectErrorNaming(target(), res, 'createPayment', 400, 'currency');
  });

  test('rejects a body without referenceNumber with 400 naming it', async () => {
    const body = buildPaymentCreateRequest({ merchantClientId: merchant.clientId, referenceNumber: undefined });
    const res = await kit.directApi(target()).post(PATH, body);
    await kit.expectErrorNaming(target(), res, 'createPayment', 400, 'referenceNumber');
  });

  test('rejects an unknown field with 400 naming it', async () => {
    const body = { ...buildPaymentCreateRequest({ merchantClientId: merchant.clientId }), tip: 10 };
    const res = await kit.directApi(target()).post(PATH, body);
    await kit.expectErrorNaming(target(), res, 'createPayment', 400, 'tip');
  });

  test('answers 415 for a body that is not JSON (D6)', async () => {
    const res = await kit.directApi(target()).post(PATH).type('text/plain').send('amount=149.50');
    await expectSpecResponse(target(), res, 'createPayment', 415);
  });

  test('answers 413 for a body over 1 MB (D33)', async () => {
    const body = {
      ...buildPaymentCreateRequest({ merchantClientId: merchant.clientId }),
      description: 'x'.repeat(1_100_000),
    };
    await inferredRule(target(), 'D33: a body over 1 MB is refused with 413', async () => {
      const res = await kit.directApi(target()).post(PATH, body);
      await expectSpecResponse(target(), res, 'createPayment', 413);
    });
  });

  test('answers 404 for a merchantClientId no merchant has', async () => {
    const body = buildPaymentCreateRequest({ merchantClientId: PLACEHOLDER_MERCHANT_CLIENT_ID });
    const res = await createApi(target()).post(PATH, body);
    await expectSpecResponse(target(), res, 'createPayment', 404);
    kit.expectMockCode(res, 'merchant_not_found');
  });

  testWith('control')("answers 404 for another partner's merchant (D2)", async () => {
    const other = await kit.createTestMerchant(await kit.createOtherPartner(target()));
    const body = buildPaymentCreateRequest({ merchantClientId: other.clientId });
    const res = await createApi(target()).post(PATH, body);
    await expectSpecResponse(target(), res, 'createPayment', 404);
    const unknown = await createApi(target()).post(
      PATH,
      buildPaymentCreateRequest({ merchantClientId: PLACEHOLDER_MERCHANT_CLIENT_ID }),
    );
    await assertFact(target(), 'inferred', "D2: the 404 of another partner's merchant is an unknown one's", () => {
      const message = String((unknown.body as { message?: unknown }).message);
      expect(res.body).toEqual({
        ...(unknown.body as object),
        message: message.replace(PLACEHOLDER_MERCHANT_CLIENT_ID, other.clientId),
      });
    });
  });

  test('answers 404 for a storeId no store has', async () => {
    const body = buildPaymentCreateRequest({
      merchantClientId: merchant.clientId,
      storeId: '00000000-0000-4000-8000-000000000000',
    });
    await inferredRule(target(), 'D19: a payment names a store of its merchant (404 otherwise)', async () => {
      const res = await createApi(target()).post(PATH, body);
      await expectSpecResponse(target(), res, 'createPayment', 404);
    });
  });

  test('answers 404 for a store of another merchant (D19)', async () => {
    const api = createApi(target());
    const otherMerchant = await kit.createTestMerchant(api);
    const store = await kit.createStore(api, otherMerchant.merchantId);
    const body = buildPaymentCreateRequest({ merchantClientId: merchant.clientId, storeId: store.storeId });
    await inferredRule(target(), 'D19: a payment names a store of its merchant (404 otherwise)', async () => {
      const res = await api.post(PATH, body);
      await expectSpecResponse(target(), res, 'createPayment', 404);
    });
  });

  test('refuses a merchant still pending onboarding, with 409 (D19)', async () => {
    // "Once the merchant is active, create payments" (overview): the refusal is documented, 409 is a guess.
    const api = createApi(target());
    const pending = await kit.createPendingMerchant(api);
    const res = await api.post(PATH, buildPaymentCreateRequest({ merchantClientId: pending.clientId }));
    await expectSpecResponse(target(), res, 'createPayment', 409);
    kit.expectMockCode(res, 'merchant_not_active');
  });

  testWith('control')('answers 409 for a deactivated merchant (D14)', async () => {
    const api = createApi(target());
    const own = await kit.createTestMerchant(api);
    const deactivated = await createControl(target()).post(`/__control/merchants/${own.merchantId}/deactivate`);
    expect(deactivated.status).toBe(200);
    const res = await api.post(PATH, buildPaymentCreateRequest({ merchantClientId: own.clientId }));
    await expectSpecResponse(target(), res, 'createPayment', 409);
    kit.expectMockCode(res, 'merchant_not_active');
  });

  test('answers 409 for an inactive store (D19)', async () => {
    const api = createApi(target());
    const store = await kit.createStore(api, merchant.merchantId);
    kit.expectOk(
      await api.delete(`/v1/partner/merchants/${merchant.merchantId}/stores/${store.storeId}`),
      'deactivateStore',
    );
    const body = buildPaymentCreateRequest({ merchantClientId: merchant.clientId, storeId: store.storeId });
    await inferredRule(target(), 'D19: payments need an active store (409 otherwise)', async () => {
      const res = await api.post(PATH, body);
      await expectSpecResponse(target(), res, 'createPayment', 409);
    });
  });

  for (const outcome of ['paid', 'failed', 'expired'] as const) {
    testWith('mock')(`settles the new payment as ${outcome} when X-Mock-Payment says so (D25)`, async () => {
      const api = createApi(target());
      const res = await api
        .post(PATH, buildPaymentCreateRequest({ merchantClientId: merchant.clientId }))
        .set(MOCK_PAYMENT_HEADER, outcome);
      await expectSpecResponse(target(), res, 'createPayment', 201);
      const status = await api.get(`${PATH}/${(res.body as kit.PaymentCreated).paymentId}/status`);
      await expectSpecResponse(target(), status, 'getPaymentStatus', 200);
      expect((status.body as PaymentStatus).status).toBe(outcome);
    });
  }

  testWith('mock')('answers 400 naming X-Mock-Payment for a value it does not know (D25)', async () => {
    const res = await kit
      .directApi(target())
      .post(PATH, buildPaymentCreateRequest({ merchantClientId: merchant.clientId }))
      .set(MOCK_PAYMENT_HEADER, 'maybe');
    await expectSpecResponse(target(), res, 'createPayment', 400);
    expect(JSON.stringify((res.body as { message?: unknown }).message)).toMatch(/x-mock-payment/i);
  });
});
