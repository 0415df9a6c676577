/**
 * The durable outbox: every contact write queues its sync jobs in the same
 * transaction (`ContactStore.writeContacts`, and admin deletes and merges),
 * through pg-boss's `insert` bound to that transaction. The job exists if and
 * only if the write committed. A job carries the contact id only; the worker
 * reads the contact as it is at delivery, so several changes queued before a
 * delivery go out as one.
 */
import type PgBoss from 'pg-boss';
import type { Queryable } from '../db.js';
import type { CrmName } from './connector.js';
import { executorFor, queueName } from './queue.js';

export type SyncJob =
  | { op: 'upsert'; contactId: string }
  | { op: 'remove'; contactId: string }
  | { op: 'merge'; contactId: string; removedIds: string[] };

export class SyncOutbox {
  constructor(
    private readonly boss: PgBoss,
    readonly crms: readonly CrmName[],
  ) {}

  private async send(q: Queryable, jobs: SyncJob[], crms: readonly CrmName[] = this.crms, startAfter?: string): Promise<void> {
    if (!jobs.length || !crms.length) return;
    const rows = crms.flatMap((crm) => jobs.map((data) => ({ name: queueName(crm), data, ...(startAfter ? { startAfter } : {}) })));
    await this.boss.insert(rows, { db: executorFor(q) });
  }

  /** Created or changed contacts: queued, and shown as pending until delivered. */
  async upserts(q: Queryable, contactIds: readonly string[], crms: readonly CrmName[] = this.crms, startAfter?: string): Promise<void> {
    const ids = [...new Set(contactIds)];
    if (!ids.length || !crms.length) return;
    await q.query(
      `INSERT INTO sync_status (contact_id, crm, state, requested_at, updated_at)
       SELECT id, crm, 'pending', clock_timestamp(), now() FROM unnest($1::text[]) AS id CROSS JOIN unnest($2::text[]) AS crm
       ON CONFLICT (contact_id, crm) DO UPDATE SET state = 'pending', error = NULL, attempts = 0,
         requested_at = EXCLUDED.requested_at, updated_at = now()`,
      [ids, [...crms]],
    );
    await this.send(q, ids.map((contactId) => ({ op: 'upsert', contactId })), crms, startAfter);
  }

  /** The same jobs again, later (a rate limit): the status rows stay as they are. */
  async later(q: Queryable, crm: CrmName, jobs: SyncJob[], startAfter: string): Promise<void> {
    await this.send(q, jobs, [crm], startAfter);
  }

  async removals(q: Queryable, contactIds: readonly string[]): Promise<void> {
    await this.send(q, [...new Set(contactIds)].map((contactId) => ({ op: 'remove', contactId })));
  }

  async merge(q: Queryable, survivorId: string, removedIds: readonly string[]): Promise<void> {
    if (removedIds.length) await this.send(q, [{ op: 'merge', contactId: survivorId, removedIds: [...removedIds] }]);
  }
}
