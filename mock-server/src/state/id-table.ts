/**
 * E234: records by id, with a Map's meaning (`get`, `has`, `set`, `size`, iteration in the order
 * the ids were first set), held in an array indexed by id while the ids come in ascending order
 * with small gaps, which is how the mock gives them out (1, 2, 3, …) and how a world is loaded (in
 * id order). A Map of a million payments was a third of a second of a million-payment start (its
 * growth rehashes every entry again and again) and about 75 MB of heap; the array is one slot per
 * id. An id that breaks the order, or leaves a gap of more than MAX_GAP ids, moves every record into
 * a Map, in the order they were set, and the table is a Map from then on.
 *
 * E235: an entry may also be a row number of a table kept elsewhere (`setRow`); `get` and the
 * iterators answer such an entry with what the table's `readRow` makes of it, and `objects` passes
 * over them.
 */

/** The largest run of unused ids the array leaves as holes before the table becomes a Map. */
const MAX_GAP = 1024;

export class IdTable<V extends object> implements ReadonlyMap<number, V> {
  /** By id while the ids ascend; null once the table is a Map. A number is a row for `readRow`. */
  private byIndex: (V | number | undefined)[] | null = [];
  private map: Map<number, V | number> | null = null;
  private count = 0;

  constructor(
    private readonly readRow: (row: number) => V = () => {
      throw new RangeError('this table holds no rows');
    },
  ) {}

  get size(): number {
    return this.map ? this.map.size : this.count;
  }

  get(id: number): V | undefined {
    const value = this.held(id);
    return typeof value === 'number' ? this.readRow(value) : value;
  }

  /** The entry of `id` as it is held: a value, or a row number. */
  held(id: number): V | number | undefined {
    // A key that is not an array index (negative, fractional, NaN) finds nothing in the array either.
    return this.byIndex ? this.byIndex[id] : this.map!.get(id);
  }

  has(id: number): boolean {
    return this.held(id) !== undefined;
  }

  set(id: number, value: V): this {
    return this.put(id, value);
  }

  /** Sets the entry of `id` to row `row` of the table `readRow` reads. */
  setRow(id: number, row: number): this {
    return this.put(id, row);
  }

  private put(id: number, value: V | number): this {
    const byIndex = this.byIndex;
    if (byIndex && Number.isSafeInteger(id) && id >= 0 && value !== undefined) {
      if (id < byIndex.length) {
        if (byIndex[id] !== undefined) {
          byIndex[id] = value; // a Map keeps a replaced entry in its place
          return this;
        }
      } else if (id - byIndex.length <= MAX_GAP) {
        while (byIndex.length < id) byIndex.push(undefined);
        byIndex.push(value);
        this.count += 1;
        return this;
      }
    }
    this.toMap().set(id, value);
    return this;
  }

  /** Every entry as it is held: a value, or a row number. */
  *heldEntries(): Generator<[number, V | number]> {
    if (this.map) {
      yield* this.map.entries();
      return;
    }
    const byIndex = this.byIndex!;
    for (let id = 0; id < byIndex.length; id += 1) {
      const value = byIndex[id];
      if (value !== undefined) yield [id, value];
    }
  }

  *entries(): MapIterator<[number, V]> {
    for (const [id, value] of this.heldEntries()) yield [id, typeof value === 'number' ? this.readRow(value) : value];
  }

  *keys(): MapIterator<number> {
    for (const [id] of this.heldEntries()) yield id;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.heldEntries()) yield typeof value === 'number' ? this.readRow(value) : value;
  }

  /** The values held as values, in order: the entries that are rows are passed over. */
  *objects(): MapIterator<V> {
    for (const [, value] of this.heldEntries()) if (typeof value !== 'number') yield value;
  }

  [Symbol.iterator](): MapIterator<[number, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, id: number, table: ReadonlyMap<number, V>) => void, thisArg?: unknown): void {
    for (const [id, value] of this.entries()) callback.call(thisArg, value, id, this);
  }

  private toMap(): Map<number, V | number> {
    if (!this.map) {
      this.map = new Map(this.heldEntries());
      this.byIndex = null;
    }
    return this.map;
  }
}
