/** The one contact builder of the tests: every list empty, no flags, fixed dates. */
import { blankContactBody } from '../../src/core/contacts/blank-contact.js';
import type { Contact } from '../../src/core/types.js';

/** A contact holding nothing but `fields`, so each test states only what it is about. */
export function blankContact(fields: Partial<Contact> & { id: string }): Contact {
  return {
    ...blankContactBody(),
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...fields,
  };
}

/**
 * A contact as the local-source tests seed it: named `<id> Seed` (so a search
 * result reads as the seed it came from) and dated 2025-01-01.
 */
export function seedContact(id: string, fields: Partial<Contact> = {}): Contact {
  return blankContact({
    id,
    firstName: id,
    lastName: 'Seed',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...fields,
  });
}
