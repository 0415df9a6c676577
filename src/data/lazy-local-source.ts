/**
 * The public `createLocalSource`: the local source with its code (IndexedDB,
 * the indexes, contact writes) loaded on first use, so a page that uses
 * another source never downloads it. The implementation is local-source.ts.
 */
import type { CrmError } from '../core/errors.js';
import { LazySource } from './lazy-source.js';
import type { LocalSource, LocalSourceOptions } from './local-source.js';

class LazyLocalSource extends LazySource<LocalSource> implements LocalSource {
  readonly kind = 'local' as const;

  /** Starts the load; settles with the loaded source's `ready` (rejects only when its code cannot be fetched). */
  get ready(): Promise<void> {
    return this.implementation?.ready ?? this.loaded().then((source) => source.ready);
  }

  /** The loaded source's; undefined until it is loaded. */
  get persistenceError(): CrmError | undefined {
    return this.implementation?.persistenceError;
  }
}

/**
 * The embedded source: every contact in memory, written through to
 * IndexedDB (see `LocalSourceOptions`). Returned at once; its code loads on
 * the first call (or on reading `ready`), and nothing is opened or seeded
 * before that.
 */
export function createLocalSource(options: LocalSourceOptions = {}): LocalSource {
  return new LazyLocalSource(() => import('./local-source.js').then((m) => m.createLocalSource(options)));
}
