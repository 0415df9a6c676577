import type { CrmSource } from './source.js';

/** A source loaded on first use, plus what a LocalSource says about its storage. */
export interface LazySource extends CrmSource {
  /** The loaded source's `persistenceError`, once it is loaded (LocalSource only). */
  readonly persistenceError: unknown;
  /** Loads the implementation: optional capabilities (contact management) are found on it. */
  loaded(): Promise<CrmSource>;
}

/**
 * A `CrmSource` whose implementation is fetched on the first call, so an
 * element that may use the local or the REST source does not ship both (nor
 * either, until it needs one). `resolve` is always there: the loaded
 * source's own, or composed from its lookups.
 */
export function createLazySource(load: () => Promise<CrmSource>): LazySource {
  let loaded: CrmSource | undefined;
  let loading: Promise<CrmSource> | undefined;
  const source = () =>
    (loading ??= load().then(
      (s) => (loaded = s),
      (error: unknown) => {
        loading = undefined; // A failed chunk load may succeed on retry.
        throw error;
      },
    ));
  return {
    get persistenceError() {
      return (loaded as { persistenceError?: unknown } | undefined)?.persistenceError;
    },
    loaded: source,
    getContact: async (...args) => (await source()).getContact(...args),
    findByIdentity: async (...args) => (await source()).findByIdentity(...args),
    search: async (...args) => (await source()).search(...args),
    createContact: async (...args) => (await source()).createContact(...args),
    updateContact: async (...args) => (await source()).updateContact(...args),
    addIdentity: async (...args) => (await source()).addIdentity(...args),
    removeIdentity: async (...args) => (await source()).removeIdentity(...args),
    listSections: async (...args) => (await source()).listSections(...args),
    listCampaigns: async (...args) => (await source()).listCampaigns(...args),
    resolve: async (context, options) => {
      const loadedSource = await source();
      if (loadedSource.resolve) return loadedSource.resolve(context, options);
      // Composing a pop needs the phone rules; only a source without resolve() pays for them.
      const { resolveWithSource } = await import('./resolve-with-source.js');
      return resolveWithSource(loadedSource, context, {
        signal: options?.signal ?? new AbortController().signal,
        defaultRegion: options?.defaultRegion,
      });
    },
  };
}
