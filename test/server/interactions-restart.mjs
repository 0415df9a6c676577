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
import { after, before } from 'node:test';
import { importTs } from '../../scripts/run-ts.mjs';
import { scratchDatabase } from './helpers.mjs';
import { AGENTS, CAMPAIGNS, driver } from './interactions-support.mjs';

/** Storage that outlives a server process: `start()` opens a process on it, `drop()` removes it. */
export async function durableStorage({ campaigns = CAMPAIGNS } = {}) {
  const { startServer } = await importTs('server/start.ts');
  const tokens = Object.fromEntries(Object.entries(AGENTS).map(([agent, token]) => [token, agent]));
  const scratch = await scratchDatabase('ucrm_durable');
  let where;
  let drop;
  if (scratch) {
    where = { databaseUrl: scratch.url };
    drop = scratch.drop;
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'ucrm-durable-'));
    where = { dataDir: dir };
    drop = () => rm(dir, { recursive: true, force: true });
  }
  return {
    shared: !!scratch,
    start: () =>
      startServer({ port: 0, host: '127.0.0.1', ...where, auth: { tokens }, seed: { campaigns }, testMode: true, log: { level: 'silent' } }),
    drop,
  };
}

/**
 * For a describe block: durable storage made before its tests; answers
 * `open()`, which starts a server process on it. After the block every
 * process opened is closed and the storage dropped.
 */
export function restartableServers(options) {
  let storage;
  const running = [];
  before(async () => {
    storage = await durableStorage(options);
  });
  after(async () => {
    for (const server of running) await server.close();
    await storage?.drop();
  });
  return async function open() {
    const server = await storage.start();
    running.push(server);
    return server;
  };
}

/** The time on `server`'s test clock (epoch ms), which starts at the real time in each process. */
export const clockNow = async (server) => (await driver(server, '/clock', { advanceMs: 0 })).now;

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
