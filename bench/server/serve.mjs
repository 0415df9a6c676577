/**
 * The reference server in a process of its own for the bench (so the load
 * generator never shares its event loop): `node bench/server/serve.mjs`,
 * with DATABASE_URL (PostgreSQL) or UCRM_DEMO_COUNT (demo contacts on PGlite).
 * Logs off; prints `ucrm reference server on <url>` when it listens, on
 * 127.0.0.1 and a free port.
 */
import process from 'node:process';
import { importTs } from '../../scripts/run-ts.mjs';

const { startServer } = await importTs('server/start.ts');
const count = Number(process.env.UCRM_DEMO_COUNT ?? 0);
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  databaseUrl: process.env.DATABASE_URL || undefined,
  seed: count ? { demo: { count } } : undefined,
  log: { level: 'silent' },
  bodyLimit: 8 * 1024 * 1024,
});
console.log(`ucrm reference server on ${server.url}`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
