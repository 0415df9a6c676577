/**
 * The IndexedDB side of the local source (through `idb`): durable storage
 * only, no indexes and no domain logic. Every failure comes out as a
 * `CrmError('unavailable')` with a message an agent can act on, so the local
 * source can fall back to memory.
 *
 * Several tabs share one database. Each contact is its own record with a
 * revision (`rev`), written in a transaction that first reads the stored
 * record: a write based on an older revision is computed again from the
 * stored one (another tab's edit is kept, not overwritten), and a deleted
 * contact leaves a tombstone that no later write of another tab can undo.
 */
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import { CrmError } from '../core/errors.js';
import type { Campaign, Contact, CustomSection } from '../core/types.js';
import type { StoredView } from './source.js';

/** 2 added `views` (saved directory views). */
const VERSION = 2;

interface IdempotencyRecord {
  key: string;
  contactId: string;
}

/** A contact as stored: the contact and its revision (absent in data written before revisions: 0). */
type ContactRecord = Contact & { rev?: number };
/** What a deleted contact leaves, so a tab that still shows it cannot write it back. */
interface Tombstone {
  id: string;
  deleted: true;
  deletedAt: string;
  rev: number;
}
type StoredRecord = ContactRecord | Tombstone;

interface UcrmDB extends DBSchema {
  contacts: { key: string; value: StoredRecord };
  campaigns: { key: string; value: Campaign };
  sections: { key: string; value: CustomSection };
  idempotency: { key: string; value: IdempotencyRecord };
  views: { key: string; value: StoredView };
}

type StoreName = 'contacts' | 'campaigns' | 'sections' | 'idempotency' | 'views';
const STORES: StoreName[] = ['contacts', 'campaigns', 'sections', 'idempotency', 'views'];

export interface StoredData {
  contacts: Contact[];
  /** id → stored revision, for every contact in `contacts`. */
  revs: Map<string, number>;
  /** Records that are not a readable contact: left out, and left in storage for recovery. */
  unreadable: string[];
  campaigns: Campaign[];
  sections: CustomSection[];
  idempotency: Map<string, string>;
}

/** One contact to store. */
export interface ContactWrite {
  /** The contact as this tab computed it. */
  contact: Contact;
  /** The stored revision `contact` was computed from; undefined for a new contact (nothing stored to read). */
  baseRev?: number;
  /**
   * Computes the contact again from a newer stored version (another tab wrote it since `baseRev`);
   * undefined from it keeps the stored version. Without it, `contact` is written as it is.
   */
  rebase?(stored: Contact): Contact | undefined;
}

/** A record as read back: a contact with its revision, deleted (tombstone or missing), or unreadable. */
export type ReadRecord = { contact: Contact; rev: number } | { deleted: true } | { unreadable: true };

export interface CommitResult {
  /** id → the contact as stored and its new revision. */
  written: Map<string, { contact: Contact; rev: number }>;
  /** Ids that another tab deleted: nothing was written for them. */
  gone: string[];
}

/** Tombstones older than this are dropped on open: every tab has heard of the delete long before. */
const TOMBSTONE_DAYS = 30;

const isTombstone = (record: StoredRecord): record is Tombstone => (record as Partial<Tombstone>).deleted === true;

const isStringArray = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isIdentity = (value: unknown) =>
  !!value && typeof (value as { kind?: unknown }).kind === 'string' && typeof (value as { value?: unknown }).value === 'string';
const optional = (value: unknown, valid: (value: unknown) => boolean) => value === undefined || valid(value);

/**
 * A stored record the source can index without failing: a non-empty string id, and the lists
 * it iterates as lists when present (missing ones are read as empty). Anything else (a
 * hand-edited, truncated or foreign record) is left out instead of breaking the whole source.
 */
function readableContact(record: unknown): record is ContactRecord {
  if (!record || typeof record !== 'object') return false;
  const c = record as Partial<Record<keyof Contact, unknown>>;
  return (
    typeof c.id === 'string' &&
    c.id !== '' &&
    optional(c.firstName, (v) => typeof v === 'string') &&
    optional(c.lastName, (v) => typeof v === 'string') &&
    optional(c.phones, isStringArray) &&
    optional(c.emails, isStringArray) &&
    optional(c.tags, isStringArray) &&
    optional(c.identities, (v) => Array.isArray(v) && v.every(isIdentity)) &&
    optional(c.notes, Array.isArray) &&
    optional(c.custom, (v) => !!v && typeof v === 'object' && !Array.isArray(v))
  );
}

/** The contact without its storage revision, its missing lists read as empty. */
function contactOf(record: ContactRecord): { contact: Contact; rev: number } {
  const { rev = 0, ...stored } = record;
  const contact: Contact = {
    ...stored,
    firstName: stored.firstName ?? '',
    lastName: stored.lastName ?? '',
    phones: stored.phones ?? [],
    emails: stored.emails ?? [],
    identities: stored.identities ?? [],
    tags: stored.tags ?? [],
    notes: stored.notes ?? [],
    custom: stored.custom ?? {},
  };
  return { contact, rev };
}

function readRecord(record: StoredRecord | undefined): ReadRecord {
  if (!record || isTombstone(record)) return { deleted: true };
  return readableContact(record) ? contactOf(record) : { unreadable: true };
}

const LOST = 'Changes are kept only until the page is reloaded.';

/** A clear `unavailable` error for anything IndexedDB threw. */
export function storageError(cause: unknown): CrmError {
  if (cause instanceof CrmError) return cause;
  const name = cause instanceof DOMException || cause instanceof Error ? cause.name : '';
  const message =
    name === 'QuotaExceededError'
      ? `The browser's storage for this site is full. ${LOST}`
      : name === 'VersionError'
        ? `The saved contacts were written by a newer version of this app and cannot be opened. ${LOST}`
        : `The browser's storage (IndexedDB) is unavailable, e.g. in private browsing or when disabled. ${LOST}`;
  return new CrmError('unavailable', message, { cause });
}

export interface LocalStoreCallbacks {
  /** The connection was closed from outside (another tab upgrading, the browser clearing storage). */
  onLost(error: CrmError): void;
}

export class LocalStore {
  private constructor(private readonly db: IDBPDatabase<UcrmDB>) {}

  /** Opens (creating if needed) the database; rejects with an `unavailable` CrmError. */
  static async open(name: string, callbacks: LocalStoreCallbacks): Promise<LocalStore> {
    if (typeof indexedDB === 'undefined') throw storageError(undefined);
    return new Promise<LocalStore>((resolve, reject) => {
      let settled = false;
      let db: IDBPDatabase<UcrmDB> | undefined;
      const opening = openDB<UcrmDB>(name, VERSION, {
        upgrade(db, oldVersion) {
          // Someone else's database of that name is left alone (and refused below).
          if (oldVersion > 0 && !db.objectStoreNames.contains('contacts')) return;
          for (const store of STORES) {
            if (!db.objectStoreNames.contains(store)) {
              db.createObjectStore(store, { keyPath: store === 'idempotency' ? 'key' : 'id' });
            }
          }
        },
        // Another tab holds an older version open: do not wait for it, work from memory.
        blocked() {
          settled = true;
          reject(
            new CrmError(
              'unavailable',
              `The saved contacts are locked by another tab running an older version of this app. ${LOST}`,
            ),
          );
        },
        // We hold the database and another tab needs to upgrade it: let it.
        blocking() {
          db?.close();
          callbacks.onLost(
            new CrmError('unavailable', `The saved contacts were upgraded or deleted by another tab. ${LOST}`),
          );
        },
        terminated() {
          callbacks.onLost(new CrmError('unavailable', `The browser closed the saved contacts' storage. ${LOST}`));
        },
      });
      opening.then(
        (opened) => {
          db = opened;
          if (settled) {
            opened.close();
            return;
          }
          // A database with our name made by someone else lacks our stores.
          if (!STORES.every((store) => opened.objectStoreNames.contains(store))) {
            opened.close();
            reject(
              new CrmError('unavailable', `The browser storage named "${name}" belongs to something else. ${LOST}`),
            );
            return;
          }
          resolve(new LocalStore(opened));
        },
        (error: unknown) => {
          if (!settled) reject(storageError(error));
        },
      );
    });
  }

  async load(): Promise<StoredData> {
    return this.run(async () => {
      const tx = this.db.transaction(STORES, 'readonly');
      const [records, campaigns, sections, idempotency] = await Promise.all([
        tx.objectStore('contacts').getAll(),
        tx.objectStore('campaigns').getAll(),
        tx.objectStore('sections').getAll(),
        tx.objectStore('idempotency').getAll(),
      ]);
      const contacts: Contact[] = [];
      const revs = new Map<string, number>();
      const unreadable: string[] = [];
      for (const record of records as unknown[]) {
        if (record && typeof record === 'object' && isTombstone(record as StoredRecord)) continue;
        if (readableContact(record)) {
          const { contact, rev } = contactOf(record);
          contacts.push(contact);
          revs.set(contact.id, rev);
        } else {
          const id = (record as { id?: unknown } | null)?.id;
          unreadable.push(typeof id === 'string' ? id : String(id));
        }
      }
      return {
        contacts,
        revs,
        unreadable,
        campaigns,
        sections,
        idempotency: new Map(idempotency.map((record) => [record.key, record.contactId])),
      };
    });
  }

  /** The stored state of some contacts (another tab said it changed them). */
  async read(ids: readonly string[]): Promise<Map<string, ReadRecord>> {
    return this.run(async () => {
      const tx = this.db.transaction('contacts', 'readonly');
      const records = await Promise.all(ids.map((id) => tx.store.get(id)));
      await tx.done;
      return new Map(ids.map((id, i) => [id, readRecord(records[i])]));
    });
  }

  /**
   * Writes and deletes contacts in one transaction (all of it is stored, or none), each against
   * the stored record: a write based on an older revision is rebased, a write of a contact
   * deleted meanwhile is dropped (reported in `gone`), a delete leaves a tombstone.
   * `idempotency` is the key that created one of them.
   */
  async commit(writes: readonly ContactWrite[], deletes: readonly string[] = [], idempotency?: IdempotencyRecord): Promise<CommitResult> {
    return this.run(async () => {
      const tx = this.db.transaction(['contacts', 'idempotency'], 'readwrite');
      const store = tx.objectStore('contacts');
      const result: CommitResult = { written: new Map(), gone: [] };
      const pending: Promise<unknown>[] = [];
      // New contacts have nothing stored to read: written at once (an import's creates stay fast).
      const fresh = writes.filter((write) => write.baseRev === undefined);
      for (const { contact } of fresh) {
        pending.push(store.put({ ...contact, rev: 1 }));
        result.written.set(contact.id, { contact, rev: 1 });
      }
      const existing = writes.filter((write) => write.baseRev !== undefined);
      const stored = await Promise.all([...existing.map((w) => store.get(w.contact.id)), ...deletes.map((id) => store.get(id))]);
      existing.forEach((write, i) => {
        const record = stored[i];
        const id = write.contact.id;
        if (record && isTombstone(record)) {
          result.gone.push(id);
          return;
        }
        // Missing although this tab read it: deleted by another tab (before tombstones existed).
        if (!record && write.baseRev! > 0) {
          result.gone.push(id);
          return;
        }
        const current = record && readableContact(record) ? contactOf(record) : undefined;
        let next = write.contact;
        if (current && current.rev !== write.baseRev && write.rebase) next = write.rebase(current.contact) ?? current.contact;
        const rev = (current?.rev ?? record?.rev ?? 0) + 1;
        pending.push(store.put({ ...next, rev }));
        result.written.set(id, { contact: next, rev });
      });
      const deletedAt = new Date().toISOString();
      deletes.forEach((id, i) => {
        const record = stored[existing.length + i];
        if (!record || isTombstone(record)) return;
        pending.push(store.put({ id, deleted: true, deletedAt, rev: (record.rev ?? 0) + 1 }));
      });
      if (idempotency) pending.push(tx.objectStore('idempotency').put(idempotency));
      await Promise.all([...pending, tx.done]);
      return result;
    });
  }

  /** Drops tombstones old enough that no tab can still hold the contact they stand for. */
  async forgetOldTombstones(): Promise<void> {
    const oldest = new Date(Date.now() - TOMBSTONE_DAYS * 86_400_000).toISOString();
    await this.run(async () => {
      const tx = this.db.transaction('contacts', 'readwrite');
      for await (const cursor of tx.store) {
        if (isTombstone(cursor.value) && cursor.value.deletedAt < oldest) await cursor.delete();
      }
      await tx.done;
    });
  }

  async deleteIdempotencyKeys(keys: readonly string[]): Promise<void> {
    await this.run(async () => {
      const tx = this.db.transaction('idempotency', 'readwrite');
      await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
    });
  }

  async loadViews(): Promise<StoredView[]> {
    return this.run(() => this.db.getAll('views'));
  }

  async putView(view: StoredView): Promise<void> {
    await this.run(() => this.db.put('views', view));
  }

  async deleteView(id: string): Promise<void> {
    await this.run(() => this.db.delete('views', id));
  }

  /** Replaces every campaign or every section (configuration, written as a whole). */
  async replaceAll(store: 'campaigns', values: Campaign[]): Promise<void>;
  async replaceAll(store: 'sections', values: CustomSection[]): Promise<void>;
  async replaceAll(store: 'campaigns' | 'sections', values: (Campaign | CustomSection)[]): Promise<void> {
    await this.run(async () => {
      const tx = this.db.transaction(store, 'readwrite');
      await tx.store.clear();
      await Promise.all([...values.map((value) => tx.store.put(value as Campaign & CustomSection)), tx.done]);
    });
  }

  close(): void {
    this.db.close();
  }

  private async run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw storageError(error);
    }
  }
}
