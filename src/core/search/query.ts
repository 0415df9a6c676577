/**
 * Splits what the agent typed into the terms the search index matches, each
 * of which must match (AND):
 * - consecutive chunks made of digits and phone punctuation form one digit
 *   string ("(11) 9876-54" → 11987654), matched inside phone numbers;
 * - a chunk with `@` is matched against whole email addresses;
 * - anything else is folded (case, accents) and split into words.
 */
import { foldText, words } from '../util/index.js';

export type QueryTerm =
  | {
      kind: 'word';
      /** Folded: a run of letters or a run of digits. */
      word: string;
      /** The last word, still being typed: its beginning may carry the typo. */
      typing: boolean;
    }
  | {
      kind: 'digits';
      digits: string;
      /** Set when the digits were typed as one plain number, which may also be a word. */
      word: string | undefined;
    }
  | { kind: 'email'; text: string };

export interface ParsedQuery {
  terms: QueryTerm[];
  /** The query's words joined by single spaces, when it holds nothing else (full-name identity). */
  name: string | undefined;
}

const PHONE_CHUNK_RE = /^[+(]*\d[\d()\-./+]*$/;
const PUNCTUATION_CHUNK_RE = /^[-./()+]+$/;

export function parseQuery(query: string): ParsedQuery {
  const chunks = query.split(/\s+/).filter(Boolean);
  const typing = !/\s$/.test(query);
  const terms: QueryTerm[] = [];
  let digitChunks: string[] = [];

  const flushDigits = () => {
    if (!digitChunks.length) return;
    const digits = digitChunks.join('').replace(/\D+/g, '');
    const single = digitChunks.length === 1 && /^\d+$/.test(digitChunks[0]!);
    terms.push({ kind: 'digits', digits, word: single ? digits : undefined });
    digitChunks = [];
  };

  chunks.forEach((chunk, index) => {
    if (PHONE_CHUNK_RE.test(chunk)) {
      digitChunks.push(chunk);
      return;
    }
    if (PUNCTUATION_CHUNK_RE.test(chunk)) return; // "98765 - 4321": the dash joins, it is not a term
    flushDigits();
    const folded = foldText(chunk);
    if (folded.includes('@')) {
      if (words(folded).length) terms.push({ kind: 'email', text: folded });
      return;
    }
    const found = words(folded);
    found.forEach((word, i) => {
      const last = index === chunks.length - 1 && i === found.length - 1;
      terms.push({ kind: 'word', word, typing: last && typing });
    });
  });
  flushDigits();

  const onlyWords = terms.every((t) => t.kind === 'word');
  return {
    terms,
    name: onlyWords && terms.length > 1 ? terms.map((t) => (t as { word: string }).word).join(' ') : undefined,
  };
}
