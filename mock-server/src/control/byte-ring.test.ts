/**
 * E212: whatever the sizes and however often the buffer wraps or grows, every record of the last
 * `slots` reads back as it was added, from the slot it went to.
 */
import fc from 'fast-check';
import { ByteRing } from './byte-ring';

describe('ByteRing (E212)', () => {
  it('reads back each of the last `slots` records as added', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 60 }),
        (slots, initialBytes, records) => {
          const ring = new ByteRing(slots, initialBytes);
          records.forEach((record, n) => {
            ring.add(record);
            for (let back = 0; back < slots && back <= n; back += 1) {
              const i = n - back;
              expect(Buffer.from(ring.get(i % slots))).toEqual(Buffer.from(records[i]!));
            }
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('needs at least one slot', () => {
    expect(() => new ByteRing(0)).toThrow(RangeError);
  });

  it('starts again empty after clear, slots counted from the first again', () => {
    const ring = new ByteRing(3, 8);
    for (const text of ['one', 'two', 'three', 'four']) ring.add(Buffer.from(text));
    ring.clear();
    ring.add(Buffer.from('again'));
    expect(ring.get(0).toString()).toBe('again');
  });
});
