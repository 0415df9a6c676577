/**
 * `createLocalSource`, the embedded source and the library default. It
 * returns at once and loads its code in two steps: the core
 * (local-crm-source.ts: memory, indexes, IndexedDB, contact writes, the
 * screen pop) on the first call, and contact management (local-admin.ts) on
 * the first `ContactAdminSource` call. A page that uses another source never
 * downloads either; a screen pop never downloads the second.
 */
import type { CrmError } from '../core/errors.js';
import type { Campaign, Contact, CustomSection } from '../core/types.js';
import { forwardMethods, Lazy } from './lazy-source.js';
import type { LocalSourceCore } from './local-crm-source.js';
import { contactAdminMethods, crmSourceMethods, type CompleteSource } from './source.js';

export interface LocalSourceOptions {
  /** Seed contacts, written only into an empty store (stored data wins after a reload). */
  contacts?: Contact[];
  /** Campaign configuration; when given it replaces the stored campaigns. */
  campaigns?: Campaign[];
  /** Custom sections; when given they replace the stored sections. */
  sections?: CustomSection[];
  /** Write through to IndexedDB (default true); false keeps everything in memory. */
  persist?: boolean;
  /** IndexedDB database name (default 'ucrm'). */
  name?: string;
  /** ISO 3166 region for national phone numbers. */
  defaultRegion?: string;
  /** Seed an empty store with generated demo data (see `generateDemoData`). */
  demo?: boolean | { count?: number; seed?: number };
}

export interface LocalSource extends CompleteSource {
  /** Settles once stored data is loaded (or the source fell back to memory). Never rejects for storage. */
  readonly ready: Promise<void>;
  /** Set when IndexedDB is blocked/over quota/unavailable: the source then works from memory. */
  readonly persistenceError: CrmError | undefined;
  /**
   * Set (code `invalid`, the ids in `ids`) when stored records are not readable contacts (e.g. no
   * `id`, or `phones` not a list): they are left out of the source and left in IndexedDB for recovery.
   */
  readonly unreadableRecords: (CrmError & { ids?: string[] }) | undefined;
  readonly kind: 'local';
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface below only types the generated methods
class LazyLocalSource extends Lazy<LocalSourceCore> implements LocalSource {
  readonly kind = 'local' as const;

  static {
    forwardMethods(this, crmSourceMethods, (self: LazyLocalSource) => self.loaded());
    forwardMethods(this, contactAdminMethods, (self: LazyLocalSource) => self.loaded().then((core) => core.admin()));
  }

  /** Starts the load; settles with the loaded source's `ready` (rejects only when its code cannot be fetched). */
  get ready(): Promise<void> {
    return this.implementation?.ready ?? this.loaded().then((source) => source.ready);
  }

  /** The loaded source's; undefined until it is loaded. */
  get persistenceError(): CrmError | undefined {
    return this.implementation?.persistenceError;
  }

  /** The loaded source's; undefined until it is loaded. */
  get unreadableRecords(): (CrmError & { ids?: string[] }) | undefined {
    return this.implementation?.unreadableRecords;
  }
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
interface LazyLocalSource extends CompleteSource {}

/**
 * The embedded source: every contact in memory, written through to
 * IndexedDB (see `LocalSourceOptions`). Returned at once; its code loads on
 * the first call (or on reading `ready`), and nothing is opened or seeded
 * before that.
 */
export function createLocalSource(options: LocalSourceOptions = {}): LocalSource {
  return new LazyLocalSource(() => import('./local-crm-source.js').then((m) => m.openLocalSource(options)));
}
