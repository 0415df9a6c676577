/**
 * The `token-source` attribute: a page without script wiring can still give
 * the REST source its bearer token, by naming a function the host page
 * defines (`token-source="crmAuth.getToken"` calls `window.crmAuth.getToken()`).
 * The name is looked up at every request, so the function may be defined
 * after the element, and a refreshed token is picked up.
 */
import { CrmError } from '../core/errors.js';

const PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/** True when `name` is a dotted path of identifiers (`getToken`, `crmAuth.getToken`). */
export function isTokenSourceName(name: string): boolean {
  return PATH.test(name);
}

/** The token hook for a `token-source` name: calls that page function (with its object as `this`). */
export function pageTokenHook(name: string): () => Promise<string> {
  return async () => {
    let owner: unknown;
    let value: unknown = globalThis;
    for (const part of name.split('.')) {
      owner = value;
      value = value == null ? undefined : (value as Record<string, unknown>)[part];
    }
    if (typeof value !== 'function') {
      throw new CrmError('unauthorized', `token-source="${name}" names no function on this page (window.${name}).`);
    }
    const token: unknown = await (value as (this: unknown) => unknown).call(owner);
    if (typeof token !== 'string') throw new CrmError('unauthorized', `window.${name}() gave no token (a string was expected).`);
    return token;
  };
}
