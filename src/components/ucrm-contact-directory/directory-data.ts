/**
 * The contact directory's rows when it works on a data source (no
 * `contacts` property): the source filters and searches, and the rows are
 * fetched a page at a time as the virtualized list scrolls to them. Rows not
 * loaded yet are holes in `rows`, drawn as placeholders. A newer filter or
 * search aborts the pages of the older one, so the list never shows a stale
 * answer.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAborted } from '../../core/errors.js';
import type { ContactFilter } from '../../core/filters/index.js';
import type { Contact } from '../../core/types.js';
import { contactAdminOf, type AdminSource, type CrmSource } from '../../data/source.js';
import { directorySourceStrings } from '../../i18n/strings/directory-source.js';

export type { AdminSource };

/** Rows per request: a few screens of the list. */
const PAGE_SIZE = 100;
const ALL: ContactFilter = { match: 'all', conditions: [] };

export interface DirectoryDataDeps {
  filter: () => ContactFilter;
  /** The segment the list is in (main list or Block segment): its size is the "of N" of the count. */
  segment?: () => ContactFilter;
  query: () => string;
  /** Reports a failed load; `retry` runs it again. */
  failed: (operation: string, error: unknown, retry: () => void) => void;
}

export class DirectoryData implements ReactiveController {
  /** The source the rows come from, when it has the contact management operations. */
  admin?: AdminSource;
  /** The source last attached (with or without the operations). */
  source?: CrmSource;
  /** Every row of the current filter and search; undefined where not loaded yet. */
  rows: (Contact | undefined)[] = [];
  /** How many contacts the source has in all (the "of N" in the count). */
  allTotal = 0;
  loading = false;
  /** True while the source is being looked at (a lazily loaded source loads first). */
  attaching = false;
  /** The strings only a directory on a source shows, loaded with it. */
  readonly strings = directorySourceStrings;
  /** Every contact seen, by id (merge and details read from it). */
  readonly cache = new Map<string, Contact>();

  private abort = new AbortController();
  private readonly pages = new Set<number>();
  /** The rows on screen, so a reload (after a write) refetches them even if the list did not scroll. */
  private range = { first: 0, last: 0 };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: DirectoryDataDeps,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort.abort();
  }

  /**
   * Uses `source` from now on. Resolves true when it has the contact
   * management operations, false when it lacks them, undefined when a newer
   * source replaced it meanwhile or it could not be loaded (reported, with a retry).
   */
  async attach(source: CrmSource): Promise<boolean | undefined> {
    this.abort.abort();
    this.source = source;
    this.admin = undefined;
    this.rows = [];
    this.cache.clear();
    this.attaching = true;
    try {
      const admin = await contactAdminOf(source);
      if (this.source !== source) return undefined;
      this.admin = admin;
      return admin !== undefined;
    } catch (error) {
      if (this.source !== source) return undefined;
      // Forgetting the source makes the next update attach it again.
      this.deps.failed('load', error, () => {
        this.source = undefined;
        this.host.requestUpdate();
      });
      return undefined;
    } finally {
      if (this.source === source) this.attaching = false;
      this.host.requestUpdate();
    }
  }

  /** Reloads from the first page (after a new filter, search or write). */
  async refresh(): Promise<void> {
    const admin = this.admin;
    if (!admin) return;
    this.abort.abort();
    const abort = (this.abort = new AbortController());
    this.pages.clear();
    this.loading = true;
    this.host.requestUpdate();
    try {
      const [page, all] = await Promise.all([
        admin.queryContacts(this.deps.filter(), { query: this.deps.query(), limit: PAGE_SIZE, signal: abort.signal }),
        admin.queryContacts(this.deps.segment?.() ?? ALL, { limit: 0, signal: abort.signal }),
      ]);
      this.rows = new Array<Contact | undefined>(page.total);
      this.place(0, page.items);
      this.pages.add(0);
      this.allTotal = all.total;
      this.ensure(this.range.first, this.range.last);
    } catch (error) {
      if (!isAborted(error)) this.deps.failed('load', error, () => void this.refresh());
    } finally {
      if (this.abort === abort) this.loading = false;
      this.host.requestUpdate();
    }
  }

  /** Makes sure the rows `first`..`last` are loaded (the virtualizer's visible range). */
  ensure(first: number, last: number): void {
    this.range = { first, last };
    if (!this.admin || last < 0) return;
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
      if (!this.pages.has(page) && page * PAGE_SIZE < this.rows.length) void this.loadPage(page);
    }
  }

  /** Every id matching the current filter and search (select all). */
  allIds(): Promise<string[]> {
    return this.admin!.queryContactIds(this.deps.filter(), { query: this.deps.query() });
  }

  /** Every contact matching the current filter and search (bulk update on the filter). */
  async matching(): Promise<Contact[]> {
    const { items } = await this.admin!.queryContacts(this.deps.filter(), { query: this.deps.query() });
    items.forEach((contact) => this.cache.set(contact.id, contact));
    return items;
  }

  /** These contacts, fresh from the source, in this order. */
  async contacts(ids: readonly string[]): Promise<Contact[]> {
    const contacts = await this.admin!.getContacts(ids);
    contacts.forEach((contact) => this.cache.set(contact.id, contact));
    return contacts;
  }

  /** A contact changed elsewhere (the details): shows its new version where it is listed. */
  replace(contact: Contact): void {
    this.cache.set(contact.id, contact);
    const at = this.rows.findIndex((row) => row?.id === contact.id);
    if (at >= 0) this.rows = this.rows.map((row, i) => (i === at ? contact : row));
    this.host.requestUpdate();
  }

  private async loadPage(page: number): Promise<void> {
    const admin = this.admin!;
    const abort = this.abort;
    this.pages.add(page);
    try {
      const { items } = await admin.queryContacts(this.deps.filter(), {
        query: this.deps.query(),
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
        signal: abort.signal,
      });
      if (abort !== this.abort) return;
      // A new array, so the virtualizer re-renders the placeholders that are now loaded.
      this.rows = [...this.rows];
      this.place(page * PAGE_SIZE, items);
      this.host.requestUpdate();
    } catch (error) {
      this.pages.delete(page);
      if (!isAborted(error)) this.deps.failed('load', error, () => void this.loadPage(page));
    }
  }

  private place(offset: number, items: Contact[]): void {
    items.forEach((contact, i) => {
      if (offset + i < this.rows.length) this.rows[offset + i] = contact;
      this.cache.set(contact.id, contact);
    });
  }
}
