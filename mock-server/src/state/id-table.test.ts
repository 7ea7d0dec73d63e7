import fc from 'fast-check';
import { IdTable } from './id-table';

/** Ids as the mock gives them out (ascending, small gaps), mixed with repeats, big jumps and odd keys. */
const steps = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('next' as const), gap: fc.nat({ max: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('gap' as const), gap: fc.nat({ max: 3000 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('again' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('any' as const), id: fc.integer({ min: -5, max: 100 }) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('odd' as const),
        id: fc.constantFrom(0, -0, 1.5, Number.MAX_SAFE_INTEGER, 2 ** 53, NaN, Infinity),
      }),
    },
  ),
  { maxLength: 60 },
);

describe('IdTable (E234)', () => {
  test('answers what a Map answers, in the same order, for any ids set in any order', () => {
    fc.assert(
      fc.property(steps, fc.array(fc.double(), { maxLength: 10 }), (plan, probes) => {
        const table = new IdTable<string>();
        const map = new Map<number, string>();
        let last = 0;
        plan.forEach((step, n) => {
          const id =
            step.kind === 'next' || step.kind === 'gap'
              ? last + 1 + step.gap
              : step.kind === 'again'
                ? ([...map.keys()][step.pick % Math.max(1, map.size)] ?? 1)
                : step.id;
          if (Number.isFinite(id)) last = Math.max(last, id);
          table.set(id, `v${n}`);
          map.set(id, `v${n}`);
        });
        expect(table.size).toBe(map.size);
        expect([...table.entries()]).toEqual([...map.entries()]);
        expect([...table]).toEqual([...map]);
        expect([...table.keys()]).toEqual([...map.keys()]);
        expect([...table.values()]).toEqual([...map.values()]);
        const seen: [number, string][] = [];
        table.forEach((value, id) => seen.push([id, value]));
        expect(seen).toEqual([...map.entries()]);
        for (const id of [...map.keys(), ...probes, last + 1, -1, 0.5]) {
          expect(table.get(id)).toBe(map.get(id));
          expect(table.has(id)).toBe(map.has(id));
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('holds ascending ids in its array and becomes a Map when the order breaks', () => {
    const table = new IdTable<string>();
    for (let id = 1; id <= 5; id += 1) table.set(id, `p${id}`);
    expect(table.get(3)).toBe('p3');
    table.set(3, 'replaced');
    expect([...table.values()]).toEqual(['p1', 'p2', 'replaced', 'p4', 'p5']);
    table.set(100_000, 'far');
    table.set(6, 'p6');
    // As a Map: in the order the ids were first set.
    expect([...table.keys()]).toEqual([1, 2, 3, 4, 5, 100_000, 6]);
    expect(table.size).toBe(7);
  });
});
