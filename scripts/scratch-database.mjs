/**
 * A fresh database on a PostgreSQL server, for a test or a benchmark that
 * must not share tables with anything running beside it (test files run in
 * parallel; several server processes may share one database). Lives in
 * scripts/ so the server tests (test/server/helpers.mjs), the benchmarks
 * (bench/server/) and the test server can all import it without one reaching
 * into another's folder.
 *
 *   const scratch = await scratchDatabase('ucrm_sync');   // undefined without DATABASE_URL (PGlite)
 *   startServer({ databaseUrl: scratch?.url, ... });
 *   await scratch?.drop();                                // forces out connections left open
 */
import process from 'node:process';

/**
 * Creates `<prefix>_<pid>_<time>_<random>` on the server of `base` (default
 * `DATABASE_URL`): `url` to give the servers, `drop()` to remove it.
 * Undefined when there is no `base`.
 */
export async function scratchDatabase(prefix, base = process.env.DATABASE_URL) {
  if (!base) return undefined;
  const { default: pg } = await import('pg');
  // The random part keeps two scratch databases made in the same millisecond by one process apart.
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const run = async (sql) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
