/**
 * Authenticated calls to the Zoho CRM API for the sync connector (issue 22):
 * an access token from the refresh-token grant at the accounts server (cached
 * until a minute before it expires), one refresh and retry when a call
 * answers 401 `INVALID_TOKEN`, and every failure of a whole call turned into
 * the `SyncFailure` that tells the engine what to do next. Plain `fetch`:
 * Zoho's Node SDK is heavy and keeps its own token store.
 */
import { SyncFailure } from './connector.js';
import { DEFAULT_RATE_WAIT_MS, retryAfterMs } from './crm-calls.js';

export interface ZohoSessionConfig {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** The data centre's accounts server (`https://accounts.zoho.com`, `.eu`, `.in` …, or a fake). */
  accountsUrl: string;
  /** The API base; when absent, the `api_domain` the token answer names. */
  apiUrl?: string;
  /** How long one HTTP call may take before it counts as a `transient` failure. */
  timeoutMs: number;
  /** Called before each API call (not the token's): the engine's daily-limit counter, which may throw `rate-limited`. */
  beforeRequest?: () => Promise<void>;
}

export interface ZohoAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

interface TokenAnswer {
  access_token?: string;
  api_domain?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

/** Refresh a minute early, so a token never expires in flight. */
const EXPIRY_MARGIN_MS = 60_000;
const REFRESHABLE = new Set(['INVALID_TOKEN', 'AUTHENTICATION_FAILURE']);

export class ZohoSession {
  #token: { value: string; apiUrl: string; expiresAt: number } | undefined;
  #refreshing: Promise<{ value: string; apiUrl: string }> | undefined;

  constructor(readonly config: ZohoSessionConfig) {}

  /**
   * A call under the API base (`/crm/v8/...`). Answers any status whose body
   * carries per-record results (`{ data: [...] }`), so the caller reads each
   * record's code; throws a `SyncFailure` for the rest.
   */
  async request(method: string, path: string, body?: unknown): Promise<ZohoAnswer> {
    let token = await this.#access();
    let answer = await this.#send(method, token, path, body);
    if (answer.status === 401 && REFRESHABLE.has(codeOf(answer.body))) {
      this.#token = undefined;
      token = await this.#access();
      answer = await this.#send(method, token, path, body);
    }
    const code = codeOf(answer.body);
    if (answer.status === 429 || code === 'TOO_MANY_REQUESTS') {
      throw new SyncFailure(
        'rate-limited',
        `Zoho CRM: ${code || 'TOO_MANY_REQUESTS'}: ${messageOf(answer.body) ?? 'too many requests'}`,
        waitFromHeaders(answer.headers) ?? DEFAULT_RATE_WAIT_MS,
      );
    }
    if (answer.status === 401 || answer.status === 403) {
      throw new SyncFailure('auth', `Zoho CRM refused the credentials: ${code || answer.status}: ${messageOf(answer.body) ?? ''}`.trim());
    }
    if (answer.status >= 500) {
      throw new SyncFailure('transient', `Zoho CRM answered ${answer.status}: ${code || messageOf(answer.body) || 'server error'}`);
    }
    if (answer.status >= 400 && !Array.isArray((answer.body as { data?: unknown } | undefined)?.data)) {
      throw new SyncFailure('rejected', `Zoho CRM refused the request: ${code || answer.status}: ${messageOf(answer.body) ?? ''}`.trim());
    }
    return answer;
  }

  async #send(method: string, token: { value: string; apiUrl: string }, path: string, body: unknown): Promise<ZohoAnswer> {
    await this.config.beforeRequest?.();
    const response = await this.#fetch(`${token.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Zoho-oauthtoken ${token.value}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await this.#read(response);
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  async #access(): Promise<{ value: string; apiUrl: string }> {
    if (this.#token && this.#token.expiresAt > Date.now()) return this.#token;
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refresh(): Promise<{ value: string; apiUrl: string }> {
    const { clientId, clientSecret, refreshToken, accountsUrl } = this.config;
    const response = await this.#fetch(`${accountsUrl}/oauth/v2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: clientId,
        client_secret: clientSecret,
        refresh_token: refreshToken,
      }).toString(),
    });
    const text = await this.#read(response);
    if (response.status >= 500) throw new SyncFailure('transient', `Zoho accounts answered ${response.status}`);
    let answer: TokenAnswer = {};
    try {
      answer = JSON.parse(text) as TokenAnswer;
    } catch {
      throw new SyncFailure('transient', `Zoho accounts answered ${response.status} without JSON`);
    }
    if (!answer.access_token) {
      // Zoho answers a refused grant with 200 and `{ "error": "invalid_code" }`; too many refreshes with "Access Denied".
      const reason = `${answer.error ?? `HTTP ${response.status}`}${answer.error_description ? `: ${answer.error_description}` : ''}`;
      if (/too many requests/i.test(answer.error_description ?? '')) {
        throw new SyncFailure('rate-limited', `Zoho accounts: ${reason}`, DEFAULT_RATE_WAIT_MS);
      }
      throw new SyncFailure('auth', `Zoho refused the credentials: ${reason}`);
    }
    const token = {
      value: answer.access_token,
      apiUrl: (this.config.apiUrl ?? answer.api_domain ?? 'https://www.zohoapis.com').replace(/\/+$/, ''),
      expiresAt: Date.now() + (answer.expires_in ?? 3600) * 1000 - EXPIRY_MARGIN_MS,
    };
    this.#token = token;
    return token;
  }

  async #fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(this.config.timeoutMs) });
    } catch (error) {
      throw new SyncFailure('transient', `Zoho CRM did not answer: ${(error as Error).message}`);
    }
  }

  async #read(response: Response): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      throw new SyncFailure('transient', `Zoho CRM's answer was cut: ${(error as Error).message}`);
    }
  }
}

function codeOf(body: unknown): string {
  const code = (body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

function messageOf(body: unknown): string | undefined {
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/**
 * `Retry-After` (seconds or a date), else Zoho's `X-RATELIMIT-RESET` — a
 * time (epoch seconds or milliseconds) or, when small, seconds from now.
 */
export function waitFromHeaders(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = retryAfterMs(headers.get('retry-after'), now);
  if (retryAfter !== undefined) return retryAfter;
  const reset = Number(headers.get('x-ratelimit-reset') ?? Number.NaN);
  if (!Number.isFinite(reset)) return undefined;
  if (reset > 1e12) return Math.max(0, reset - now);
  if (reset > 1e9) return Math.max(0, reset * 1000 - now);
  return Math.max(0, reset * 1000);
}
