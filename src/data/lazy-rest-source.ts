/**
 * The public `createRestSource`: the REST source with its code (ky, the
 * error mapping) loaded on the first call. The implementation is
 * rest-source.ts.
 */
import { LazySource } from './lazy-source.js';
import { requireBaseUrl } from './rest-base-url.js';
import type { RestSourceOptions } from './rest-source.js';
import type { ContactAdminSource, CrmSource } from './source.js';

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
export function createRestSource(options: RestSourceOptions): CrmSource & ContactAdminSource {
  requireBaseUrl(options);
  return new LazySource(() => import('./rest-source.js').then((m) => m.createRestSource(options)));
}
