/**
 * Contact management for the local source (`ContactAdminSource`): filtered
 * queries, delete, atomic merge, bulk update, import, saved views, notes,
 * block/unsubscribe and duplicate detection. Loaded on first use, so none
 * of it is on the screen-pop path. It works on the source's own memory and
 * indexes (through `LocalAdminHost`), so every write keeps the identity and
 * search indexes in step with IndexedDB.
 */
import type { applyPatch, buildContact, BulkPatch } from '../core/contacts/index.js';
import { contactNotFound, CrmError, throwIfAborted } from '../core/errors.js';
import { CompiledFilters } from '../core/filters/index.js';
import type { ContactFilter } from '../core/filters/index.js';
import { foldForMatch } from '../core/filters/index.js';
import { contactIdentities, equivalentForms } from '../core/identity/index.js';
import type { NormalizeOptions } from '../core/identity/index.js';
import { findPotentialDuplicates, type MergePlan, type PotentialDuplicate } from '../core/merge/index.js';
import type { ImportPlan } from '../core/import/index.js';
import type { ContactSearchIndex } from '../core/search/index.js';
import type { Contact, FieldDef, Identity } from '../core/types.js';
import type { ContactWrite, LocalStore } from './local-store.js';
import type {
  CallOptions,
  ContactAdminSource,
  ContactQueryOptions,
  CrmSource,
  ImportWriteOptions,
  ImportWriteResult,
  SearchResult,
  StoredView,
} from './source.js';

/** What the local source lends its admin operations: its memory, indexes and storage. */
export interface LocalAdminHost {
  /** Every contact, in the source's order. */
  readonly contacts: ReadonlyMap<string, Contact>;
  whenReady(signal?: AbortSignal): Promise<void>;
  searchable(): Promise<ContactSearchIndex>;
  /** Stores a contact in memory and every index (replacing an older version). */
  index(contact: Contact): void;
  /** Removes a contact from memory and every index. */
  unindex(id: string): void;
  /** Ids of the contacts holding an identity or an equivalent form of it. */
  lookupIds(identity: Identity): string[];
  /** Runs a write against IndexedDB (a failure switches the source to memory only). */
  persist(write: (store: LocalStore) => Promise<void>): Promise<void>;
  /**
   * Puts and deletes contacts in memory, the indexes and IndexedDB (one transaction, against
   * the stored records: see local-store.ts); id → contact as it now is, for each put that stands.
   */
  write(writes: readonly ContactWrite[], deletes?: readonly string[]): Promise<Map<string, Contact>>;
  /** The stored revision memory holds for a contact (0 when none). */
  rev(id: string): number;
  customFields(): FieldDef[];
  region(): NormalizeOptions;
  newId(): string;
  /**
   * The contact write rules of core/contacts (writes.ts), the source's own.
   * Lent rather than imported: an import here would split them out of the
   * screen pop's chunk into one of their own (one more file, +240 B gzip).
   */
  readonly writes: { buildContact: typeof buildContact; applyPatch: typeof applyPatch };
  /** The source's public API, for single-contact writes that already keep everything in step. */
  readonly source: CrmSource;
}

const clone = <T>(value: T): T => structuredClone(value);
/** Contacts written per IndexedDB transaction and per yield during an import. */
const IMPORT_CHUNK = 1000;
const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class LocalAdmin implements ContactAdminSource {
  private views = new Map<string, StoredView>();
  private readonly viewsLoad: Promise<void>;
  /** A few recent filters are plenty (the current one, "all", the one before). */
  private readonly compiled = new CompiledFilters(8);

  constructor(private readonly host: LocalAdminHost) {
    this.viewsLoad = host.whenReady().then(() =>
      host.persist(async (store) => {
        for (const view of await store.loadViews()) this.views.set(view.id, view);
      }),
    );
  }

  // ---- reads ---------------------------------------------------------------

  async queryContacts(filter: ContactFilter, options: ContactQueryOptions = {}): Promise<SearchResult> {
    const ids = await this.matchingIds(filter, options);
    const offset = Math.max(0, options.offset ?? 0);
    const page = ids.slice(offset, options.limit === undefined ? undefined : offset + Math.max(0, options.limit));
    return { items: page.map((id) => clone(this.host.contacts.get(id)!)), total: ids.length };
  }

  async queryContactIds(filter: ContactFilter, options: CallOptions & { query?: string } = {}): Promise<string[]> {
    return this.matchingIds(filter, options);
  }

  async getContacts(ids: readonly string[], options?: CallOptions): Promise<Contact[]> {
    await this.host.whenReady(options?.signal);
    return ids.flatMap((id) => {
      const contact = this.host.contacts.get(id);
      return contact ? [clone(contact)] : [];
    });
  }

  async listTags(options?: CallOptions): Promise<string[]> {
    await this.host.whenReady(options?.signal);
    const tags = new Map<string, string>();
    for (const contact of this.host.contacts.values()) {
      for (const tag of contact.tags) {
        const key = foldForMatch(tag);
        if (key && !tags.has(key)) tags.set(key, tag.trim());
      }
    }
    return [...tags.values()].sort(new Intl.Collator(undefined, { sensitivity: 'base' }).compare);
  }

  async findDuplicates(contactId: string, options?: CallOptions): Promise<PotentialDuplicate[]> {
    await this.host.whenReady(options?.signal);
    const contact = this.host.contacts.get(contactId);
    if (!contact) throw contactNotFound(contactId);
    // Candidates from the identity index (every equivalent form), plus contacts sharing an
    // email (for "same name + email"); the core rule then decides on this small set.
    const candidates = new Set<string>();
    for (const identity of contact.identities) {
      for (const form of equivalentForms(identity)) this.host.lookupIds(form.identity).forEach((id) => candidates.add(id));
    }
    const emails = new Set(contact.emails.map((e) => e.trim().toLowerCase()));
    if (emails.size) {
      for (const other of this.host.contacts.values()) {
        if (other.emails.some((e) => emails.has(e.trim().toLowerCase()))) candidates.add(other.id);
      }
    }
    candidates.delete(contactId);
    const others = [...candidates].flatMap((id) => this.host.contacts.get(id) ?? []);
    return clone(findPotentialDuplicates(contact, others, this.host.region()));
  }

  async listViews(options: CallOptions & { owner?: string } = {}): Promise<StoredView[]> {
    await this.loadedViews(options.signal);
    return [...this.views.values()]
      .filter((view) => view.public || view.owner === options.owner)
      .map(clone);
  }

  // ---- writes --------------------------------------------------------------

  async deleteContacts(ids: readonly string[], options?: CallOptions): Promise<number> {
    await this.host.whenReady(options?.signal);
    const known = [...new Set(ids)].filter((id) => this.host.contacts.has(id));
    await this.host.write([], known);
    return known.length;
  }

  async mergeContacts(plan: Pick<MergePlan, 'result' | 'removedIds'>, options?: CallOptions): Promise<Contact> {
    await this.host.whenReady(options?.signal);
    const { result, removedIds } = plan;
    // Everything is checked before anything changes: a merge is all or nothing.
    for (const id of [result.id, ...removedIds]) if (!this.host.contacts.has(id)) throw contactNotFound(id);
    if (removedIds.includes(result.id)) {
      throw new CrmError('invalid', 'The primary contact cannot also be merged away.');
    }
    const merged: Contact = {
      ...clone(result),
      identities: contactIdentities(result, this.host.region()),
      updatedAt: new Date().toISOString(),
    };
    // The merge result is what the agent saw and chose: written as it is (not rebased).
    const written = await this.host.write([{ contact: merged, baseRev: this.host.rev(merged.id) }], removedIds);
    const stored = written.get(merged.id);
    if (!stored) throw contactNotFound(merged.id);
    return clone(stored);
  }

  async bulkUpdate(patches: readonly BulkPatch[], options?: CallOptions): Promise<Contact[]> {
    await this.host.whenReady(options?.signal);
    for (const { id } of patches) if (!this.host.contacts.has(id)) throw contactNotFound(id);
    const now = new Date().toISOString();
    const writes = patches.map(({ id, patch }) => this.patchWrite(this.host.contacts.get(id)!, patch, now));
    const written = await this.host.write(writes);
    return writes.flatMap(({ contact }) => written.get(contact.id) ?? []).map(clone);
  }

  async importContacts(
    plan: Pick<ImportPlan, 'creates' | 'updates'>,
    options: ImportWriteOptions = {},
  ): Promise<ImportWriteResult> {
    const { signal, onProgress } = options;
    await this.host.whenReady(signal);
    const total = plan.creates.length + plan.updates.length;
    const work: (() => ContactWrite | undefined)[] = [
      ...plan.creates.map(({ draft }) => () => ({
        contact: this.host.writes.buildContact(draft, this.host.region(), this.host.newId(), new Date().toISOString()),
      })),
      ...plan.updates.map(({ id, patch }) => () => {
        const current = this.host.contacts.get(id);
        // A contact deleted since the plan was made is left alone.
        return current && this.patchWrite(current, patch, new Date().toISOString());
      }),
    ];
    const result: ImportWriteResult = { created: [], updated: [] };
    for (let start = 0; start < total; start += IMPORT_CHUNK) {
      // Stops between chunks only: what was written stays written and is counted.
      throwIfAborted(signal);
      const chunk = work.slice(start, start + IMPORT_CHUNK).flatMap((make, i) => {
        const write = make();
        return write ? [{ write, created: start + i < plan.creates.length }] : [];
      });
      const written = await this.host.write(chunk.map(({ write }) => write));
      for (const { write, created } of chunk) {
        const contact = written.get(write.contact.id);
        if (contact) (created ? result.created : result.updated).push(contact);
      }
      onProgress?.(Math.min(start + IMPORT_CHUNK, total), total);
      if (start + IMPORT_CHUNK < total) await yieldToHost();
    }
    return { created: result.created.map(clone), updated: result.updated.map(clone) };
  }

  async saveView(view: Omit<StoredView, 'id'> & { id?: string }, options?: CallOptions): Promise<StoredView> {
    await this.loadedViews(options?.signal);
    const name = view.name.trim();
    if (!name) throw new CrmError('invalid', 'A view needs a name.');
    const stored: StoredView = { ...clone(view), name, id: view.id ?? this.host.newId() };
    this.views.set(stored.id, stored);
    await this.host.persist((store) => store.putView(stored));
    return clone(stored);
  }

  async deleteView(id: string, options?: CallOptions): Promise<void> {
    await this.loadedViews(options?.signal);
    this.views.delete(id);
    await this.host.persist((store) => store.deleteView(id));
  }

  async addNote(contactId: string, text: string, author?: string, options?: CallOptions): Promise<Contact> {
    await this.host.whenReady(options?.signal);
    const current = this.host.contacts.get(contactId);
    if (!current) throw contactNotFound(contactId);
    const body = text.trim();
    if (!body) throw new CrmError('invalid', 'A note cannot be empty.');
    const note = {
      id: this.host.newId(),
      text: body,
      ...(author?.trim() ? { author: author.trim() } : {}),
      createdAt: new Date().toISOString(),
    };
    return this.host.source.updateContact(contactId, { notes: [...current.notes, note] }, options);
  }

  async setBlocked(contactId: string, blocked: boolean, options?: CallOptions): Promise<Contact> {
    return this.host.source.updateContact(contactId, { blocked }, options);
  }

  async setUnsubscribed(contactId: string, unsubscribed: boolean, options?: CallOptions): Promise<Contact> {
    return this.host.source.updateContact(contactId, { unsubscribed }, options);
  }

  // ---- internals -----------------------------------------------------------

  /** A patched contact to store; computed again from the stored version when another tab changed it. */
  private patchWrite(current: Contact, patch: BulkPatch['patch'], now: string): ContactWrite {
    const region = this.host.region();
    return {
      contact: this.host.writes.applyPatch(current, patch, region, now),
      baseRev: this.host.rev(current.id),
      rebase: (stored) => this.host.writes.applyPatch(stored, patch, region, now),
    };
  }

  private async loadedViews(signal?: AbortSignal): Promise<void> {
    throwIfAborted(signal);
    await this.viewsLoad;
  }

  private predicate(filter: ContactFilter): (contact: Contact) => boolean {
    return this.compiled.get(filter, this.host.customFields(), this.host.region());
  }

  private async matchingIds(filter: ContactFilter, options: CallOptions & { query?: string }): Promise<string[]> {
    await this.host.whenReady(options.signal);
    const test = this.predicate(filter);
    const query = options.query?.trim() ?? '';
    const { contacts } = this.host;
    const out: string[] = [];
    if (query) {
      const index = await this.host.searchable();
      throwIfAborted(options.signal);
      for (const id of index.search(query, { limit: contacts.size }).ids) {
        const contact = contacts.get(id);
        if (contact && test(contact)) out.push(id);
      }
    } else {
      for (const contact of contacts.values()) if (test(contact)) out.push(contact.id);
    }
    return out;
  }
}
