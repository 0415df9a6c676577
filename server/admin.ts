/**
 * Contact management behind the REST contract (`ContactAdminSource` of
 * src/data/source.ts): filtered queries, delete, atomic merge, bulk update,
 * import, tags, notes and duplicate detection (saved views: views.ts). The rules are
 * src/core's (checkMergeCount, findPotentialDuplicates; filters and search
 * compiled to SQL with the same semantics, server/sql/) and
 * server/contact-rules.ts's, the same the embedded source applies
 * (src/data/local-admin.ts); every write goes through
 * `ContactStore.writeContacts`, so `identity_forms` stays in step and a
 * screen pop stays one index lookup. Deletes cascade to `identity_forms`.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { BulkPatch } from '../src/core/contacts/index.js';
import type { ContactFilter } from '../src/core/filters/index.js';
import { foldForMatch } from '../src/core/filters/index.js';
import { equivalentForms, identityKey } from '../src/core/identity/index.js';
import { checkMergeCount, findPotentialDuplicates, type PotentialDuplicate } from '../src/core/merge/index.js';
import type { Contact, ContactDraft, ContactPatch } from '../src/core/types.js';
import type { ImportWriteResult, SearchResult } from '../src/data/source.js';
import { applyPatch, buildContact } from './contact-rules.js';
import type { Queryable } from './db.js';
import { HttpProblem } from './problems.js';
import type { ContactStore } from './store.js';

/** A contact as sent in a merge: its id, dates and every body member. */
export type MergeInput = { result: ContactPatch & { id: string; createdAt?: string; updatedAt?: string }; removedIds: string[] };
export type ImportInput = { creates: { draft: ContactDraft }[]; updates: { id: string; patch: ContactPatch }[] };

const ORDER = `ORDER BY data->>'lastName', data->>'firstName', id`;

function withoutDates({ id: _id, createdAt: _c, updatedAt: _u, ...body }: MergeInput['result']): ContactPatch {
  return body;
}

const notFound = (id: string) => new HttpProblem('not-found', (m) => m.contactNotFound(id));

export class AdminStore {
  constructor(private readonly store: ContactStore) {}

  private get db() {
    return this.store.db;
  }

  /**
   * One page: best search match first with a query, else by last name, first
   * name, id. An invalid filter throws FilterError (a CrmError `invalid`),
   * answered as a 400 problem naming the fault.
   */
  query(filter: ContactFilter, query: string, limit: number, offset: number): Promise<SearchResult & { estimated?: true }> {
    return this.store.directory.page(filter, query, limit, offset);
  }

  /** Every matching id, in the same order (bulk selection by filter). */
  queryIds(filter: ContactFilter, query: string): Promise<string[]> {
    return this.store.directory.ids(filter, query);
  }

  getMany(ids: readonly string[]): Promise<Contact[]> {
    return this.store.getMany(ids);
  }

  async delete(ids: readonly string[]): Promise<number> {
    const unique = [...new Set(ids)];
    if (!unique.length) return 0;
    // identity_forms rows go with their contact (ON DELETE CASCADE), in the same statement.
    const rows = await this.db.transaction(async (tx) => {
      const deleted = await tx.query<{ id: string }>('DELETE FROM contacts WHERE id = ANY($1::text[]) RETURNING id', [unique]);
      // CRM sync on: the delete is propagated (server/sync), queued in this transaction.
      await this.store.syncOutbox?.removals(tx, deleted.map((row) => row.id));
      return deleted;
    });
    return rows.length;
  }

  /** Locks the rows of `ids`; a missing one is a 404 and nothing changes. */
  private async locked(tx: Queryable, ids: readonly string[]): Promise<Map<string, Contact>> {
    const rows = await tx.query<{ data: Contact }>('SELECT data FROM contacts WHERE id = ANY($1::text[]) FOR UPDATE', [[...ids]]);
    const byId = new Map(rows.map((row) => [row.data.id, row.data]));
    const missing = ids.find((id) => !byId.has(id));
    if (missing !== undefined) throw notFound(missing);
    return byId;
  }

  async merge({ result, removedIds }: MergeInput): Promise<Contact> {
    const ids = [result.id, ...removedIds];
    if (new Set(ids).size !== ids.length) {
      throw new HttpProblem('invalid', (m) => m.mergeIds);
    }
    const refused = checkMergeCount(ids.length);
    if (refused) throw new HttpProblem('invalid', (m) => m.mergeCount(refused.limit ?? 0, refused.reason === 'too-few'));
    const merged = await this.db.transaction(async (tx) => {
      const current = await this.locked(tx, ids);
      // The primary keeps its id and creation date; identities are normalized and completed as on any write.
      const next = applyPatch(current.get(result.id)!, withoutDates(result), this.store.regionFor());
      await tx.query('DELETE FROM contacts WHERE id = ANY($1::text[])', [removedIds]);
      await this.store.writeContacts(tx, [next]);
      await this.store.syncOutbox?.merge(tx, next.id, removedIds);
      return next;
    });
    return merged;
  }

  async bulk(patches: readonly BulkPatch[]): Promise<Contact[]> {
    if (!patches.length) return [];
    const written = await this.db.transaction(async (tx) => {
      const ids = [...new Set(patches.map((p) => p.id))];
      const current = await this.locked(tx, ids);
      const region = this.store.regionFor();
      for (const { id, patch } of patches) current.set(id, applyPatch(current.get(id)!, patch, region));
      const next = ids.map((id) => current.get(id)!);
      await this.store.writeContacts(tx, next);
      return next;
    });
    return written;
  }

  /**
   * Writes an import in one transaction. With a key, the key row is claimed
   * first: a concurrent or retried request with it waits, then replays the
   * stored outcome; the same key with another body is refused.
   */
  async import(plan: ImportInput, key?: string): Promise<{ result: ImportWriteResult; replayed: boolean }> {
    const hash = createHash('sha256').update(JSON.stringify(plan)).digest('hex');
    const outcome = await this.db.transaction(async (tx) => {
      if (key) {
        const claimed = await tx.query(
          `INSERT INTO import_keys (key, request_hash, result) VALUES ($1, $2, 'null'::jsonb) ON CONFLICT (key) DO NOTHING RETURNING key`,
          [key, hash],
        );
        if (!claimed.length) {
          const [previous] = await tx.query<{ request_hash: string; result: ImportWriteResult }>(
            'SELECT request_hash, result FROM import_keys WHERE key = $1',
            [key],
          );
          if (previous?.request_hash !== hash) throw new HttpProblem('invalid', (m) => m.idempotencyMismatch, { status: 422 });
          return { result: previous.result, replayed: true };
        }
      }
      const region = this.store.regionFor();
      const created = plan.creates.map(({ draft }) => buildContact(draft, region));
      const ids = [...new Set(plan.updates.map((u) => u.id))];
      const rows = ids.length
        ? await tx.query<{ data: Contact }>('SELECT data FROM contacts WHERE id = ANY($1::text[]) FOR UPDATE', [ids])
        : [];
      const current = new Map(rows.map((row) => [row.data.id, row.data]));
      const touched = new Set<string>();
      for (const { id, patch } of plan.updates) {
        const contact = current.get(id);
        // A contact deleted since the plan was made is left alone (as the embedded source does).
        if (!contact) continue;
        current.set(id, applyPatch(contact, patch, region));
        touched.add(id);
      }
      const updated = [...touched].map((id) => current.get(id)!);
      await this.store.writeContacts(tx, [...created, ...updated]);
      const result = { created, updated };
      if (key) await tx.query('UPDATE import_keys SET result = $2::jsonb WHERE key = $1', [key, JSON.stringify(result)]);
      return { result, replayed: false };
    });
    return outcome;
  }

  // Saved views and their agents: server/views.ts.

  /** Every tag in use, one spelling per folded form, sorted as the embedded source sorts them. */
  async listTags(): Promise<string[]> {
    const rows = await this.db.query<{ tag: string }>(
      `SELECT DISTINCT jsonb_array_elements_text(data->'tags') AS tag FROM contacts`,
    );
    const tags = new Map<string, string>();
    for (const { tag } of rows.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))) {
      const key = foldForMatch(tag);
      if (key && !tags.has(key)) tags.set(key, tag.trim());
    }
    return [...tags.values()].sort(new Intl.Collator(undefined, { sensitivity: 'base' }).compare);
  }

  addNote(contactId: string, text: string, author?: string): Promise<Contact> {
    const body = text.trim();
    if (!body) throw new HttpProblem('invalid', (m) => m.noteEmpty);
    const note = {
      id: randomUUID(),
      text: body,
      ...(author?.trim() ? { author: author.trim() } : {}),
      createdAt: new Date().toISOString(),
    };
    return this.store.update(contactId, (current, region) => applyPatch(current, { notes: [...current.notes, note] }, region));
  }

  /** Candidates from the identity index (every equivalent form) and shared emails; src/core decides. */
  async duplicates(contactId: string): Promise<PotentialDuplicate[]> {
    const contact = await this.store.getContact(contactId);
    if (!contact) throw notFound(contactId);
    const keys = contact.identities.flatMap((identity) => equivalentForms(identity).map((form) => identityKey(form.identity)));
    // Every displayed email is also an identity, so shared emails are index lookups too (no scan of every contact).
    const emails = contact.emails.map((e) => identityKey({ kind: 'email', value: e.trim().toLowerCase() }));
    const rows = await this.db.query<{ data: Contact }>(
      `SELECT data FROM contacts
       WHERE id <> $2 AND id IN (SELECT contact_id FROM identity_forms WHERE form_key = ANY($1::text[]))
       ${ORDER}`,
      [[...keys, ...emails], contactId],
    );
    return findPotentialDuplicates(contact, rows.map((row) => row.data), this.store.regionFor());
  }
}
