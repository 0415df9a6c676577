/**
 * Many growable lists of 32-bit integers (posting lists, hash buckets) in
 * shared slabs: each list is a chain of chunks whose capacity doubles up to
 * a cap, cut from 64 KiB slabs that are never grown or copied.
 *
 * The index build appends to a few thousand lists at once. A typed array per
 * list, grown by doubling, cost thousands of allocations and copies per 100k
 * contacts (a fifth of the build in Chromium); here a list costs nothing
 * until its first entry, appending never copies, and a short list wastes a
 * few ints instead of an object and an ArrayBuffer.
 *
 * A list holds entries of `stride` ints (1 for postings, 3 for hashed words),
 * never split across chunks, so readers walk runs of whole entries.
 */

/** Ints per slab, as a shift: 16,384 ints (64 KiB). */
const SLAB_SHIFT = 14;
const SLAB = 1 << SLAB_SHIFT;
const SLAB_MASK = SLAB - 1;
/** Chunk header: address of the next chunk (0: none), then the chunk's capacity in ints. */
const HEADER = 2;
/** Entries in a list's first chunk, and the most in any chunk. */
const FIRST_ENTRIES = 4;
const MAX_ENTRIES = 512;

export type RunVisit = (items: Int32Array, start: number, end: number) => void;

/** Per list, in `meta`: first chunk, last chunk, next free address, end of the last chunk, last int appended. */
const HEAD = 0;
const TAIL = 1;
const NEXT = 2;
const END = 3;
const LAST = 4;
const META = 5;

export class ChunkedIntLists {
  private readonly slabs: Int32Array[] = [];
  /** Ints used in the last slab. */
  private slabUsed = SLAB;
  /**
   * Per list, META ints side by side (one cache line, not one per field):
   * addresses are `slab << SLAB_SHIFT | offset`; 0 while the list is empty.
   */
  private meta = new Int32Array(16 * META);
  private count = 0;

  constructor(private readonly stride = 1) {}

  /** Number of lists. */
  get size(): number {
    return this.count;
  }

  /** A new empty list; lists are numbered from 0 in creation order. */
  newList(): number {
    const list = this.count++;
    if ((list + 1) * META > this.meta.length) {
      const grown = new Int32Array(this.meta.length * 2);
      grown.set(this.meta);
      this.meta = grown;
    }
    this.meta[list * META + LAST] = -1;
    return list;
  }

  /** Appends one int (stride 1). */
  push(list: number, value: number): void {
    const at = this.room(list);
    this.slabs[at >>> SLAB_SHIFT]![at & SLAB_MASK] = value;
    this.meta[list * META + LAST] = value;
  }

  /** Appends one entry of three ints (stride 3). */
  push3(list: number, a: number, b: number, c: number): void {
    const at = this.room(list);
    const slab = this.slabs[at >>> SLAB_SHIFT]!;
    const i = at & SLAB_MASK;
    slab[i] = a;
    slab[i + 1] = b;
    slab[i + 2] = c;
    this.meta[list * META + LAST] = c;
  }

  /** The last int appended to `list`, or -1 when it is empty. */
  last(list: number): number {
    return this.meta[list * META + LAST]!;
  }

  /** Calls `visit(items, start, end)` for each run `items[start..end)` of the list, in order. */
  forRuns(list: number, visit: RunVisit): void {
    const m = list * META;
    const tail = this.meta[m + TAIL]!;
    for (let chunk = this.meta[m + HEAD]!; chunk !== 0; ) {
      const slab = this.slabs[chunk >>> SLAB_SHIFT]!;
      const at = chunk & SLAB_MASK;
      const used = chunk === tail ? this.meta[m + NEXT]! - chunk - HEADER : slab[at + 1]!;
      visit(slab, at + HEADER, at + HEADER + used);
      chunk = slab[at]!;
    }
  }

  /** Address of room for one entry at the end of `list`, a new chunk added when the last one is full. */
  private room(list: number): number {
    const { meta, stride } = this;
    const m = list * META;
    const next = meta[m + NEXT]!;
    if (next < meta[m + END]!) {
      meta[m + NEXT] = next + stride;
      return next;
    }
    const tail = meta[m + TAIL]!;
    const cap =
      tail === 0 ? FIRST_ENTRIES * stride : Math.min((meta[m + END]! - tail - HEADER) * 2, MAX_ENTRIES * stride);
    const chunk = this.allocate(HEADER + cap);
    this.slabs[chunk >>> SLAB_SHIFT]![(chunk & SLAB_MASK) + 1] = cap;
    if (tail === 0) meta[m + HEAD] = chunk;
    else this.slabs[tail >>> SLAB_SHIFT]![tail & SLAB_MASK] = chunk;
    meta[m + TAIL] = chunk;
    meta[m + NEXT] = chunk + HEADER + stride;
    meta[m + END] = chunk + HEADER + cap;
    return chunk + HEADER;
  }

  /** Address of `size` free ints within one slab. Address 0 is never returned: it means "no chunk". */
  private allocate(size: number): number {
    if (this.slabUsed + size > SLAB) {
      this.slabs.push(new Int32Array(SLAB));
      // The first slab starts at 1, so no chunk has address 0.
      this.slabUsed = this.slabs.length === 1 ? 1 : 0;
    }
    const at = ((this.slabs.length - 1) << SLAB_SHIFT) | this.slabUsed;
    this.slabUsed += size;
    return at;
  }
}
