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

/** A value, or (E235) a row of a table elsewhere, which reads back as an equal new value each time. */
interface Value {
  v: string;
}
const rows: Value[] = [];
const readRow = (row: number): Value => ({ ...rows[row]! });

describe('IdTable (E234, E235)', () => {
  test('answers what a Map answers, in the same order, for any ids set in any order, as values or rows', () => {
    fc.assert(
      fc.property(
        steps,
        fc.array(fc.boolean(), { maxLength: 60 }),
        fc.array(fc.double(), { maxLength: 10 }),
        (plan, asRow, probes) => {
          const table = new IdTable<Value>(readRow);
          const map = new Map<number, Value>();
          const heldAsValue = new Map<number, boolean>();
          let last = 0;
          plan.forEach((step, n) => {
            const id =
              step.kind === 'next' || step.kind === 'gap'
                ? last + 1 + step.gap
                : step.kind === 'again'
                  ? ([...map.keys()][step.pick % Math.max(1, map.size)] ?? 1)
                  : step.id;
            if (Number.isFinite(id)) last = Math.max(last, id);
            const value = { v: `v${n}` };
            if (asRow[n]) {
              rows.push(value);
              table.setRow(id, rows.length - 1);
            } else {
              table.set(id, value);
            }
            heldAsValue.set(id, !asRow[n]);
            map.set(id, value);
          });
          expect(table.size).toBe(map.size);
          expect([...table.entries()]).toEqual([...map.entries()]);
          expect([...table]).toEqual([...map]);
          expect([...table.keys()]).toEqual([...map.keys()]);
          expect([...table.values()]).toEqual([...map.values()]);
          // objects(): the entries held as values, themselves (not copies), in the Map's order.
          const values = [...map].filter(([id]) => heldAsValue.get(id)).map(([, value]) => value);
          const objects = [...table.objects()];
          expect(objects).toEqual(values);
          objects.forEach((value, i) => expect(value).toBe(values[i]));
          const seen: [number, Value][] = [];
          table.forEach((value, id) => seen.push([id, value]));
          expect(seen).toEqual([...map.entries()]);
          for (const id of [...map.keys(), ...probes, last + 1, -1, 0.5]) {
            expect(table.get(id)).toEqual(map.get(id));
            expect(table.has(id)).toBe(map.has(id));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('holds ascending ids in its array and becomes a Map when the order breaks', () => {
    const table = new IdTable<Value>();
    for (let id = 1; id <= 5; id += 1) table.set(id, { v: `p${id}` });
    expect(table.get(3)).toEqual({ v: 'p3' });
    table.set(3, { v: 'replaced' });
    expect([...table.values()].map(({ v }) => v)).toEqual(['p1', 'p2', 'replaced', 'p4', 'p5']);
    table.set(100_000, { v: 'far' });
    table.set(6, { v: 'p6' });
    // As a Map: in the order the ids were first set.
    expect([...table.keys()]).toEqual([1, 2, 3, 4, 5, 100_000, 6]);
    expect(table.size).toBe(7);
  });
});
