/**
 * Starts the reference server: storage (PGlite or PostgreSQL), seed data,
 * the Hono app on Node's HTTP server, and its shutdown. Used by `main.ts`
 * (npm run server) and by the test helper (scripts/test-server.mjs).
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { AuthOptions } from './auth.js';
import { openDb } from './db.js';
import type { Db } from './db.js';
import { FaultInjector } from './faults.js';
import { LOOPBACK_HOSTS } from './hosts.js';
import { createLogger } from './logging.js';
import type { LogOptions, Logger } from './logging.js';
import { ContactStore } from './store.js';
import type { SeedData } from './store.js';
import { startSync } from './sync/engine.js';
import type { SyncEngine } from './sync/engine.js';

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  databaseUrl?: string;
  /** PGlite data directory (default: in memory). */
  dataDir?: string;
  /** One static bearer token (`UCRM_TOKEN`), for agent `tokenAgent` (default `default`). */
  token?: string;
  tokenAgent?: string;
  /** Static tokens per agent, JWT secret or JWKS (server/auth.ts). */
  auth?: AuthOptions;
  origins?: string[];
  /** Host names answered besides loopback and `host` (`UCRM_ALLOWED_HOSTS`); `*` for any. */
  allowedHosts?: string[];
  bodyLimit?: number;
  defaultRegion?: string;
  /** Seeds empty tables; `demo` generates the demo data set. Nothing is seeded without it. */
  seed?: SeedData | { demo: { count?: number; seed?: number } };
  /** A logger, or options for one (default: `info` to stdout; `silent` in test mode). */
  logger?: Logger;
  log?: LogOptions;
  /** Enables /__test routes and fault injection, and records SQL statements. */
  testMode?: boolean;
  /** Where the CRM sync settings (`UCRM_SYNC_*`, server/sync/config.ts) are read; none: sync off. */
  syncEnv?: NodeJS.ProcessEnv;
}

export interface CloseOptions {
  /** Let in-flight requests finish (up to `timeoutMs`, default 10 s) instead of cutting every connection. */
  graceful?: boolean;
  timeoutMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  store: ContactStore;
  logger: Logger;
  faults?: FaultInjector;
  /** The CRM sync engine, when a CRM is configured. */
  sync?: SyncEngine;
  /** Stops accepting connections, ends (or drains) the open ones, then closes the database. */
  close(options?: CloseOptions): Promise<void>;
}

async function seedData(seed: ServerOptions['seed']): Promise<SeedData> {
  if (!seed) return {};
  if ('demo' in seed) {
    if (!seed.demo.count) return {};
    const { generateDemoData } = await import('../src/data/demo-data.js');
    return generateDemoData(seed.demo);
  }
  return seed;
}

/** Loopback, the address the server listens on unless it is a wildcard, and the configured names. */
function hostsFor(host: string, extra: readonly string[] = []): string[] {
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  return [...LOOPBACK_HOSTS, ...(wildcard ? [] : [host]), ...extra];
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  // Tests log nothing unless they ask (scripts/test-server.mjs passes UCRM_LOG_LEVEL on).
  const logger = options.logger ?? createLogger({ level: options.testMode ? 'silent' : 'info', ...options.log });
  const db = await openDb({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, recordStatements: options.testMode });
  let store: ContactStore;
  let sync: SyncEngine | undefined;
  try {
    store = await ContactStore.open(db, { seed: await seedData(options.seed), defaultRegion: options.defaultRegion });
    sync = options.syncEnv ? await startSync({ db, store, databaseUrl: options.databaseUrl, env: options.syncEnv, logger }) : undefined;
  } catch (error) {
    await db.close();
    throw error;
  }
  const faults = options.testMode ? new FaultInjector() : undefined;
  const host = options.host ?? '127.0.0.1';
  let draining = false;
  const tokens = { ...options.auth?.tokens, ...(options.token ? { [options.token]: options.tokenAgent ?? 'default' } : {}) };
  const app = createApp({
    store,
    auth: { ...options.auth, tokens },
    origins: options.origins ?? [],
    allowedHosts: hostsFor(host, options.allowedHosts),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    logger,
    draining: () => draining,
    faults,
    sync,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(started));
    started.once('error', reject);
  });
  const http = server as typeof server & { closeIdleConnections?: () => void; closeAllConnections?: () => void };
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    db,
    store,
    logger,
    faults,
    sync,
    close({ graceful = false, timeoutMs = 10_000 }: CloseOptions = {}) {
      closing ??= (async () => {
        draining = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        if (graceful) {
          logger.info({ timeoutMs }, 'draining');
          // Idle keep-alive connections go now; busy ones close after their answer (`Connection: close`).
          http.closeIdleConnections?.();
          const deadline = setTimeout(() => {
            logger.warn('drain timed out: closing the remaining connections');
            http.closeAllConnections?.();
          }, timeoutMs);
          await closed;
          clearTimeout(deadline);
        } else {
          // Hanging test requests must not keep the process alive.
          http.closeAllConnections?.();
          await closed;
        }
        await sync?.stop();
        await db.close();
        logger.info('stopped');
      })();
      return closing;
    },
  };
}
