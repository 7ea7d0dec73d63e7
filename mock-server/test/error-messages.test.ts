/**
 * E229: a value that fits none of a `oneOf`'s branches is told what the branch it comes closest to
 * wants, not what every branch wants.
 */
import { createTestApp } from './helpers';

describe('messages for a value that fits no branch (E229)', () => {
  test('the clock: seconds or a duration', async () => {
    const t = createTestApp();
    const message = async (body: object) => (await t.api.post('/__control/clock/advance').send(body)).body.message;
    expect(await message({ seconds: -1 })).toEqual(['seconds must be > 0']);
    expect(await message({ duration: 'soon' })).toEqual(['duration must match pattern "^[1-9][0-9]{0,6}[smhd]$"']);
    // Fitting neither, or both: each branch says what it misses.
    expect(await message({})).toEqual(['seconds is required', 'duration is required']);
    expect(await message({ seconds: 5, duration: '1m' })).toEqual([
      'duration is not allowed',
      'seconds is not allowed',
    ]);
  });

  test("a fault's message: a string or a list of them", async () => {
    const t = createTestApp();
    const message = async (body: object) =>
      (await t.api.post('/__control/faults').send({ operationId: 'getStats', status: 500, body })).body.message;
    expect(await message({ message: 'x'.repeat(1001) })).toEqual([
      'body.message must NOT have more than 1000 characters',
    ]);
    expect(await message({ message: [] })).toEqual(['body.message must NOT have fewer than 1 items']);
    expect(await message({ message: 5 })).toEqual(['body.message must be string', 'body.message must be array']);
  });

  test("a rule's amount: a number, a pattern or a range", async () => {
    const t = createTestApp();
    const res = await t.api
      .post('/__control/rules')
      .send({ when: { amount: { min: 'ten' } }, outcome: { status: 'paid' } });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['when.amount.min must be number']);
  });
});
