/**
 * Reads and writes of `sync_status`: what the worker records after each
 * delivery, and what the REST routes show (a contact's status per CRM, the
 * failures list) and change (retry, replay of dead letters).
 */
import type { Queryable } from '../db.js';
import type { CrmName } from './connector.js';
import type { SyncState } from './schema.js';

export interface StatusRow {
  contact_id: string;
  crm: CrmName;
  state: SyncState;
  external_id: string | null;
  url: string | null;
  synced_at: Date | string | null;
  error: string | null;
  attempts: number;
  updated_at: Date | string;
}

/** One CRM's status of one contact, as `GET /contacts/{id}/sync` answers it. */
export interface SyncStatusItem {
  crm: CrmName;
  label: string;
  state: SyncState;
  externalId?: string;
  url?: string;
  syncedAt?: string;
  error?: string;
  attempts: number;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function statusItem(row: StatusRow, label: string): SyncStatusItem {
  return {
    crm: row.crm,
    label,
    state: row.state,
    ...(row.external_id ? { externalId: row.external_id } : {}),
    ...(row.url ? { url: row.url } : {}),
    ...(row.synced_at ? { syncedAt: iso(row.synced_at) } : {}),
    ...(row.error ? { error: row.error } : {}),
    attempts: row.attempts,
  };
}

export async function statusOf(q: Queryable, contactId: string, crms: readonly CrmName[]): Promise<StatusRow[]> {
  return q.query<StatusRow>('SELECT * FROM sync_status WHERE contact_id = $1 AND crm = ANY($2::text[]) ORDER BY crm', [contactId, [...crms]]);
}

/** The known records of `contactIds` in one CRM. */
export async function knownRecords(q: Queryable, crm: CrmName, contactIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await q.query<{ contact_id: string; external_id: string }>(
    'SELECT contact_id, external_id FROM sync_status WHERE crm = $1 AND contact_id = ANY($2::text[]) AND external_id IS NOT NULL',
    [crm, [...contactIds]],
  );
  return new Map(rows.map((row) => [row.contact_id, row.external_id]));
}

export interface Delivered {
  contactId: string;
  externalId: string;
  url?: string;
}

/** Delivered: synced, unless a change was queued after the contact was read (then its own job follows). */
export async function markSynced(q: Queryable, crm: CrmName, delivered: readonly Delivered[], readAt: Date | string): Promise<void> {
  if (!delivered.length) return;
  await q.query(
    `INSERT INTO sync_status (contact_id, crm, state, external_id, url, synced_at, requested_at, updated_at)
     SELECT r."contactId", $1, 'synced', r."externalId", r.url, now(), $3::timestamptz, now()
     FROM jsonb_to_recordset($2::jsonb) AS r("contactId" text, "externalId" text, url text)
     ON CONFLICT (contact_id, crm) DO UPDATE SET
       state = CASE WHEN sync_status.requested_at > $3::timestamptz THEN 'pending' ELSE 'synced' END,
       external_id = EXCLUDED.external_id, url = EXCLUDED.url, synced_at = now(), error = NULL, attempts = 0, updated_at = now()`,
    [crm, JSON.stringify(delivered), readAt],
  );
}

/** A failed attempt: `pending` while the queue retries, `failed` (a dead letter, or a refused token meanwhile), `flagged` for a person. */
export async function markFailed(q: Queryable, crm: CrmName, contactIds: readonly string[], state: SyncState, error: string): Promise<void> {
  if (!contactIds.length) return;
  await q.query(
    `INSERT INTO sync_status (contact_id, crm, state, error, attempts, updated_at)
     SELECT id, $1, $3, $4, 1, now() FROM unnest($2::text[]) AS id
     ON CONFLICT (contact_id, crm) DO UPDATE SET state = $3, error = $4, attempts = sync_status.attempts + 1, updated_at = now()`,
    [crm, [...contactIds], state, error],
  );
}

/** A rate limit or a daily allowance: still pending, with why, not counted as an attempt. */
export async function markWaiting(q: Queryable, crm: CrmName, contactIds: readonly string[], reason: string): Promise<void> {
  if (!contactIds.length) return;
  await q.query(
    `UPDATE sync_status SET state = 'pending', error = $3, updated_at = now() WHERE crm = $1 AND contact_id = ANY($2::text[])`,
    [crm, [...contactIds], reason],
  );
}

export async function forget(q: Queryable, crm: CrmName, contactIds: readonly string[]): Promise<void> {
  if (contactIds.length) await q.query('DELETE FROM sync_status WHERE crm = $1 AND contact_id = ANY($2::text[])', [crm, [...contactIds]]);
}

export interface FailureItem {
  contactId: string;
  crm: CrmName;
  label: string;
  state: SyncState;
  error?: string;
  attempts: number;
  externalId?: string;
  updatedAt: string;
}

export async function failures(
  q: Queryable,
  crms: readonly CrmName[],
  labels: (crm: CrmName) => string,
  limit: number,
  offset: number,
): Promise<{ items: FailureItem[]; total: number }> {
  const rows = await q.query<StatusRow & { total: number }>(
    `SELECT *, count(*) OVER ()::int AS total FROM sync_status
     WHERE state IN ('failed', 'flagged') AND crm = ANY($1::text[])
     ORDER BY updated_at DESC, contact_id, crm LIMIT $2 OFFSET $3`,
    [[...crms], limit, offset],
  );
  let total = rows[0]?.total;
  if (total === undefined) {
    const [count] = await q.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM sync_status WHERE state IN ('failed', 'flagged') AND crm = ANY($1::text[])`,
      [[...crms]],
    );
    total = count.total;
  }
  return {
    total,
    items: rows.map((row) => ({
      contactId: row.contact_id,
      crm: row.crm,
      label: labels(row.crm),
      state: row.state,
      ...(row.error ? { error: row.error } : {}),
      attempts: row.attempts,
      ...(row.external_id ? { externalId: row.external_id } : {}),
      updatedAt: iso(row.updated_at),
    })),
  };
}

/** The dead letters (`failed` rows) to replay: all, or those of `contactIds`; locked until the transaction ends. */
export async function deadLetters(
  q: Queryable,
  crms: readonly CrmName[],
  contactIds?: readonly string[],
): Promise<Array<{ contact_id: string; crm: CrmName }>> {
  return q.query(
    `SELECT contact_id, crm FROM sync_status
     WHERE state = 'failed' AND crm = ANY($1::text[]) AND ($2::text[] IS NULL OR contact_id = ANY($2::text[]))
     FOR UPDATE`,
    [[...crms], contactIds ? [...contactIds] : null],
  );
}
