/**
 * The table's columns: which exist (system fields, the combined name, custom
 * fields) and how a contact's value reads in a cell, in the UI's locale.
 */
import { formatPhone } from '../../core/identity/index.js';
import type { SystemFieldKey } from '../../core/filters/index.js';
import type { Contact, FieldDef } from '../../core/types.js';
import type { Locale } from '../../i18n/localize.js';

/** A column key: `name`, a system field, or `custom.<key>`. */
export type ColumnKey = 'name' | SystemFieldKey | `custom.${string}`;

export const DEFAULT_COLUMNS: readonly ColumnKey[] = ['name', 'email', 'phone', 'tags', 'owner', 'leadStage'];

const SYSTEM_COLUMNS: readonly ColumnKey[] = [
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'tags',
  'leadStage',
  'owner',
  'blocked',
  'unsubscribed',
  'createdAt',
  'updatedAt',
];

/** Every column the user can show, in the order "Customize table" lists them. */
export function availableColumns(fields: readonly FieldDef[]): ColumnKey[] {
  return [...SYSTEM_COLUMNS, ...fields.map((f) => `custom.${f.key}` as const)];
}

export interface CellText {
  yes: string;
  no: string;
  unnamed: string;
}

function dateText(value: unknown, locale: Locale, withTime: boolean): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  // A bare date is a calendar day: read it as local midnight, not UTC.
  const time = typeof value === 'string' && value.length === 10 ? Date.parse(`${value}T00:00`) : new Date(value).getTime();
  if (Number.isNaN(time)) return String(value);
  return new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(
    time,
  );
}

function customText(def: FieldDef | undefined, value: unknown, locale: Locale, words: CellText): string {
  if (value == null || value === '') return '';
  switch (def?.type) {
    case 'checkbox':
      return value === true ? words.yes : words.no;
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : String(value);
    case 'date':
      return dateText(value, locale, false);
    case 'datetime':
      return dateText(value, locale, true);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

/** The text of one cell. Always plain text: Lit escapes it. */
export function cellText(
  contact: Contact,
  column: ColumnKey,
  fields: readonly FieldDef[],
  locale: Locale,
  words: CellText,
): string {
  switch (column) {
    case 'name':
      return [contact.firstName, contact.lastName].map((p) => p?.trim()).filter(Boolean).join(' ') || words.unnamed;
    case 'email':
      return contact.emails.join(', ');
    case 'phone':
      return contact.phones.map((p) => (p.startsWith('+') ? formatPhone(p) : p)).join(', ');
    case 'tags':
      return contact.tags.join(', ');
    case 'blocked':
    case 'unsubscribed':
      return contact[column] ? words.yes : words.no;
    case 'createdAt':
    case 'updatedAt':
      return dateText(contact[column], locale, true);
    case 'firstName':
    case 'lastName':
    case 'owner':
    case 'leadStage':
      return contact[column] ?? '';
    default: {
      const key = column.slice(7);
      return customText(
        fields.find((f) => f.key === key),
        contact.custom?.[key],
        locale,
        words,
      );
    }
  }
}
