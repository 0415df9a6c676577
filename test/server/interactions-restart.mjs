/**
 * A reference server that can be stopped and started again on the same
 * data, for the tests of durable work (rescheduled attempts, transfer
 * deadlines): on PostgreSQL (DATABASE_URL) a scratch database of its own,
 * on PGlite a data directory; several processes at once only on PostgreSQL.
 * Each process has its own test clock, starting at the real time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { importTs } from '../../scripts/run-ts.mjs';
import { AGENTS, CAMPAIGNS } from './interactions-support.mjs';

/** Storage that outlives a server process: `start()` opens a process on it, `drop()` removes it. */
export async function durableStorage({ campaigns = CAMPAIGNS } = {}) {
  const { startServer } = await importTs('server/start.ts');
  const tokens = Object.fromEntries(Object.entries(AGENTS).map(([agent, token]) => [token, agent]));
  const url = process.env.DATABASE_URL;
  let where;
  let drop;
  if (url) {
    const { default: pg } = await import('pg');
    const name = `ucrm_durable_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const scoped = new URL(url);
    scoped.pathname = `/${name}`;
    where = { databaseUrl: scoped.toString() };
    drop = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'ucrm-durable-'));
    where = { dataDir: dir };
    drop = () => rm(dir, { recursive: true, force: true });
  }
  return {
    shared: !!url,
    start: () =>
      startServer({ port: 0, host: '127.0.0.1', ...where, auth: { tokens }, seed: { campaigns }, testMode: true, log: { level: 'silent' } }),
    drop,
  };
}

/** Resolves once `check()` answers something truthy (polled, never a fixed wait); rejects after `timeoutMs`. */
export async function eventually(check, { timeoutMs = 30_000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
