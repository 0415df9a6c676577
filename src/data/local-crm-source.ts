/**
 * The embedded local source's implementation, the library default: every contact in memory
 * with two indexes (identity key → contact ids, covering every equivalent
 * form, and the fuzzy search index), written through to IndexedDB so the
 * data survives a reload. The search index (its code and its build) is not
 * on the screen-pop path: it is imported and built on the first search, or
 * earlier when the page is idle. When IndexedDB is blocked, full or missing, the
 * source keeps working from memory and says so in `persistenceError`.
 *
 * Tabs on the same database stay in step: every write is stored against the
 * stored record (local-store.ts: revisions and tombstones, so no tab undoes
 * another's edit or delete) and announced on a BroadcastChannel, on which
 * the other tabs' sources re-read those contacts into their memory and
 * indexes. A stored record that is not a readable contact is left out, left
 * in storage, and reported once in `unreadableRecords`.
 */
import { sectionFields } from '../core/contacts/index.js';
import { abortable, randomId } from '../core/util/index.js';
import { contactNotFound, CrmError, throwIfAborted } from '../core/errors.js';
import { applyPatch, buildContact, withIdentity, withoutIdentity } from '../core/contacts/index.js';
import { contactIdentities, normalizeIdentity, type NormalizeOptions } from '../core/identity/index.js';
import { IdentityIndex } from '../core/identity/index.js';
import { resolveInteraction } from '../core/resolution/index.js';
import type { ContactSearchIndex } from '../core/search/index.js';
import type {
  Campaign,
  Contact,
  ContactDraft,
  ContactPatch,
  CustomSection,
  Identity,
  InteractionContext,
} from '../core/types.js';
import type { LocalAdmin } from './local-admin.js';
import type { LocalSource, LocalSourceOptions } from './local-source.js';
import { LocalStore, storageError, type CommitResult, type ContactWrite } from './local-store.js';
import type {
  CallOptions,
  ContactAdminSource,
  CreateOptions,
  Resolution,
  ResolveOptions,
  SearchOptions,
  SearchResult,
} from './source.js';

/** The local source's core: everything but contact management, which `admin()` loads. */
export type LocalSourceCore = Omit<LocalSource, keyof ContactAdminSource> & {
  /** Contact management over this source's memory and indexes (local-admin.ts), loaded on first use. */
  admin(): Promise<ContactAdminSource>;
};

/**
 * The local source's core, built at once. Internal: pages get the whole
 * source through the public `createLocalSource` (local-source.ts), which
 * loads this module on the first call.
 */
export function openLocalSource(options: LocalSourceOptions = {}): LocalSourceCore {
  return new LocalCrmSource(options);
}

const clone = <T>(value: T): T => structuredClone(value);
/** The BroadcastChannel of a database: its name after this prefix. */
const CHANNEL_PREFIX = 'ucrm-local-source:';
/** What a tab tells the others after a write: the ids it put or deleted. */
interface ChangeMessage {
  ids: string[];
}
/** How long an idempotency key is kept after the contact it created. */
const IDEMPOTENCY_KEY_DAYS = 7;

class LocalCrmSource implements LocalSourceCore {
  readonly kind = 'local' as const;
  readonly ready: Promise<void>;
  private lostError: CrmError | undefined;
  private unreadable: CrmError | undefined;
  private store: LocalStore | undefined;
  /** Tells the other tabs (other sources on this database) which contacts changed. */
  private channel: BroadcastChannel | undefined;
  /** id → the stored revision memory holds (see local-store.ts). */
  private readonly revs = new Map<string, number>();

  private readonly contacts = new Map<string, Contact>();
  private readonly identityIndex = new IdentityIndex();
  /** Set once built; from then on every indexed contact is added to it too. */
  private searchIndex: ContactSearchIndex | undefined;
  private searchIndexLoad: Promise<ContactSearchIndex> | undefined;
  /** Contact management (local-admin.ts), loaded on its first use. */
  private adminLoad: Promise<LocalAdmin> | undefined;
  private campaigns: Campaign[] = [];
  private sections: CustomSection[] = [];
  /** idempotency key → id of the contact it created (persisted) */
  private idempotency = new Map<string, string>();
  /** idempotency key → the create in flight, so concurrent double submits share it */
  private readonly creating = new Map<string, Promise<Contact>>();

  constructor(private readonly options: LocalSourceOptions) {
    this.ready = this.init();
    // When the page is idle after loading: build the search index, so the first keystroke does not pay for
    // it, and forget old idempotency keys.
    const warm = () => {
      void this.searchable().catch(() => undefined);
      void this.forgetOldIdempotencyKeys();
    };
    void this.ready.then(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(warm, { timeout: 2000 }) : setTimeout(warm)));
  }

  get persistenceError(): CrmError | undefined {
    return this.lostError;
  }

  get unreadableRecords(): CrmError | undefined {
    return this.unreadable;
  }

  // ---- reads -------------------------------------------------------------

  async getContact(id: string, options?: CallOptions): Promise<Contact | undefined> {
    await this.whenReady(options?.signal);
    const contact = this.contacts.get(id);
    return contact && clone(contact);
  }

  async findByIdentity(identity: Identity, options?: CallOptions): Promise<Contact[]> {
    await this.whenReady(options?.signal);
    return this.lookup(identity).map(clone);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    await this.whenReady(options.signal);
    const index = await abortable(this.searchable(), options.signal);
    const { ids, total } = index.search(query, { limit: options.limit, offset: options.offset });
    const items = ids.flatMap((id) => {
      const contact = this.contacts.get(id);
      return contact ? [clone(contact)] : [];
    });
    return { items, total };
  }

  async listSections(options?: CallOptions): Promise<CustomSection[]> {
    await this.whenReady(options?.signal);
    return clone(this.sections);
  }

  async listCampaigns(options?: CallOptions): Promise<Campaign[]> {
    await this.whenReady(options?.signal);
    return clone(this.campaigns);
  }

  async resolve(context: InteractionContext, options: ResolveOptions = {}): Promise<Resolution> {
    await this.whenReady(options.signal);
    const resolution = await resolveInteraction(
      context,
      {
        getContact: async (id) => this.contacts.get(id),
        // resolveInteraction passes the identity already normalized: skip a second parse.
        findByIdentity: async (identity) => this.indexed(identity),
        listSections: async () => this.sections,
      },
      { defaultRegion: options.defaultRegion ?? this.options.defaultRegion, signal: options.signal },
    );
    return clone(resolution);
  }

  // ---- writes: memory first, then IndexedDB (awaited, so a resolved write survives a reload) ----

  async createContact(draft: ContactDraft, options: CreateOptions = {}): Promise<Contact> {
    const { idempotencyKey: key, signal } = options;
    throwIfAborted(signal);
    // Registered before the first await, so a concurrent second call with the same key finds it.
    let pending = key ? this.creating.get(key) : undefined;
    if (!pending) {
      // Unkeyed creates stop if their caller gave up before the write; keyed ones are
      // shared by every caller with the key, so they always finish.
      const created = this.create(draft, key, key ? undefined : signal);
      pending = created;
      if (key) {
        this.creating.set(key, created);
        const forget = () => {
          if (this.creating.get(key) === created) this.creating.delete(key);
        };
        created.then(forget, forget);
      }
    }
    return clone(await abortable(pending, signal));
  }

  async updateContact(id: string, patch: ContactPatch, options?: CallOptions): Promise<Contact> {
    return this.change(id, options, (current, region, now) => applyPatch(current, patch, region, now));
  }

  async addIdentity(contactId: string, identity: Identity, options?: CallOptions): Promise<Contact> {
    return this.change(contactId, options, (current, region, now) => withIdentity(current, identity, region, now));
  }

  async removeIdentity(contactId: string, identity: Identity, options?: CallOptions): Promise<Contact> {
    return this.change(contactId, options, (current, region, now) => withoutIdentity(current, identity, region, now));
  }

  /** Applies `edit` to a stored contact and saves the result; undefined from `edit` means nothing changed. */
  private async change(
    id: string,
    options: CallOptions | undefined,
    edit: (current: Contact, region: NormalizeOptions, now: string) => Contact | undefined,
  ): Promise<Contact> {
    await this.whenReady(options?.signal);
    const current = this.contacts.get(id);
    if (!current) throw contactNotFound(id);
    const now = new Date().toISOString();
    const next = edit(current, this.regionOption(), now);
    if (!next) return clone(current);
    // Stored against the latest version: another tab's edit since is kept, its delete wins.
    const rebase = (stored: Contact) => edit(stored, this.regionOption(), now);
    const saved = (await this.write([{ contact: next, baseRev: this.revs.get(id) ?? 0, rebase }])).get(id);
    if (!saved) throw contactNotFound(id);
    return clone(saved);
  }

  // ---- internals ---------------------------------------------------------

  private async whenReady(signal?: AbortSignal): Promise<void> {
    throwIfAborted(signal);
    await abortable(this.ready, signal);
  }

  private regionOption(): { defaultRegion?: string } {
    return this.options.defaultRegion ? { defaultRegion: this.options.defaultRegion } : {};
  }

  private lookup(identity: Identity): Contact[] {
    const result = normalizeIdentity(identity.kind, identity.value, this.regionOption());
    return this.indexed(result.ok ? result.identity : identity);
  }

  /** Contacts holding this already-normalized identity or an equivalent form. */
  private indexed(identity: Identity): Contact[] {
    return this.identityIndex.get(identity).flatMap((id) => this.contacts.get(id) ?? []);
  }

  private async create(draft: ContactDraft, key: string | undefined, signal?: AbortSignal): Promise<Contact> {
    await this.ready;
    throwIfAborted(signal);
    const existing = key ? this.contacts.get(this.idempotency.get(key) ?? '') : undefined;
    if (existing) return existing;
    const now = new Date().toISOString();
    const contact = buildContact(draft, this.regionOption(), randomId(), now);
    if (key) this.idempotency.set(key, contact.id);
    await this.write([{ contact }], [], key ? { key, contactId: contact.id } : undefined);
    return contact;
  }

  /**
   * Puts and deletes contacts: in memory and every index at once (reads see them while they are
   * stored), then in one IndexedDB transaction against the stored records, after which memory
   * takes what was stored (rebased on another tab's edit, or gone when another tab deleted it)
   * and the other tabs hear of it. Returns id → contact as it now is, for each put that stands.
   */
  private async write(
    writes: readonly ContactWrite[],
    deletes: readonly string[] = [],
    idempotency?: { key: string; contactId: string },
  ): Promise<Map<string, Contact>> {
    writes.forEach(({ contact }) => this.index(contact));
    deletes.forEach((id) => this.unindex(id));
    const out = new Map(writes.map(({ contact }) => [contact.id, contact]));
    const store = this.store;
    if (!store) return out;
    let result: CommitResult;
    try {
      result = await store.commit(writes, deletes, idempotency);
    } catch (error) {
      this.lose(storageError(error));
      return out;
    }
    for (const [id, { contact, rev }] of result.written) {
      this.revs.set(id, rev);
      if (this.contacts.get(id) !== out.get(id)) continue; // a newer write of this tab already replaced it
      if (contact !== out.get(id)) this.index(contact);
      out.set(id, contact);
    }
    for (const id of result.gone) {
      this.unindex(id);
      out.delete(id);
    }
    this.announce([...result.written.keys(), ...result.gone, ...deletes]);
    return out;
  }

  private announce(ids: string[]): void {
    if (ids.length) this.channel?.postMessage({ ids } satisfies ChangeMessage);
  }

  /** Another tab changed these contacts: memory and the indexes take the stored versions. */
  private async refresh(ids: readonly string[]): Promise<void> {
    await this.ready;
    const store = this.store;
    if (!store) return;
    let records: Awaited<ReturnType<LocalStore['read']>>;
    try {
      records = await store.read(ids);
    } catch (error) {
      this.lose(storageError(error));
      return;
    }
    for (const [id, record] of records) {
      if ('contact' in record) {
        if (record.rev > (this.revs.get(id) ?? 0)) {
          this.revs.set(id, record.rev);
          this.index(record.contact);
        }
      } else if ('deleted' in record) {
        this.revs.delete(id);
        this.unindex(id);
      } else {
        this.reportUnreadable([id]);
      }
    }
  }

  /** Says once which stored records could not be read; they stay in storage for recovery. */
  private reportUnreadable(ids: readonly string[]): void {
    if (!ids.length || this.unreadable) return;
    const shown = ids.slice(0, 5).map((id) => `"${id}"`).join(', ') + (ids.length > 5 ? ', …' : '');
    this.unreadable = Object.assign(
      new CrmError(
        'invalid',
        `${ids.length} saved contact${ids.length === 1 ? '' : 's'} could not be read and ${ids.length === 1 ? 'was' : 'were'} left out (${shown}). ` +
          `${ids.length === 1 ? 'It stays' : 'They stay'} in the browser's storage (IndexedDB "${this.options.name ?? 'ucrm'}") for recovery.`,
      ),
      { ids: [...ids] },
    );
    console.warn(`ucrm-widgets: ${this.unreadable.message}`);
  }

  private unindex(id: string): void {
    this.contacts.delete(id);
    this.identityIndex.remove(id);
    this.searchIndex?.remove(id);
  }

  admin(): Promise<LocalAdmin> {
    this.adminLoad ??= import('./local-admin.js').then(
      ({ LocalAdmin }) =>
        new LocalAdmin({
          contacts: this.contacts,
          whenReady: (signal) => this.whenReady(signal),
          searchable: () => this.searchable(),
          index: (contact) => this.index(contact),
          unindex: (id) => this.unindex(id),
          lookupIds: (identity) => this.identityIndex.get(identity),
          persist: (write) => this.persist(write),
          write: (writes, deletes) => this.write(writes, deletes),
          rev: (id) => this.revs.get(id) ?? 0,
          customFields: () => sectionFields(this.sections),
          region: () => this.regionOption(),
          newId: randomId,
          writes: { buildContact, applyPatch },
          source: this,
        }),
      (error: unknown) => {
        this.adminLoad = undefined;
        throw error;
      },
    );
    return this.adminLoad;
  }

  /**
   * Drops the keys of contacts created over a week ago or since deleted: a
   * retry comes within minutes, and a replayed interaction finds its contact
   * by identity anyway. Without this the keys would pile up forever.
   */
  private async forgetOldIdempotencyKeys(): Promise<void> {
    const oldest = Date.now() - IDEMPOTENCY_KEY_DAYS * 86_400_000;
    const stale = [...this.idempotency].flatMap(([key, id]) => {
      const created = Date.parse(this.contacts.get(id)?.createdAt ?? '');
      return created >= oldest ? [] : [key];
    });
    if (stale.length === 0) return;
    stale.forEach((key) => this.idempotency.delete(key));
    await this.persist((store) => store.deleteIdempotencyKeys(stale));
  }

  private index(contact: Contact): void {
    // Re-set last, so the map keeps the order the search index gets its contacts in (ties rank by it).
    this.contacts.delete(contact.id);
    this.contacts.set(contact.id, contact);
    this.identityIndex.add(contact);
    this.searchIndex?.add(contact);
  }

  /** The search index over every contact, imported and built on first use (after `ready`). */
  private searchable(): Promise<ContactSearchIndex> {
    this.searchIndexLoad ??= import('../core/search/search.js').then(
      ({ ContactSearchIndex }) => {
        const index = new ContactSearchIndex({ customFields: sectionFields(this.sections) });
        for (const contact of this.contacts.values()) index.add(contact);
        this.searchIndex = index;
        return index;
      },
      (error: unknown) => {
        // A failed import (network) is tried again on the next search.
        this.searchIndexLoad = undefined;
        throw error;
      },
    );
    return this.searchIndexLoad;
  }

  /** Runs a write against IndexedDB; a failure switches the source to memory only. */
  private async persist(write: (store: LocalStore) => Promise<void>): Promise<void> {
    const store = this.store;
    if (!store) return;
    try {
      await write(store);
    } catch (error) {
      this.lose(storageError(error));
    }
  }

  private lose(error: CrmError): void {
    if (!this.lostError) {
      this.lostError = error;
      console.warn(`ucrm-widgets: ${error.message}`);
    }
    // Stop writing: IndexedDB keeps its last consistent state, memory goes on.
    this.store?.close();
    this.store = undefined;
    this.channel?.close();
    this.channel = undefined;
  }

  /** Hears the other tabs' changes to this database (`refresh`). */
  private listen(name: string): void {
    if (typeof BroadcastChannel !== 'function') return;
    this.channel = new BroadcastChannel(`${CHANNEL_PREFIX}${name}`);
    this.channel.onmessage = (event: MessageEvent<ChangeMessage>) => {
      const ids = event.data?.ids;
      if (Array.isArray(ids) && ids.length) void this.refresh(ids.filter((id): id is string => typeof id === 'string'));
    };
  }

  private async init(): Promise<void> {
    const { options } = this;
    let stored: Awaited<ReturnType<LocalStore['load']>> | undefined;
    if (options.persist ?? true) {
      try {
        this.store = await LocalStore.open(options.name ?? 'ucrm', { onLost: (error) => this.lose(error) });
        stored = await this.store.load();
        this.listen(options.name ?? 'ucrm');
      } catch (error) {
        this.lose(storageError(error));
      }
    }
    if (stored) {
      stored.revs.forEach((rev, id) => this.revs.set(id, rev));
      this.reportUnreadable(stored.unreadable);
    }
    const storedContacts = stored?.contacts ?? [];
    const storedCampaigns = stored?.campaigns ?? [];
    const storedSections = stored?.sections ?? [];
    const needsDemo =
      !!options.demo &&
      (storedContacts.length === 0 ||
        (!options.campaigns && storedCampaigns.length === 0) ||
        (!options.sections && storedSections.length === 0));
    // Loaded on demand so the generator is never in the screen-pop bundle.
    const demo = needsDemo
      ? (await import('./demo-data.js')).generateDemoData(typeof options.demo === 'object' ? options.demo : {})
      : undefined;

    this.campaigns = clone(options.campaigns ?? (storedCampaigns.length ? storedCampaigns : (demo?.campaigns ?? [])));
    this.sections = clone(options.sections ?? (storedSections.length ? storedSections : (demo?.sections ?? [])));
    this.idempotency = stored?.idempotency ?? new Map();

    let seeded: Contact[] = [];
    if (storedContacts.length) {
      // Written by this source, so identities are already normalized.
      storedContacts.forEach((contact) => this.index(contact));
    } else {
      const region = this.regionOption();
      seeded = [
        // Host data: fill in identities from the phones and emails.
        ...(options.contacts ?? []).map((contact) => ({
          ...clone(contact),
          identities: contactIdentities(contact, region),
        })),
        // Demo data comes with normalized identities already.
        ...(demo?.contacts ?? []),
      ];
      seeded.forEach((contact) => this.index(contact));
    }

    if (seeded.length) await this.write(seeded.map((contact) => ({ contact })));
    if (stored) void this.persist((store) => store.forgetOldTombstones());
    if (options.campaigns || (!storedCampaigns.length && this.campaigns.length)) {
      await this.persist((store) => store.replaceAll('campaigns', this.campaigns));
    }
    if (options.sections || (!storedSections.length && this.sections.length)) {
      await this.persist((store) => store.replaceAll('sections', this.sections));
    }
  }
}

