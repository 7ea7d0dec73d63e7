import { listOperations } from '../../../spec';
import { checkHandlers } from './operation-routes';

describe('checkHandlers', () => {
  const operations = listOperations('partner-api');
  const all = Object.fromEntries(operations.map((op) => [op.operationId, () => ({ status: 200, body: {} })]));

  test('accepts a table with one handler per operation', () => {
    expect(() => checkHandlers(operations, all)).not.toThrow();
  });

  test('refuses to start when an operation has no handler, naming it', () => {
    const { getStats: _omitted, ...rest } = all;
    expect(() => checkHandlers(operations, rest)).toThrow('no handler for operation getStats (GET /v1/partner/stats)');
  });

  test('refuses a handler that matches no operation', () => {
    expect(() => checkHandlers(operations, { ...all, getUnicorn: all.getStats! })).toThrow(
      'handler getUnicorn matches no operation',
    );
  });
});
