/**
 * The `Host` allow-list, against DNS rebinding: a page on `evil.example`
 * whose name the attacker re-points at 127.0.0.1 reaches this server as
 * same-origin, with `Host: evil.example`. Only the names the server is
 * meant to be reached by are answered (loopback by default, plus
 * `UCRM_ALLOWED_HOSTS`); any other gets `421 Misdirected Request`.
 */
import type { MiddlewareHandler } from 'hono';
import type { Env } from './http.js';
import { HttpProblem } from './problems.js';

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];

/** `example.com:8080` → `example.com`, `[::1]:8787` and `::1` → `::1`; lower case, no trailing dot. */
export function hostName(header: string): string {
  const trimmed = header.trim().toLowerCase();
  if (trimmed.startsWith('[')) return trimmed.slice(1, trimmed.indexOf(']'));
  if (trimmed.indexOf(':') !== trimmed.lastIndexOf(':')) return trimmed; // a bare IPv6 address
  return trimmed.replace(/:\d*$/, '').replace(/\.$/, '');
}

/**
 * A matcher for the allowed names: exact names, `*.example.com` (any
 * subdomain), or `*` (any host: only behind a proxy that checks it).
 */
export function hostMatcher(allowed: readonly string[]): (host: string | undefined) => boolean {
  const patterns = allowed.map((entry) => hostName(entry)).filter(Boolean);
  if (patterns.includes('*')) return () => true;
  const exact = new Set(patterns.filter((p) => !p.startsWith('*.')));
  const suffixes = patterns.filter((p) => p.startsWith('*.')).map((p) => p.slice(1));
  return (header) => {
    if (!header) return false;
    const name = hostName(header);
    return exact.has(name) || suffixes.some((suffix) => name.endsWith(suffix) && name.length > suffix.length);
  };
}

/** Refuses a request whose Host is not allowed; `exempt` paths (health probes, which use pod IPs) pass. */
export function hostAllowList(allowed: readonly string[], exempt: readonly string[]): MiddlewareHandler<Env> {
  const matches = hostMatcher(allowed);
  return async (c, next) => {
    if (!exempt.includes(c.req.path) && !matches(c.req.header('host'))) {
      throw new HttpProblem('unauthorized', (m) => m.hostRejected, { status: 421 });
    }
    await next();
  };
}
