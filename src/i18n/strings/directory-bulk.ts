import { defineStrings } from '../localize.js';

import type { BulkAction, BulkRefusal } from '../../core/contacts/index.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

type ActionKind = BulkAction['kind'];

const en = {
  title: 'Bulk update',
  scopeSelection: (count: number) =>
    `This changes the ${n(count, 'en')} selected ${count === 1 ? 'contact' : 'contacts'}.`,
  scopeFilter: (count: number) =>
    `Nothing is selected: this changes all ${n(count, 'en')} ${count === 1 ? 'contact' : 'contacts'} matching the current filter.`,
  actionLabel: 'Action',
  action: (kind: ActionKind) =>
    ({ 'assign-owner': 'Assign owner', 'add-tags': 'Add tags', 'remove-tags': 'Remove tags', 'set-field': 'Set a field' })[kind],
  ownerLabel: 'Owner',
  ownerHint: 'Leave empty to remove the owner.',
  tagsLabel: 'Tags, separated by commas',
  fieldLabel: 'Field',
  valueLabel: 'New value',
  refusal: (reason: BulkRefusal) =>
    ({
      'no-tags': 'Enter at least one tag.',
      'invalid-value': 'This value does not fit the field.',
      'unknown-field': 'Choose a field.',
      'field-not-settable': 'This field cannot be changed in bulk.',
    })[reason],
  confirm: (count: number) => `Update ${n(count, 'en')} ${count === 1 ? 'contact' : 'contacts'}`,
};

/** The English strings; each translation must have the same keys and arguments. */
export type BulkStrings = typeof en;

/** The contact directory's bulk update dialog. */
export const bulkStrings = defineStrings(en, {
  es: () => import('./es/directory-bulk.js'),
  pt: () => import('./pt/directory-bulk.js'),
});
