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
});
