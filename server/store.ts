/**
 * The contacts, sections and campaigns behind the REST contract, on SQL.
 * Matching uses src/core (normalization, equivalent forms, resolution,
 * sections per campaign); this file only decides what is read and written.
 *
 * The process keeps no contacts: search and the directory are SQL
 * (server/sql/directory.ts) over columns every write fills in
 * (server/sql/match-document.ts), so several processes on one database
 * answer the same right after any write. Only configuration (sections,
 * campaigns) is read once at start. The screen pop's statements go through
 * `db.urgent`, never queued behind the directory.
 */
import { sectionFields } from '../src/core/contacts/index.js';
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { CrmError } from '../src/core/errors.js';
import { equivalentForms, identityKey, normalizeIdentity } from '../src/core/identity/index.js';
import type { NormalizeOptions } from '../src/core/identity/index.js';
import { resolveInteraction } from '../src/core/resolution/index.js';
import type {
  Campaign,
  Contact,
  ContactDraft,
  ContactPatch,
  CustomSection,
  FieldDef,
  Identity,
  InteractionContext,
} from '../src/core/types.js';
import type { Resolution, SearchResult } from '../src/data/source.js';
import { applyPatch, buildContact, withIdentity, withoutIdentity } from './contact-rules.js';
import type { Db, Queryable } from './db.js';
import { Directory } from './sql/directory.js';
import { searchColumns } from './sql/match-document.js';
import { HttpProblem } from './problems.js';
import type { SyncOutbox } from './sync/outbox.js';

export interface SeedData {
  contacts?: Contact[];
  campaigns?: Campaign[];
  sections?: CustomSection[];
}

interface FormRow {
  form_key: string;
  contact_id: string;
  stored_kind: string;
  stored_value: string;
  rule: string;
}

/** A contact's version as an HTTP strong validator (docs/rest-api.md, "Versions"). */
export function etagOf(contact: Contact): string {
  return JSON.stringify(contact.updatedAt);
}

/** If-Match: `*`, or a list of strong ETags; weak ones never match (RFC 9110 §13.1.1). */
function ifMatchAccepts(header: string, contact: Contact): boolean {
  if (header.trim() === '*') return true;
  const current = etagOf(contact);
  return header.split(',').some((tag) => tag.trim() === current);
}

/** One row per equivalent form of each identity: the keys a resolve looks up. */
function formRows(contact: Contact): FormRow[] {
  const rows = new Map<string, FormRow>();
  for (const stored of contact.identities) {
    for (const form of equivalentForms(stored)) {
      const row = {
        form_key: identityKey(form.identity),
        contact_id: contact.id,
        stored_kind: stored.kind,
        stored_value: stored.value,
        rule: form.rule,
      };
      rows.set(`${row.form_key}\u0000${stored.kind}\u0000${stored.value}`, row);
    }
  }
  return [...rows.values()];
}

/** Equal as stored (JSON), apart from `updatedAt`. */
function sameContent(a: Contact, b: Contact): boolean {
  const stored = (contact: Contact) => JSON.parse(JSON.stringify({ ...contact, updatedAt: '' })) as unknown;
  return isDeepStrictEqual(stored(a), stored(b));
}

const BATCH = 1000;
const MAX_MATCHES = 100;

export class ContactStore {
  private sections: CustomSection[] = [];
  private campaigns: Campaign[] = [];
  readonly directory: Directory;
  /** Set while CRM sync is on (server/sync/engine.ts): every write queues its sync jobs in its own transaction. */
  syncOutbox?: SyncOutbox;

  private constructor(
    readonly db: Db,
    private readonly region: NormalizeOptions,
  ) {
    this.directory = new Directory(db, { customFields: () => this.customFields(), region: () => this.region });
  }

  /** Loads configuration; seeds empty tables; fills the directory columns of rows written before they existed. */
  static async open(db: Db, options: { seed?: SeedData; defaultRegion?: string } = {}): Promise<ContactStore> {
    const store = new ContactStore(db, options.defaultRegion ? { defaultRegion: options.defaultRegion } : {});
    await store.load(options.seed ?? {});
    return store;
  }

  private async load(seed: SeedData): Promise<void> {
    for (const table of ['sections', 'campaigns'] as const) {
      const [{ count: existing }] = await this.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`);
      const values = seed[table];
      if (!existing && values?.length) {
        await this.db.query(
          `INSERT INTO ${table} (id, position, data)
           SELECT r.value->>'id', r.ordinality::int, r.value FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(value, ordinality)`,
          [JSON.stringify(values)],
        );
      }
    }
    this.sections = (await this.db.query<{ data: CustomSection }>('SELECT data FROM sections ORDER BY position')).map((r) => r.data);
    this.campaigns = (await this.db.query<{ data: Campaign }>('SELECT data FROM campaigns ORDER BY position')).map((r) => r.data);
    // After the sections: a contact's searchable custom fields are theirs.
    const [{ any }] = await this.db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM contacts) AS any');
    if (!any && seed.contacts?.length) {
      const contacts = seed.contacts;
      // One transaction: a start-up that fails half-way leaves no partial demo set behind.
      await this.db.transaction(async (tx) => {
        for (let i = 0; i < contacts.length; i += BATCH) await this.writeContacts(tx, contacts.slice(i, i + BATCH));
      });
      // Planner statistics now, not at the first autovacuum (PGlite has none): the directory's plans depend on them.
      await this.db.query('ANALYZE contacts');
    }
    await this.backfill();
  }

  /** Rows without directory columns (written before they existed): rewritten a batch at a time. */
  private async backfill(): Promise<void> {
    for (;;) {
      const rows = await this.db.query<{ data: Contact }>(`SELECT data FROM contacts WHERE m IS NULL LIMIT ${BATCH}`);
      if (!rows.length) break;
      await this.db.transaction((tx) => this.writeContacts(tx, rows.map((row) => row.data), { sync: false }));
    }
  }

  /**
   * Upserts contacts with their directory columns and replaces their identity
   * forms, in as few statements as the batch allows. With CRM sync on, the
   * contacts' sync jobs are queued through `q` too (the same transaction),
   * unless `sync: false` (a rewrite of columns, not a change).
   */
  async writeContacts(q: Queryable, contacts: Contact[], { sync = true }: { sync?: boolean } = {}): Promise<void> {
    const custom = this.customFields();
    const rows = contacts.map((contact) => ({ data: contact, ...searchColumns(contact, custom) }));
    await q.query(
      `INSERT INTO contacts (id, data, updated_at, m, words, names, cwords, emails, phones)
       SELECT r.data->>'id', r.data, r.data->>'updatedAt', r.m, r.words, r.names, r.cwords, r.emails, r.phones
       FROM jsonb_to_recordset($1::jsonb) AS r(data jsonb, m jsonb, words text, names text, cwords text, emails text, phones text)
       ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, updated_at = EXCLUDED.updated_at, m = EXCLUDED.m,
         words = EXCLUDED.words, names = EXCLUDED.names, cwords = EXCLUDED.cwords, emails = EXCLUDED.emails, phones = EXCLUDED.phones`,
      [JSON.stringify(rows)],
    );
    await q.query('DELETE FROM identity_forms WHERE contact_id = ANY($1::text[])', [contacts.map((c) => c.id)]);
    await q.query(
      `INSERT INTO identity_forms (form_key, contact_id, stored_kind, stored_value, rule)
       SELECT form_key, contact_id, stored_kind, stored_value, rule
       FROM jsonb_to_recordset($1::jsonb) AS r(form_key text, contact_id text, stored_kind text, stored_value text, rule text)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(contacts.flatMap(formRows))],
    );
    if (sync && this.syncOutbox) await this.syncOutbox.upserts(q, contacts.map((c) => c.id));
  }

  /** The custom fields filters and search know (every section's, first definition wins). */
  customFields(): FieldDef[] {
    return sectionFields(this.sections);
  }

  regionFor(override?: string): NormalizeOptions {
    return override ? { defaultRegion: override } : this.region;
  }

  listSections(): CustomSection[] {
    return structuredClone(this.sections);
  }

  listCampaigns(): Campaign[] {
    return structuredClone(this.campaigns);
  }

  async getContact(id: string, q: Queryable = this.db.urgent): Promise<Contact | undefined> {
    const [row] = await q.query<{ data: Contact }>('SELECT data FROM contacts WHERE id = $1', [id]);
    return row?.data;
  }

  /** Every contact holding the identity or an equivalent form: one indexed statement. */
  async findByIdentity(identity: Identity, defaultRegion?: string): Promise<Contact[]> {
    const result = normalizeIdentity(identity.kind, identity.value, this.regionFor(defaultRegion));
    const key = identityKey(result.ok ? result.identity : identity);
    const rows = await this.db.urgent.query<{ data: Contact }>(
      `SELECT c.data FROM contacts c
       WHERE c.id IN (SELECT f.contact_id FROM identity_forms f WHERE f.form_key = $1)
       ORDER BY c.data->>'lastName', c.data->>'firstName', c.id
       LIMIT ${MAX_MATCHES}`,
      [key],
    );
    return rows.map((row) => row.data);
  }

  /** The screen pop, by src/core's rules; sections come from memory, so a ClientID pop is one SQL statement. */
  resolve(context: InteractionContext, defaultRegion?: string): Promise<Resolution> {
    const region = this.regionFor(defaultRegion);
    return resolveInteraction(
      context,
      {
        getContact: (id) => this.getContact(id),
        findByIdentity: (identity) => this.findByIdentity(identity, region.defaultRegion),
        listSections: async () => this.sections,
      },
      region,
    );
  }

  /** The contacts of `ids`, in that order (a ranking survives); ids not found are left out. */
  async getMany(ids: readonly string[]): Promise<Contact[]> {
    if (!ids.length) return [];
    const rows = await this.db.query<{ data: Contact }>('SELECT data FROM contacts WHERE id = ANY($1::text[])', [[...ids]]);
    const byId = new Map(rows.map((row) => [row.data.id, row.data]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The quick search: the directory with no filter (an empty query finds nothing). */
  search(query: string, limit: number, offset: number): Promise<SearchResult> {
    return this.directory.page({ match: 'all', conditions: [] }, query, limit, offset);
  }

  /**
   * Creates a contact. With a key, the key row is claimed first in the same
   * transaction: a concurrent request with the key waits on it (PostgreSQL's
   * unique index), then finds the contact and replays it.
   */
  async create(draft: ContactDraft, key?: string, defaultRegion?: string): Promise<{ contact: Contact; replayed: boolean }> {
    const region = this.regionFor(defaultRegion);
    const contact = buildContact(draft, region);
    if (!key) {
      await this.db.transaction((tx) => this.writeContacts(tx, [contact]));
      return { contact, replayed: false };
    }
    const hash = createHash('sha256').update(JSON.stringify([draft, region.defaultRegion ?? null])).digest('hex');
    const outcome = await this.db.transaction(async (tx) => {
      const claimed = await tx.query(
        'INSERT INTO idempotency_keys (key, request_hash) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key',
        [key, hash],
      );
      if (claimed.length) {
        await this.writeContacts(tx, [contact]);
        await tx.query('UPDATE idempotency_keys SET contact_id = $2, response = $3::jsonb WHERE key = $1', [
          key,
          contact.id,
          JSON.stringify(contact),
        ]);
        return { contact, replayed: false };
      }
      const [previous] = await tx.query<{ request_hash: string; contact_id: string | null; response: Contact | null }>(
        'SELECT request_hash, contact_id, response FROM idempotency_keys WHERE key = $1',
        [key],
      );
      if (previous?.request_hash !== hash) throw new HttpProblem('invalid', (m) => m.idempotencyMismatch, { status: 422 });
      // The recorded answer, even if the contact was edited or deleted since: a replay never recreates it.
      // (Keys from before `response` existed fall back to the contact as it is now.)
      const earlier = previous.response ?? (previous.contact_id ? await this.getContact(previous.contact_id, tx) : undefined);
      if (!earlier) throw new CrmError('conflict', 'The contact created with this Idempotency-Key no longer exists.');
      return { contact: earlier, replayed: true };
    });
    return outcome;
  }

  /** Applies a change under a row lock; a stale If-Match is a `conflict`, never a silent overwrite. */
  async update(
    id: string,
    change: (current: Contact, region: NormalizeOptions) => Contact | undefined,
    ifMatch?: string,
    defaultRegion?: string,
  ): Promise<Contact> {
    const region = this.regionFor(defaultRegion);
    const { contact } = await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ data: Contact }>('SELECT data FROM contacts WHERE id = $1 FOR UPDATE', [id]);
      if (!row) throw new HttpProblem('not-found', (m) => m.contactNotFound(id));
      if (ifMatch && !ifMatchAccepts(ifMatch, row.data)) throw new HttpProblem('conflict', (m) => m.staleContact);
      const next = change(row.data, region);
      // A write that changes nothing (a no-op PATCH) keeps the version: same updatedAt, same ETag.
      if (!next || sameContent(next, row.data)) return { contact: row.data, changed: false };
      await this.writeContacts(tx, [next]);
      return { contact: next, changed: true };
    });
    return contact;
  }

  patch(id: string, patch: ContactPatch, ifMatch?: string, defaultRegion?: string): Promise<Contact> {
    return this.update(id, (current, region) => applyPatch(current, patch, region), ifMatch, defaultRegion);
  }

  addIdentity(id: string, identity: Identity, defaultRegion?: string): Promise<Contact> {
    return this.update(id, (current, region) => withIdentity(current, identity, region), undefined, defaultRegion);
  }

  removeIdentity(id: string, identity: Identity, defaultRegion?: string): Promise<Contact> {
    return this.update(id, (current, region) => withoutIdentity(current, identity, region), undefined, defaultRegion);
  }
}
