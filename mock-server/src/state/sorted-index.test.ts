import fc from 'fast-check';
import { SortedIndex } from './sorted-index';

describe('SortedIndex', () => {
  test('pages newest first', () => {
    const index = new SortedIndex();
    for (let id = 1; id <= 25; id += 1) index.add('k', id);
    expect(index.pageNewestFirst('k', 1, 10)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(index.pageNewestFirst('k', 3, 10)).toEqual([5, 4, 3, 2, 1]);
    expect(index.pageNewestFirst('k', 4, 10)).toEqual([]);
    expect(index.count('k')).toBe(25);
  });

  test('keeps order when ids arrive out of order and ignores duplicates', () => {
    const index = new SortedIndex();
    [5, 1, 3, 3, 9, 7].forEach((id) => index.add('k', id));
    expect(index.values('k')).toEqual([1, 3, 5, 7, 9]);
  });

  test('removes ids', () => {
    const index = new SortedIndex();
    [1, 2, 3].forEach((id) => index.add('k', id));
    index.remove('k', 2);
    index.remove('k', 42);
    expect(index.values('k')).toEqual([1, 3]);
  });

  // E190: a scenario load builds each list with addMany; it must equal adding the ids one by one.
  test('addMany gives the lists that add gives one id at a time, on lists that already hold ids too', () => {
    const key = fc.constantFrom('a', 'b', 'c');
    const entries = fc.array(fc.tuple(key, fc.nat({ max: 200 })), { maxLength: 60 });
    fc.assert(
      fc.property(entries, entries, (before, loaded) => {
        const one = new SortedIndex();
        const many = new SortedIndex();
        for (const [k, id] of before) {
          one.add(k, id);
          many.add(k, id);
        }
        for (const [k, id] of loaded) one.add(k, id);
        for (const k of ['a', 'b', 'c'])
          many.addMany(
            k,
            loaded.filter(([of]) => of === k).map(([, id]) => id),
          );
        for (const k of ['a', 'b', 'c']) {
          expect(many.values(k)).toEqual(one.values(k));
          expect(many.count(k)).toBe(one.count(k));
          expect(many.pageNewestFirst(k, 2, 7)).toEqual(one.pageNewestFirst(k, 2, 7));
        }
      }),
    );
  });
});
