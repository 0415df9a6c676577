import { CrmError } from '../core/errors.js';
import { resolveLocale, translate } from '../i18n/localize.js';
import { commonStrings } from '../i18n/strings/common.js';
import type { RestSourceOptions } from './rest-source.js';

/** Throws `invalid` (in the UI's language) unless `options` has a baseUrl: a REST source without one is a host's bug, told at once. */
export function requireBaseUrl(options: RestSourceOptions | undefined): asserts options is RestSourceOptions {
  if (!options?.baseUrl) throw new CrmError('invalid', translate(commonStrings, resolveLocale(options?.locale?.())).noBaseUrl);
}
