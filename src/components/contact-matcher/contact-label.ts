/**
 * How a contact and an identity read on screen, shared by the matcher and
 * the interaction view so both name things the same way.
 */
import { formatPhone } from '../../core/identity/index.js';
import type { Contact, Identity, MatchReason } from '../../core/types.js';

/** "Ana Souza"; empty when the contact has no name at all. */
export function contactName(contact: Pick<Contact, 'firstName' | 'lastName'>): string {
  return [contact.firstName, contact.lastName].map((part) => part?.trim()).filter(Boolean).join(' ');
}

/** A normalized identity as a person reads it: phones grouped, instagram with its @. */
export function identityLabel(identity: Identity): string {
  switch (identity.kind) {
    case 'phone':
      return formatPhone(identity.value);
    case 'instagram':
      return `@${identity.value}`;
    default:
      return identity.value;
  }
}

/** The first few ways to reach a contact, for one line under its name. */
export function contactSummary(contact: Contact, max = 2): string {
  const items = [...contact.phones.map((p) => (p.startsWith('+') ? formatPhone(p) : p)), ...contact.emails];
  if (items.length === 0) {
    items.push(...contact.identities.filter((i) => i.kind !== 'phone' && i.kind !== 'email').map(identityLabel));
  }
  return items.slice(0, max).join(' · ');
}

/**
 * Whether the contact's stored form is the longer of the two equivalent
 * forms (Brazil with the 9th digit, Mexico with +52 1, Argentina with the
 * mobile 9), so the reason can say "with" or "without".
 */
export function isLongerForm(reason: MatchReason): boolean {
  const value = reason.identity.value;
  switch (reason.rule) {
    case 'br-ninth-digit':
      return /^\+55\d{2}9\d{8}$/.test(value);
    case 'mx-mobile-prefix':
      return /^\+521\d{10}$/.test(value);
    case 'ar-mobile-nine':
      return value.startsWith('+549');
    default:
      return false;
  }
}

/** The reason arguments for the catalog: the stored form as read, and which form it is. */
export function reasonArgs(reason: MatchReason): [MatchReason['rule'], string, boolean] {
  return [reason.rule, identityLabel(reason.identity), isLongerForm(reason)];
}
