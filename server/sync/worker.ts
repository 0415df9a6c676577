/**
 * Delivery: one pg-boss worker per configured CRM takes up to the
 * connector's `maxBatch` jobs at a time, reads those contacts as they are
 * now, and hands them to `connector.upsert` in one call; removals and merges
 * go one at a time. What a `SyncFailure` says decides what happens to a job:
 *   rate-limited  queued again for after `retryAfterMs` (a short wait is
 *                 waited out in place, once); not counted as a failure
 *   transient     failed into pg-boss's retry: exponential backoff, up to
 *   auth          RETRY_LIMIT times, then a dead letter
 *   rejected      a dead letter at once, with the CRM's reason
 * A dead letter is the contact's `sync_status` row in state `failed`; the job
 * itself is completed. A replay (REST) queues it again.
 */
import type PgBoss from 'pg-boss';
import type { Contact } from '../../src/core/types.js';
import type { Db } from '../db.js';
import type { Logger } from '../logging.js';
import { SyncFailure } from './connector.js';
import type { CrmConnector, UpsertItem, UpsertResult } from './connector.js';
import { countRequest } from './daily-limit.js';
import type { SyncJob, SyncOutbox } from './outbox.js';
import { POLLING_SECONDS, executorFor, queueName } from './queue.js';
import { forget, knownRecords, markFailed, markSynced, markWaiting } from './status.js';
import type { Delivered } from './status.js';

type Job = PgBoss.JobWithMetadata<SyncJob>;

/** A rate limit this short is waited out inside the delivery (well within the job's 30 s expiry). */
const WAIT_IN_PLACE_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function asFailure(error: unknown): SyncFailure {
  return error instanceof SyncFailure ? error : new SyncFailure('transient', error instanceof Error ? error.message : String(error));
}

export interface WorkerOptions {
  db: Db;
  boss: PgBoss;
  outbox: SyncOutbox;
  connector: CrmConnector;
  dailyLimit?: number;
  logger: Logger;
}

export class DeliveryWorker {
  private readonly queue: string;
  /** Until when this process holds back (a 429 seen by any batch). */
  private pausedUntil = 0;

  constructor(private readonly options: WorkerOptions) {
    this.queue = queueName(options.connector.name);
  }

  private get crm() {
    return this.options.connector.name;
  }

  async start(): Promise<void> {
    const { boss, connector } = this.options;
    await boss.work<SyncJob>(
      this.queue,
      { batchSize: connector.maxBatch, includeMetadata: true, pollingIntervalSeconds: POLLING_SECONDS },
      (jobs) => this.deliver(jobs),
    );
  }

  /** One request against the daily allowance, unless the connector counts its own. */
  private async count(): Promise<void> {
    if (!this.options.connector.countsRequests) await countRequest(this.options.db, this.crm, this.options.dailyLimit);
  }

  private async deliver(jobs: Job[]): Promise<void> {
    const wait = this.pausedUntil - Date.now();
    if (wait > WAIT_IN_PLACE_MS) return this.later(jobs, wait, 'Waiting for the rate limit');
    if (wait > 0) await sleep(wait);
    const upserts = jobs.filter((job) => job.data.op === 'upsert');
    if (upserts.length) await this.deliverUpserts(upserts);
    for (const job of jobs) {
      if (job.data.op === 'remove') await this.deliverRemoval(job);
      else if (job.data.op === 'merge') await this.deliverMerge(job);
    }
  }

  private async deliverUpserts(jobs: Job[]): Promise<void> {
    const { db, boss, connector } = this.options;
    const byContact = new Map<string, Job[]>();
    for (const job of jobs) byContact.set(job.data.contactId, [...(byContact.get(job.data.contactId) ?? []), job]);
    const ids = [...byContact.keys()];
    const rows = await db.query<{ data: Contact; read_at: Date }>(
      'SELECT data, clock_timestamp() AS read_at FROM contacts WHERE id = ANY($1::text[])',
      [ids],
    );
    const readAt = rows[0]?.read_at ?? new Date();
    const contacts = new Map(rows.map((row) => [row.data.id, row.data]));
    // Deleted since it was queued: nothing to send (the removal job propagates the delete).
    const gone = ids.filter((id) => !contacts.has(id));
    if (gone.length) await boss.complete(this.queue, gone.flatMap((id) => byContact.get(id)!.map((job) => job.id)));
    const known = await knownRecords(db, this.crm, [...contacts.keys()]);
    const items: UpsertItem[] = [...contacts.values()].map((contact) => {
      const externalId = known.get(contact.id);
      return externalId ? { contact, known: { externalId } } : { contact };
    });
    if (!items.length) return;

    let answers: Array<UpsertResult | SyncFailure>;
    try {
      answers = await this.withShortWait(async () => {
        await this.count();
        return connector.upsert(items);
      });
    } catch (error) {
      const failure = asFailure(error);
      answers = items.map(() => failure);
    }
    const delivered: Delivered[] = [];
    const failed = new Map<SyncFailure, Job[]>();
    items.forEach((item, i) => {
      const answer = answers[i] ?? new SyncFailure('transient', `${connector.label} answered nothing for this contact`);
      const itemJobs = byContact.get(item.contact.id)!;
      if (answer instanceof SyncFailure) failed.set(answer, [...(failed.get(answer) ?? []), ...itemJobs]);
      else delivered.push({ contactId: item.contact.id, externalId: answer.externalId, ...(answer.url ? { url: answer.url } : {}) });
    });
    if (delivered.length) {
      await markSynced(db, this.crm, delivered, readAt);
      await boss.complete(
        this.queue,
        delivered.flatMap((d) => byContact.get(d.contactId)!.map((job) => job.id)),
      );
    }
    for (const [failure, failedJobs] of failed) await this.failed(failedJobs, failure);
  }

  /** A short rate limit is waited out once, in place; anything else is thrown to the caller. */
  private async withShortWait<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const failure = asFailure(error);
      if (failure.kind !== 'rate-limited') throw failure;
      const wait = failure.retryAfterMs ?? WAIT_IN_PLACE_MS;
      this.pausedUntil = Math.max(this.pausedUntil, Date.now() + wait);
      if (wait > WAIT_IN_PLACE_MS) throw failure;
      await sleep(wait);
      return work();
    }
  }

  /** Completes the jobs and queues the same work for `afterMs` from now, in one transaction. */
  private async later(jobs: Job[], afterMs: number, reason: string): Promise<void> {
    const { db, boss, outbox } = this.options;
    const startAfter = new Date(Date.now() + afterMs).toISOString();
    await db.transaction(async (tx) => {
      // pg-boss 10's complete(name, ids, data, options): its typings omit `data` for a list of ids.
      const complete = boss.complete.bind(boss) as unknown as (name: string, ids: string[], data: null, options: { db: PgBoss.Db }) => Promise<void>;
      await complete(this.queue, jobs.map((job) => job.id), null, { db: executorFor(tx) });
      await outbox.later(tx, this.crm, jobs.map((job) => job.data), startAfter);
      await markWaiting(tx, this.crm, jobs.map((job) => job.data.contactId), reason);
    });
  }

  private async failed(jobs: Job[], failure: SyncFailure): Promise<void> {
    const { db, boss, logger } = this.options;
    const contactIds = [...new Set(jobs.map((job) => job.data.contactId))];
    logger.warn({ crm: this.crm, kind: failure.kind, contacts: contactIds.length, reason: failure.message }, 'sync delivery failed');
    if (failure.kind === 'rate-limited') {
      return this.later(jobs, failure.retryAfterMs ?? WAIT_IN_PLACE_MS, failure.message);
    }
    const exhausted = jobs.filter((job) => job.retryCount >= job.retryLimit);
    if (failure.kind === 'rejected' || exhausted.length === jobs.length) {
      await markFailed(db, this.crm, contactIds, 'failed', failure.message);
      await boss.complete(this.queue, jobs.map((job) => job.id));
      return;
    }
    // The queue retries with backoff; people see it failed (a refused token needs an admin) or still pending.
    await markFailed(db, this.crm, contactIds, failure.kind === 'auth' ? 'failed' : 'pending', failure.message);
    await boss.fail(this.queue, jobs.map((job) => job.id));
  }

  private async deliverRemoval(job: Job): Promise<void> {
    const { db, boss, connector } = this.options;
    const { contactId } = job.data;
    const externalId = (await knownRecords(db, this.crm, [contactId])).get(contactId);
    if (externalId) {
      try {
        const result = await this.withShortWait(async () => {
          await this.count();
          return connector.remove(contactId, { externalId });
        });
        if (result.outcome === 'flagged') {
          await markFailed(db, this.crm, [contactId], 'flagged', result.reason);
          await boss.complete(this.queue, job.id, { flagged: result.reason });
          return;
        }
      } catch (error) {
        return this.failed([job], asFailure(error));
      }
    }
    await forget(db, this.crm, [contactId]);
    await boss.complete(this.queue, job.id, { removed: !!externalId });
  }

  private async deliverMerge(job: Job): Promise<void> {
    const { db, boss, connector } = this.options;
    if (job.data.op !== 'merge') return;
    const { contactId, removedIds } = job.data;
    const known = await knownRecords(db, this.crm, [contactId, ...removedIds]);
    const duplicates = removedIds.flatMap((id) => (known.has(id) ? [{ externalId: known.get(id)! }] : []));
    const survivor = known.get(contactId);
    const [row] = await db.query<{ data: Contact }>('SELECT data FROM contacts WHERE id = $1', [contactId]);
    if (duplicates.length && (!survivor || !row)) {
      // The survivor's own first delivery has not happened yet: the queue tries again later.
      return this.failed([job], new SyncFailure('transient', `Waiting for the merged contact's first delivery to ${connector.label}`));
    }
    if (duplicates.length && survivor && row) {
      try {
        const result = await this.withShortWait(async () => {
          await this.count();
          return connector.merge(row.data, { externalId: survivor }, duplicates);
        });
        if (result.outcome === 'flagged') {
          await markFailed(db, this.crm, removedIds, 'flagged', result.reason);
          await boss.complete(this.queue, job.id, { flagged: result.reason });
          return;
        }
      } catch (error) {
        return this.failed([job], asFailure(error));
      }
    }
    await forget(db, this.crm, removedIds);
    await boss.complete(this.queue, job.id, { merged: duplicates.length });
  }
}
