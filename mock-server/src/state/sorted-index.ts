/**
 * Ascending lists of numeric ids under string keys, for O(page) listing newest-first and O(1)
 * counts. Ids are sequential, so inserts are appends in the common case; status changes move an
 * id between lists with a binary search.
 */
export class SortedIndex {
  private readonly lists = new Map<string, number[]>();

  add(key: string, id: number): void {
    let list = this.lists.get(key);
    if (!list) {
      list = [];
      this.lists.set(key, list);
    }
    const last = list[list.length - 1];
    if (last === undefined || id > last) {
      list.push(id);
      return;
    }
    const at = lowerBound(list, id);
    if (list[at] !== id) list.splice(at, 0, id);
  }

  remove(key: string, id: number): void {
    const list = this.lists.get(key);
    if (!list) return;
    const at = lowerBound(list, id);
    if (list[at] === id) list.splice(at, 1);
  }

  count(key: string): number {
    return this.lists.get(key)?.length ?? 0;
  }

  /** Ids of one page, newest (highest id) first. `page` starts at 1. */
  pageNewestFirst(key: string, page: number, limit: number): number[] {
    const list = this.lists.get(key);
    if (!list) return [];
    const end = list.length - (page - 1) * limit;
    const start = Math.max(0, end - limit);
    const out: number[] = [];
    for (let i = end - 1; i >= start; i -= 1) out.push(list[i]!);
    return out;
  }

  values(key: string): readonly number[] {
    return this.lists.get(key) ?? [];
  }

  clear(): void {
    this.lists.clear();
  }
}

function lowerBound(list: number[], id: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
