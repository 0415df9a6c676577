/**
 * The identity rules of a contact write, shared by every backend that stores
 * contacts itself (the local source; the reference server can use them too):
 * what is typed must normalize, the display lists (phones, emails) stay in
 * step with the identities. Pure: the caller stamps `updatedAt` and stores.
 */
import { blankContactBody } from './blank-contact.js';
import { CrmError } from '../errors.js';
import { contactIdentities, formatPhone, identityKey, normalizeIdentity } from '../identity/index.js';
import type { NormalizeOptions } from '../identity/index.js';
import type { Contact, ContactDraft, ContactPatch, Identity, IdentityKind } from '../types.js';

function describe(kind: IdentityKind): string {
  return kind === 'phone' ? 'phone number' : kind === 'email' ? 'email address' : `${kind} id`;
}

/** Normalizes data coming in through a write, or throws `invalid` naming the value. */
export function normalizeOrThrow(kind: IdentityKind, raw: string, region: NormalizeOptions): Identity {
  const result = normalizeIdentity(kind, raw, region);
  if (result.ok) return result.identity;
  throw new CrmError('invalid', `"${raw}" is not a valid ${describe(kind)}.`);
}

/** Trimmed, without blanks or repeats: the display lists as written. */
function distinct(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).map((value) => value.trim()).filter(Boolean))];
}

/**
 * A new contact from a draft. Every phone, email and identity typed must
 * normalize (else `invalid`); the display lists keep the agent's formatting
 * and every one of them becomes an identity. `id` and `now` are the store's.
 */
export function buildContact(draft: ContactDraft, region: NormalizeOptions, id: string, now: string): Contact {
  const phones = distinct(draft.phones);
  const emails = distinct(draft.emails);
  phones.forEach((phone) => normalizeOrThrow('phone', phone, region));
  emails.forEach((email) => normalizeOrThrow('email', email, region));
  const identities = (draft.identities ?? []).map((identity) => normalizeOrThrow(identity.kind, identity.value, region));
  // A member given as undefined keeps its blank value (`tags: []`, not undefined).
  const fields = structuredClone(Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined))) as ContactDraft;
  const contact: Contact = {
    ...blankContactBody(),
    ...fields,
    firstName: (fields.firstName ?? '').trim(),
    lastName: (fields.lastName ?? '').trim(),
    phones,
    emails,
    identities,
    id,
    createdAt: now,
    updatedAt: now,
  };
  contact.identities = contactIdentities(contact, region);
  return contact;
}

/**
 * `current` with each member of `patch` replacing its own: phones and emails
 * removed from the lists lose their identity, new ones gain it (see
 * `reconcileIdentities`). The id and creation date never change.
 */
export function applyPatch(current: Contact, patch: ContactPatch, region: NormalizeOptions, updatedAt: string): Contact {
  const next: Contact = { ...current, ...structuredClone(patch), id: current.id, createdAt: current.createdAt, updatedAt };
  if (patch.phones) next.phones = distinct(patch.phones);
  if (patch.emails) next.emails = distinct(patch.emails);
  if (patch.phones || patch.emails || patch.identities) {
    next.identities = reconcileIdentities(current, next, patch.identities, region);
  }
  return next;
}

function keyOf(kind: IdentityKind, raw: string, region: NormalizeOptions): string | undefined {
  const result = normalizeIdentity(kind, raw, region);
  return result.ok ? identityKey(result.identity) : undefined;
}

/** Keys of the identities a contact's display phones and emails stand for. */
function displayKeys(contact: Contact, region: NormalizeOptions, typedSince?: Contact): Set<string> {
  const keys = new Set<string>();
  const visit = (kind: 'phone' | 'email', values: string[], known: string[] | undefined) => {
    for (const value of values) {
      const key = keyOf(kind, value, region);
      if (key) keys.add(key);
      // Only what the agent just typed must be valid; old stored data may not be.
      else if (known && !known.includes(value)) normalizeOrThrow(kind, value, region);
    }
  };
  visit('phone', contact.phones, typedSince?.phones);
  visit('email', contact.emails, typedSince?.emails);
  return keys;
}

/**
 * The identities after an edit from `current` to `next`: phones and emails
 * removed from the display lists lose their identity; new ones gain it;
 * other identities (or the `explicit` ones, when the edit replaced them) stay.
 */
export function reconcileIdentities(
  current: Contact,
  next: Contact,
  explicit: Identity[] | undefined,
  region: NormalizeOptions,
): Identity[] {
  const before = displayKeys(current, region);
  const after = displayKeys(next, region, current);
  const base = explicit ? explicit.map((identity) => normalizeOrThrow(identity.kind, identity.value, region)) : current.identities;
  const kept = base.filter((identity) => !before.has(identityKey(identity)) || after.has(identityKey(identity)));
  return contactIdentities({ ...next, identities: kept }, region);
}

/** The contact with `identity` assigned (and its phone or email displayed); undefined when it already has it. */
export function withIdentity(
  current: Contact,
  identity: Identity,
  region: NormalizeOptions,
  updatedAt: string,
): Contact | undefined {
  const normalized = normalizeOrThrow(identity.kind, identity.value, region);
  const key = identityKey(normalized);
  if (current.identities.some((existing) => identityKey(existing) === key)) return undefined;
  const next: Contact = { ...current, identities: [...current.identities, normalized], updatedAt };
  const shown = (kind: 'phone' | 'email', values: string[]) => values.some((v) => keyOf(kind, v, region) === key);
  if (normalized.kind === 'phone' && !shown('phone', current.phones)) next.phones = [...current.phones, formatPhone(normalized.value)];
  if (normalized.kind === 'email' && !shown('email', current.emails)) next.emails = [...current.emails, normalized.value];
  return next;
}

/** The contact without `identity` nor the phone or email showing it; undefined when it does not have it. */
export function withoutIdentity(
  current: Contact,
  identity: Identity,
  region: NormalizeOptions,
  updatedAt: string,
): Contact | undefined {
  const result = normalizeIdentity(identity.kind, identity.value, region);
  const key = identityKey(result.ok ? result.identity : identity);
  if (!current.identities.some((existing) => identityKey(existing) === key)) return undefined;
  return {
    ...current,
    identities: current.identities.filter((existing) => identityKey(existing) !== key),
    phones: current.phones.filter((phone) => keyOf('phone', phone, region) !== key),
    emails: current.emails.filter((email) => keyOf('email', email, region) !== key),
    updatedAt,
  };
}
