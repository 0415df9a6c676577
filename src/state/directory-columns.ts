/**
 * The contact directory's visible columns, remembered per user (the host
 * passes a key such as the agent's id) in localStorage through
 * @nanostores/persistent, so the choice survives reloads and follows other tabs.
 */
import { persistentJSON } from '@nanostores/persistent';
import type { WritableAtom } from 'nanostores';

const PREFIX = 'ucrm:directory-columns:';
const stores = new Map<string, WritableAtom<string[] | null>>();

/** The stored column choice for `key`: `null` until the user customizes the table. */
export function directoryColumnsStore(key: string): WritableAtom<string[] | null> {
  let store = stores.get(key);
  if (!store) {
    store = persistentJSON<string[] | null>(`${PREFIX}${key}`, null);
    stores.set(key, store);
  }
  return store;
}
