/**
 * The IndexedDB side of the local source (through `idb`): durable storage
 * only, no indexes and no domain logic. Every failure comes out as a
 * `CrmError('unavailable')` with a message an agent can act on, so the local
 * source can fall back to memory.
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

interface UcrmDB extends DBSchema {
  contacts: { key: string; value: Contact };
  campaigns: { key: string; value: Campaign };
  sections: { key: string; value: CustomSection };
  idempotency: { key: string; value: IdempotencyRecord };
  views: { key: string; value: StoredView };
}

type StoreName = 'contacts' | 'campaigns' | 'sections' | 'idempotency' | 'views';
const STORES: StoreName[] = ['contacts', 'campaigns', 'sections', 'idempotency', 'views'];

export interface StoredData {
  contacts: Contact[];
  campaigns: Campaign[];
  sections: CustomSection[];
  idempotency: Map<string, string>;
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
      const [contacts, campaigns, sections, idempotency] = await Promise.all([
        tx.objectStore('contacts').getAll(),
        tx.objectStore('campaigns').getAll(),
        tx.objectStore('sections').getAll(),
        tx.objectStore('idempotency').getAll(),
      ]);
      return {
        contacts,
        campaigns,
        sections,
        idempotency: new Map(idempotency.map((record) => [record.key, record.contactId])),
      };
    });
  }

  /** Writes contacts (one transaction), optionally with the idempotency key that created one. */
  async putContacts(contacts: Contact[], idempotency?: IdempotencyRecord): Promise<void> {
    await this.run(async () => {
      const tx = this.db.transaction(['contacts', 'idempotency'], 'readwrite');
      const store = tx.objectStore('contacts');
      const writes: Promise<unknown>[] = contacts.map((contact) => store.put(contact));
      if (idempotency) writes.push(tx.objectStore('idempotency').put(idempotency));
      await Promise.all([...writes, tx.done]);
    });
  }

  async deleteIdempotencyKeys(keys: readonly string[]): Promise<void> {
    await this.run(async () => {
      const tx = this.db.transaction('idempotency', 'readwrite');
      await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
    });
  }

  async deleteContacts(ids: string[]): Promise<void> {
    await this.run(async () => {
      const tx = this.db.transaction('contacts', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    });
  }

  /** Puts and deletes contacts in one transaction: all of it is stored, or none (merge, bulk, import). */
  async writeContacts(put: readonly Contact[], remove: readonly string[] = []): Promise<void> {
    await this.run(async () => {
      const tx = this.db.transaction('contacts', 'readwrite');
      await Promise.all([...put.map((c) => tx.store.put(c)), ...remove.map((id) => tx.store.delete(id)), tx.done]);
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
