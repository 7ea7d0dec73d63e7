import standaloneCode from 'ajv/dist/standalone';
import { createScenarioAjv } from '../../../fixtures/src/scenario-validate';
import { storedRecordRefs, storedRecordsKey, storedRecordsSchema } from './world';

type Validators = Record<string, (record: unknown) => boolean>;

/** What scripts/build-spec-cache.js writes for the state file's records, loaded as a module. */
function precompiled(): Validators {
  const schema = storedRecordsSchema();
  const ajv = createScenarioAjv(true);
  ajv.addSchema(schema);
  const module = { exports: {} as Validators };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('module', 'exports', 'require', standaloneCode(ajv, storedRecordRefs()))(
    module,
    module.exports,
    require,
  );
  return module.exports;
}

const payment = {
  id: 3,
  partnerId: 1,
  merchantId: 4,
  merchantClientId: '11111111-1111-4111-8111-111111111111',
  amount: 149.5,
  currency: 'DKK',
  referenceNumber: 'ORDER-1',
  description: null,
  storeId: null,
  registerId: null,
  status: 'pending',
  bankPaymentStatus: null,
  token: '0123456789abcdef',
  bank: null,
  createdAt: '2026-03-18T12:00:00.000Z',
  updatedAt: '2026-03-18T12:00:00.000Z',
  expiresAt: '2026-03-18T12:30:00.000Z',
  paidAt: null,
};

describe('the state file record validators (E131)', () => {
  test('a running payment passes; one without a field every running record has, or with a field no record has, does not', () => {
    const { Payment } = precompiled();
    const { paidAt: _paidAt, ...withoutPaidAt } = payment;
    expect(Payment!(payment)).toBe(true);
    expect(Payment!(withoutPaidAt)).toBe(false);
    expect(Payment!({ ...payment, mockSettlementAt: payment.expiresAt })).toBe(false);
    expect(Payment!({ ...payment, createdAt: 'later' })).toBe(false);
  });

  test("the build's key changes with the schema the validators are made from", () => {
    const schema = storedRecordsSchema();
    const changed = structuredClone(schema);
    changed.$defs.RunningPayment!.required = [];
    expect(storedRecordsKey(changed)).not.toBe(storedRecordsKey(schema));
    expect(storedRecordsKey(storedRecordsSchema())).toBe(storedRecordsKey(schema));
  });
});
