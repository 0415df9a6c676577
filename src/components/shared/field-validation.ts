import type { FieldType } from '../../core/types.js';
import type { ContactFormStrings } from '../../i18n/strings/contact-form.js';

/** Why a typed value is refused; each maps to one localized message. */
export type FieldProblemCode = 'required' | 'email' | 'url' | 'number' | 'phone';

/** What a control holds while the agent types: text, or a checkbox state. */
export type FieldRawValue = string | boolean;

// The WHATWG "valid e-mail address" grammar, plus a dot in the domain: a CRM
// address must be deliverable on the internet, not on an intranet host.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

// A loose shape check only: the source normalizes phones to E.164 with the
// campaign's default region, which the form does not know.
const PHONE_CHARS = /^\+?[\d\s().-]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

export function isWebUrl(value: string): boolean {
  const text = value.trim();
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
}

export function isPhoneLike(value: string): boolean {
  const text = value.trim();
  const digits = text.replace(/\D/g, '').length;
  return PHONE_CHARS.test(text) && digits >= 6 && digits <= 15;
}

/**
 * Checks one value against its type. `badInput` is the control's own
 * verdict (a number input holding text reports an empty value plus
 * `validity.badInput`), so it wins over the empty check.
 */
export function validateFieldValue(
  type: FieldType,
  raw: FieldRawValue,
  options: { required?: boolean; badInput?: boolean } = {},
): FieldProblemCode | undefined {
  if (type === 'number' && options.badInput) return 'number';
  if (type === 'checkbox') return options.required && raw !== true ? 'required' : undefined;
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return options.required ? 'required' : undefined;
  switch (type) {
    case 'email':
      return isEmail(text) ? undefined : 'email';
    case 'url':
      return isWebUrl(text) ? undefined : 'url';
    case 'phone':
      return isPhoneLike(text) ? undefined : 'phone';
    case 'number':
      return Number.isFinite(Number(text)) ? undefined : 'number';
    default:
      return undefined;
  }
}

/** The localized message for a problem code. */
export function fieldProblemMessage(code: FieldProblemCode, s: ContactFormStrings): string {
  switch (code) {
    case 'required':
      return s.errRequired;
    case 'email':
      return s.errEmail;
    case 'url':
      return s.errUrl;
    case 'number':
      return s.errNumber;
    case 'phone':
      return s.errPhone;
  }
}
