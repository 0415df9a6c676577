/**
 * ucrm-widgets: importing this module registers every element and exposes
 * the public API. For per-element imports without registration use
 * `ucrm-widgets/<tag>`; to register one element, `ucrm-widgets/define/<tag>`.
 */
export * from './core/types.js';
export { CrmError, type CrmErrorCode } from './core/errors.js';
export * from './events.js';
export type * from './data/source.js';
export { UcrmElement, type Problem } from './components/shared/ucrm-element.js';
export { defineElement } from './components/shared/define-element.js';
export { resolveLocale, type Locale } from './i18n/localize.js';
