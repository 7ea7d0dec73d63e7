import fc from 'fast-check';
import { MockState } from './mock-state';
import type { PaymentRecord, PaymentStatus } from './records';
import { ChangeLog } from './change-log';

const STATUSES: PaymentStatus[] = ['pending', 'paid', 'failed', 'expired'];

function payment(id: number, partnerId: number, merchantId: number, status: PaymentStatus): PaymentRecord {
  const createdAt = new Date(Date.UTC(2026, 2, 1) + id * 60_000).toISOString();
  return {
    id,
    partnerId,
    merchantId,
    merchantClientId: `client-${merchantId}`,
    amount: 10 + id,
    currency: 'DKK',
    referenceNumber: `ORDER-${id}`,
    description: null,
    storeId: null,
    registerId: null,
    status,
    bankPaymentStatus: null,
    token: `token-${id}`,
    bank: null,
    createdAt,
    updatedAt: createdAt,
    expiresAt: createdAt,
    paidAt: null,
  };
}

/** Every list a partner API query can ask for, with its total. */
function lists(state: MockState, partners: number[], merchants: number[]) {
  const filters = partners.flatMap((partnerId) =>
    [undefined, ...merchants].flatMap((merchantId) =>
      [undefined, ...STATUSES].map((status) => ({ partnerId, merchantId, status })),
    ),
  );
  return filters.map((filter) => state.pagePayments(filter, 1, 1000));
}

describe('MockState.addPayments (E190)', () => {
  // Payments by merchant 1-3, merchant m of partner 1 + (m % 2); ids unique, in any order.
  const payments = fc
    .uniqueArray(fc.nat({ max: 300 }), { maxLength: 80 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc
            .tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom(...STATUSES))
            .map(([merchantId, status]) => payment(id + 1, 1 + (merchantId % 2), merchantId, status)),
        ),
      ),
    );

  test('leaves the state addPayment leaves, one payment at a time, also on top of existing payments and as rows (E235)', () => {
    fc.assert(
      fc.property(payments, fc.nat({ max: 80 }), fc.boolean(), (all, split, asRows) => {
        const existing = all.slice(0, split);
        const loaded = all.slice(split);
        const one = new MockState();
        const many = new MockState();
        for (const p of existing) {
          one.addPayment(p);
          many.addPayment(p);
        }
        for (const p of loaded) one.addPayment(p);
        many.addPayments(asRows ? loaded.map((p) => many.paymentEntry(p)) : loaded);
        expect(lists(many, [1, 2], [1, 2, 3])).toEqual(lists(one, [1, 2], [1, 2, 3]));
        expect(many.paymentIdsOf(1)).toEqual(one.paymentIdsOf(1));
        expect(many.seq.payment).toBe(one.seq.payment);
        expect([...many.payments.keys()].sort()).toEqual([...one.payments.keys()].sort());
        expect([...many.payments.values()]).toEqual([...one.payments.values()]);
        for (const p of all) expect(many.paymentByToken(p.token)).toEqual(p);
        const facts = (p: Partial<PaymentRecord> | undefined) => ({
          status: p?.status,
          currency: p?.currency,
          amount: p?.amount,
          createdAt: p?.createdAt,
        });
        for (const p of all) expect(facts(many.paymentFacts(p.id))).toEqual(facts(p));
        // A final payment loaded as a row reads as a frozen copy; the others are the records themselves.
        const rows = asRows ? loaded.filter((p) => p.status !== 'pending') : [];
        for (const p of all) {
          if (rows.includes(p)) expect(Object.isFrozen(many.payments.get(p.id))).toBe(true);
          else expect(many.payments.get(p.id)).toBe(p);
        }
        expect([...many.changeablePayments()]).toEqual(
          [...one.payments.values()].filter((p) => !rows.some((row) => row.id === p.id)),
        );
      }),
    );
  });

  test('finds a payment by token whether it was added before or after the first lookup (E203)', () => {
    const state = new MockState();
    state.addPayments([payment(1, 1, 1, 'paid'), payment(2, 1, 2, 'pending')]);
    expect(state.paymentByToken('token-2')?.id).toBe(2);
    state.addPayment(payment(3, 1, 1, 'pending'));
    state.addPayments([payment(4, 1, 1, 'pending')]);
    expect(state.paymentByToken('token-3')?.id).toBe(3);
    expect(state.paymentByToken('token-4')?.id).toBe(4);
    expect(state.paymentByToken('token-9')).toBeUndefined();
  });

  test('puts every payment in the change log when a state file is open', () => {
    const state = new MockState();
    state.changes = new ChangeLog();
    const loaded = [payment(3, 1, 1, 'paid'), payment(1, 1, 2, 'pending')];
    state.addPayments(loaded);
    expect([...state.changes.tables.get('payments')!.entries()]).toEqual([
      [3, loaded[0]],
      [1, loaded[1]],
    ]);
  });
});
