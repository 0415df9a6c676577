/**
 * Text folding shared by the search index and its queries: both sides must
 * fold the same way or a match is lost. Pure functions, no DOM.
 */

/** Letters NFD does not decompose into a base letter plus marks. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};
const SPECIAL_RE = /[ßæœøđðłþı]/g;
const MARKS_RE = /\p{M}/gu;
// eslint-disable-next-line no-control-regex
const ASCII_RE = /^[\x00-\x7f]*$/;

/**
 * Lower-cases and removes accents ("Ñúñez" → "nunez"). ASCII input, the
 * common case, skips Unicode normalization entirely (index build time).
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII_RE.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(MARKS_RE, '')
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c);
}

/** Runs of letters and runs of digits are separate words ("silva23" → silva, 23). */
const WORD_RE = /\p{L}+|\p{N}+/gu;

/**
 * The words of already folded text. ASCII text, nearly every email and most
 * names, is split by a character loop: the Unicode regex is several times
 * slower and index build time is dominated by this function.
 */
export function words(folded: string): string[] {
  const found: string[] = [];
  let start = 0;
  let kind = 0; // 0 separator, 1 letter, 2 digit
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c >= 128) return folded.match(WORD_RE) ?? [];
    const k = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : c >= 48 && c <= 57 ? 2 : 0;
    if (k !== kind) {
      if (kind) found.push(folded.slice(start, i));
      start = i;
      kind = k;
    }
  }
  if (kind) found.push(folded.slice(start));
  return found;
}

/**
 * Calls `visit(start, end, digits)` for each word of already folded text,
 * up to `limit`, without allocating the words (index build hot path).
 */
export function forEachWord(
  folded: string,
  limit: number,
  visit: (start: number, end: number, digits: boolean) => void,
): void {
  let start = 0;
  let kind = 0; // 0 separator, 1 letter, 2 digit
  let visited = 0;
  for (let i = 0; i < limit; i++) {
    const c = folded.charCodeAt(i);
    if (c >= 128) {
      // Rare non-ASCII text: the Unicode-aware split for the rest, positions included.
      for (const m of folded.slice(0, limit).matchAll(WORD_RE)) {
        if (m.index < visited) continue;
        visit(m.index, m.index + m[0].length, /^\p{N}/u.test(m[0]));
      }
      return;
    }
    const k = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : c >= 48 && c <= 57 ? 2 : 0;
    if (k !== kind) {
      if (kind) {
        visit(start, i, kind === 2);
        visited = i;
      }
      start = i;
      kind = k;
    }
  }
  if (kind) visit(start, limit, kind === 2);
}

/** Apostrophes and hyphens inside names ("O'Brien", "Jean-Luc") are also indexed joined. */
const JOINERS_RE = /['’\-‐]/g;

/**
 * The words of a folded name, plus the name with apostrophes and hyphens
 * removed, so "obrien" finds "O'Brien" as well as "brien" does.
 */
export function nameWords(folded: string): string[] {
  const found = words(folded);
  if (JOINERS_RE.test(folded)) {
    JOINERS_RE.lastIndex = 0;
    for (const w of words(folded.replace(JOINERS_RE, ''))) if (!found.includes(w)) found.push(w);
  }
  JOINERS_RE.lastIndex = 0;
  return found;
}

/** Only the ASCII digits of a string ("+55 (11) 98765-4321" → "5511987654321"). */
export function digitsOf(text: string): string {
  // E.164 ("+5511...") is the common case: one slice instead of a regex.
  const from = text.charCodeAt(0) === 43 ? 1 : 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return text.replace(/\D+/g, '');
  }
  return from ? text.slice(1) : text;
}

/** True when a character code is part of a word as `words()` sees it. */
export function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}
