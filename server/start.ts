/**
 * Starts the reference server: storage (PGlite or PostgreSQL), seed data,
 * the Hono app on Node's HTTP server. Used by `main.ts` (npm run server) and
 * by the test helper (scripts/test-server.mjs).
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { openDb } from './db.js';
import type { Db } from './db.js';
import { FaultInjector } from './faults.js';
import { ContactStore } from './store.js';
import type { SeedData } from './store.js';

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  databaseUrl?: string;
  /** PGlite data directory (default: in memory). */
  dataDir?: string;
  token?: string;
  origins?: string[];
  bodyLimit?: number;
  defaultRegion?: string;
  /** Seeds empty tables; `demo` generates the demo data set. */
  seed?: SeedData | { demo: { count?: number; seed?: number } };
  /** Enables /__test routes and fault injection, and records SQL statements. */
  testMode?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  store: ContactStore;
  faults?: FaultInjector;
  close(): Promise<void>;
}

async function seedData(seed: ServerOptions['seed']): Promise<SeedData> {
  if (!seed) return {};
  if ('demo' in seed) {
    const { generateDemoData } = await import('../src/data/demo-data.js');
    return generateDemoData(seed.demo);
  }
  return seed;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const db = await openDb({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, recordStatements: options.testMode });
  const store = await ContactStore.open(db, { seed: await seedData(options.seed), defaultRegion: options.defaultRegion });
  const faults = options.testMode ? new FaultInjector() : undefined;
  const app = createApp({
    store,
    token: options.token,
    origins: options.origins ?? [],
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    faults,
  });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(started));
    started.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    db,
    store,
    faults,
    async close() {
      // Hanging test requests must not keep the process alive.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
