/**
 * One small interface over both storages, so every SQL statement is written
 * once: embedded PGlite (WASM PostgreSQL, in memory or in a directory) by
 * default, a real PostgreSQL server through `pg` when DATABASE_URL is set.
 *
 * Screen pops never wait behind the directory: their statements go through
 * `urgent`. On PostgreSQL that is a pool of its own (a directory that uses
 * every connection of the main pool still leaves the pops theirs); on PGlite,
 * which runs one statement at a time, an urgent statement goes before every
 * queued one, so a pop waits at most for the statement already running.
 */
import { SCHEMA } from './schema.js';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** For the screen pop's short, indexed reads: ahead of (PGlite) or beside (PostgreSQL) everything else. */
  readonly urgent: Queryable;
  /** Runs `work` in one transaction (READ COMMITTED), rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs a script of several statements without parameters (a job queue's
   * schema and maintenance, server/sync/queue.ts), as one turn on PGlite.
   */
  script(sql: string): Promise<void>;
  /** Statements run so far: lets tests prove a screen pop is one lookup. */
  readonly statements: string[];
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres://... — a real server; otherwise PGlite. */
  databaseUrl?: string;
  /** PGlite data directory; in memory when absent. */
  dataDir?: string;
  /** Keep the statements run (tests only; memory grows otherwise). */
  recordStatements?: boolean;
  /** Connections of the main PostgreSQL pool (default 10; the pops' pool has 4 more). */
  poolSize?: number;
}

/**
 * One statement (or transaction) at a time, urgent ones first. PGlite queues
 * too, but first come first served: a pop would wait for every directory
 * statement queued before it. Urgent first without a limit would let a flood
 * of pops starve the directory, so a normal statement that has waited
 * `NORMAL_MAX_WAIT_MS` goes next whatever is urgent.
 */
const NORMAL_MAX_WAIT_MS = 50;

class Lanes {
  private busy = false;
  private readonly urgent: (() => void)[] = [];
  private readonly normal: { resolve: () => void; since: number }[] = [];

  async run<T>(urgent: boolean, work: () => Promise<T>): Promise<T> {
    if (this.busy) {
      await new Promise<void>((resolve) => {
        if (urgent) this.urgent.push(resolve);
        else this.normal.push({ resolve, since: performance.now() });
      });
    }
    this.busy = true;
    try {
      return await work();
    } finally {
      // PGlite runs on this thread: while a statement ran, no request was
      // read. Let the event loop read what arrived (a pop joins the urgent
      // lane) before choosing who goes next; `busy` stays true meanwhile.
      setImmediate(() => this.handOver());
    }
  }

  private handOver(): void {
    const overdue = this.normal.length > 0 && performance.now() - this.normal[0]!.since >= NORMAL_MAX_WAIT_MS;
    const next = (overdue ? undefined : this.urgent.shift()) ?? this.normal.shift()?.resolve ?? this.urgent.shift();
    if (next) next();
    else this.busy = false;
  }
}

type PGliteQuery = <T>(sql: string, params?: unknown[]) => Promise<{ rows: T[] }>;

async function openPglite(options: DbOptions): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const pg = new PGlite({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), extensions: { pg_trgm } });
  const statements: string[] = [];
  const lanes = new Lanes();
  const record = (sql: string) => {
    if (options.recordStatements) statements.push(sql);
  };
  const direct = (q: { query: PGliteQuery }): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      record(sql);
      return (await q.query<T>(sql, params)).rows;
    },
  });
  const laned = (urgent: boolean): Queryable => ({
    query: <T>(sql: string, params: unknown[] = []) => lanes.run(urgent, () => direct(pg).query<T>(sql, params)),
  });
  return {
    kind: 'pglite',
    statements,
    ...laned(false),
    urgent: laned(true),
    transaction: (work) => lanes.run(false, () => pg.transaction((tx) => work(direct(tx)))),
    script: (sql) => lanes.run(false, async () => void (await pg.exec(sql))),
    close: () => pg.close(),
  };
}

async function openPostgres(options: DbOptions & { databaseUrl: string }): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  const popPool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
  for (const p of [pool, popPool]) {
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    p.on('error', (error) => console.warn(`ucrm server: PostgreSQL connection lost: ${error.message}`));
  }
  const statements: string[] = [];
  const wrap = (client: { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> }): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      if (options.recordStatements) statements.push(sql);
      return (await client.query(sql, params)).rows as T[];
    },
  });
  return {
    kind: 'postgres',
    statements,
    ...wrap(pool),
    urgent: wrap(popPool),
    // No parameters: the simple protocol, which runs several statements.
    script: async (sql) => void (await pool.query(sql)),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      await Promise.all([pool.end(), popPool.end()]);
    },
  };
}

/** Opens the storage and creates the schema when missing. */
export async function openDb(options: DbOptions = {}): Promise<Db> {
  const db = options.databaseUrl ? await openPostgres({ ...options, databaseUrl: options.databaseUrl }) : await openPglite(options);
  for (const statement of SCHEMA) await db.query(statement);
  db.statements.length = 0;
  return db;
}
