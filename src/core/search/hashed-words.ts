/**
 * Whole-word lookup for custom field values, kept as 64-bit word hashes in
 * typed arrays: no Map entry and no string per distinct word. Custom values
 * are mostly unique (customer numbers, URLs), and a dictionary entry each
 * cost more index build time than names, emails and phones together.
 * Entries are spread over 1,024 buckets by hash, so a query word scans one
 * bucket; a false match needs two words to agree on two 32-bit hashes.
 *
 * Buckets are chunked lists (search-chunked-lists.ts): 1,024 typed arrays
 * grown by doubling cost thousands of allocations and copies per 100k contacts.
 */
import { ChunkedIntLists } from './chunked-lists.js';
import { foldText, forEachWord, nameWords } from '../util/index.js';

const BUCKETS = 1024;

export class HashedWords {
  /** Per bucket (list n is bucket n): (hash A, hash B, document) triples. */
  private readonly buckets = new ChunkedIntLists(3);
  /** Raw repeated value → hash pairs of its words (see `addRepeated`). */
  private readonly repeated = new Map<string, Int32Array>();

  constructor() {
    for (let i = 0; i < BUCKETS; i++) this.buckets.newList();
  }

  /** Records that `doc` holds the already folded word `text.slice(start, end)` (hashed in place, no substring). */
  add(text: string, start: number, end: number, doc: number): void {
    this.addHashes(fnv1a(text, start, end), djb2(text, start, end), doc);
  }

  /**
   * Records that `doc` holds every word of `text`, folded as queries are
   * (case, accents; see `foldText` and `words`). ASCII text, nearly every
   * value, is split and hashed lower-cased in one pass, without a folded copy.
   */
  addText(text: string, doc: number): void {
    const n = text.length;
    for (let i = 0; i < n; i++) {
      if (text.charCodeAt(i) >= 128) {
        const folded = foldText(text);
        forEachWord(folded, folded.length, (start, end) => this.add(folded, start, end, doc));
        return;
      }
    }
    let kind = 0; // 0 separator, 1 letter, 2 digit (as `words` splits)
    let a = FNV_OFFSET;
    let b = DJB_SEED;
    for (let i = 0; i <= n; i++) {
      let c = i < n ? text.charCodeAt(i) : 0;
      let k = 0;
      if (c >= 97 && c <= 122) k = 1;
      else if (c >= 65 && c <= 90) {
        c += 32; // lower case, as foldText does to ASCII
        k = 1;
      } else if (c >= 48 && c <= 57) k = 2;
      if (k !== kind) {
        if (kind) this.addHashes(a, b, doc);
        a = FNV_OFFSET;
        b = DJB_SEED;
        kind = k;
      }
      if (k) {
        a = Math.imul(a ^ c, FNV_PRIME);
        b = (Math.imul(b, 33) + c) | 0;
      }
    }
  }

  /**
   * Records that `doc` holds every word of `text`, a value many contacts
   * share (a select option): folded, split as names are (see `nameWords`) and
   * hashed once, then cached.
   */
  addRepeated(text: string, doc: number): void {
    let hashes = this.repeated.get(text);
    if (!hashes) {
      const words = nameWords(foldText(text.trim()));
      hashes = new Int32Array(words.length * 2);
      words.forEach((w, i) => {
        hashes![i * 2] = fnv1a(w, 0, w.length);
        hashes![i * 2 + 1] = djb2(w, 0, w.length);
      });
      if (this.repeated.size > 50_000) this.repeated.clear();
      this.repeated.set(text, hashes);
    }
    for (let i = 0; i < hashes.length; i += 2) this.addHashes(hashes[i]!, hashes[i + 1]!, doc);
  }

  private addHashes(a: number, b: number, doc: number): void {
    this.buckets.push3(a & (BUCKETS - 1), a, b, doc);
  }

  /** Calls `visit` for each document holding `word` (once per occurrence). */
  find(word: string, visit: (doc: number) => void): void {
    const a = fnv1a(word, 0, word.length);
    const b = djb2(word, 0, word.length);
    this.buckets.forRuns(a & (BUCKETS - 1), (items, start, end) => {
      for (let i = start; i < end; i += 3) {
        if (items[i] === a && items[i + 1] === b) visit(items[i + 2]!);
      }
    });
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const DJB_SEED = 5381;

function fnv1a(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash | 0;
}

function djb2(text: string, start: number, end: number): number {
  let hash = DJB_SEED;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 33) + text.charCodeAt(i)) | 0;
  return hash;
}
