import { defineStrings } from '../localize.js';

import type { ImportOutcome, ImportRowReason, ImportRowStatus } from '../../core/import/index.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** The existing contact a row matched: its name and the identity (kind, normalized value) it matched by. */
export interface ReasonMatch {
  name: string;
  kind: string;
  value: string;
}

/** The report's columns. */
export type ReportColumn = 'row' | 'outcome' | 'result' | 'reason' | 'contact';

/** `detail` is the offending cell, the column or the earlier row; `m` the existing contact matched. */
type ReasonText = (detail: string, m: ReasonMatch) => string;

const by = (m: ReasonMatch) => `${m.kind === 'email' ? 'email' : m.kind === 'phone' ? 'phone' : m.kind} ${m.value}`;

const enReasons: Record<ImportRowReason, ReasonText> = {
  new: () => 'New contact.',
  'no-identity': () => 'New contact (no phone or email to match on).',
  matched: (_, m) => `Matches ${m.name} by ${by(m)}.`,
  'same-as-row': (d) => `Same contact as row ${d}: added to it.`,
  unchanged: (_, m) => `Matches ${m.name} by ${by(m)}; nothing to change.`,
  exists: (_, m) => `Matches ${m.name} by ${by(m)}; existing contacts are skipped.`,
  'malformed-quotes': () => 'A quote is not closed.',
  'too-many-columns': () => 'The row has more columns than the header.',
  'no-data': () => 'Empty row: nothing to import.',
  'invalid-phone': (d) => `“${d}” is not a valid phone number.`,
  'invalid-email': (d) => `“${d}” is not a valid email.`,
  'invalid-value': (d) => `The value in column “${d}” does not fit the field.`,
  'duplicate-in-file': (d) => `Duplicate of row ${d} in the file.`,
};

const enOutcomes: Record<ImportOutcome, string> = { create: 'Create', update: 'Update', skip: 'Skip' };
const enStatuses: Record<ImportRowStatus, string> = {
  planned: 'Not imported yet',
  written: 'Written',
  failed: 'Failed',
  'not-written': 'Not written',
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
  preview: (rows: number) => `Preview ${n(rows, 'en')} ${rows === 1 ? 'row' : 'rows'}`,
  back: 'Back',
  planning: 'Checking the rows…',
  modeLegend: 'Contacts that already exist',
  modeSkip: 'Skip contacts that already exist',
  modeUpdate: 'Update existing contacts',
  counts: (create: number, update: number, skip: number) =>
    `${n(create, 'en')} to create · ${n(update, 'en')} to update · ${n(skip, 'en')} to skip`,
  filterLabel: 'Show rows',
  filterAll: (count: number) => `All (${n(count, 'en')})`,
  filterOutcome: (outcome: ImportOutcome, count: number) => `${enOutcomes[outcome]} (${n(count, 'en')})`,
  outcome: (outcome: ImportOutcome) => enOutcomes[outcome],
  previewLabel: 'Rows of the file and what the import does with each',
  rowNumber: (row: number) => `Row ${n(row, 'en')}`,
  updateRow: (row: number, name: string) => `Update ${name} from row ${n(row, 'en')}`,
  noRows: 'No rows to show.',
  start: (contacts: number) => `Import ${n(contacts, 'en')} ${contacts === 1 ? 'contact' : 'contacts'}`,
  nothingToImport: 'Nothing to import: every row is skipped.',
  progressLabel: 'Import progress',
  progress: (done: number, total: number) => `${n(done, 'en')} of ${n(total, 'en')} rows`,
  writing: (done: number, total: number) => `Written ${n(done, 'en')} of ${n(total, 'en')} rows`,
  cancelImport: 'Stop import',
  stopping: 'Stopping after the current batch…',
  report: (created: number, updated: number, unchanged: number, skipped: number) =>
    `Created ${n(created, 'en')} · Updated ${n(updated, 'en')} · Unchanged ${n(unchanged, 'en')} · Skipped ${n(skipped, 'en')}`,
  finished: 'Import finished.',
  cancelled: (written: number, total: number) =>
    `Import stopped: ${n(written, 'en')} of ${n(total, 'en')} rows were written, the others were not. The report lists each row.`,
  writeFailed: (written: number, total: number) =>
    `The import stopped on an error: ${n(written, 'en')} of ${n(total, 'en')} rows were written. Try again to write the others, or download the report to see which rows were not written.`,
  sentToHost: 'The import was handed to the page to write.',
  downloadReport: 'Download report (CSV)',
  reportHeader: (column: ReportColumn) => ({ row: 'Row', outcome: 'Outcome', result: 'Result', reason: 'Reason', contact: 'Contact' })[column],
  status: (status: ImportRowStatus | undefined) => (status ? enStatuses[status] : ''),
  reason: (reason: ImportRowReason, detail: string, m: ReasonMatch) => enReasons[reason](detail, m),
  readFailed: 'The file could not be read. Check that it is a CSV file (text, comma or semicolon separated) and choose it again.',
  loadFailed: 'The import could not start because part of the page did not load. Check the connection and try again.',
  checkFailed: 'The existing contacts could not be checked: the CRM did not answer. Check the connection and try again.',
  retry: 'Try again',
  fileError: 'The file could not be read',
};

/** The English strings; each translation must have the same keys and arguments. */
export type ImportStrings = typeof en;

/** The contact directory's CSV import: file, column mapping, preview, progress and report. */
export const importStrings = defineStrings(en, {
  es: () => import('./es/directory-import.js'),
  pt: () => import('./pt/directory-import.js'),
});
