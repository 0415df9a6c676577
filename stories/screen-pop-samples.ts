/**
 * Sources for the screen-pop stories: the demo data in memory (never
 * persisted, so stories do not touch each other's IndexedDB), plus sources
 * that stay loading, fail, or have lost their storage.
 */
import { CrmError } from '../src/core/errors.js';
import { createLocalSource, type LocalSource } from '../src/data/local-source.js';
import { generateDemoData } from '../src/data/demo-data.js';
import type { CrmSource } from '../src/data/source.js';

let shared: LocalSource | undefined;

/** ~300 generated contacts with the demo fixtures (Martín, the Pérez family, Ana, ...). */
export function demoSource(): LocalSource {
  if (!shared) {
    const data = generateDemoData({ count: 300 });
    shared = createLocalSource({ persist: false, ...data });
  }
  return shared;
}

/** Every call waits forever: the loading state. */
export function pendingSource(): CrmSource {
  const never = () => new Promise<never>(() => {});
  return new Proxy(demoSource(), {
    get: (target, key) => (typeof key === 'string' && typeof Reflect.get(target, key) === 'function' ? never : Reflect.get(target, key)),
  });
}

/** Every call fails as an unreachable CRM would. */
export function failingSource(): CrmSource {
  const fail = () => Promise.reject(new CrmError('unavailable', 'The CRM cannot be reached right now.'));
  return new Proxy(demoSource(), {
    get: (target, key) => (typeof key === 'string' && typeof Reflect.get(target, key) === 'function' ? fail : Reflect.get(target, key)),
  });
}

/** The demo source, as if IndexedDB had been blocked: works from memory and says so. */
export function memoryOnlySource(): CrmSource {
  const source = demoSource();
  return new Proxy(source, {
    get: (target, key) => {
      if (key === 'persistenceError') return new CrmError('unavailable', 'IndexedDB is blocked in this browser.');
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
