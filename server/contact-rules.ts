/**
 * What a write does to a contact, on the server: a draft becomes a contact,
 * a patch is applied, an identity is assigned or removed. The identity
 * rules (normalization, display lists in step with identities) are the
 * embedded source's, so both backends answer the same way; matching itself
 * is src/core/identity.ts.
 */
import { randomUUID } from 'node:crypto';
import { blankContactBody } from '../src/core/blank-contact.js';
import {
  normalizeOrThrow,
  reconcileIdentities,
  withIdentity as assignIdentity,
  withoutIdentity as unassignIdentity,
} from '../src/core/contact-writes.js';
import { contactIdentities } from '../src/core/identity.js';
import type { NormalizeOptions } from '../src/core/identity.js';
import type { Contact, ContactDraft, ContactPatch, Identity } from '../src/core/types.js';

/** A timestamp later than `previous` even within the same millisecond: `updatedAt` doubles as the ETag. */
export function nextTimestamp(previous?: string): string {
  const now = Date.now();
  const last = previous ? Date.parse(previous) : Number.NaN;
  return new Date(Number.isNaN(last) || now > last ? now : last + 1).toISOString();
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
    next.identities = reconcileIdentities(current, next, patch.identities, region);
  }
  return next;
}

/** The contact with `identity` assigned (and its phone or email displayed); undefined when it already has it. */
export function withIdentity(current: Contact, identity: Identity, region: NormalizeOptions): Contact | undefined {
  return assignIdentity(current, identity, region, nextTimestamp(current.updatedAt));
}

/** The contact without `identity` nor the phone/email showing it; undefined when it does not have it. */
export function withoutIdentity(current: Contact, identity: Identity, region: NormalizeOptions): Contact | undefined {
  return unassignIdentity(current, identity, region, nextTimestamp(current.updatedAt));
}
