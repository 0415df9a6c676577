import { defineStrings } from '../localize.js';

import type { ConditionProblem, ExpressionErrorReason, FilterOp, SystemFieldKey } from '../../core/filters/index.js';

import type { MergeRefusal } from '../../core/merge/index.js';

/** Counts through Intl, in the catalog's own language. */
const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** What the expression error says about a reason; `token` is the offending text, `count` the number of conditions. */
type ReasonText = (token: string, count: number) => string;

const enReasons: Record<ExpressionErrorReason, ReasonText> = {
  'no-conditions': () => 'Add conditions before typing an expression.',
  empty: () => 'Type an expression such as (1 or 2) and 3.',
  'unknown-condition': (t, c) => `There is no condition ${t}: use numbers from 1 to ${c}.`,
  'unbalanced-parenthesis': (t) => (t === '(' ? 'This “(” is never closed.' : 'This “)” has no matching “(”.'),
  'full-width-parenthesis': () => 'Use half-width parentheses “(” and “)”.',
  'missing-space': (t) => `Put a space before and after “${t}”.`,
  'missing-operand': () => 'A condition number or “(” is missing here.',
  'missing-operator': () => '“and” or “or” is missing here.',
  'unexpected-token': (t) => `“${t}” is not allowed: use condition numbers, and, or, and parentheses.`,
};

const enProblems: Record<ConditionProblem, string> = {
  'unknown-field': 'This field no longer exists.',
  'operator-not-allowed': 'This comparison does not apply to this field.',
  'missing-value': 'Enter a value. Until then this condition is ignored.',
  'invalid-number': 'Enter a number.',
  'invalid-date': 'Enter a valid date.',
  'invalid-boolean': 'Choose yes or no.',
  'invalid-phone': 'Enter phone digits.',
};

const enOps: Record<FilterOp, string> = {
  is: 'is',
  'is not': 'is not',
  contains: 'contains',
  'not contains': 'does not contain',
  'is empty': 'is empty',
  'is not empty': 'is not empty',
  before: 'is before',
  after: 'is after',
  greater: 'is greater than',
  less: 'is less than',
};

/** System fields, plus the `name` column (first and last name together). */
type ColumnLabel = SystemFieldKey | 'name';

const enFields: Record<ColumnLabel, string> = {
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  tags: 'Tags',
  leadStage: 'Lead stage',
  owner: 'Owner',
  blocked: 'Blocked',
  unsubscribed: 'Unsubscribed',
  createdAt: 'Created',
  updatedAt: 'Updated',
};

const en = {
  tableLabel: 'Contacts',
  searchLabel: 'Search contacts',
  searchPlaceholder: 'Name, phone, email…',
  count: (shown: number, total: number) =>
    shown === total
      ? `${n(total, 'en')} ${total === 1 ? 'contact' : 'contacts'}`
      : `${n(shown, 'en')} of ${n(total, 'en')} contacts`,
  selectedCount: (count: number) => `${n(count, 'en')} selected`,
  empty: 'No contacts match.',
  unnamed: '(no name)',
  yes: 'Yes',
  no: 'No',
  selectAll: (count: number) => `Select all ${n(count, 'en')} contacts`,
  selectContact: (name: string) => `Select ${name}`,
  field: (key: ColumnLabel) => enFields[key],
  filterLegend: 'Filter',
  matchLabel: 'Combine conditions',
  matchAll: 'Meet all',
  matchAny: 'Meet any',
  matchExpression: 'Use a logic expression',
  conditionLabel: (index: number) => `Condition ${index}`,
  fieldLabel: (index: number) => `Field of condition ${index}`,
  opLabel: (index: number) => `Comparison of condition ${index}`,
  valueLabel: (index: number) => `Value of condition ${index}`,
  removeCondition: (index: number) => `Remove condition ${index}`,
  addCondition: 'Add a condition',
  op: (op: FilterOp) => enOps[op],
  problem: (problem: ConditionProblem) => enProblems[problem],
  expressionLabel: 'Logic expression',
  expressionHint: 'Combine condition numbers with and, or and parentheses, e.g. (1 or 2) and 3.',
  expressionNeedsConditions: 'Add a condition first.',
  invalidExpression: 'Invalid logical expression.',
  expressionReason: (reason: ExpressionErrorReason, token: string, count: number) => enReasons[reason](token, count),
  atCharacter: (position: number) => `At character ${n(position, 'en')}:`,
  filterNotApplied: 'The filter has a problem; the list shows the last valid filter.',
  conditionsIgnored: (numbers: string, count: number) =>
    count === 1
      ? `Condition ${numbers} has no value yet: the list ignores it until you complete it.`
      : `Conditions ${numbers} have no value yet: the list ignores them until you complete them.`,
  deleteButton: 'Delete',
  mergeButton: 'Merge',
  mergeRefusal: (reason: MergeRefusal, limit: number) =>
    reason === 'too-many'
      ? `You can merge at most ${limit} contacts at a time.`
      : reason === 'too-few'
        ? `Select at least ${limit} contacts to merge.`
        : 'These contacts cannot be merged.',
  bulkButton: 'Bulk update',
  importButton: 'Import',
  loadFailed: 'This part of the directory could not be loaded. Check the connection and retry.',
  viewsLabel: 'Views',
  allContacts: 'All contacts',
  blockedSegment: 'Blocked',
  privateView: 'private',
  saveView: 'Save as view',
  viewName: 'View name',
  viewPublic: 'Visible to every agent',
  saveViewButton: 'Save view',
  customizeTable: 'Customize table',
};

/** The English strings; each translation must have the same keys and arguments. */
export type DirectoryStrings = typeof en;

/** `<ucrm-contact-directory>`: the contact list, its search, filter builder and bulk actions. */
export const directoryStrings = defineStrings(en, {
  es: () => import('./es/directory.js'),
  pt: () => import('./pt/directory.js'),
});
