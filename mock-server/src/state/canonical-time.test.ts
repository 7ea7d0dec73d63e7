import fc from 'fast-check';
import { canonicalMs, isoText, plusMs } from './canonical-time';

const MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const MIN = Date.UTC(0, 0, 1) - 1000 * 365 * 86_400_000; // also extended (negative) years

describe('canonical time arithmetic (E201)', () => {
  test('isoText is toISOString, also for extended years', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: 8_640_000_000_000_000 }), (ms) => {
        expect(isoText(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
  });

  test('canonicalMs is Date.parse, for canonical texts and for any other', () => {
    const texts = fc.oneof(
      fc.integer({ min: Date.UTC(0, 0, 1), max: MAX }).map((ms) => new Date(ms).toISOString()),
      fc
        .tuple(fc.integer({ min: 0, max: 9999 }), ...[13, 32, 25, 61, 61].map((max) => fc.integer({ min: 0, max })))
        .map(
          ([y, mo, d, h, mi, s]) =>
            `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}.000Z`,
        ),
      fc.string({ maxLength: 24 }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        expect(canonicalMs(text)).toEqual(Date.parse(text));
      }),
      { numRuns: 5000 },
    );
  });

  test('plusMs is new Date(Date.parse(text) + ms).toISOString()', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(0, 0, 1), max: MAX - 1e11 }),
        fc.integer({ min: -1e10, max: 1e11 }),
        (start, ms) => {
          const text = new Date(start).toISOString();
          if (start + ms < Date.UTC(0, 0, 1) - 366 * 86_400_000) return;
          expect(plusMs(text, ms)).toBe(new Date(Date.parse(text) + ms).toISOString());
        },
      ),
      { numRuns: 5000 },
    );
  });

  test('plusMs is the same for a result on the same day, on the next one, and for any text', () => {
    const texts = fc.oneof(
      fc.integer({ min: Date.UTC(0, 0, 1), max: MAX - 1e11 }).map((ms) => new Date(ms).toISOString()),
      fc.integer({ min: 0, max: 2 * 86_400_000 }).map((ms) => new Date(Date.UTC(2026, 2, 1) + ms).toISOString()),
      fc.string({ maxLength: 30 }),
    );
    const amounts = fc.oneof(fc.integer({ min: -86_400_000, max: 2 * 86_400_000 }), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(texts, amounts, (text, ms) => {
        const start = Date.parse(text);
        if (Number.isNaN(start) || Math.abs(start + ms) > MAX) return;
        expect(plusMs(text, ms)).toBe(new Date(start + ms).toISOString());
      }),
      { numRuns: 5000 },
    );
  });
});
