/**
 * The job queue: pg-boss 10, on the server's own database. On PostgreSQL it
 * gets the connection string (a small pool of its own); on embedded PGlite
 * it gets pg-boss's `db` option, an `executeSql` over our `Db`, so its
 * statements take their turn with ours (PGlite runs one at a time). Its
 * multi-statement scripts (schema, maintenance) go through `Db.script`.
 *
 * Crash recovery: a job a dead process had fetched stays `active` until it
 * expires (`EXPIRE_SECONDS` after it started); the maintenance pass of any
 * live process (every `MAINTENANCE_SECONDS`) then fails it into `retry`, and
 * a worker fetches it again after the retry delay. So deliveries resume at
 * most about 30 + 5 + 2…4 + 1 s = 40 s after the job was taken: within 60 s
 * of a restart (docs/crm-sync.md, "Crash recovery").
 */
import PgBoss from 'pg-boss';
import type { Db, Queryable } from '../db.js';
import type { CrmName } from './connector.js';

export const QUEUE_SCHEMA = 'ucrm_sync_queue';
/** A delivery (one batch) must finish within this, or the job counts as abandoned (a crashed process). */
export const EXPIRE_SECONDS = 30;
/** How often some process looks for abandoned jobs (pg-boss runs it once across processes). */
export const MAINTENANCE_SECONDS = 5;
/** How often an idle worker asks for jobs. */
export const POLLING_SECONDS = 1;
/** Transient failures (5xx, timeouts, refused tokens): retried with exponential backoff, 2 s doubling (plus jitter), about 9 h in all. */
export const RETRY_LIMIT = 14;
export const RETRY_DELAY_SECONDS = 2;

export const queueName = (crm: CrmName) => `ucrm-sync-${crm}`;

/** pg-boss's `db` over one of our query runners (the database, or a transaction). */
export function executorFor(q: Queryable, db?: Db): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (db && !values?.length && text.includes(';')) {
        await db.script(text);
        return { rows: [] };
      }
      return { rows: await q.query(text, values ?? []) };
    },
  };
}

export async function startQueue(db: Db, crms: readonly CrmName[], databaseUrl: string | undefined, onError: (error: Error) => void): Promise<PgBoss> {
  const connection = db.kind === 'postgres' && databaseUrl ? { connectionString: databaseUrl, max: 4 } : { db: executorFor(db, db) };
  const boss = new PgBoss({
    ...connection,
    schema: QUEUE_SCHEMA,
    application_name: 'ucrm-sync',
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
    monitorStateIntervalSeconds: 60,
    expireInSeconds: EXPIRE_SECONDS,
    retryLimit: RETRY_LIMIT,
    retryDelay: RETRY_DELAY_SECONDS,
    retryBackoff: true,
    // Delivered jobs are kept a day (then archived), for support questions.
    archiveCompletedAfterSeconds: 24 * 60 * 60,
  });
  boss.on('error', onError);
  await boss.start();
  for (const crm of crms) {
    const name = queueName(crm);
    const options = { name, policy: 'standard' as const, expireInSeconds: EXPIRE_SECONDS, retryLimit: RETRY_LIMIT, retryDelay: RETRY_DELAY_SECONDS, retryBackoff: true };
    if (await boss.getQueue(name)) await boss.updateQueue(name, options);
    else await boss.createQueue(name, options);
  }
  return boss;
}
