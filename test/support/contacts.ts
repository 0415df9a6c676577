/** The one contact builder of the tests: every list empty, no flags, fixed dates. */
import type { Contact } from '../../src/core/types.js';

/** A contact holding nothing but `fields`, so each test states only what it is about. */
export function blankContact(fields: Partial<Contact> & { id: string }): Contact {
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
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...fields,
  };
}
