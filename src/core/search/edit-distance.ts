/**
 * Bounded Damerau (optimal string alignment) checks for distance exactly one:
 * insert, delete, substitute or swap two adjacent characters. Linear time,
 * no allocation: they run on every candidate term of a typo query.
 */

/** `a.slice(i)` equals `b.slice(j)`, without allocating. */
function tailEquals(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/** `a.slice(i)` is a prefix of `b.slice(j)`. */
function tailIsPrefix(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i > b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

function firstMismatch(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The two strings differ by exactly one edit (equal strings are not "one edit"). */
export function isOneEdit(a: string, b: string): boolean {
  const diff = a.length - b.length;
  if (diff > 1 || diff < -1) return false;
  const i = firstMismatch(a, b);
  if (i === a.length && i === b.length) return false;
  if (diff === 0) {
    if (tailEquals(a, i + 1, b, i + 1)) return true;
    return (
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      tailEquals(a, i + 2, b, i + 2)
    );
  }
  return diff === 1 ? tailEquals(a, i + 1, b, i) : tailEquals(a, i, b, i + 1);
}

/**
 * Some prefix of `term` is exactly one edit away from `query`, and `query`
 * itself is not a plain prefix of `term` (that is a better match, found elsewhere).
 * This is what makes "smiht" or "gonzl" find names while they are being typed.
 */
export function isOneEditPrefix(query: string, term: string): boolean {
  const i = firstMismatch(query, term);
  if (i === query.length) return false;
  if (i === term.length) return query.length - term.length === 1;
  return (
    tailIsPrefix(query, i + 1, term, i + 1) ||
    tailIsPrefix(query, i + 1, term, i) ||
    tailIsPrefix(query, i, term, i + 1) ||
    (query.charCodeAt(i) === term.charCodeAt(i + 1) &&
      query.charCodeAt(i + 1) === term.charCodeAt(i) &&
      tailIsPrefix(query, i + 2, term, i + 2))
  );
}
