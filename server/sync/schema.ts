/**
 * The sync engine's own tables, created only when a connector is configured.
 * `sync_status` is what people see: one row per contact and CRM, with the
 * CRM's record id once delivered (the link to it). `sync_daily_usage` counts
 * API requests per CRM and UTC day for every process together. The job queue
 * itself is pg-boss's, in its own schema (server/sync/queue.ts).
 */
export const SYNC_STATES = ['pending', 'synced', 'failed', 'flagged'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const SYNC_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS sync_status (
     contact_id text NOT NULL,
     crm text NOT NULL,
     state text NOT NULL CHECK (state IN ('pending', 'synced', 'failed', 'flagged')),
     external_id text,
     url text,
     synced_at timestamptz,
     error text,
     attempts integer NOT NULL DEFAULT 0,
     -- When the last change was queued: a delivery that read the contact before it leaves the row pending.
     requested_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (contact_id, crm)
   )`,
  `CREATE INDEX IF NOT EXISTS sync_status_failures ON sync_status (updated_at DESC, contact_id, crm) WHERE state IN ('failed', 'flagged')`,
  `CREATE TABLE IF NOT EXISTS sync_daily_usage (
     crm text NOT NULL,
     day date NOT NULL,
     requests integer NOT NULL,
     PRIMARY KEY (crm, day)
   )`,
];
