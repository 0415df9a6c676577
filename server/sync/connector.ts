/**
 * The contract between the sync engine (outbox, queue, retries, status) and
 * one third-party CRM (issue 22). A connector knows one CRM's API: how to
 * authenticate, how to find and upsert a contact, what it can do about a
 * delete or a merge. It knows nothing of the queue: it answers, or throws a
 * `SyncFailure` that tells the engine what to do next (wait, retry, give up).
 *
 * Connectors are stateless apart from their access token cache: several
 * server processes may run the same connector at once, so an upsert must be
 * idempotent by itself (matched by email, else by the external-id property
 * the connector creates) — a retried job never creates a second record.
 */
import type { Contact } from '../../src/core/types.js';

export type CrmName = 'hubspot' | 'salesforce' | 'zoho';

/** What the engine knows of a contact's record in one CRM from earlier deliveries. */
export interface KnownRecord {
  /** The CRM's own id of the record, stored on the contact after the first delivery. */
  externalId: string;
}

/** The CRM's answer to a delivered upsert. */
export interface UpsertResult {
  externalId: string;
  /** A link a person can open (the record in the CRM's UI), when the CRM has one. */
  url?: string;
  /** Whether the CRM created a new record (false: it updated an existing one). */
  created: boolean;
}

/**
 * What a delete or a merge became in the CRM: done there, or left for a
 * person (the CRM cannot do it through its API, or policy forbids it) with
 * the reason shown in the failures list.
 */
export type PropagationResult = { outcome: 'done' } | { outcome: 'flagged'; reason: string };

/** One contact to deliver; `known` when an earlier delivery stored its record's id. */
export interface UpsertItem {
  contact: Contact;
  known?: KnownRecord;
}

/**
 * What the engine lends a connector when it makes one (optional, so a
 * connector made without it still works).
 */
export interface ConnectorContext {
  /**
   * Call before each API request: counts it against the CRM's daily limit
   * (`UCRM_SYNC_<CRM>_DAILY_LIMIT`, shared by every process) and throws a
   * `rate-limited` SyncFailure when the day's allowance is spent.
   */
  countRequest(): Promise<void>;
}

export interface CrmConnector {
  readonly name: CrmName;
  /** The CRM's name as people write it: "HubSpot", "Salesforce", "Zoho CRM". */
  readonly label: string;
  /**
   * How many contacts one `upsert` call may carry: the CRM's batch limit
   * (HubSpot 100, Salesforce's sObject Collections 200, Zoho 100). Batches
   * are what lets 10,000 queued contacts drain within a rate limit.
   */
  readonly maxBatch: number;
  /**
   * True when the connector calls `ConnectorContext.countRequest` before each
   * request itself; otherwise the engine counts one request per call.
   */
  readonly countsRequests?: boolean;
  /**
   * Creates or updates each item's record, matched by email where the contact
   * has one, else by the external-id property the connector creates. Answers
   * per item, in order: a result, or the `SyncFailure` of that item alone (a
   * validation error on one record). A failure of the whole call (auth, 429,
   * 5xx, timeout) is thrown as a `SyncFailure`.
   */
  upsert(items: readonly UpsertItem[]): Promise<Array<UpsertResult | SyncFailure>>;
  /** The contact was deleted here: delete (or archive) it there, or flag it. */
  remove(contactId: string, known: KnownRecord): Promise<PropagationResult>;
  /** `duplicates` were merged into `survivor` here: merge them there, or flag it. */
  merge(survivor: Contact, survivorRecord: KnownRecord, duplicates: KnownRecord[]): Promise<PropagationResult>;
}

/**
 * Why a delivery failed, which decides what the engine does:
 * - `rate-limited`: 429 or a daily limit reached; retry after `retryAfterMs`
 *   (from `Retry-After` or the CRM's limit headers), not counted as a failure.
 * - `transient`: 5xx, a timeout, a dropped connection; retry with backoff.
 * - `auth`: the token was refused even after a refresh; retry later (an admin
 *   must fix the credentials), shown as failed meanwhile.
 * - `rejected`: the CRM refused the data (validation, a required field); no
 *   retry until a person replays it — dead letter with `message`.
 */
export type SyncFailureKind = 'rate-limited' | 'transient' | 'auth' | 'rejected';

export class SyncFailure extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}
