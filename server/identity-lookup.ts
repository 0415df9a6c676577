/**
 * `POST /contacts/lookup`: which contacts hold each of a list of identities,
 * in one statement — what a CSV import asks for a chunk of rows instead of
 * one `GET /contacts/by-identity` per row. Each identity is normalized as
 * `findByIdentity` does and looked up by its key in `identity_forms` (which
 * holds every equivalent form of every stored identity), so the answers are
 * the same as that route's, a list at a time.
 */
import * as v from 'valibot';
import { identityKey, normalizeIdentity } from '../src/core/identity/index.js';
import type { Contact, Identity } from '../src/core/types.js';
import type { ContactStore } from './store.js';
import { IdentitySchema } from './validation.js';

/** Identities per request: a few hundred rows of a CSV (a row may carry a phone and an email). */
export const MAX_LOOKUP_IDENTITIES = 1000;
/** Contacts per identity, as `GET /contacts/by-identity` answers at most. */
const MAX_MATCHES = 100;

export const LookupBody = v.strictObject({
  identities: v.pipe(v.array(IdentitySchema), v.minLength(1), v.maxLength(MAX_LOOKUP_IDENTITIES)),
});

export interface IdentityLookup {
  /** One entry per identity that matched: its index in the request, and the contacts' ids (by last name, first name, id). */
  matches: { index: number; contactIds: string[] }[];
  /** Every matched contact, once. */
  contacts: Contact[];
}

export async function lookupIdentities(store: ContactStore, identities: Identity[], defaultRegion?: string): Promise<IdentityLookup> {
  const region = store.regionFor(defaultRegion);
  const keys = identities.map((identity) => {
    const result = normalizeIdentity(identity.kind, identity.value, region);
    return identityKey(result.ok ? result.identity : identity);
  });
  const rows = await store.db.urgent.query<{ form_key: string; data: Contact }>(
    `SELECT form_key, data FROM (
       SELECT f.form_key, c.data,
              row_number() OVER (PARTITION BY f.form_key ORDER BY c.data->>'lastName', c.data->>'firstName', c.id) AS n
       FROM identity_forms f JOIN contacts c ON c.id = f.contact_id
       WHERE f.form_key = ANY($1::text[])
     ) ranked
     WHERE n <= ${MAX_MATCHES}
     ORDER BY form_key, n`,
    [[...new Set(keys)]],
  );
  const idsByKey = new Map<string, string[]>();
  const contacts = new Map<string, Contact>();
  for (const { form_key: key, data } of rows) {
    const ids = idsByKey.get(key) ?? [];
    // One contact may hold two forms of the same key's identity: listed once.
    if (!ids.includes(data.id)) ids.push(data.id);
    idsByKey.set(key, ids);
    contacts.set(data.id, data);
  }
  const matches = keys.flatMap((key, index) => {
    const contactIds = idsByKey.get(key);
    return contactIds ? [{ index, contactIds }] : [];
  });
  return { matches, contacts: [...contacts.values()] };
}
