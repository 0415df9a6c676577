import { formatPhone } from '../../core/identity/index.js';
import type { FieldDef } from '../../core/types.js';
import { translate, type Locale } from '../../i18n/localize.js';
import { contactStrings } from '../../i18n/strings/contact.js';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when a custom field holds nothing worth showing. */
export function isEmptyFieldValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * A date (`YYYY-MM-DD`) in the agent's language. Formatted in UTC on purpose:
 * a calendar date has no time zone, and reading it as local midnight would
 * show the day before west of Greenwich.
 */
export function formatDate(value: string, locale: Locale): string | undefined {
  const parts = DATE_ONLY.exec(value);
  const date = parts ? new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3])) : new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: parts ? 'UTC' : undefined }).format(date);
}

/** An instant (ISO 8601) in the agent's language and time zone. */
export function formatDateTime(value: string, locale: Locale): string | undefined {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * A custom field's value as display text, through `Intl` in `locale`.
 * Returns the localized "Not set" for an empty value; a value that does not
 * parse as its type is shown as it is rather than hidden.
 */
export function formatFieldValue(field: FieldDef, value: unknown, locale: Locale): string {
  const s = translate(contactStrings, locale);
  if (field.type === 'checkbox') return value === true || value === 'true' ? s.yes : s.no;
  if (isEmptyFieldValue(value)) return s.notSet;
  const text = String(value);
  switch (field.type) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(text);
      return Number.isFinite(n) ? new Intl.NumberFormat(locale).format(n) : text;
    }
    case 'date':
      return formatDate(text, locale) ?? text;
    case 'datetime':
      return formatDateTime(text, locale) ?? text;
    case 'phone':
      return formatPhone(text);
    default:
      return text;
  }
}
