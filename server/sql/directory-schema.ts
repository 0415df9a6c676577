/**
 * The directory's columns and indexes (server/sql/match-document.ts says
 * what each column holds). Added to an existing `contacts` table in place;
 * rows written before they existed are filled in at start (`m IS NULL`).
 */
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
  // The directory's default order, walked by LIMIT/OFFSET without sorting.
  `CREATE INDEX IF NOT EXISTS contacts_name_order ON contacts ((data->>'lastName'), (data->>'firstName'), id)`,
  // Filters: containment (`m @> {...}`) for is / is not / is empty / booleans, custom fields included.
  `CREATE INDEX IF NOT EXISTS contacts_match ON contacts USING gin (m jsonb_path_ops)`,
  // Search: word prefixes, custom words, email substrings, phone digits.
  `CREATE INDEX IF NOT EXISTS contacts_words_trgm ON contacts USING gin (words gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS contacts_cwords_trgm ON contacts USING gin (cwords gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS contacts_emails_trgm ON contacts USING gin (emails gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS contacts_phones_trgm ON contacts USING gin (phones gin_trgm_ops)`,
];
