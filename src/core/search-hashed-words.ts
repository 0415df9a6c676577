/**
 * Whole-word lookup for custom field values, kept as 64-bit word hashes in
 * typed arrays: no Map entry and no string per distinct word. Custom values
 * are mostly unique (customer numbers, URLs), and a dictionary entry each
 * cost more index build time than names, emails and phones together.
 * Entries are spread over 1,024 buckets by hash, so a query word scans one
 * bucket; a false match needs two words to agree on two 32-bit hashes.
 */
import { IntList } from './int-list.js';

const BUCKETS = 1024;

export class HashedWords {
  /** Per bucket: (hash A, hash B, document) triples. */
  private readonly buckets = Array.from({ length: BUCKETS }, () => new IntList(24));

  /** Records that `doc` holds the word `text.slice(start, end)` (hashed in place, no substring). */
  add(text: string, start: number, end: number, doc: number): void {
    const a = fnv1a(text, start, end);
    const bucket = this.buckets[a & (BUCKETS - 1)]!;
    bucket.push(a);
    bucket.push(djb2(text, start, end));
    bucket.push(doc);
  }

  /** Calls `visit` for each document holding `word` (once per occurrence). */
  find(word: string, visit: (doc: number) => void): void {
    const a = fnv1a(word, 0, word.length);
    const b = djb2(word, 0, word.length);
    const { items, length } = this.buckets[a & (BUCKETS - 1)]!;
    for (let i = 0; i < length; i += 3) {
      if (items[i] === a && items[i + 1] === b) visit(items[i + 2]!);
    }
  }
}

function fnv1a(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

function djb2(text: string, start: number, end: number): number {
  let hash = 5381;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 33) + text.charCodeAt(i)) | 0;
  return hash;
}
