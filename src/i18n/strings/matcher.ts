import { defineStrings } from '../localize.js';

import { matchReasonStrings } from './match-reason.js';

/** Counts through Intl, in the catalog's own language. */
const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

const en = {
  ...matchReasonStrings.en,
  candidatesLabel: 'Matching contacts',
  resultsLabel: 'Search results',
  searchLabel: 'Search contacts',
  searchPlaceholder: 'Name, phone, email…',
  searchHint: 'Type a name, phone number or email to search.',
  searching: 'Searching…',
  noMatches: 'No contacts match.',
  noMatchesFor: (query: string) => `No contacts match “${query}”.`,
  resultCount: (count: number, total: number) =>
    count === total
      ? `${n(count, 'en')} ${count === 1 ? 'contact matches' : 'contacts match'}`
      : `Showing ${n(count, 'en')} of ${n(total, 'en')} matching contacts`,
  unnamed: '(no name)',
  blocked: 'Blocked',
  createNew: 'None of these — create a new contact',
};

/** The English strings; each translation must have the same keys and arguments. */
export type MatcherStrings = typeof en;

/**
 * `<contact-matcher>`: the candidate list and the manual contact search. It
 * loads with the matcher; the match reasons, which the interaction view shows
 * too, are in `match-reason.ts`.
 */
export const matcherStrings = defineStrings(en, {
  es: () => import('./es/matcher.js'),
  pt: () => import('./pt/matcher.js'),
});
