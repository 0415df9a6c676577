/**
 * The quick search (`GET /contacts?q`, and `query` of the directory) as SQL
 * over the search columns of server/sql/match-document.ts, with src/core's
 * query parsing (`parseQuery`): every term must match (AND); a word matches
 * the start of a name or email word (prefix), a custom field word whole, or
 * — 4+ letters, and only when the search without typos finds nothing
 * (server/sql/directory.ts) — a word within pg_trgm's word similarity;
 * digits match inside any phone number (a leading 0 / 00 also without it);
 * an email chunk matches an address from a word boundary on. Every pattern
 * is a parameter and each column has a trigram index.
 *
 * Ranking follows search.ts's order (identity, worst term, sum of terms,
 * then name) with coarser qualities: exact word, prefix, typo.
 */
import { parseQuery } from '../../src/core/search/index.js';
import type { QueryTerm } from '../../src/core/search/index.js';
import { likeEscape } from './params.js';
import type { SqlParams } from './params.js';

export interface SearchSql {
  /** Every term matches. */
  where: string;
  /** ORDER BY terms, best first (without the final name/id tie-break). */
  rank: string[];
  /** Some word could match by typo (4+ letters), when typos were not asked for. */
  typoEligible: boolean;
}

const LETTERS = /^\p{L}+$/u;

/** A term's match, and (built only when ranking, so an unranked count has no unused parameters) its quality. */
interface TermSql {
  match: string;
  quality: () => string;
  identity?: () => string;
}

function wordSql(p: SqlParams, word: string, allowTypo: boolean): TermSql {
  const whole = p.add(`% ${likeEscape(word)} %`);
  const prefix = p.add(`% ${likeEscape(word)}%`);
  const parts = [`words LIKE ${prefix}`, `cwords LIKE ${whole}`];
  // One typo only on words of four letters or more (search.ts): shorter ones match too much.
  const typo = allowTypo && word.length >= 4 && LETTERS.test(word) ? `${p.add(word)}::text <% words` : undefined;
  if (typo) parts.push(typo);
  const quality = () => `CASE WHEN names LIKE ${whole} THEN 7 WHEN words LIKE ${whole} OR cwords LIKE ${whole} THEN 6
    WHEN names LIKE ${prefix} THEN 5 WHEN words LIKE ${prefix} THEN 4 ${typo ? `WHEN ${typo} THEN 2 ` : ''}ELSE 0 END`;
  return { match: `(${parts.join(' OR ')})`, quality };
}

/** The digits as typed, and without an international (00) or trunk (0) prefix (phones.ts). */
function digitVariants(digits: string): string[] {
  if (digits.startsWith('00') && digits.length > 4) return [digits, digits.slice(2)];
  if (digits.startsWith('0') && !digits.startsWith('00') && digits.length > 3) return [digits, digits.slice(1)];
  return [digits];
}

/** A regular expression matching `text` literally (ARE: a backslash before a non-alphanumeric is that character). */
const regexLiteral = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, (c) => `\\${c}`);

function termSql(p: SqlParams, term: QueryTerm, single: boolean, typos: boolean): TermSql {
  if (term.kind === 'word') return wordSql(p, term.word, typos);
  if (term.kind === 'digits') {
    const variants = digitVariants(term.digits);
    const inside = variants.map((v) => `phones LIKE ${p.add(`%${v}%`)}`);
    const word = term.word ? wordSql(p, term.word, false) : undefined;
    let whole: string | undefined;
    const wholeSql = () => (whole ??= variants.map((v) => `phones LIKE ${p.add(`%|${v}|%`)}`).join(' OR '));
    const quality = () => {
      const digits = `CASE WHEN ${wholeSql()} THEN 6 WHEN ${variants.map((v) => `phones LIKE ${p.add(`%|${v}%`)}`).join(' OR ')} THEN 4
        WHEN ${inside.join(' OR ')} THEN 2 ELSE 0 END`;
      return word ? `GREATEST(${digits}, ${word.quality()})` : digits;
    };
    const match = `(${[...inside, ...(word ? [word.match] : [])].join(' OR ')})`;
    return { match, quality, ...(single ? { identity: () => `(${wholeSql()})` } : {}) };
  }
  const text = term.text;
  let exactParam: string | undefined;
  const exact = () => (exactParam ??= p.add(`% ${likeEscape(text)} %`));
  const inside = `emails LIKE ${p.add(`%${likeEscape(text)}%`)}`;
  // "aria@" does not find maria@…: the text must start a word, unless it starts with punctuation ("@gmail").
  const boundary = /^[\p{L}\p{N}]/u.test(text) ? ` AND emails ~ ${p.add(`[^a-z0-9]${regexLiteral(text)}`)}` : '';
  return {
    match: `(${inside}${boundary})`,
    quality: () => `CASE WHEN emails LIKE ${exact()} THEN 6 WHEN emails LIKE ${p.add(`% ${likeEscape(text)}%`)} THEN 4 ELSE 2 END`,
    ...(single ? { identity: () => `emails LIKE ${exact()}` } : {}),
  };
}

/** The search as SQL; undefined when the query has no terms (it then finds nothing). */
export function searchSql(query: string, p: SqlParams, ranked: boolean, typos: boolean): SearchSql | undefined {
  const parsed = parseQuery(query);
  if (!parsed.terms.length) return undefined;
  const single = parsed.terms.length === 1;
  const terms = parsed.terms.map((term) => termSql(p, term, single, typos));
  const where = terms.map((t) => t.match).join(' AND ');
  const typoEligible = !typos && parsed.terms.some((t) => t.kind === 'word' && t.word.length >= 4 && LETTERS.test(t.word));
  if (!ranked) return { where, rank: [], typoEligible };
  const qualities = terms.map((t) => t.quality());
  const identities = terms.flatMap((t) => (t.identity ? [t.identity()] : []));
  if (parsed.name) identities.push(`m @> ${p.json({ fl: [parsed.name] })}`);
  const rank = [
    ...(identities.length ? [`(${identities.join(' OR ')}) DESC`] : []),
    ...(qualities.length > 1 ? [`LEAST(${qualities.join(', ')}) DESC`, `(${qualities.join(' + ')}) DESC`] : [`${qualities[0]} DESC`]),
  ];
  return { where, rank, typoEligible };
}

/**
 * The best-ranked matches of a search, when an index reads them in name
 * order (so a page of them stops early instead of ranking every match):
 * - one word: the contacts with that whole word in their name
 *   (`contact_name_words`), the best quality a word has;
 * - only words, several: the contacts whose full name they are (the
 *   full-name identity, ranked first; every word is then a whole name word,
 *   so they tie on quality and go in name order).
 * A page made only of these is the page the full ranking gives.
 *
 * Answers a relation of the tier's first `cap` contacts in name order, as
 * `(id, rank)`. Reading a bounded prefix keeps a selective filter from
 * walking the whole tier: when the prefix holds the page, the page is right
 * (later tier rows come after it); when not, the caller ranks every match.
 */
export function topTier(query: string, p: SqlParams, nameOrder: string): ((cap: string) => string) | undefined {
  const parsed = parseQuery(query);
  const [only] = parsed.terms;
  if (parsed.terms.length === 1 && only?.kind === 'word') {
    const word = p.add(only.word);
    return (cap) =>
      `SELECT id COLLATE "default" AS id, row_number() OVER () AS rank FROM (SELECT id FROM contact_name_words
       WHERE word = ${word} ORDER BY last_key, first_key, id LIMIT ${cap}) AS t`;
  }
  if (!parsed.name) return undefined;
  const fullName = p.json({ fl: [parsed.name] });
  return (cap) =>
    `SELECT id, row_number() OVER () AS rank FROM (SELECT id FROM contacts WHERE m @> ${fullName} ORDER BY ${nameOrder} LIMIT ${cap}) AS t`;
}
