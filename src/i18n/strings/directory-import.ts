import { defineStrings } from '../localize.js';

import type { ImportSkipReason } from '../../core/import/index.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** `detail` is the offending cell, the column, the earlier row or the existing contact id. */
type SkipText = (detail: string) => string;

const enSkips: Record<ImportSkipReason, SkipText> = {
  'malformed-quotes': () => 'A quote is not closed.',
  'too-many-columns': () => 'The row has more columns than the header.',
  'no-data': () => 'Nothing to import in this row.',
  'invalid-phone': (d) => `“${d}” is not a valid phone number.`,
  'invalid-email': (d) => `“${d}” is not a valid email.`,
  'invalid-value': (d) => `The value in column “${d}” does not fit the field.`,
  'duplicate-in-file': (d) => `Same contact as row ${d}.`,
  exists: () => 'The contact already exists.',
};

const en = {
  title: 'Import contacts from CSV',
  fileLabel: 'CSV file',
  reading: 'Reading the file…',
  mappingCaption: 'Columns of the file and where they go',
  columnHeader: 'Column',
  exampleHeader: 'First row',
  targetHeader: 'Import as',
  ignore: 'Do not import',
  modeLegend: 'When a row matches an existing contact',
  modeUpdate: 'Update the contact',
  modeSkip: 'Skip the row',
  start: (rows: number) => `Import ${n(rows, 'en')} ${rows === 1 ? 'row' : 'rows'}`,
  progressLabel: 'Import progress',
  progress: (done: number, total: number) => `${n(done, 'en')} of ${n(total, 'en')} rows`,
  report: (created: number, updated: number, unchanged: number, skipped: number) =>
    `Created ${n(created, 'en')} · Updated ${n(updated, 'en')} · Unchanged ${n(unchanged, 'en')} · Skipped ${n(skipped, 'en')}`,
  skippedCaption: 'Skipped rows',
  rowHeader: 'Row',
  reasonHeader: 'Reason',
  skip: (reason: ImportSkipReason, detail: string) => enSkips[reason](detail),
  failed: 'The file could not be read.',
};

/** The English strings; each translation must have the same keys and arguments. */
export type ImportStrings = typeof en;

/** The contact directory's CSV import: file, column mapping, progress and report. */
export const importStrings = defineStrings(en, {
  es: () => import('./es/directory-import.js'),
  pt: () => import('./pt/directory-import.js'),
});
