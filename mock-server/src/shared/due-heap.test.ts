import fc from 'fast-check';
import { DueHeap } from './due-heap';

interface Item {
  dueAt: number;
  seq: number;
}

const items = fc.array(fc.record({ dueAt: fc.integer({ min: 0, max: 50 }), seq: fc.nat() }), { maxLength: 300 });
const byDueThenSeq = (a: Item, b: Item) => a.dueAt - b.dueAt || a.seq - b.seq;

function drain(heap: DueHeap<Item>): Item[] {
  const out: Item[] = [];
  for (let item = heap.pop(); item; item = heap.pop()) out.push(item);
  return out;
}

describe('DueHeap', () => {
  it('pops by due time, then by insertion order', () => {
    fc.assert(
      fc.property(items, (list) => {
        const heap = new DueHeap<Item>();
        const unique = list.map((item, i) => ({ ...item, seq: i }));
        for (const item of unique) heap.push(item);
        expect(drain(heap)).toEqual([...unique].sort(byDueThenSeq));
      }),
    );
  });

  it('retain keeps exactly the accepted items, still in due order, and stays a heap for later pushes', () => {
    fc.assert(
      fc.property(items, fc.func(fc.boolean()), items, (list, keep, later) => {
        const heap = new DueHeap<Item>();
        const first = list.map((item, i) => ({ ...item, seq: i }));
        for (const item of first) heap.push(item);
        heap.retain((item) => keep(item.dueAt, item.seq));
        const then = later.map((item, i) => ({ ...item, seq: first.length + i }));
        for (const item of then) heap.push(item);
        const expected = [...first.filter((item) => keep(item.dueAt, item.seq)), ...then].sort(byDueThenSeq);
        expect(heap.size).toBe(expected.length);
        expect(drain(heap)).toEqual(expected);
      }),
    );
  });
});
