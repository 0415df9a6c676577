/** What a contact holds before anything is written into it: one definition for every place that makes a contact. */
import type { Contact } from '../types.js';

/** A contact without its id and dates: the part a draft fills in. */
export type ContactBody = Omit<Contact, 'id' | 'createdAt' | 'updatedAt'>;

/** Every list empty, no flags; new arrays and object on each call, so two contacts never share them. */
export function blankContactBody(): ContactBody {
  return {
    firstName: '',
    lastName: '',
    phones: [],
    emails: [],
    identities: [],
    tags: [],
    notes: [],
    custom: {},
    blocked: false,
    unsubscribed: false,
  };
}
