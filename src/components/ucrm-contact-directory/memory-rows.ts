/**
 * The directory's rows when the host owns the data (`contacts`): a search
 * index over them, and the visible list (search results, best first, or
 * every contact, narrowed by the filter's predicate).
 *
 * The index's code (core/search.js) is imported the first time contacts
 * arrive, not when the page loads: without a query every contact is shown at
 * once, no index needed. It is imported then, rather than at the first
 * query, so the first keystroke finds the code there and the index built, as
 * every later one does (building it over 100k contacts is not keystroke
 * work). A query typed before it lands shows the table's loading state, and
 * its results once the index is built.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ContactSearchIndex } from '../../core/search/index.js';
import type { Contact, FieldDef } from '../../core/types.js';
import { LazyChunk } from '../shared/lazy-chunk.js';

type SearchModule = typeof import('../../core/search/search.js');

export class MemoryRows {
  readonly chunk: LazyChunk<SearchModule>;
  /** The contacts shown, in order. */
  visible: Contact[] = [];
  readonly byId = new Map<string, Contact>();
  /** True while a query waits for the index's code: nothing is shown for it yet. */
  searching = false;
  /** Undefined until the code is imported, and after new contacts or fields until it is rebuilt. */
  private index?: ContactSearchIndex;
  private contacts: readonly Contact[] = [];
  private fields: readonly FieldDef[] = [];
  /** The last search and filter, redone when the index arrives. */
  private query = '';
  private test: (contact: Contact) => boolean = () => true;

  constructor(host: ReactiveControllerHost, failed: (error: unknown, retry: () => void) => void) {
    this.chunk = new LazyChunk(host, () => import('../../core/search/search.js'), { failed });
  }

  /** Indexes new contacts or fields (once the index's code is there). */
  reindex(contacts: readonly Contact[], fields: readonly FieldDef[]): void {
    this.contacts = contacts;
    this.fields = fields;
    this.byId.clear();
    for (const contact of contacts) this.byId.set(contact.id, contact);
    this.index = undefined;
    if (this.chunk.module) this.build(this.chunk.module);
    else if (contacts.length) {
      this.chunk.with((search) => {
        // Requests queued while importing share one build, of the latest contacts.
        if (this.index) return;
        this.build(search);
        this.refilter(this.query, this.test);
      });
    }
  }

  refilter(query: string, test: (contact: Contact) => boolean): void {
    this.query = query;
    this.test = test;
    const text = query.trim();
    const index = this.index;
    this.searching = text !== '' && !index && this.contacts.length > 0;
    const base = !text
      ? this.contacts
      : index
        ? index
            .search(text, { limit: this.contacts.length })
            .ids.map((id) => this.byId.get(id))
            .filter((c): c is Contact => c !== undefined)
        : [];
    const out: Contact[] = [];
    for (let i = 0; i < base.length; i++) if (test(base[i])) out.push(base[i]);
    this.visible = out;
  }

  private build({ ContactSearchIndex }: SearchModule): void {
    const index = new ContactSearchIndex({ customFields: [...this.fields] });
    for (const contact of this.contacts) index.add(contact);
    this.index = index;
  }
}
