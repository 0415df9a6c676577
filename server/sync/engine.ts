/**
 * The sync engine of a server process: when at least one CRM is configured,
 * it creates its tables, starts the queue (pg-boss) and one delivery worker
 * per CRM, and gives the store its outbox. With none configured it does
 * nothing at all: no tables, no queue, no statement per write.
 */
import type { Db, Queryable } from '../db.js';
import type { Logger } from '../logging.js';
import type { ContactStore } from '../store.js';
import type { CrmConnector, CrmName } from './connector.js';
import { configuredCrms } from './connectors.js';
import { countRequest } from './daily-limit.js';
import { SyncOutbox } from './outbox.js';
import { startQueue } from './queue.js';
import { SYNC_SCHEMA } from './schema.js';
import { deadLetters, failures, statusItem, statusOf } from './status.js';
import type { FailureItem, SyncStatusItem } from './status.js';
import { DeliveryWorker } from './worker.js';

export interface SyncEngine {
  readonly connectors: ReadonlyMap<CrmName, CrmConnector>;
  status(contactId: string): Promise<SyncStatusItem[]>;
  /** Queues the contact again for one CRM (the "Retry" of the contact details). */
  retry(contactId: string, crm: CrmName): Promise<void>;
  failures(limit: number, offset: number): Promise<{ items: FailureItem[]; total: number }>;
  /** Queues the dead letters again: all, or those of `contactIds`; answers how many. */
  replay(contactIds?: readonly string[], crm?: CrmName): Promise<number>;
  stop(): Promise<void>;
}

export interface SyncOptions {
  db: Db;
  store: ContactStore;
  /** The database URL on PostgreSQL: pg-boss gets a small pool of its own. */
  databaseUrl?: string;
  /** Where `UCRM_SYNC_*` are read (process.env in production). */
  env: NodeJS.ProcessEnv;
  logger: Logger;
}

export async function startSync(options: SyncOptions): Promise<SyncEngine | undefined> {
  const { db, store, logger } = options;
  const crms = configuredCrms(options.env);
  if (!crms.length) return undefined;
  for (const statement of SYNC_SCHEMA) await db.query(statement);
  const names = crms.map((crm) => crm.name);
  const boss = await startQueue(db, names, options.databaseUrl, (error) => logger.warn({ err: error }, 'sync queue error'));
  const outbox = new SyncOutbox(boss, names);
  const connectors = new Map<CrmName, CrmConnector>();
  for (const crm of crms) {
    const connector = crm.create({ countRequest: () => countRequest(db, crm.name, crm.dailyLimit) });
    connectors.set(crm.name, connector);
    await new DeliveryWorker({ db, boss, outbox, connector, dailyLimit: crm.dailyLimit, logger }).start();
  }
  store.syncOutbox = outbox;
  logger.info({ crms: names, storage: db.kind }, 'CRM sync on');
  const label = (crm: CrmName) => connectors.get(crm)?.label ?? crm;
  let stopping: Promise<void> | undefined;
  return {
    connectors,
    async status(contactId) {
      return (await statusOf(db, contactId, names)).map((row) => statusItem(row, label(row.crm)));
    },
    async retry(contactId, crm) {
      await db.transaction((tx: Queryable) => outbox.upserts(tx, [contactId], [crm]));
    },
    failures: (limit, offset) => failures(db, names, label, limit, offset),
    replay(contactIds, crm) {
      return db.transaction(async (tx) => {
        const rows = await deadLetters(tx, crm ? [crm] : names, contactIds);
        for (const name of names) {
          const ids = rows.filter((row) => row.crm === name).map((row) => row.contact_id);
          if (ids.length) await outbox.upserts(tx, ids, [name]);
        }
        return rows.length;
      });
    },
    stop() {
      stopping ??= (async () => {
        store.syncOutbox = undefined;
        // Deliveries under way get a moment; what is cut short is retried by whichever process runs next.
        await boss.stop({ graceful: true, timeout: 3000, wait: true });
      })();
      return stopping;
    },
  };
}
