/**
 * The directory's columns and indexes (server/sql/match-document.ts says
 * what each column holds). Added to an existing `contacts` table in place;
 * rows written before they existed are filled in at start (`m IS NULL`).
 *
 * `contact_name_words` holds one row per name word of a contact with the
 * contact's place in the name order, kept by a trigger: a one-word search
 * ("gonzalez", 33,000 of a million contacts) reads its best matches (the
 * contacts with that whole word in their name) in name order and stops at
 * the page's end, instead of ranking every match (search-sql.ts `topTier`).
 */

/** A contact's folded last and first name (as src/core's search folds them), the name order's keys. */
export const nameKey = (m: string, name: 'lastName' | 'firstName') => `coalesce(${m}->'s'->'${name}'->>0, '')`;

/** The name words of `names` (` ana maria souza `) as rows of `contact_name_words` for contact `row`. */
const nameWordRows = (row: string) =>
  `SELECT DISTINCT w, ${nameKey(`${row}.m`, 'lastName')}, ${nameKey(`${row}.m`, 'firstName')}, ${row}.id
   FROM unnest(string_to_array(btrim(${row}.names), ' ')) AS w WHERE w <> ''`;

/** The name words of the contacts in `from` (a table, or a trigger's transition table), as rows of `contact_name_words`. */
const wordsOf = (from: string) => `SELECT n.* FROM ${from} c, LATERAL (${nameWordRows('c')}) AS n`;

/** Adds the name words of the contacts in `from` that have a match document. */
const insertNameWords = (from: string) => `INSERT INTO contact_name_words (word, last_key, first_key, id)
     ${wordsOf(from)}
     WHERE c.names IS NOT NULL AND c.m IS NOT NULL
     ON CONFLICT DO NOTHING;`;

/**
 * The statement triggers that keep `contact_name_words`, one per write: the
 * transition tables each reads and its function's body. The functions and
 * triggers are named `contact_name_words_<write>` / `contacts_name_words_<write>`.
 */
const NAME_WORD_TRIGGERS: ReadonlyArray<{ on: 'INSERT' | 'UPDATE' | 'DELETE'; tables: string; body: string }> = [
  { on: 'INSERT', tables: 'NEW TABLE AS new_rows', body: insertNameWords('new_rows') },
  {
    on: 'UPDATE',
    tables: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
    // The old rows' words that are gone, then the new rows' words (those already there are kept by ON CONFLICT).
    body: `DELETE FROM contact_name_words WHERE (word, last_key, first_key, id) IN (
       ${wordsOf('old_rows')}
       EXCEPT ${wordsOf('new_rows')} WHERE c.m IS NOT NULL);
     ${insertNameWords('new_rows')}`,
  },
  { on: 'DELETE', tables: 'OLD TABLE AS old_rows', body: `DELETE FROM contact_name_words WHERE (word, last_key, first_key, id) IN (${wordsOf('old_rows')});` },
];

export const DIRECTORY_SCHEMA = [
  // Trusted since PostgreSQL 13: a database owner may create it; bundled with PGlite.
  `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
  `ALTER TABLE contacts
     ADD COLUMN IF NOT EXISTS m jsonb,
     ADD COLUMN IF NOT EXISTS words text,
     ADD COLUMN IF NOT EXISTS names text,
     ADD COLUMN IF NOT EXISTS cwords text,
     ADD COLUMN IF NOT EXISTS emails text,
     ADD COLUMN IF NOT EXISTS phones text`,
  // The directory's order (directory.ts's NAME_ORDER, the same expressions): a filtered list walks it
  // and stops at the page's end, never sorting the matches. Folded names, compared by code point.
  `CREATE INDEX IF NOT EXISTS contacts_name_key ON contacts (
     (${nameKey('m', 'lastName')} COLLATE "C"), (${nameKey('m', 'firstName')} COLLATE "C"), (id COLLATE "C"))`,
  // Its predecessor ordered by the raw names (not src/core's order): nothing reads it any more.
  `DROP INDEX IF EXISTS contacts_name_order`,
  // Filters: containment (`m @> {...}`) for is / is not / is empty / booleans, custom fields included.
  `CREATE INDEX IF NOT EXISTS contacts_match ON contacts USING gin (m jsonb_path_ops)`,
  // Search: word prefixes, custom words, email substrings, phone digits.
  `CREATE INDEX IF NOT EXISTS contacts_words_trgm ON contacts USING gin (words gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS contacts_cwords_trgm ON contacts USING gin (cwords gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS contacts_emails_trgm ON contacts USING gin (emails gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS contacts_phones_trgm ON contacts USING gin (phones gin_trgm_ops)`,
  // Name words in name order (the keys compared by code point, as NAME_ORDER). No foreign key: the triggers delete.
  `CREATE TABLE IF NOT EXISTS contact_name_words (
     word text COLLATE "C" NOT NULL,
     last_key text COLLATE "C" NOT NULL,
     first_key text COLLATE "C" NOT NULL,
     id text COLLATE "C" NOT NULL,
     PRIMARY KEY (word, last_key, first_key, id)
   )`,
  // Kept per statement, not per row (a row trigger made a 500-contact import 2.5× slower on PGlite):
  // one INSERT … SELECT over the statement's new rows, one DELETE of the old rows' words that are gone.
  ...NAME_WORD_TRIGGERS.map(
    ({ on, body }) => `CREATE OR REPLACE FUNCTION contact_name_words_${on.toLowerCase()}() RETURNS trigger LANGUAGE plpgsql AS $fn$
   BEGIN
     ${body}
     RETURN NULL;
   END $fn$`,
  ),
  // The first version's row trigger.
  `DROP TRIGGER IF EXISTS contacts_name_words ON contacts`,
  `DROP FUNCTION IF EXISTS contact_name_words_sync()`,
  ...NAME_WORD_TRIGGERS.map(
    ({ on, tables }) => `CREATE OR REPLACE TRIGGER contacts_name_words_${on.toLowerCase()} AFTER ${on} ON contacts
   REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION contact_name_words_${on.toLowerCase()}()`,
  ),
  // A database from before the table: filled once from the contacts (later writes go through the trigger).
  `DO $do$ BEGIN
     IF NOT EXISTS (SELECT 1 FROM contact_name_words) THEN
       ${insertNameWords('contacts')}
     END IF;
   END $do$`,
];
