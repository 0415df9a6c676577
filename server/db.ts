/**
 * One small interface over both storages, so every SQL statement is written
 * once: embedded PGlite (WASM PostgreSQL, in memory or in a directory) by
 * default, a real PostgreSQL server through `pg` when DATABASE_URL is set.
 */
import { SCHEMA } from './schema.js';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction (READ COMMITTED), rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
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
}

async function openPglite(options: DbOptions): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const statements: string[] = [];
  const record = (sql: string) => {
    if (options.recordStatements) statements.push(sql);
  };
  const wrap = (q: { query: PGliteQuery }): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      record(sql);
      return (await q.query<T>(sql, params)).rows;
    },
  });
  const db: Db = {
    kind: 'pglite',
    statements,
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    close: () => pg.close(),
  };
  return db;
}

type PGliteQuery = <T>(sql: string, params?: unknown[]) => Promise<{ rows: T[] }>;

async function openPostgres(options: DbOptions & { databaseUrl: string }): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (error) => console.warn(`ucrm server: PostgreSQL connection lost: ${error.message}`));
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
    close: () => pool.end(),
  };
}

/** Opens the storage and creates the schema when missing. */
export async function openDb(options: DbOptions = {}): Promise<Db> {
  const db = options.databaseUrl ? await openPostgres({ ...options, databaseUrl: options.databaseUrl }) : await openPglite(options);
  for (const statement of SCHEMA) await db.query(statement);
  db.statements.length = 0;
  return db;
}
