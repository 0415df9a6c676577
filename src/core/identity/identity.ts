/**
 * Identity normalization: turns a ClientID as it arrives (any phone format,
 * a mixed-case email, an @handle) into the one normalized `Identity` the
 * sources index and match on, and lists the equivalent forms that match it.
 *
 * Phone metadata: `libphonenumber-js/min`, deliberately. It is the smallest
 * metadata set (~80 kB raw) that still parses every country and validates by
 * number length and leading digits, which is what matching needs; `max` adds
 * ~65 kB only for strict digit patterns and number types, which we never use.
 * Every libphonenumber import lives in this file, so bundlers can put the
 * metadata in its own chunk.
 */
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/min';
import { phoneEquivalents } from './phone-equivalence.js';
import { CHANNELS } from '../types.js';
import type { Channel, Contact, EquivalenceRule, Identity, IdentityKind, MatchReason } from '../types.js';

export interface NormalizeOptions {
  /** ISO 3166 region for national phone numbers (e.g. 'UY'); unknown regions are ignored. */
  defaultRegion?: string;
}

export type NormalizeFailure = 'empty' | 'invalid-phone' | 'invalid-email';

export type NormalizeResult =
  | { ok: true; identity: Identity }
  | { ok: false; kind: IdentityKind; raw: string; reason: NormalizeFailure };

/** phone, sms, whatsapp → phone; email → email; the others → their own kind. */
export function identityKindForChannel(channel: Channel): IdentityKind {
  switch (channel) {
    case 'phone':
    case 'sms':
    case 'whatsapp':
      return 'phone';
    default:
      return channel;
  }
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

function region(options?: NormalizeOptions): CountryCode | undefined {
  const code = options?.defaultRegion?.trim().toUpperCase();
  return code && isSupportedCountry(code) ? code : undefined;
}

/** Mexico's pre-2020 forms that current metadata rejects: +52 1 mobile prefix, 01/044/045 national prefixes. */
function repairMexico(number: PhoneNumber): string | undefined {
  if (number.countryCallingCode !== '52') return undefined;
  const national = number.nationalNumber;
  if (/^1[2-9]\d{9}$/.test(national)) {
    return parsePhoneNumberFromString(`+52${national.slice(1)}`)?.isValid() ? `+52${national}` : undefined;
  }
  const prefixed = /^(?:01|04[45])([2-9]\d{9})$/.exec(national);
  if (prefixed && parsePhoneNumberFromString(`+52${prefixed[1]}`)?.isValid()) return `+52${prefixed[1]}`;
  return undefined;
}

function accept(number: PhoneNumber | undefined): string | undefined {
  if (!number) return undefined;
  if (number.isValid()) return number.number;
  return repairMexico(number);
}

/** E.164 for any common way of writing a phone number, or undefined. */
function normalizePhone(raw: string, options?: NormalizeOptions): string | undefined {
  const text = raw
    .trim()
    // URI schemes and WhatsApp JIDs that CTIs pass through as the ClientID.
    .replace(/^(?:tel|sms|whatsapp):/i, '')
    .replace(/@(?:s\.whatsapp\.net|c\.us)$/i, '')
    // `00` is the international prefix nearly everywhere; libphonenumber only
    // knows it for regions that dial it, so make it explicit.
    .replace(/^[\s(]*00(?=\s*[1-9])/, '+');
  const defaultCountry = region(options);
  const parsed = accept(parsePhoneNumberFromString(text, defaultCountry ? { defaultCountry } : undefined));
  if (parsed) return parsed;
  // International digits without '+' (WhatsApp ids, CSV exports): try them as such.
  if (!text.includes('+')) {
    const digits = text.replace(/\D/g, '');
    if (digits.length >= 8) return accept(parsePhoneNumberFromString(`+${digits}`));
  }
  return undefined;
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export function normalizeIdentity(kind: IdentityKind, raw: string, options?: NormalizeOptions): NormalizeResult {
  const text = String(raw ?? '').trim();
  const fail = (reason: NormalizeFailure): NormalizeResult => ({ ok: false, kind, raw, reason });
  if (!text) return fail('empty');
  switch (kind) {
    case 'phone': {
      const value = normalizePhone(text, options);
      return value ? { ok: true, identity: { kind, value } } : fail('invalid-phone');
    }
    case 'email': {
      const value = text.replace(/^mailto:/i, '').toLowerCase();
      return EMAIL_SHAPE.test(value) ? { ok: true, identity: { kind, value } } : fail('invalid-email');
    }
    case 'instagram': {
      const value = text.replace(/^@/, '').toLowerCase();
      return value ? { ok: true, identity: { kind, value } } : fail('empty');
    }
    default:
      return { ok: true, identity: { kind, value: text } };
  }
}

/** Normalizes a ClientID by its channel's identity kind. */
export function normalizeClientId(channel: Channel, raw: string, options?: NormalizeOptions): NormalizeResult {
  return normalizeIdentity(identityKindForChannel(channel), raw, options);
}

/** Every stored form that should match this identity: itself first (rule 'exact'), then equivalent forms. */
export function equivalentForms(identity: Identity): { identity: Identity; rule: EquivalenceRule }[] {
  const forms: { identity: Identity; rule: EquivalenceRule }[] = [{ identity, rule: 'exact' }];
  if (identity.kind === 'phone') {
    for (const { value, rule } of phoneEquivalents(identity.value)) {
      forms.push({ identity: { kind: 'phone', value }, rule });
    }
  }
  return forms;
}

export function identityKey(identity: Identity): string {
  return `${identity.kind}:${identity.value}`;
}

/** Already E.164: taken as normalized without parsing (seeding 100k contacts must stay fast). */
const E164 = /^\+[1-9]\d{6,14}$/;

/** All normalized identities of a contact: its identities plus its phones and emails normalized. */
export function contactIdentities(contact: Contact, options?: NormalizeOptions): Identity[] {
  const seen = new Map<string, Identity>();
  const keep = (identity: Identity) => {
    const key = identityKey(identity);
    if (!seen.has(key)) seen.set(key, identity);
  };
  const add = (kind: IdentityKind, raw: string) => {
    const result = normalizeIdentity(kind, raw, options);
    if (result.ok) keep(result.identity);
  };
  for (const identity of contact.identities ?? []) {
    if (identity.kind === 'phone' && E164.test(identity.value)) keep({ kind: 'phone', value: identity.value });
    else add(identity.kind, identity.value);
  }
  for (const phone of contact.phones ?? []) {
    // A display form of a phone already listed ('+598 99 123 456') needs no parsing.
    if (!seen.has(`phone:${phone.replace(/[\s().-]/g, '')}`)) add('phone', phone);
  }
  for (const email of contact.emails ?? []) add('email', email);
  return [...seen.values()];
}

/**
 * Why `contact` matches `query`: the contact's identity equal to one of the
 * query's forms, exact before equivalence rules; undefined when none does.
 */
export function matchReason(query: Identity, contact: Contact, options?: NormalizeOptions): MatchReason | undefined {
  const stored = new Set(contactIdentities(contact, options).map(identityKey));
  for (const form of equivalentForms(query)) {
    if (stored.has(identityKey(form.identity))) return { identity: form.identity, rule: form.rule };
  }
  return undefined;
}

/** Groups of 7+ digits mean the metadata had no format for this (older) form. */
const UNGROUPED = /\d{7,}/;

/** International display format of an E.164 number; the input unchanged if unparseable. */
export function formatPhone(e164: string): string {
  const number = parsePhoneNumberFromString(e164);
  if (!number) return e164;
  const formatted = number.formatInternational();
  if (!UNGROUPED.test(formatted)) return formatted;
  // An old form (BR without the 9th digit, MX with +52 1): format its current
  // form, then add or remove the one differing digit.
  for (const { value } of phoneEquivalents(number.number)) {
    const other = parsePhoneNumberFromString(value)?.formatInternational();
    if (!other || UNGROUPED.test(other)) continue;
    const code = `+${number.countryCallingCode} `;
    const rest = other.slice(code.length);
    if (value.length > number.number.length) {
      // The current form has one digit more: drop it where the rules put it.
      return code === '+55 ' ? code + rest.replace(/^(\d{2} )9/, '$1') : code + rest.replace(/^\d\s?/, '');
    }
    // The current form has one digit less (MX without the 1): put it back.
    return `${code}${number.number.charAt(code.length - 1)} ${rest}`;
  }
  return formatted;
}

/**
 * A `default-region` value as an ISO 3166 code libphonenumber knows: the
 * upper-cased code, `undefined` when empty, `null` when it is not a region.
 */
export function supportedRegion(value: string | null | undefined): string | undefined | null {
  const region = value?.trim().toUpperCase();
  if (!region) return undefined;
  return isSupportedCountry(region) ? region : null;
}
