import { defineStrings } from '../localize.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** "1 tag", "2 tags": the count with its singular or plural noun. */
const count = (value: number, locale: string, one: string, other: string) => `${n(value, locale)} ${value === 1 ? one : other}`;

const en = {
  title: (count: number) => `Merge ${n(count, 'en')} contacts`,
  primaryLegend: 'Primary contact (kept)',
  previewCaption: 'Result, field by field',
  fieldHeader: 'Field',
  valueHeader: 'Value in the merged contact',
  from: (value: string, name: string) => `${value} — from ${name}`,
  emptyValue: '(empty)',
  united: (identities: number, tags: number, notes: number) =>
    `Kept from every contact: ${count(identities, 'en', 'identity', 'identities')}, ${count(tags, 'en', 'tag', 'tags')}, ${count(notes, 'en', 'note', 'notes')}.`,
  irreversible: (removed: number) =>
    `Merging cannot be undone: ${n(removed, 'en')} ${removed === 1 ? 'contact is' : 'contacts are'} deleted and only the merged contact remains.`,
  confirm: 'Merge contacts',
};

/** The English strings; each translation must have the same keys and arguments. */
export type MergeStrings = typeof en;

/** The contact directory's merge preview, field by field (its button and limits are in directory.ts). */
export const mergeStrings = defineStrings(en, {
  es: () => import('./es/directory-merge.js'),
  pt: () => import('./pt/directory-merge.js'),
});
