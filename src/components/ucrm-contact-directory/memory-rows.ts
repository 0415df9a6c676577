/**
 * The directory's rows when the host owns the data (`contacts`): a search
 * index over them, and the visible list (search results, best first, or
 * every contact, narrowed by the filter's predicate).
 */
import { ContactSearchIndex } from '../../core/search.js';
import type { Contact, FieldDef } from '../../core/types.js';

export class MemoryRows {
  /** The contacts shown, in order. */
  visible: Contact[] = [];
  readonly byId = new Map<string, Contact>();
  private index = new ContactSearchIndex();
  private contacts: readonly Contact[] = [];

  /** Indexes new contacts or fields. */
  reindex(contacts: readonly Contact[], fields: readonly FieldDef[]): void {
    this.contacts = contacts;
    this.index = new ContactSearchIndex({ customFields: [...fields] });
    this.byId.clear();
    for (const contact of contacts) {
      this.index.add(contact);
      this.byId.set(contact.id, contact);
    }
  }

  refilter(query: string, test: (contact: Contact) => boolean): void {
    const text = query.trim();
    const base = text
      ? this.index
          .search(text, { limit: this.contacts.length })
          .ids.map((id) => this.byId.get(id))
          .filter((c): c is Contact => c !== undefined)
      : this.contacts;
    const out: Contact[] = [];
    for (let i = 0; i < base.length; i++) if (test(base[i])) out.push(base[i]);
    this.visible = out;
  }
}
