/**
 * One authenticated jsforce connection to Salesforce for the sync connector
 * (issue 22): OAuth2 refresh-token flow, a refreshed token when a call answers
 * 401 `INVALID_SESSION_ID`, and every failure of a call turned into the
 * `SyncFailure` that tells the engine what to do next.
 *
 * jsforce does the OAuth and the session refresh; we send the REST calls
 * through `conn.request` ourselves so that each one has our timeout, none of
 * jsforce's own retries (the engine owns retries and backoff), and the
 * response's status and headers (`Retry-After`) are seen when it fails.
 */
import jsforce, { type Connection, type HttpRequest } from 'jsforce';
import { SyncFailure } from './connector.js';
import { DEFAULT_RATE_WAIT_MS, retryAfterMs } from './crm-calls.js';

export interface SalesforceSessionConfig {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** The login URL (`https://login.salesforce.com`, a My Domain or sandbox login, a fake). */
  loginUrl: string;
  /** REST API version, e.g. `62.0` (sObject Collections upsert needs 46.0 or later). */
  apiVersion: string;
  /** How long one HTTP call may take before it counts as a `transient` failure. */
  timeoutMs: number;
  /** Called before each API call (not the token's): the engine's daily-limit counter, which may throw `rate-limited`. */
  beforeRequest?: () => Promise<void>;
}

/** Refreshes allowed in a row without a call succeeding: a token refused right after a refresh is an `auth` failure, not a loop. */
const MAX_REFRESHES_WITHOUT_SUCCESS = 2;

interface SeenResponse {
  statusCode?: number;
  headers?: Record<string, string>;
}

interface SalesforceErrorLike {
  name?: string;
  message?: string;
  errorCode?: string;
  code?: string;
  data?: unknown;
}

export class SalesforceSession {
  readonly conn: Connection;
  #refreshesWithoutSuccess = 0;
  #lastRefreshError: SalesforceErrorLike | undefined;
  #started: Promise<void> | undefined;

  constructor(readonly config: SalesforceSessionConfig) {
    this.conn = new jsforce.Connection({
      version: config.apiVersion,
      oauth2: { clientId: config.clientId, clientSecret: config.clientSecret, loginUrl: config.loginUrl },
      instanceUrl: config.loginUrl,
      refreshToken: config.refreshToken,
      refreshFn: (conn, callback) => {
        void this.#refresh(conn).then(
          (token) => callback(null, token.access_token, token),
          (error: unknown) => callback(error as Error),
        );
      },
    });
  }

  /** The instance's base URL, for links to records. */
  get instanceUrl(): string {
    return this.conn.instanceUrl;
  }

  /** A REST call under `/services/data/vXX.X/`, answered as parsed JSON or thrown as a `SyncFailure`. */
  async request<T>(method: HttpRequest['method'], path: string, body?: unknown): Promise<T> {
    await this.#start();
    await this.config.beforeRequest?.();
    const seen: SeenResponse = {};
    const base = this.conn._transport;
    const transport = {
      httpRequest(req: HttpRequest, options: object) {
        const pending = base.httpRequest(req, options);
        pending.then(
          (response) => {
            seen.statusCode = response.statusCode;
            seen.headers = response.headers as Record<string, string>;
          },
          () => {},
        );
        return pending;
      },
    };
    try {
      const answer = await this.conn.request<T>(
        {
          method,
          url: `/services/data/v${this.config.apiVersion}${path}`,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          headers: { 'content-type': 'application/json' },
        },
        { transport, timeout: this.config.timeoutMs, retry: { maxRetries: 0 } },
      );
      this.#refreshesWithoutSuccess = 0;
      return answer;
    } catch (error) {
      throw this.failure(error, seen);
    }
  }

  /** Runs a call that jsforce makes itself (the SOAP merge), with the same failure mapping. */
  async run<T>(call: (conn: Connection) => Promise<T>): Promise<T> {
    await this.#start();
    await this.config.beforeRequest?.();
    try {
      const answer = await call(this.conn);
      this.#refreshesWithoutSuccess = 0;
      return answer;
    } catch (error) {
      throw this.failure(error, {});
    }
  }

  /** The first token, fetched before the first call (the login URL is not the instance). */
  #start(): Promise<void> {
    if (this.conn.accessToken) return Promise.resolve();
    this.#started ??= this.#refresh(this.conn)
      .then(() => undefined)
      .catch((error: unknown) => {
        throw this.failure(error, {});
      })
      .finally(() => {
        this.#started = undefined;
      });
    return this.#started;
  }

  async #refresh(conn: Connection) {
    if (this.#refreshesWithoutSuccess >= MAX_REFRESHES_WITHOUT_SUCCESS) {
      this.#lastRefreshError = { name: 'INVALID_SESSION_ID', message: 'Salesforce refused a freshly refreshed token' };
      throw new Error(this.#lastRefreshError.message);
    }
    this.#refreshesWithoutSuccess += 1;
    try {
      const token = await conn.oauth2.refreshToken(this.config.refreshToken);
      conn._establish({ accessToken: token.access_token, instanceUrl: token.instance_url });
      this.#lastRefreshError = undefined;
      return token;
    } catch (error) {
      this.#lastRefreshError = error as SalesforceErrorLike;
      throw error;
    }
  }

  /** What a failed call means for the engine. */
  failure(error: unknown, seen: SeenResponse): SyncFailure {
    if (error instanceof SyncFailure) return error;
    const e = (error ?? {}) as SalesforceErrorLike;
    const message = e.message ?? String(error);
    // jsforce wraps a failed refresh as "Unable to refresh session due to: …"; the cause decides.
    const refreshCause = message.startsWith('Unable to refresh session') ? this.#lastRefreshError : undefined;
    const cause = refreshCause ?? e;
    const code = cause.errorCode ?? cause.name ?? '';
    const status = seen.statusCode;
    if (status === 429 || code === 'REQUEST_LIMIT_EXCEEDED') {
      return new SyncFailure('rate-limited', `Salesforce: ${message}`, retryAfterMs(seen.headers?.['retry-after']) ?? DEFAULT_RATE_WAIT_MS);
    }
    if (
      code === 'INVALID_SESSION_ID' ||
      code.startsWith('invalid_') ||
      code === 'unsupported_grant_type' ||
      code === 'inactive_user' ||
      code === 'inactive_org' ||
      status === 401
    ) {
      return new SyncFailure('auth', `Salesforce refused the credentials: ${cause.message ?? message}`);
    }
    if (refreshCause || (status !== undefined && status >= 500) || status === undefined) {
      // No answer at all (timeout, refused connection, a dropped socket) or a server error.
      return new SyncFailure('transient', `Salesforce did not answer: ${message}`);
    }
    return new SyncFailure('rejected', `Salesforce refused the request: ${code ? `${code}: ` : ''}${message}`);
  }
}
