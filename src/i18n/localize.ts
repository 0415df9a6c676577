import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The languages every visible string is written in. */
export type Locale = 'en' | 'es' | 'pt';
export const LOCALES: readonly Locale[] = ['en', 'es', 'pt'];

/** The languages that load on demand; English ships with the code. */
export type LoadedLocale = Exclude<Locale, 'en'>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Message = string | ((...args: any[]) => string);

/** The same keys, with the same argument lists, in another language. */
export type Translation<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/** How a catalog fetches one of its translations: `() => import('./es/feature.js')`. */
export type TranslationLoader<T> = () => Promise<{ default: Translation<T> }>;

/**
 * One feature's strings: English inline (the fallback, never a network
 * fetch away) and a loader per other language, so a page downloads only the
 * language it shows.
 */
export interface Catalog<T> {
  readonly en: T;
  readonly load: Record<LoadedLocale, TranslationLoader<T>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCatalog = Catalog<any>;

/**
 * How long an update waits for its translations before it renders English
 * (replaced when they arrive), and how soon a failed one is fetched again.
 * A stalled chunk must never leave a widget blank. Tests shorten them.
 */
export const translationTiming = { maxWaitMs: 1000, retryAfterMs: 5000 };

/** Per catalog: the translations loaded so far, those on their way, and when each last failed. */
interface CatalogState {
  loaded: Partial<Record<LoadedLocale, unknown>>;
  loading: Partial<Record<LoadedLocale, Promise<void>>>;
  /** Set once a load fails (the warning is logged then, and not again); cleared when one succeeds. */
  failedAt: Partial<Record<LoadedLocale, number>>;
}
const states = new Map<AnyCatalog, CatalogState>();
const loadedListeners = new Set<() => void>();

function stateOf(catalog: AnyCatalog): CatalogState {
  let state = states.get(catalog);
  if (!state) states.set(catalog, (state = { loaded: {}, loading: {}, failedAt: {} }));
  return state;
}

/**
 * Declares one feature's strings: English here, each other language in its
 * own module. The type checker refuses a translation that misses a key
 * English has or changes a message's arguments.
 */
export function defineStrings<T extends Record<string, Message>>(
  en: T,
  load: Record<LoadedLocale, TranslationLoader<T>>,
): Catalog<T> {
  return { en, load };
}

/** `catalog` in `locale` if that translation is loaded; otherwise English, and the translation starts loading. */
export function translate<T>(catalog: Catalog<T>, locale: Locale): T {
  if (locale === 'en') return catalog.en;
  const loaded = states.get(catalog)?.loaded[locale] as T | undefined;
  if (loaded) return loaded;
  void startLoad(catalog, locale);
  return catalog.en;
}

/**
 * Loads `catalogs` in `locale`. `undefined` when there is nothing to wait
 * for (so callers can stay synchronous); otherwise a promise that never
 * rejects and settles when they are loaded, or after
 * `translationTiming.maxWaitMs` at the latest. A translation that failed
 * before is not waited for: English shows at once, and it is fetched again
 * in the background, at most every `retryAfterMs`. Whatever arrives late
 * re-renders the elements showing English (see `LocalizeController`).
 */
export function loadTranslations(catalogs: readonly AnyCatalog[], locale: Locale): Promise<void> | undefined {
  if (locale === 'en') return undefined;
  const waits: Promise<void>[] = [];
  for (const catalog of catalogs) {
    const state = states.get(catalog);
    if (state?.loaded[locale]) continue;
    const failedBefore = state?.failedAt[locale] !== undefined;
    const loading = startLoad(catalog, locale);
    if (loading && !failedBefore) waits.push(loading);
  }
  if (waits.length === 0) return undefined;
  return new Promise((settle) => {
    const timer = setTimeout(settle, translationTiming.maxWaitMs);
    void Promise.all(waits).then(() => {
      clearTimeout(timer);
      settle();
    });
  });
}

/** The catalog's load in `locale`, started unless one is under way or the last failed too recently. */
function startLoad(catalog: AnyCatalog, locale: LoadedLocale): Promise<void> | undefined {
  const state = stateOf(catalog);
  const loading = state.loading[locale];
  if (loading) return loading;
  const failedAt = state.failedAt[locale];
  if (failedAt !== undefined && Date.now() - failedAt < translationTiming.retryAfterMs) return undefined;
  return (state.loading[locale] = catalog.load[locale]().then(
    (module) => {
      delete state.loading[locale];
      state.loaded[locale] = module.default;
      delete state.failedAt[locale];
      for (const listener of loadedListeners) listener();
    },
    (error: unknown) => {
      delete state.loading[locale]; // A failed chunk load may succeed next time.
      if (failedAt === undefined) console.warn(`ucrm-widgets: the ${locale} strings could not be loaded; showing English.`, error);
      state.failedAt[locale] = Date.now();
    },
  ));
}

/**
 * `load` (a dynamic import) made to settle only once the catalogs of the
 * module it brings are loaded in `locale()` too, so what the module renders
 * never shows English first.
 */
export function withTranslations<M>(
  load: () => Promise<M>,
  catalogsOf: (module: M) => readonly AnyCatalog[],
  locale: () => Locale,
): () => Promise<M> {
  return async () => {
    const module = await load();
    await loadTranslations(catalogsOf(module), locale());
    return module;
  };
}

/** Calls `listener` whenever a translation finishes loading; returns the unsubscribe. */
export function onTranslationLoaded(listener: () => void): () => void {
  loadedListeners.add(listener);
  return () => loadedListeners.delete(listener);
}

/** Forgets every loaded translation (tests). */
export function resetTranslations(): void {
  states.clear();
}

/** `es-AR` → `es`, `pt-BR` → `pt`; anything we do not ship → `en`. */
export function resolveLocale(lang: string | null | undefined): Locale {
  const base = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en';
}

/** The nearest `lang` up the tree, crossing shadow roots, then `<html lang>`. */
export function langOf(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return document.documentElement.lang;
}

/**
 * Keeps an element's locale in step with `lang` on itself, its ancestors or
 * `<html>`, and re-renders the element when it changes or when a
 * translation it may be showing in English arrives.
 */
export class LocalizeController implements ReactiveController {
  locale: Locale = 'en';
  private observer?: MutationObserver;
  private unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.update();
    this.observer = new MutationObserver(() => this.update());
    const options = { attributes: true, attributeFilter: ['lang'] };
    this.observer.observe(this.host, options);
    this.observer.observe(document.documentElement, options);
    this.unsubscribe = onTranslationLoaded(() => {
      if (this.locale !== 'en') this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.unsubscribe?.();
  }

  private update(): void {
    const next = resolveLocale(langOf(this.host));
    if (next !== this.locale) {
      this.locale = next;
      this.host.requestUpdate();
    }
  }
}
