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

  /** The same as `add(key, id)` for each of `ids` (any order, repeats allowed): sorted once, merged once (E190). */
  addMany(key: string, ids: readonly number[]): void {
    if (ids.length === 0) return;
    const sorted = isAscending(ids) ? ids : [...ids].sort((a, b) => a - b);
    const list = this.lists.get(key) ?? [];
    const first = sorted[0]!;
    const last = list[list.length - 1];
    if (last !== undefined && first <= last) {
      this.lists.set(key, merge(list, sorted));
      return;
    }
    // The common case (a load into empty lists, or ids after every id there): one copy, no merge,
    // made by concat (a spread of a million ids is an iteration; concat copies the elements at once).
    this.lists.set(key, list.concat(unique(sorted)));
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

function isAscending(ids: readonly number[]): boolean {
  for (let i = 1; i < ids.length; i += 1) if (ids[i]! < ids[i - 1]!) return false;
  return true;
}

/** An ascending list without its repeats: the list itself when it has none (no copy of a million ids). */
function unique(sorted: readonly number[]): readonly number[] {
  let i = 1;
  while (i < sorted.length && sorted[i] !== sorted[i - 1]) i += 1;
  if (i >= sorted.length) return sorted;
  const out = sorted.slice(0, i);
  for (; i < sorted.length; i += 1) if (out[out.length - 1] !== sorted[i]) out.push(sorted[i]!);
  return out;
}

/** Two ascending lists as one, each id once. */
function merge(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
  }
  return out;
}
