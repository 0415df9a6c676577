/**
 * A CRM's daily API allowance, counted in the database so every server
 * process spends from the same count (UTC days). Without a configured limit
 * nothing is counted (no statement per request).
 */
import type { Queryable } from '../db.js';
import type { CrmName } from './connector.js';
import { SyncFailure } from './connector.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export function msUntilNextUtcDay(now = Date.now()): number {
  return DAY_MS - (now % DAY_MS);
}

/** Counts one request; throws `rate-limited` until the next UTC day once `limit` requests were made today. */
export async function countRequest(q: Queryable, crm: CrmName, limit: number | undefined): Promise<void> {
  if (!limit) return;
  const rows = await q.query(
    `INSERT INTO sync_daily_usage (crm, day, requests) VALUES ($1, (now() AT TIME ZONE 'UTC')::date, 1)
     ON CONFLICT (crm, day) DO UPDATE SET requests = sync_daily_usage.requests + 1 WHERE sync_daily_usage.requests < $2
     RETURNING requests`,
    [crm, limit],
  );
  if (!rows.length) throw new SyncFailure('rate-limited', `The daily limit of ${limit} ${crm} requests is reached`, msUntilNextUtcDay());
}

export async function requestsToday(q: Queryable, crm: CrmName): Promise<number> {
  const [row] = await q.query<{ requests: number }>(
    `SELECT requests FROM sync_daily_usage WHERE crm = $1 AND day = (now() AT TIME ZONE 'UTC')::date`,
    [crm],
  );
  return row?.requests ?? 0;
}
