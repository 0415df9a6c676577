/**
 * The shared corpus of the SQL directory (server/sql/): contacts, filters
 * and search queries whose expected answers come from src/core
 * (`compileFilter`, `ContactSearchIndex`) over the same contacts. Used by
 * directory-sql.test.mjs on PGlite and on PostgreSQL.
 */

const all = (...conditions) => ({ match: 'all', conditions });
const any = (...conditions) => ({ match: 'any', conditions });
const expr = (expression, ...conditions) => ({ match: 'expression', expression, conditions });
const c = (field, op, value) => (value === undefined ? { field, op } : { field, op, value });

const base = {
  phones: [],
  emails: [],
  identities: [],
  tags: [],
  notes: [],
  custom: {},
  blocked: false,
  unsubscribed: false,
  createdAt: '2024-03-10T12:00:00.000Z',
  updatedAt: '2024-03-10T12:00:00.000Z',
};

/** Hand-made contacts for the edges: odd custom value types, a phone only as an identity, blanks, case and accents. */
export const EDGE_CONTACTS = [
  {
    ...base,
    id: 'edge-strings',
    firstName: 'Íñigo',
    lastName: "O'Brien",
    emails: ['Inigo.OBrien@Example.COM'],
    identities: [{ kind: 'email', value: 'inigo.obrien@example.com' }],
    tags: ['VIP ', 'Ñandú'],
    custom: { budget: '1200', openTickets: ' ', plan: ['Pro', 'Basic'], website: 'https://Exámple.com/x', newsletter: 'true', birthDate: '1980-05-17' },
    blocked: true,
  },
  {
    ...base,
    id: 'edge-identity-phone',
    firstName: 'Solo',
    lastName: 'Identidad',
    identities: [{ kind: 'phone', value: '+59899111222' }],
    custom: { budget: 0, newsletter: true, nextFollowUp: '2024-02-05T09:30', lastIssue: null },
    leadStage: 'Lead',
    owner: '  agent.ana ',
  },
  {
    ...base,
    id: 'edge-blank',
    firstName: '',
    lastName: '   ',
    tags: ['', '  '],
    custom: { customerNumber: '', budget: 'abc', plan: [] },
    unsubscribed: true,
    createdAt: '2024-03-11T00:00:00.000Z',
    updatedAt: '2024-03-11T00:00:00.000Z',
  },
];

/** Filters over demo data (count 400) plus the edges: every operator of every value type, all / any / expressions. */
export const FILTER_CASES = [
  all(),
  all(c('firstName', 'is', 'ana luiza')),
  all(c('firstName', 'is', 'INIGO')),
  all(c('firstName', 'is not', 'José')),
  all(c('lastName', 'contains', 'mag')),
  all(c('lastName', 'contains', "o'b")),
  all(c('lastName', 'not contains', 'ez')),
  all(c('lastName', 'is empty')),
  all(c('firstName', 'is not empty')),
  all(c('email', 'is', 'juan.perez@gmail.com')),
  all(c('email', 'contains', '@gmail')),
  all(c('email', 'not contains', 'example')),
  all(c('email', 'is empty')),
  all(c('phone', 'is', '+55 11 98765-4321')),
  all(c('phone', 'is', '099 111 222')),
  all(c('phone', 'contains', '99 555')),
  all(c('phone', 'not contains', '598')),
  all(c('phone', 'is empty')),
  all(c('phone', 'is not', '+59899111222')),
  all(c('tags', 'is', 'vip')),
  all(c('tags', 'is', 'nandu')),
  all(c('tags', 'is not', 'vip')),
  all(c('tags', 'contains', 'risk')),
  all(c('tags', 'not contains', 'e')),
  all(c('tags', 'is empty')),
  all(c('leadStage', 'is', 'prospect')),
  all(c('leadStage', 'is empty')),
  all(c('owner', 'is', 'AGENT.ANA')),
  all(c('owner', 'contains', 'car')),
  all(c('owner', 'is empty')),
  all(c('blocked', 'is', 'true')),
  all(c('blocked', 'is', 'false')),
  all(c('blocked', 'is not', 'true')),
  all(c('unsubscribed', 'is not', 'false')),
  all(c('blocked', 'is empty')),
  all(c('createdAt', 'is', '2024-03-10')),
  all(c('createdAt', 'before', '2024-03-11')),
  all(c('createdAt', 'after', '2024-03-10')),
  all(c('updatedAt', 'is not', '2024-03-10')),
  all(c('updatedAt', 'is', '2024-03-10T12:00')),
  all(c('customerNumber', 'is', 'uy-1001')),
  all(c('customerNumber', 'contains', 'MX-100')),
  all(c('customerNumber', 'is empty')),
  all(c('preferredLanguage', 'is', 'Español')),
  all(c('preferredLanguage', 'is not empty')),
  all(c('birthDate', 'is', '1980-05-17')),
  all(c('birthDate', 'before', '1960-01-01')),
  all(c('birthDate', 'after', '1990-12-31')),
  all(c('birthDate', 'is not', '1980-05-17')),
  all(c('birthDate', 'is empty')),
  all(c('budget', 'is', '1200')),
  all(c('budget', 'greater', '2500')),
  all(c('budget', 'less', '1')),
  all(c('budget', 'is not', '500')),
  all(c('budget', 'is empty')),
  all(c('newsletter', 'is', 'true')),
  all(c('newsletter', 'is', 'false')),
  all(c('newsletter', 'is not empty')),
  all(c('nextFollowUp', 'is', '2024-02-05')),
  all(c('nextFollowUp', 'after', '2025-01-01T00:00')),
  all(c('nextFollowUp', 'before', '2024-06-01')),
  all(c('plan', 'is', 'pro')),
  all(c('plan', 'is empty')),
  all(c('plan', 'not contains', 'a')),
  all(c('openTickets', 'greater', '1')),
  all(c('openTickets', 'is empty')),
  all(c('lastIssue', 'contains', 'factur')),
  all(c('lastIssue', 'is empty')),
  all(c('website', 'contains', 'exampl')),
  all(c('custom.plan', 'is', 'Empresa')),
  all(c('tags', 'is', 'vip'), c('leadStage', 'is', 'Customer')),
  any(c('tags', 'is', 'vip'), c('tags', 'is', 'b2b'), c('blocked', 'is', 'true')),
  expr('(1 or 2) and 3', c('tags', 'is', 'vip'), c('tags', 'is', 'premium'), c('owner', 'is not', 'agent.ana')),
  expr('1 and (2 or 3)', c('lastName', 'contains', 'ez'), c('budget', 'greater', '1000'), c('phone', 'contains', '5511')),
  expr('2 or 1', c('email', 'is empty'), c('plan', 'is', 'Pro')),
  expr('1 and 1', c('firstName', 'contains', 'a')),
];

/** Search texts whose answer (the set of ids) must be the same in SQL and in the in-browser index. */
export const SEARCH_CASES = [
  'magalhaes',
  'Magalhães',
  'MAGALH',
  'Magalhanes',
  'gonzalez',
  'juan perez',
  'perez juan',
  "o'brien",
  'obrien',
  '+55 11 98765-4321',
  '98765',
  '099 111 222',
  '(11) 9876',
  'juan.perez@gmail.com',
  '@gmail.com',
  'gmail',
  'inigo.obrien@',
  'UY-1001',
  'Ramón Ortiz',
  'zzzz',
];

/**
 * Searches where the in-browser index also returns typo matches beside exact
 * ones ("lucia" → Lúcio, Luíza): SQL tries typos only when nothing matches
 * without them, so it answers the exact and prefix matches, a subset.
 */
export const TYPO_SUBSET_CASES = ['lucia', 'sofia'];

/** Filter + search together: the search narrows, the filter narrows further. */
export const COMBINED_CASES = [
  { filter: all(c('tags', 'is', 'vip')), query: 'perez' },
  { filter: any(c('leadStage', 'is', 'Lead'), c('blocked', 'is', 'true')), query: 'gmail' },
];
