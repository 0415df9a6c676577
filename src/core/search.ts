/**
 * Contact search index. PLACEHOLDER API ONLY — the real fuzzy index replaces
 * this implementation (see issue "screen pop", part 3). The API is fixed.
 */
import type { Contact, FieldDef } from './types.js';

export interface SearchIndexOptions {
  /** Custom fields to search (whole-word); checkbox, date and datetime are skipped. */
  customFields?: FieldDef[];
}

export interface IndexSearchOptions {
  limit?: number;
  offset?: number;
}

export interface IndexSearchResult {
  /** Contact ids, best match first. */
  ids: string[];
  total: number;
}

export class ContactSearchIndex {
  private readonly contacts = new Map<string, Contact>();

  constructor(private readonly options: SearchIndexOptions = {}) {}

  get size(): number {
    return this.contacts.size;
  }

  /** Adds a contact, replacing any indexed contact with the same id. */
  add(contact: Contact): void {
    this.contacts.set(contact.id, contact);
  }

  remove(id: string): void {
    this.contacts.delete(id);
  }

  clear(): void {
    this.contacts.clear();
  }

  search(query: string, { limit = 20, offset = 0 }: IndexSearchOptions = {}): IndexSearchResult {
    const q = query.trim().toLowerCase();
    if (!q) return { ids: [], total: 0 };
    const keys = (this.options.customFields ?? []).map((f) => f.key);
    const ids = [...this.contacts.values()]
      .filter((c) =>
        [c.firstName, c.lastName, ...c.emails, ...c.phones, ...keys.map((k) => String(c.custom[k] ?? ''))]
          .join(' ')
          .toLowerCase()
          .includes(q),
      )
      .map((c) => c.id);
    return { ids: ids.slice(offset, offset + limit), total: ids.length };
  }
}
