/**
 * E212: records of any length kept in one circular byte buffer, the n-th record added in slot
 * `n % slots`, so that a ring of `slots` entries keeps each entry's bytes beside it without one
 * Buffer (and one ArrayBuffer view) per entry: per-entry Buffers made V8 collect the old generation
 * two to three times as often. The buffer grows when the records that must stay do not leave room
 * for a new one; it never shrinks, except by `clear`.
 */
export class ByteRing {
  private bytes: Buffer;
  /** Where each slot's record starts, as a position that only grows (its byte is at `start % size`). */
  private readonly starts: Float64Array;
  private readonly lengths: Uint32Array;
  private head = 0;
  private count = 0;

  constructor(
    private readonly slots: number,
    private readonly initialBytes = 256 * 1024,
  ) {
    if (!Number.isInteger(slots) || slots < 1) throw new RangeError(`a ByteRing needs at least one slot, not ${slots}`);
    this.bytes = Buffer.allocUnsafe(initialBytes);
    this.starts = new Float64Array(slots);
    this.lengths = new Uint32Array(slots);
  }

  /** Keeps a copy of `record` in the next slot, in place of the record `slots` before it. */
  add(record: Uint8Array): void {
    const n = record.length;
    for (;;) {
      const size = this.bytes.length;
      let head = this.head;
      const at = head % size;
      if (at + n > size) head += size - at; // a record is never split: the rest of the lap stays unused
      // The oldest record that stays once this one is added; its bytes must not be written over.
      const oldest = Math.max(0, this.count - this.slots + 1);
      const free = this.count === 0 || oldest === this.count || this.starts[oldest % this.slots]! >= head + n - size;
      if (n <= size && free) {
        this.bytes.set(record, head % size);
        const slot = this.count % this.slots;
        this.starts[slot] = head;
        this.lengths[slot] = n;
        this.head = head + n;
        this.count += 1;
        return;
      }
      this.grow(n);
    }
  }

  /** The record in `slot`, as a view that is valid until the next `add`. */
  get(slot: number): Buffer {
    const at = this.starts[slot]! % this.bytes.length;
    return this.bytes.subarray(at, at + this.lengths[slot]!);
  }

  clear(): void {
    this.bytes = Buffer.allocUnsafe(this.initialBytes);
    this.head = 0;
    this.count = 0;
  }

  /** Copies the records that stay into a buffer with room for `n` more bytes, oldest first. */
  private grow(n: number): void {
    const first = Math.max(0, this.count - this.slots + 1);
    let kept = 0;
    for (let i = first; i < this.count; i += 1) kept += this.lengths[i % this.slots]!;
    const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, 2 * (kept + n)));
    let head = 0;
    for (let i = first; i < this.count; i += 1) {
      const slot = i % this.slots;
      this.get(slot).copy(bigger, head);
      this.starts[slot] = head;
      head += this.lengths[slot]!;
    }
    this.bytes = bigger;
    this.head = head;
  }
}
