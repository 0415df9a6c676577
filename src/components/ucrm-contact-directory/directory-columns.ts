/**
 * The table's columns: which exist (system fields, the combined name, custom
 * fields) and how a contact's value reads in a cell, in the UI's locale.
 */
import { contactField, contactFieldKeys, fieldProperty, type ColumnFieldKey } from '../../core/contacts/index.js';
import { formatPhone } from '../../core/identity/index.js';
import type { Contact, FieldDef } from '../../core/types.js';
import type { Locale } from '../../i18n/localize.js';

/** A column key: `name` (first and last together), a system field of the contact definition, or `custom.<key>`. */
export type ColumnKey = 'name' | ColumnFieldKey | `custom.${string}`;

export const DEFAULT_COLUMNS: readonly ColumnKey[] = ['name', 'email', 'phone', 'tags', 'owner', 'leadStage'];

/**
 * Every column the user can show, in the order "Customize table" lists them:
 * `name`, the contact definition's `column` fields in its order, then custom fields.
 */
export function availableColumns(fields: readonly FieldDef[]): ColumnKey[] {
  return ['name', ...contactFieldKeys('column'), ...fields.map((f) => `custom.${f.key}` as const)];
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
  if (column === 'name') {
    return [contact.firstName, contact.lastName].map((p) => p?.trim()).filter(Boolean).join(' ') || words.unnamed;
  }
  const system = column.startsWith('custom.') ? undefined : contactField(column);
  const value = system && (contact as unknown as Record<string, unknown>)[fieldProperty(system)];
  switch (system?.type) {
    case 'phone':
      return ((value as string[] | undefined) ?? []).map((p) => (p.startsWith('+') ? formatPhone(p) : p)).join(', ');
    case 'email':
    case 'tags':
      return ((value as string[] | undefined) ?? []).join(', ');
    case 'boolean':
      return value ? words.yes : words.no;
    case 'datetime':
      return dateText(value, locale, true);
    case 'text':
      return typeof value === 'string' ? value : '';
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
