import { defineStrings } from '../localize.js';

import type { NormalizeFailure } from '../../core/identity/index.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

const en = {
  title: 'Contact details',
  loading: 'Loading the contact…',
  noContact: 'Choose a contact to see its details.',
  notFound: 'This contact no longer exists.',
  firstName: 'First name',
  lastName: 'Last name',
  save: 'Save changes',
  saving: 'Saving…',
  saved: 'Changes saved.',
  invalidCount: (count: number) => (count === 1 ? '1 field needs attention.' : `${n(count, 'en')} fields need attention.`),
  identitiesTitle: 'Identities',
  noIdentities: 'No identities yet.',
  identityKind: 'Channel',
  identityValue: 'Identity',
  addIdentity: 'Add identity',
  removeIdentity: (value: string) => `Remove ${value}`,
  identityProblem: (reason: NormalizeFailure) =>
    reason === 'empty'
      ? 'Type the identity first.'
      : reason === 'invalid-phone'
        ? 'This is not a valid phone number: include the country code (e.g. +598 99 123 456), or set a default region.'
        : 'This is not a valid email address: use the form name@example.com.',
  identityExists: 'The contact already has this identity.',
  tagsTitle: 'Tags',
  noTags: 'No tags yet.',
  newTag: 'New tag',
  addTag: 'Add tag',
  removeTag: (tag: string) => `Remove tag ${tag}`,
  tagExists: 'The contact already has this tag.',
  notesTitle: 'Notes',
  newNote: 'New note',
  addNote: 'Add note',
  noteEmpty: 'Write the note first.',
  unknownAuthor: 'Unknown author',
  statusTitle: 'Status',
  unsubscribe: 'Unsubscribe from email',
  resubscribe: 'Subscribe to email again',
  unsubscribedNote: 'Unsubscribed from email: no marketing email is sent to this contact.',
  block: 'Block contact',
  unblock: 'Unblock contact',
  blockedNote: 'Blocked: this contact is in the Block segment and marked in the screen pop.',
  duplicates: (count: number) => (count === 1 ? '1 potential duplicate' : `${n(count, 'en')} potential duplicates`),
  duplicateReason: (reason: 'identity' | 'name-email', value: string) =>
    reason === 'identity' ? `same identity ${value}` : 'same name and email',
  mergeDuplicates: 'Review and merge',
  updated: 'Contact updated.',
};

/** The English strings; each translation must have the same keys and arguments. */
export type ContactDetailsStrings = typeof en;

/** `<ucrm-contact-details>`: editing one contact's properties, identities, tags, notes and flags. */
export const contactDetailsStrings = defineStrings(en, {
  es: () => import('./es/contact-details.js'),
  pt: () => import('./pt/contact-details.js'),
});
