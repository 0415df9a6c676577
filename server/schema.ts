/**
 * The tables. A contact is one JSONB document (the API's `Contact`), so the
 * contract and the storage cannot drift apart; what must be fast is indexed
 * beside it. `identity_forms` holds, for every identity of every contact,
 * each of its equivalent forms (exact, Brazil's ninth digit, Mexico's +52 1,
 * Argentina's mobile 9) under its `kind:value` key: resolving a ClientID is
 * then one B-tree lookup on `form_key`, however many millions of contacts.
 * The directory's search and filter columns are server/sql/directory-schema.ts.
 */
import { WORKSPACE_SCHEMA } from './interactions/schema.js';
import { DIRECTORY_SCHEMA } from './sql/directory-schema.js';

export const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS contacts (
     id text PRIMARY KEY,
     data jsonb NOT NULL,
     -- Also the ETag: strictly increases on every change of the contact.
     updated_at text NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS identity_forms (
     form_key text NOT NULL,
     contact_id text NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
     -- The identity as stored on the contact, and the rule linking it to form_key.
     stored_kind text NOT NULL,
     stored_value text NOT NULL,
     rule text NOT NULL,
     PRIMARY KEY (form_key, contact_id, stored_kind, stored_value)
   )`,
  `CREATE INDEX IF NOT EXISTS identity_forms_contact ON identity_forms (contact_id)`,
  // A key keeps the answer it recorded for its whole lifetime: no foreign key, so deleting the
  // contact never frees the key (a replay after a delete answers the recorded contact, never recreates it).
  `CREATE TABLE IF NOT EXISTS idempotency_keys (
     key text PRIMARY KEY,
     request_hash text NOT NULL,
     contact_id text,
     response jsonb,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `ALTER TABLE idempotency_keys DROP CONSTRAINT IF EXISTS idempotency_keys_contact_id_fkey`,
  `ALTER TABLE idempotency_keys ADD COLUMN IF NOT EXISTS response jsonb`,
  // `agent` is the authenticated agent who saved the view (it alone may change it, and see it when
  // private); `owner` is the owner label the client sent (`GET /views?owner=`).
  `CREATE TABLE IF NOT EXISTS views (
     id text PRIMARY KEY,
     owner text,
     agent text,
     public boolean NOT NULL,
     data jsonb NOT NULL,
     position bigserial
   )`,
  `ALTER TABLE views ADD COLUMN IF NOT EXISTS agent text`,
  // A replayed import (same Idempotency-Key) answers the stored outcome instead of writing again.
  `CREATE TABLE IF NOT EXISTS import_keys (
     key text PRIMARY KEY,
     request_hash text NOT NULL,
     result jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE IF NOT EXISTS sections (id text PRIMARY KEY, position integer NOT NULL, data jsonb NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS campaigns (id text PRIMARY KEY, position integer NOT NULL, data jsonb NOT NULL)`,
  ...DIRECTORY_SCHEMA,
  // The interaction workspace (server/interactions/schema.ts).
  ...WORKSPACE_SCHEMA,
];
