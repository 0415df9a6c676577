/**
 * Text comparison helpers for filters, merge, bulk and import, on top of the
 * search index's folding (text-normalize.ts) so a filter and a search agree
 * on what "the same text" means. Written to run over 100k contacts per
 * keystroke: the digit comparisons scan in place instead of building
 * strings, and folded strings are memoized (names and tags repeat a lot).
 */
import { digitsOf, foldText as fold } from '../util/index.js';

export { digitsOf };

// Anything but ASCII without upper-case letters (control characters included, hence the escape).
const NEEDS_WORK = /[^\u0000-@[-\u007f]/; // eslint-disable-line no-control-regex
const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/** `'  Ñandú '` → `'nandu'`: trimmed, lower-cased, diacritics removed. */
export function foldForMatch(text: string): string {
  if (!NEEDS_WORK.test(text)) return text.trim();
  let folded = cache.get(text);
  if (folded === undefined) {
    folded = fold(text).trim();
    // A bounded memo: clearing is cheaper than LRU bookkeeping, and refills fast.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, folded);
  }
  return folded;
}

const isDigitCode = (code: number) => code >= 48 && code <= 57;

/** True when the digits of `text`, read in order, are exactly `digits`. */
export function digitsEqual(text: string, digits: string): boolean {
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isDigitCode(code)) continue;
    if (j >= digits.length || digits.charCodeAt(j) !== code) return false;
    j++;
  }
  return j === digits.length;
}

/** True when `digits` occurs in the digits of `text` (separators ignored). */
export function digitsInclude(text: string, digits: string): boolean {
  if (!digits) return true;
  for (let start = 0; start < text.length; start++) {
    if (!isDigitCode(text.charCodeAt(start))) continue;
    let i = start;
    let j = 0;
    while (i < text.length && j < digits.length) {
      const code = text.charCodeAt(i++);
      if (!isDigitCode(code)) continue;
      if (code !== digits.charCodeAt(j)) break;
      j++;
    }
    if (j === digits.length) return true;
  }
  return false;
}
