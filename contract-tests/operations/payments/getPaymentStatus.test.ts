import { testWith } from '../../support/capabilities';
import { createApi, createControl } from '../../support/client';
import { assertFact, expectSpecResponse } from '../../support/provenance';
import { useTarget } from '../../support/target';
import * as kit from '../helpers';

const target = useTarget();
const statusPath = (id: number | string) => `/v1/partner/payments/${id}/status`;

let merchant: kit.TestMerchant;
beforeAll(async () => {
  merchant = await kit.createTestMerchant(createApi(target()));
});

async function readStatus(id: number): Promise<kit.PaymentStatusResponse> {
  const res = await createApi(target()).get(statusPath(id));
  await expectSpecResponse(target(), res, 'getPaymentStatus', 200);
  return res.body as kit.PaymentStatusResponse;
}

describe('GET /v1/partner/payments/{paymentId}/status (getPaymentStatus)', () => {
  test('answers a new payment as pending with what it was created with', async () => {
    const api = createApi(target());
    const created = await kit.createPayment(api, merchant.clientId, {
      amount: 149.5,
      referenceNumber: 'ORDER-123',
      storeId: undefined,
      registerId: undefined,
    });
    const status = await readStatus(created.paymentId);
    expect(status).toMatchObject({
      paymentId: created.paymentId,
      status: 'pending',
      amount: 149.5,
      currency: 'DKK',
      referenceNumber: 'ORDER-123',
      merchantClientId: merchant.clientId,
    });
    await assertFact(target(), 'inferred', 'D21/D23: a pending payment has no paidAt and no bank status', () => {
      expect(status.paidAt).toBeNull();
      expect(status.bankPaymentStatus).toBeNull();
    });
    await assertFact(target(), 'inferred', 'D21: a payment without store and register answers them as null', () => {
      expect(status.storeId).toBeNull();
      expect(status.registerId).toBeNull();
      expect(status.updatedAt).toBe(status.createdAt);
    });
  });

  test('answers a pending payment with an expiry 30 minutes after its creation (D20)', async () => {
    const created = await kit.createPayment(createApi(target()), merchant.clientId);
    const status = await readStatus(created.paymentId);
    await assertFact(target(), 'inferred', 'D20: a pending payment expires 30 minutes after creation', () => {
      expect(Date.parse(status.expiresAt!) - Date.parse(status.createdAt!)).toBe(30 * 60 * 1000);
    });
  });

  testWith('control')('answers a completed payment as paid with paidAt and the bank status (D23)', async () => {
    const created = await kit.createPayment(createApi(target()), merchant.clientId);
    await kit.settlePayment(target(), created.paymentId, 'complete');
    const status = await readStatus(created.paymentId);
    expect(status.status).toBe('paid');
    await assertFact(
      target(),
      'inferred',
      'D21/D23: paidAt is set and the bank status is AcceptedSettlementCompleted',
      () => {
        expect(typeof status.paidAt).toBe('string');
        expect(status.bankPaymentStatus).toBe('AcceptedSettlementCompleted');
      },
    );
  });

  for (const [a, outcome, action, bankStatus] of [
    ['a', 'failed', 'fail', 'Rejected'],
    ['an', 'expired', 'expire', 'Expired'],
  ] as const) {
    testWith('control')(
      `answers ${a} ${outcome} payment as ${outcome} with the bank status ${bankStatus} (D23)`,
      async () => {
        const created = await kit.createPayment(createApi(target()), merchant.clientId);
        await kit.settlePayment(target(), created.paymentId, action);
        const status = await readStatus(created.paymentId);
        expect(status.status).toBe(outcome);
        await assertFact(
          target(),
          'inferred',
          `D23: ${a} ${outcome} payment has the bank status ${bankStatus} and no paidAt`,
          () => {
            expect(status.bankPaymentStatus).toBe(bankStatus);
            expect(status.paidAt).toBeNull();
          },
        );
      },
    );
  }

  testWith('control')('keeps a paid payment paid: a second terminal state answers 409 (D20)', async () => {
    const created = await kit.createPayment(createApi(target()), merchant.clientId);
    await kit.settlePayment(target(), created.paymentId, 'complete');
    const control = createControl(target());
    for (const action of ['fail', 'expire', 'complete']) {
      const res = await control.post(`/__control/payments/${created.paymentId}/${action}`);
      expect(res).toMatchSpec();
      expect(res.status).toBe(409);
    }
    expect((await readStatus(created.paymentId)).status).toBe('paid');
  });

  testWith('control')('keeps a failed payment failed: completing it answers 409 (D20)', async () => {
    const created = await kit.createPayment(createApi(target()), merchant.clientId);
    await kit.settlePayment(target(), created.paymentId, 'fail');
    const res = await createControl(target()).post(`/__control/payments/${created.paymentId}/complete`);
    expect(res).toMatchSpec();
    expect(res.status).toBe(409);
    expect((await readStatus(created.paymentId)).status).toBe('failed');
  });

  testWith('control')('answers a payment left pending for 30 minutes as expired (D20)', async () => {
    // The mock has one clock: on a mock shared by parallel test files this expires their pending
    // payments too, so no test of this suite relies on a payment staying pending for long.
    const created = await kit.createPayment(createApi(target()), merchant.clientId);
    const control = createControl(target());
    const moved = await control.post('/__control/clock/advance', { duration: '31m' });
    expect(moved).toMatchSpec();
    const status = await readStatus(created.paymentId);
    expect(status.status).toBe('expired');
    const settled = await control.post(`/__control/payments/${created.paymentId}/complete`);
    expect(settled).toMatchSpec();
    expect(settled.status).toBe(409);
  });

  test('answers 404 for a payment id that does not exist', async () => {
    const res = await createApi(target()).get(statusPath(2_000_000_000));
    await expectSpecResponse(target(), res, 'getPaymentStatus', 404);
    kit.expectMockCode(res, 'payment_not_found');
  });

  testWith('control')("answers 404 for another partner's payment (D2)", async () => {
    const created = await kit.createPayment(createApi(target()), merchant.clientId);
    const res = await (await kit.createOtherPartner(target())).get(statusPath(created.paymentId));
    await expectSpecResponse(target(), res, 'getPaymentStatus', 404);
    kit.expectMockCode(res, 'payment_not_found');
  });

  test('rejects a payment id that is not a number with 400 naming paymentId', async () => {
    const res = await kit.directApi(target()).get(statusPath('ORDER-123'));
    await kit.expectErrorNaming(target(), res, 'getPaymentStatus', 400, 'paymentId');
  });
});
