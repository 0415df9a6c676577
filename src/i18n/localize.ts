import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The languages every visible string is written in. */
export type Locale = 'en' | 'es' | 'pt';
export const LOCALES: readonly Locale[] = ['en', 'es', 'pt'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Message = string | ((...args: any[]) => string);

/** The same keys, with the same argument lists, in another language. */
export type Translation<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

export interface Catalog<T> {
  en: T;
  es: Translation<T>;
  pt: Translation<T>;
}

/**
 * Declares one feature's strings in every locale. The type checker refuses
 * a catalog where Spanish or Portuguese misses a key English has.
 */
export function defineStrings<T extends Record<string, Message>>(catalog: Catalog<T>): Catalog<T> {
  return catalog;
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
 * `<html>`, and re-renders the element when it changes.
 */
export class LocalizeController implements ReactiveController {
  locale: Locale = 'en';
  private observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.update();
    this.observer = new MutationObserver(() => this.update());
    const options = { attributes: true, attributeFilter: ['lang'] };
    this.observer.observe(this.host, options);
    this.observer.observe(document.documentElement, options);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  private update(): void {
    const next = resolveLocale(langOf(this.host));
    if (next !== this.locale) {
      this.locale = next;
      this.host.requestUpdate();
    }
  }
}
