/**
 * Digit-substring index over phone numbers: a query's digits match whatever
 * punctuation either side was written with ("(11) 9876" finds +5511987654321).
 *
 * All numbers live in one string ("5511987654321|5215512345678|..."), scanned
 * with `indexOf`: about a millisecond for 100k numbers in V8, whatever the
 * query, and next to nothing to build (no per-digit posting lists, which cost
 * more to build than every query they would speed up). Numbers are written
 * as bytes while indexing and decoded into the string by the first scan after
 * numbers were added. A hit's position maps to its number by binary search
 * over the numbers' start offsets.
 */
import { IntList } from './int-list.js';

/** How a query's digits met a stored number, best last. */
export const DigitMatch = {
  /** Somewhere inside the number. */
  Inside: 1,
  /** At the start of the stored digits. */
  Start: 2,
  /** The whole number, or all of it but its country code (a national number). */
  Whole: 3,
} as const;
export type DigitMatch = (typeof DigitMatch)[keyof typeof DigitMatch];

const SEPARATOR = 124; // '|'
const decoder = new TextDecoder();

export type DigitVisit = (doc: number, match: DigitMatch, exact: boolean) => void;

export class PhoneDigitsIndex {
  /**
   * Every number's digits followed by `|`, as bytes: written in place while
   * indexing, so no string per number is made (the build allocated one per
   * phone and email digit run, and the garbage collector then copied them).
   */
  private bytes = new Uint8Array(4096);
  private byteLength = 0;
  /** Entry → offset of its first digit in `bytes` (and in `all`). */
  private readonly starts = new IntList(1024);
  /** Entry → document. */
  private readonly docs = new IntList(1024);
  /** `bytes` as text, decoded by the first scan after a change. */
  private all = '';

  get count(): number {
    return this.docs.length;
  }

  /**
   * Adds one number for `doc`: the ASCII digits of `text.slice(start, end)`,
   * any other character skipped ("+55 (11) 98765-4321" → 5511987654321).
   */
  add(doc: number, text: string, start = 0, end = text.length): void {
    // Room for every character of the range and the separator.
    if (this.byteLength + end - start + 1 > this.bytes.length) this.grow(end - start + 1);
    const bytes = this.bytes;
    let at = this.byteLength;
    this.starts.push(at);
    this.docs.push(doc);
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) bytes[at++] = c;
    }
    bytes[at++] = SEPARATOR;
    this.byteLength = at;
  }

  private grow(needed: number): void {
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.byteLength + needed));
    next.set(this.bytes.subarray(0, this.byteLength));
    this.bytes = next;
  }

  /** Decodes the numbers added since the last scan: bytes are ASCII, so offsets carry over. */
  private ensureJoined(): void {
    if (this.all.length === this.byteLength) return;
    this.all += decoder.decode(this.bytes.subarray(this.all.length, this.byteLength));
  }

  /**
   * Calls `visit(doc, match, exact)` for each stored number containing the
   * query digits. A leading `00` (international prefix) or `0` (trunk prefix)
   * is also tried without it. `exact` is true when the whole stored number
   * was typed (an identity match).
   */
  find(query: string, visit: DigitVisit): void {
    this.findRun(query, visit);
    // Without the prefix only when digits remain to tell numbers apart ("005" is not "5").
    if (query.startsWith('00') && query.length > 4) this.findRun(query.slice(2), visit);
    else if (query.startsWith('0') && !query.startsWith('00') && query.length > 3) this.findRun(query.slice(1), visit);
  }

  /**
   * One visit per stored digit run holding `q`, with the best way it holds it
   * (no prefix variants). `national`: a run missing only 1–3 leading digits
   * counts as whole (phone numbers without their country code).
   */
  findRun(q: string, visit: DigitVisit, national = true): void {
    this.ensureJoined();
    const all = this.all;
    const starts = this.starts.items;
    const docs = this.docs.items;
    const count = this.docs.length;
    let entry = 0;
    let at = all.indexOf(q);
    while (at >= 0) {
      // Hits only move forward: step to the next few numbers, else binary search.
      if (entry + 8 < count && starts[entry + 8]! <= at) {
        let lo = entry + 8;
        let hi = count - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1;
          if (starts[mid]! <= at) lo = mid;
          else hi = mid - 1;
        }
        entry = lo;
      } else {
        while (entry + 1 < count && starts[entry + 1]! <= at) entry++;
      }
      const start = starts[entry]!;
      const end = entry + 1 < count ? starts[entry + 1]! - 1 : all.length - 1;
      const doc = docs[entry]!;
      if (at === start) {
        const whole = at + q.length === end;
        visit(doc, whole ? DigitMatch.Whole : DigitMatch.Start, whole);
      } else {
        // All but 1–3 leading digits: a national number without its country code.
        const tail = end - q.length;
        const whole = national && q.length >= 6 && tail - start <= 3 && tail >= at && all.startsWith(q, tail);
        visit(doc, whole ? DigitMatch.Whole : DigitMatch.Inside, false);
      }
      at = all.indexOf(q, end + 1);
    }
  }
}
