/**
 * The four search engines, each behind the same two calls, on the same
 * contacts. The competitors get a configuration a careful user would pick
 * from their documentation for "fuzzy contact search" (bench/README.md).
 */
import Fuse from 'fuse.js';
import uFuzzy from '@leeoniya/ufuzzy';
import MiniSearch from 'minisearch';
import { ContactSearchIndex } from '../../src/core/search/search.js';
import type { Contact, FieldDef } from '../../src/core/types.js';

export interface Engine {
  name: string;
  /** Builds the index; the timed part. */
  build(contacts: Contact[], docs: Doc[]): void;
  /** Ids of the best 10 results. */
  search(query: string): string[];
}

/** What the competitors index: the same fields ours reads from a Contact. */
export interface Doc {
  id: string;
  name: string;
  emails: string[];
  phones: string[];
  e164: string[];
}

export function toDoc(contact: Contact): Doc {
  return {
    id: contact.id,
    name: `${contact.firstName} ${contact.lastName}`,
    emails: contact.emails,
    phones: contact.phones,
    e164: contact.identities.filter((i) => i.kind === 'phone').map((i) => i.value),
  };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function ours(customFields: FieldDef[]): Engine {
  let index = new ContactSearchIndex({ customFields });
  return {
    name: 'ours',
    build(contacts) {
      index = new ContactSearchIndex({ customFields });
      for (const contact of contacts) index.add(contact);
    },
    search: (query) => index.search(query, { limit: 10 }).ids,
  };
}

export function fuse(): Engine {
  let engine: Fuse<Doc> | undefined;
  return {
    name: 'Fuse.js',
    build(_contacts, docs) {
      engine = new Fuse(docs, {
        keys: ['name', 'emails', 'phones', 'e164'],
        ignoreLocation: true,
        ignoreDiacritics: true,
      });
    },
    search: (query) => engine!.search(query, { limit: 10 }).map((r) => r.item.id),
  };
}

export function ufuzzy(): Engine {
  const uf = new uFuzzy({ intraMode: 1 });
  let haystack: string[] = [];
  let ids: string[] = [];
  return {
    name: 'uFuzzy',
    build(_contacts, docs) {
      ids = docs.map((d) => d.id);
      haystack = uFuzzy.latinize(docs.map((d) => `${d.name} ${d.emails.join(' ')} ${d.phones.join(' ')} ${d.e164.join(' ')}`));
    },
    search(query) {
      const [idxs, info, order] = uf.search(haystack, uFuzzy.latinize(query), 0, 1000);
      if (!idxs) return [];
      const top = order && info ? order.slice(0, 10).map((i) => info.idx[i]!) : idxs.slice(0, 10);
      return top.map((i) => ids[i]!);
    },
  };
}

export function minisearch(): Engine {
  let engine: MiniSearch<Doc> | undefined;
  return {
    name: 'MiniSearch',
    build(_contacts, docs) {
      engine = new MiniSearch<Doc>({
        fields: ['name', 'emails', 'phones', 'e164'],
        extractField: (doc, field) => {
          const value = doc[field as keyof Doc];
          return Array.isArray(value) ? value.join(' ') : value;
        },
        processTerm: (term) => fold(term),
        searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' },
      });
      engine.addAll(docs);
    },
    search: (query) => engine!.search(query).slice(0, 10).map((r) => r.id as string),
  };
}
