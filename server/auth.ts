/**
 * Who is calling: every bearer token names an agent, whose id every route
 * reads as `c.get('agent')` (saved views belong to it; the workspace assigns
 * interactions to it). Three kinds of token, tried in this order:
 *
 * 1. static tokens for development (`UCRM_TOKENS="tokenA:agent-1,tokenB:agent-2"`,
 *    and `UCRM_TOKEN`, one token for agent `UCRM_TOKEN_AGENT` or `default`),
 *    compared in constant time by Hono's bearer-auth middleware;
 * 2. a JWT signed with HS256 and `UCRM_JWT_SECRET` (Hono's jwt middleware);
 * 3. a JWT signed by a key of `UCRM_JWKS_URL` (Hono's jwk middleware; the key
 *    set is fetched at most every 5 minutes, sooner when a token names a key
 *    it does not have).
 *
 * A JWT's agent is its `sub` claim; `exp`/`nbf` are checked, and `iss`/`aud`
 * when `UCRM_JWT_ISSUER`/`UCRM_JWT_AUDIENCE` are set. With no token
 * configured at all, every caller is the agent `anonymous`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';
import { jwk } from 'hono/jwk';
import { jwt } from 'hono/jwt';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { HonoJsonWebKey } from 'hono/utils/jwt/jws';
import type { Env } from './http.js';
import { isCleanText } from './input-guard.js';
import { HttpProblem } from './problems.js';

export const ANONYMOUS_AGENT = 'anonymous';

export interface AuthOptions {
  /** Static tokens (development): token → agent id. */
  tokens?: Record<string, string>;
  /** HS256 shared secret for signed tokens. */
  jwtSecret?: string;
  /** A JSON Web Key Set URL for signed tokens (RS256, ES256, EdDSA...). */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

/** Whether any token is configured (otherwise every request is `anonymous`). */
export function authEnabled(options: AuthOptions): boolean {
  return Boolean(Object.keys(options.tokens ?? {}).length || options.jwtSecret || options.jwksUrl);
}

/**
 * `UCRM_TOKENS` (`token:agent,...`) plus `UCRM_TOKEN` (agent `UCRM_TOKEN_AGENT`
 * or `default`); throws on a malformed entry, so a typo stops the start.
 */
export function staticTokensFromEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const entry of (env.UCRM_TOKENS ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const at = entry.lastIndexOf(':');
    const [token, agent] = [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
    if (at <= 0 || !token || !agent) throw new Error(`UCRM_TOKENS: "token:agent" expected, got an entry without an agent`);
    tokens[token] = agent;
  }
  if (env.UCRM_TOKEN) tokens[env.UCRM_TOKEN] = env.UCRM_TOKEN_AGENT || 'default';
  // A token bearer-auth can never accept (RFC 6750 characters only) must stop the start, not lock everyone out.
  for (const token of Object.keys(tokens)) {
    if (!/^[A-Za-z0-9._~+/-]+=*$/.test(token)) throw new Error('UCRM_TOKEN(S): a token may use only A-Z a-z 0-9 - . _ ~ + / (and = at the end)');
  }
  return tokens;
}

/** An agent id we accept from a token: short, printable. */
function validAgent(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 && isCleanText(value) && !/[\p{Cc}]/u.test(value);
}

const JWKS_MAX_AGE_MS = 5 * 60_000;
const JWKS_MIN_REFETCH_MS = 30_000;

/** The key set of `url`, cached; refetched when stale, or (rate-limited) when a token names an unknown key. */
function jwksCache(url: string) {
  let keys: HonoJsonWebKey[] | undefined;
  let fetchedAt = 0;
  let pending: Promise<HonoJsonWebKey[]> | undefined;
  const refresh = async () => {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      const body = (await response.json()) as { keys?: unknown };
      if (!Array.isArray(body.keys)) throw new Error('no "keys"');
      keys = body.keys as HonoJsonWebKey[];
      fetchedAt = Date.now();
      return keys;
    } catch (error) {
      // A plain Error: Hono's jwk middleware passes it on (a server fault, 503) instead of calling the token invalid.
      throw new Error(`JWKS unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return async (kid: string | undefined): Promise<HonoJsonWebKey[]> => {
    const age = Date.now() - fetchedAt;
    const unknownKid = kid !== undefined && !keys?.some((key) => key.kid === kid);
    if (keys && age < JWKS_MAX_AGE_MS && !(unknownKid && age > JWKS_MIN_REFETCH_MS)) return keys;
    pending ??= refresh().finally(() => (pending = undefined));
    try {
      return await pending;
    } catch (error) {
      if (keys) return keys; // the old keys are better than no answer
      throw error;
    }
  };
}

/** A JWT's header, unverified: only to pick the verifier and a cached key. */
function headerOf(token: string): { alg?: unknown; kid?: unknown } {
  try {
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as unknown;
    return header && typeof header === 'object' ? header : {};
  } catch {
    return {};
  }
}

const bearerToken = (c: Context) => c.req.header('authorization')?.replace(/^bearer\s+/i, '') ?? '';

/** Runs a Hono JWT middleware on `c` and answers the payload's agent, or undefined when it refuses the token. */
async function agentFromJwt(middleware: MiddlewareHandler, c: Context<Env>): Promise<string | undefined> {
  try {
    await middleware(c as unknown as Context, async () => undefined);
  } catch (error) {
    if (error instanceof HTTPException) return undefined;
    // The key set could not be fetched: not the caller's fault.
    throw new HttpProblem('unavailable', (m) => m.authUnavailable, { status: 503, headers: { 'retry-after': '5' } });
  }
  const sub = (c.get('jwtPayload' as never) as { sub?: unknown } | undefined)?.sub;
  return validAgent(sub) ? sub : undefined;
}

/**
 * Sets `agent` on every request: `anonymous` without configured tokens,
 * else the token's agent, or a 401 problem with a `WWW-Authenticate`
 * challenge (`Bearer`, or `Bearer error="invalid_token"`).
 */
export function authenticate(options: AuthOptions): MiddlewareHandler<Env> {
  if (!authEnabled(options)) {
    return async (c, next) => {
      c.set('agent', ANONYMOUS_AGENT);
      await next();
    };
  }
  const statics = Object.entries(options.tokens ?? {});
  const verification = {
    ...(options.issuer ? { iss: options.issuer } : {}),
    ...(options.audience ? { aud: options.audience } : {}),
  };
  const hs256 = options.jwtSecret ? jwt({ secret: options.jwtSecret, alg: 'HS256', verification }) : undefined;
  const keys = options.jwksUrl ? jwksCache(options.jwksUrl) : undefined;
  const signed = keys
    ? jwk({
        keys: (c) => {
          const { kid } = headerOf(bearerToken(c));
          return keys(typeof kid === 'string' ? kid : undefined);
        },
        alg: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'],
        verification,
      })
    : undefined;

  const bearer = bearerAuth({
    noAuthenticationHeader: { wwwAuthenticateHeader: 'Bearer', message: 'token required' },
    invalidToken: { wwwAuthenticateHeader: 'Bearer error="invalid_token"', message: 'invalid token' },
    invalidAuthenticationHeader: { wwwAuthenticateHeader: 'Bearer error="invalid_request"', message: 'invalid header' },
    verifyToken: async (token, c: Context<Env>) => {
      // Every static token is compared (constant time each), so timing says nothing about which matched.
      let agent: string | undefined;
      for (const [known, owner] of statics) if ((await timingSafeEqual(known, token)) && !agent) agent = owner;
      if (!agent && token.split('.').length === 3) {
        // The header's alg picks the verifier (each still checks it): a shared secret or the key set.
        const { alg } = headerOf(token);
        const verifier = alg === 'HS256' ? hs256 : typeof alg === 'string' && !alg.startsWith('HS') ? signed : undefined;
        if (verifier) agent = await agentFromJwt(verifier, c);
      }
      if (agent) c.set('agent', agent);
      return agent !== undefined;
    },
  });

  return async (c, next) => {
    try {
      await bearer(c, async () => undefined);
    } catch (error) {
      if (!(error instanceof HTTPException) || error instanceof HttpProblem) throw error;
      const challenge = error.getResponse().headers.get('www-authenticate') ?? 'Bearer';
      const missing = !c.req.header('authorization');
      const malformed = error.status === 400;
      throw new HttpProblem('unauthorized', (m) => (missing ? m.tokenRequired : malformed ? m.authHeaderInvalid : m.tokenWrong), {
        status: 401,
        headers: { 'www-authenticate': challenge },
      });
    }
    await next();
  };
}
