/**
 * What a write does to a contact, on the server: a draft becomes a contact,
 * a patch is applied, an identity is assigned or removed. The identity
 * rules (normalization, display lists in step with identities) are the
 * embedded source's, so both backends answer the same way; matching itself
 * is src/core/identity.ts.
 */
import { randomUUID } from 'node:crypto';
import { blankContactBody } from '../src/core/blank-contact.js';
import { CrmError } from '../src/core/errors.js';
import { contactIdentities, formatPhone, identityKey, normalizeIdentity } from '../src/core/identity.js';
import type { NormalizeOptions } from '../src/core/identity.js';
import type { Contact, ContactDraft, ContactPatch, Identity, IdentityKind } from '../src/core/types.js';

/** A timestamp later than `previous` even within the same millisecond: `updatedAt` doubles as the ETag. */
export function nextTimestamp(previous?: string): string {
  const now = Date.now();
  const last = previous ? Date.parse(previous) : Number.NaN;
  return new Date(Number.isNaN(last) || now > last ? now : last + 1).toISOString();
}

function describe(kind: IdentityKind): string {
  return kind === 'phone' ? 'phone number' : kind === 'email' ? 'email address' : `${kind} id`;
}

/** Normalizes what a client sent, or fails with `invalid` naming the value. */
export function normalizeOrThrow(kind: IdentityKind, raw: string, region: NormalizeOptions): Identity {
  const result = normalizeIdentity(kind, raw, region);
  if (result.ok) return result.identity;
  throw new CrmError('invalid', `"${raw}" is not a valid ${describe(kind)}.`);
}

function keyOf(kind: IdentityKind, raw: string, region: NormalizeOptions): string | undefined {
  const result = normalizeIdentity(kind, raw, region);
  return result.ok ? identityKey(result.identity) : undefined;
}

const distinct = (values: string[] | undefined) => [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];

export function buildContact(draft: ContactDraft, region: NormalizeOptions): Contact {
  const phones = distinct(draft.phones);
  const emails = distinct(draft.emails);
  phones.forEach((phone) => normalizeOrThrow('phone', phone, region));
  emails.forEach((email) => normalizeOrThrow('email', email, region));
  const identities = (draft.identities ?? []).map((identity) => normalizeOrThrow(identity.kind, identity.value, region));
  const now = nextTimestamp();
  const contact: Contact = {
    ...blankContactBody(),
    ...structuredClone(draft),
    phones,
    emails,
    identities,
    id: randomUUID(),
    createdAt: now,
    updatedAt: now,
  };
  contact.identities = contactIdentities(contact, region);
  return contact;
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

/** Each member given replaces the stored one; phones/emails removed lose their identity, new ones gain it. */
export function applyPatch(current: Contact, patch: ContactPatch, region: NormalizeOptions): Contact {
  const next: Contact = {
    ...current,
    ...structuredClone(patch),
    id: current.id,
    createdAt: current.createdAt,
    updatedAt: nextTimestamp(current.updatedAt),
  };
  if (patch.phones) next.phones = distinct(patch.phones);
  if (patch.emails) next.emails = distinct(patch.emails);
  if (patch.phones || patch.emails || patch.identities) {
    const before = displayKeys(current, region);
    const after = displayKeys(next, region, current);
    const base = patch.identities
      ? patch.identities.map((identity) => normalizeOrThrow(identity.kind, identity.value, region))
      : current.identities;
    const kept = base.filter((identity) => !before.has(identityKey(identity)) || after.has(identityKey(identity)));
    next.identities = contactIdentities({ ...next, identities: kept }, region);
  }
  return next;
}

/** The contact with `identity` assigned (and its phone or email displayed); undefined when it already has it. */
export function withIdentity(current: Contact, identity: Identity, region: NormalizeOptions): Contact | undefined {
  const normalized = normalizeOrThrow(identity.kind, identity.value, region);
  const key = identityKey(normalized);
  if (current.identities.some((existing) => identityKey(existing) === key)) return undefined;
  const next: Contact = {
    ...current,
    identities: [...current.identities, normalized],
    updatedAt: nextTimestamp(current.updatedAt),
  };
  const shown = (kind: 'phone' | 'email', values: string[]) => values.some((v) => keyOf(kind, v, region) === key);
  if (normalized.kind === 'phone' && !shown('phone', current.phones)) next.phones = [...current.phones, formatPhone(normalized.value)];
  if (normalized.kind === 'email' && !shown('email', current.emails)) next.emails = [...current.emails, normalized.value];
  return next;
}

/** The contact without `identity` nor the phone/email showing it; undefined when it does not have it. */
export function withoutIdentity(current: Contact, identity: Identity, region: NormalizeOptions): Contact | undefined {
  const result = normalizeIdentity(identity.kind, identity.value, region);
  const key = identityKey(result.ok ? result.identity : identity);
  if (!current.identities.some((existing) => identityKey(existing) === key)) return undefined;
  return {
    ...current,
    identities: current.identities.filter((existing) => identityKey(existing) !== key),
    phones: current.phones.filter((phone) => keyOf('phone', phone, region) !== key),
    emails: current.emails.filter((email) => keyOf('email', email, region) !== key),
    updatedAt: nextTimestamp(current.updatedAt),
  };
}
