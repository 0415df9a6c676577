/**
 * What the SQL directory matches on, computed from a contact when it is
 * written (the same TypeScript that the in-browser filters and search run),
 * so SQL compares values src/core has already folded, parsed and split, and
 * the two engines cannot disagree on what "the same text" or "that day" is.
 *
 * - `m` (jsonb) answers filters: per field, folded texts (`s`), phone digits
 *   (`p`), numbers (`n`), instants in ms (`t`), which are `true` (`b`) and
 *   which are not empty (`ne`). System fields by key, custom ones as `c:key`.
 *   One GIN index (jsonb_path_ops) serves every `is` / `is empty` / boolean.
 * - `words`, `names`, `cwords`, `emails`, `phones` (text) answer search, as
 *   ` word word ` / `|digits|` strings under trigram indexes: a word prefix
 *   is `LIKE '% pre%'`, a whole word `LIKE '% word %'`, digits `LIKE '%123%'`.
 *
 * Must agree with src/core/filters/filter.ts (readers, `timeOf`, `numberOf`,
 * `isEmptyValue`) and src/core/search/search.ts (what is searchable);
 * test/server/directory-sql.test.mjs runs one corpus through both.
 */
import { fieldValue, foldForMatch, SYSTEM_FIELDS } from '../../src/core/filters/index.js';
import type { FilterField } from '../../src/core/filters/index.js';
import type { Contact, FieldDef } from '../../src/core/types.js';
import { digitsOf, foldText, nameWords, words } from '../../src/core/util/index.js';

export interface MatchDocument {
  s: Record<string, string[]>;
  p: Record<string, string[]>;
  n: Record<string, number>;
  t: Record<string, number>;
  b: string[];
  ne: string[];
  /** "first last" and "last first" as folded words: a query equal to one is a full-name hit. */
  fl: string[];
}

export interface SearchColumns {
  m: MatchDocument;
  words: string;
  names: string;
  cwords: string;
  emails: string;
  phones: string;
}

/** The key of a field in the match document. */
export function matchKey(field: FilterField): string {
  return field.system ? field.key : `c:${field.key}`;
}

/** Milliseconds of a stored date or date-time; a bare date is local midnight (as filter.ts's `timeOf`). */
export function timeOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || !value) return NaN;
  return Date.parse(value.length === 10 ? `${value}T00:00` : value);
}

function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return NaN;
}

/** The texts filter.ts's `some()` visits: a scalar, or each non-null item of a list. */
function texts(value: unknown): string[] {
  if (value == null) return [];
  const items: unknown[] = Array.isArray(value) ? value : [value];
  return items.filter((item) => item != null).map((item) => (typeof item === 'string' ? item : String(item)));
}

function isEmptyValue(value: unknown): boolean {
  if (value == null) return true;
  if (Array.isArray(value)) return !texts(value).some((text) => text.trim() !== '');
  if (typeof value === 'string') return value.trim() === '';
  return typeof value === 'number' && Number.isNaN(value);
}

/** filter.ts's reader: the system `phone` also sees phone identities that lack a display entry. */
function read(contact: Contact, field: FilterField): unknown {
  if (field.system && field.type === 'phone' && !contact.phones.length) {
    const identities = contact.identities.filter((i) => i.kind === 'phone').map((i) => i.value);
    return identities.length ? identities : undefined;
  }
  return fieldValue(contact, field);
}

function addField(m: MatchDocument, key: string, field: FilterField | undefined, value: unknown): void {
  if (!isEmptyValue(value)) m.ne.push(key);
  if (value === true) m.b.push(key);
  const type = field?.type;
  if (type === 'boolean') return;
  if (type === 'date' || type === 'datetime' || !field) {
    const time = timeOf(value);
    if (Number.isFinite(time)) m.t[key] = time;
    if (type) return;
  }
  const list = texts(value);
  if (type === 'phone' || !field) {
    const digits = list.map(digitsOf).filter(Boolean);
    if (digits.length) m.p[key] = digits;
    if (type) return;
  }
  if (!field) {
    const number = numberOf(value);
    if (Number.isFinite(number)) m.n[key] = number;
  }
  if (list.length) m.s[key] = list.map(foldForMatch);
}

/** The match document: system fields by their type; custom values every way (their type is configuration). */
export function matchDocument(contact: Contact): MatchDocument {
  const m: MatchDocument = { s: {}, p: {}, n: {}, t: {}, b: [], ne: [], fl: [] };
  for (const field of SYSTEM_FIELDS) addField(m, field.key, field, read(contact, field));
  for (const [key, value] of Object.entries(contact.custom ?? {})) addField(m, `c:${key}`, undefined, value);
  const first = words(foldText((contact.firstName ?? '').trim())).join(' ');
  const last = words(foldText((contact.lastName ?? '').trim())).join(' ');
  m.fl = [`${first} ${last}`, `${last} ${first}`];
  return m;
}

const UNSEARCHABLE = new Set<FieldDef['type']>(['checkbox', 'date', 'datetime']);

/** search.ts's `customText`: strings, numbers and lists of them. */
function customText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return value.map(customText).join(' ');
  return '';
}

const spaced = (list: Iterable<string>) => {
  const unique = [...new Set(list)];
  return unique.length ? ` ${unique.join(' ')} ` : '';
};

/** Everything the directory needs besides `data`; `customFields` are the searchable custom fields' definitions. */
export function searchColumns(contact: Contact, customFields: readonly FieldDef[]): SearchColumns {
  const names = [
    ...nameWords(foldText((contact.firstName ?? '').trim())),
    ...nameWords(foldText((contact.lastName ?? '').trim())),
  ];
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const identity of contact.identities) {
    if (identity.kind === 'email') emails.add(foldText(identity.value.trim()));
    if (identity.kind === 'phone') phones.add(digitsOf(identity.value));
  }
  for (const email of contact.emails) emails.add(foldText(email.trim()));
  for (const phone of contact.phones) phones.add(digitsOf(phone));
  emails.delete('');
  phones.delete('');
  const emailWords = [...emails].flatMap((email) => words(email));
  const custom: string[] = [];
  for (const field of customFields) {
    if (UNSEARCHABLE.has(field.type)) continue;
    const text = customText(contact.custom?.[field.key]);
    if (text) custom.push(...words(foldText(text)));
  }
  return {
    m: matchDocument(contact),
    words: spaced([...names, ...emailWords]),
    names: spaced(names),
    cwords: spaced(custom),
    emails: spaced(emails),
    phones: phones.size ? `|${[...phones].join('|')}|` : '',
  };
}
