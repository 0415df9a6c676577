/**
 * What a write does to a contact, on the server: a draft becomes a contact,
 * a patch is applied, an identity is assigned or removed. The identity
 * rules (normalization, display lists in step with identities) are the
 * embedded source's, so both backends answer the same way; matching itself
 * is src/core/identity.ts.
 */
import { randomUUID } from 'node:crypto';
import {
  applyPatch as patchContact,
  buildContact as newContact,
  withIdentity as assignIdentity,
  withoutIdentity as unassignIdentity,
} from '../src/core/contacts/index.js';
import type { NormalizeOptions } from '../src/core/identity/index.js';
import type { Contact, ContactDraft, ContactPatch, Identity } from '../src/core/types.js';

/** A timestamp later than `previous` even within the same millisecond: `updatedAt` doubles as the ETag. */
export function nextTimestamp(previous?: string): string {
  const now = Date.now();
  const last = previous ? Date.parse(previous) : Number.NaN;
  return new Date(Number.isNaN(last) || now > last ? now : last + 1).toISOString();
}

/** A new contact from a draft (the embedded source's rules), with a fresh id. */
export function buildContact(draft: ContactDraft, region: NormalizeOptions): Contact {
  return newContact(draft, region, randomUUID(), nextTimestamp());
}

/** Each member given replaces the stored one; phones/emails removed lose their identity, new ones gain it. */
export function applyPatch(current: Contact, patch: ContactPatch, region: NormalizeOptions): Contact {
  return patchContact(current, patch, region, nextTimestamp(current.updatedAt));
}

/** The contact with `identity` assigned (and its phone or email displayed); undefined when it already has it. */
export function withIdentity(current: Contact, identity: Identity, region: NormalizeOptions): Contact | undefined {
  return assignIdentity(current, identity, region, nextTimestamp(current.updatedAt));
}

/** The contact without `identity` nor the phone/email showing it; undefined when it does not have it. */
export function withoutIdentity(current: Contact, identity: Identity, region: NormalizeOptions): Contact | undefined {
  return unassignIdentity(current, identity, region, nextTimestamp(current.updatedAt));
}
