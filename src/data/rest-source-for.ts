import { deferredRestSource } from './rest-source.js';
import type { CrmSource } from './source.js';
import { isTokenSourceName, pageTokenHook } from './token-source.js';

export interface RestSourceForOptions {
  /** The element's UI language, sent as Accept-Language. */
  locale: () => string;
  defaultRegion?: () => string | undefined;
  /** The element's `token-source` attribute: the page function that gives the bearer token. */
  tokenSource?: string;
}

/** True when `value` is an absolute or page-relative http(s) URL. */
function isApiBase(value: string): boolean {
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The REST source an `api-base` attribute selects, loaded on first use so
 * that pages on the embedded source never download the HTTP client.
 * `undefined` when the attribute is empty; `invalid` when it is not a URL.
 */
export function restSourceFor(
  apiBase: string | undefined,
  options: RestSourceForOptions,
): CrmSource | undefined | 'invalid' {
  const value = apiBase?.trim();
  if (!value) return undefined;
  if (!isApiBase(value)) return 'invalid';
  const baseUrl = new URL(value, document.baseURI).href;
  const tokenSource = options.tokenSource?.trim();
  const token = tokenSource && isTokenSourceName(tokenSource) ? pageTokenHook(tokenSource) : undefined;
  // The region is read when the source loads, once the provider's config is in.
  return deferredRestSource(() => ({
    baseUrl,
    locale: options.locale,
    defaultRegion: options.defaultRegion?.(),
    ...(token ? { token } : {}),
  }));
}
