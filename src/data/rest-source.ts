/**
 * `createRestSource`: the `CrmSource` over the REST contract of
 * docs/rest-api.md. It returns at once; the implementation
 * (rest-crm-source.ts: ky, the error mapping) loads on the first call, so a
 * page on the embedded source never downloads the HTTP client.
 */
import { CrmError } from '../core/errors.js';
import { resolveLocale, translate } from '../i18n/localize.js';
import { commonStrings } from '../i18n/strings/common.js';
import { LazySource } from './lazy-source.js';
import type { CompleteSource } from './source.js';

export interface RestRetryOptions {
  /** Retries after the first attempt (default 2; 0 turns retrying off). */
  limit?: number;
  /** Upper bound of one backoff delay, in ms (default 5000). */
  backoffLimit?: number;
  /** A longer `Retry-After` than this (ms) fails at once instead of waiting (default 10000). */
  maxRetryAfter?: number;
}

export interface RestSourceOptions {
  /** Where the contract is served, e.g. `https://crm.example.com/api/ucrm`. */
  baseUrl: string;
  /** Called before every attempt, so a refreshed token is picked up. Never put a token in an attribute. */
  token?: () => string | Promise<string>;
  /** Per attempt, in ms (default 10000); a call that takes longer fails with `timeout`. */
  timeout?: number;
  /** A number is the retry limit. */
  retry?: number | RestRetryOptions;
  /** The UI language, sent as Accept-Language so the server's messages match it. */
  locale?: () => string;
  /** ISO 3166 region for national phone numbers, sent with calls that normalize identities. */
  defaultRegion?: string;
  /** A fetch to use instead of the global one (tests, instrumentation). */
  fetch?: typeof fetch;
}

/** Throws `invalid` (in the UI's language) unless `options` has a baseUrl: a REST source without one is a host's bug, told at once. */
function requireBaseUrl(options: RestSourceOptions | undefined): asserts options is RestSourceOptions {
  if (!options?.baseUrl) throw new CrmError('invalid', translate(commonStrings, resolveLocale(options?.locale?.())).noBaseUrl);
}

/**
 * A REST source whose options are read when its code loads, on the first
 * call (`api-base` uses it: the provider's region is known by then).
 * Internal; hosts call `createRestSource`.
 */
export function deferredRestSource(options: () => RestSourceOptions): CompleteSource {
  return new LazySource(() => import('./rest-crm-source.js').then((m) => m.openRestSource(options())));
}

/**
 * A `CrmSource` over the REST contract of docs/rest-api.md, with the contact
 * management operations (`ContactAdminSource`), so `hasContactAdmin` is true.
 * Throws `invalid` at once without a `baseUrl`; the HTTP client loads on the
 * first call, and a call whose code cannot be fetched rejects (the next one
 * tries again).
 *
 * @example
 * const source = createRestSource({ baseUrl: 'https://crm.example.com/ucrm', token: () => auth.accessToken() });
 */
export function createRestSource(options: RestSourceOptions): CompleteSource {
  requireBaseUrl(options);
  return deferredRestSource(() => options);
}
