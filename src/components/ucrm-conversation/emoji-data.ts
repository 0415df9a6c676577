/**
 * The emoji data the kit serves itself (emoji-picker-element-data, one JSON
 * file per language: English in Emojibase's shortcodes, Spanish and
 * Portuguese in CLDR's names), so an embedding with no network beyond its
 * host still has emojis. Each URL is written `new URL(<file>, import.meta.url)`:
 * the test server serves the file where it lies, Vite (the library build,
 * the bundles, the dev server, Storybook) copies it next to the built
 * modules and rewrites the URL (`?no-inline`: library builds would inline it
 * into the JavaScript otherwise), and a host's bundler does the same with
 * the built module. The URL resolves against wherever the module is served.
 */
import type { Locale } from '../../i18n/localize.js';

const URLS: Record<Locale, () => URL> = {
  en: () => new URL('../../../node_modules/emoji-picker-element-data/en/emojibase/data.json?no-inline', import.meta.url),
  es: () => new URL('../../../node_modules/emoji-picker-element-data/es/cldr/data.json?no-inline', import.meta.url),
  pt: () => new URL('../../../node_modules/emoji-picker-element-data/pt/cldr/data.json?no-inline', import.meta.url),
};

/** The kit's own emoji data for `locale` (absolute, so the picker stores it under one key). */
export function emojiDataUrl(locale: Locale): string {
  return (URLS[locale] ?? URLS.en)().href;
}
