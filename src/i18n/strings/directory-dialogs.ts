import { defineStrings } from '../localize.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

const en = {
  deleteTitle: (count: number) => `Delete ${n(count, 'en')} ${count === 1 ? 'contact' : 'contacts'}`,
  deleteWarning: 'Deleted contacts cannot be recovered.',
  deleteTypeLabel: (count: number) => `Type ${count} to confirm`,
  deleteConfirm: 'Delete contacts',
  columnsLegend: 'Columns shown in the table',
  moveUp: (label: string) => `Move ${label} up`,
  moveDown: (label: string) => `Move ${label} down`,
};

/** The English strings; each translation must have the same keys and arguments. */
export type DirectoryDialogStrings = typeof en;

/**
 * What only the on-demand part of `<ucrm-contact-directory>` shows (the
 * typed-count delete confirmation, the "Customize table" columns): loaded
 * with it, not with the list.
 */
export const directoryDialogStrings = defineStrings(en, {
  es: () => import('./es/directory-dialogs.js'),
  pt: () => import('./pt/directory-dialogs.js'),
});
