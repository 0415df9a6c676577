/**
 * Identity key → contact ids, for every identity of every contact AND every
 * equivalent form of it, so finding the contacts of a ClientID (in any of its
 * forms) is one Map lookup.
 */
import { equivalentForms, identityKey } from './identity.js';
import type { Contact, Identity } from '../types.js';

export class IdentityIndex {
  /**
   * key → one id, or the ids of every contact sharing it. Nearly every key
   * has one contact, and a string per key instead of a Set keeps 100k
   * contacts cheap in memory and in garbage collection.
   */
  private readonly ids = new Map<string, string | string[]>();
  /** contact id → the keys it is indexed under, to remove it again */
  private readonly keysOf = new Map<string, string[]>();

  /** Indexes the contact's (already normalized) identities, replacing what it was indexed under. */
  add(contact: Pick<Contact, 'id' | 'identities'>): void {
    this.remove(contact.id);
    const keys = new Set<string>();
    for (const identity of contact.identities) {
      for (const form of equivalentForms(identity)) keys.add(identityKey(form.identity));
    }
    for (const key of keys) {
      const ids = this.ids.get(key);
      if (ids === undefined) this.ids.set(key, contact.id);
      else if (typeof ids === 'string') this.ids.set(key, [ids, contact.id]);
      else ids.push(contact.id);
    }
    this.keysOf.set(contact.id, [...keys]);
  }

  remove(id: string): void {
    for (const key of this.keysOf.get(id) ?? []) {
      const ids = this.ids.get(key);
      const rest = typeof ids === 'string' ? [] : (ids ?? []).filter((other) => other !== id);
      if (rest.length === 0) this.ids.delete(key);
      else this.ids.set(key, rest.length === 1 ? rest[0]! : rest);
    }
    this.keysOf.delete(id);
  }

  /** Ids of the contacts holding this normalized identity or an equivalent form, in indexing order. */
  get(identity: Identity): string[] {
    const ids = this.ids.get(identityKey(identity));
    return ids === undefined ? [] : typeof ids === 'string' ? [ids] : [...ids];
  }
}
