import fc from 'fast-check';
import { PaymentRows } from './payment-rows';
import type { PaymentRecord, PaymentStatus } from './records';

const STATUSES: PaymentStatus[] = ['pending', 'paid', 'failed', 'expired'];

/** Texts as payments have them, and any other (non-ASCII, lone surrogates, empty, long). */
const text = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9:.-]{0,40}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('Ærø Kaffe', 'ORDER-1', '\ud800', '', 'x'.repeat(70_000)) },
);
const time = fc
  .date({ min: new Date(0), max: new Date(Date.UTC(9999, 0)), noInvalidDate: true })
  .map((d) => d.toISOString());
const word = fc.oneof(
  fc.constant(null),
  fc.constantFrom('DKK', 'REG-001', 'Lunar', 'AcceptedSettlementCompleted'),
  text,
);
const number = fc.oneof(fc.integer({ min: 1, max: 2 ** 40 }), fc.double(), fc.constantFrom(-0, 2 ** 53 - 1));

/** A record of the mock's shape with any values, sometimes with a field missing, extra or of another type. */
const record = fc
  .record({
    id: number,
    partnerId: number,
    merchantId: number,
    merchantClientId: word,
    amount: number,
    currency: word,
    referenceNumber: fc.oneof(text, time),
    description: fc.option(text),
    storeId: word,
    registerId: word,
    status: fc.constantFrom(...STATUSES),
    bankPaymentStatus: word,
    token: fc.oneof(text, fc.stringMatching(/^[0-9a-f]{32}$/)),
    bank: word,
    createdAt: time,
    updatedAt: time,
    expiresAt: time,
    paidAt: fc.option(time),
  })
  .chain((r) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(r as PaymentRecord) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...Object.keys(r), 'outcomeRule').chain((key) =>
          fc.constantFrom('drop', 'undefined', 'object', 'number').map((change) =>
            change === 'drop'
              ? (Object.fromEntries(Object.entries(r).filter(([k]) => k !== key)) as unknown as PaymentRecord)
              : ({
                  ...r,
                  [key]: change === 'undefined' ? undefined : change === 'object' ? { x: 1 } : 7,
                } as unknown as PaymentRecord),
          ),
        ),
      },
    ),
  );

const isLatin1 = (value: unknown) => typeof value !== 'string' || [...value].every((c) => c.charCodeAt(0) <= 0xff);
const TEXTS = ['referenceNumber', 'description', 'token', 'createdAt', 'updatedAt', 'expiresAt', 'paidAt'] as const;
const WORDS = ['merchantClientId', 'currency', 'storeId', 'registerId', 'bankPaymentStatus', 'bank'] as const;
const NUMBERS = ['id', 'partnerId', 'merchantId', 'amount'] as const;

/** E235: when a record fits a row. */
function fits(r: PaymentRecord): boolean {
  const v = r as unknown as Record<string, unknown>;
  return (
    r.status !== 'pending' &&
    typeof r.status === 'string' &&
    Object.keys(r).length === 18 &&
    NUMBERS.every((k) => typeof v[k] === 'number') &&
    WORDS.every((k) => v[k] === null || typeof v[k] === 'string') &&
    TEXTS.every(
      (k) =>
        (v[k] === null && (k === 'description' || k === 'paidAt')) ||
        (typeof v[k] === 'string' && v[k].length < 0xffff),
    ) &&
    TEXTS.every((k) => isLatin1(v[k])) &&
    TEXTS.reduce((n, k) => n + (typeof v[k] === 'string' ? v[k].length : 0), 0) <= 1 << 22
  );
}

describe('PaymentRows (E235)', () => {
  test('reads back every record that fits a row, field for field and in the same order, and refuses every other', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (records) => {
        const rows = new PaymentRows();
        const added: [number, PaymentRecord][] = [];
        for (const r of records) {
          const row = rows.add(r);
          expect(row >= 0).toBe(fits(r));
          if (row >= 0) added.push([row, structuredClone(r)]);
        }
        expect(rows.size).toBe(added.length);
        added.forEach(([row, r], i) => {
          expect(row).toBe(i);
          const read = rows.read(row);
          expect(Object.keys(read)).toEqual(Object.keys(r));
          expect(read).toEqual(r);
          for (const key of NUMBERS) expect(Object.is(read[key], r[key])).toBe(true);
          expect(Object.isFrozen(read)).toBe(true);
          expect(rows.read(row)).not.toBe(read);
          expect(rows.facts(row)).toEqual({
            status: r.status,
            currency: r.currency,
            amount: r.amount,
            createdAt: r.createdAt,
          });
          expect([rows.id(row), rows.partnerId(row), rows.merchantId(row), rows.status(row), rows.token(row)]).toEqual([
            r.id,
            r.partnerId,
            r.merchantId,
            r.status,
            r.token,
          ]);
        });
      }),
      { numRuns: 300 },
    );
  });

  test('holds rows across many text buffers and a grown table', () => {
    const rows = new PaymentRows();
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
    const make = (i: number): PaymentRecord => ({
      id: i,
      partnerId: 1,
      merchantId: 1 + (i % 7),
      merchantClientId: `client-${i % 7}`,
      amount: i / 100,
      currency: 'DKK',
      referenceNumber: `ORDER-${i}`.padEnd(2000, '.'),
      description: i % 3 === 0 ? null : `about ${i}`,
      storeId: null,
      registerId: `REG-${i % 5}`,
      status: i % 2 === 0 ? 'paid' : 'expired',
      bankPaymentStatus: i % 2 === 0 ? 'AcceptedSettlementCompleted' : 'Expired',
      token: `token-${i}`,
      bank: i % 2 === 0 ? 'Lunar' : null,
      createdAt: at(i),
      updatedAt: at(i + 1),
      expiresAt: at(i + 2),
      paidAt: i % 2 === 0 ? at(i + 1) : null,
    });
    const count = 5000; // 2,000 characters each: more than two 4 MB text buffers
    for (let i = 1; i <= count; i += 1) expect(rows.add(make(i))).toBe(i - 1);
    for (const i of [1, 2, 1024, 1025, 2097, 2098, 4999, 5000]) expect(rows.read(i - 1)).toEqual(make(i));
  });
});
