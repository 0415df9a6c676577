import { defineStrings } from '../localize.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

const en = {
  noAdmin:
    'This data source cannot manage contacts (filters, merge, bulk update, import). Give the directory a source with contact management, such as the local source, or pass its contacts.',
  writing: (done: number, total: number) => `Saved ${n(done, 'en')} of ${n(total, 'en')} contacts…`,
  deleteView: (name: string) => `Delete view “${name}”`,
  detailsTitle: 'Contact details',
};

/** The English strings; each translation must have the same keys and arguments. */
export type DirectorySourceStrings = typeof en;

/** The contact directory working on a data source: loading, writing, views, details. */
export const directorySourceStrings = defineStrings(en, {
  es: () => import('./es/directory-source.js'),
  pt: () => import('./pt/directory-source.js'),
});
