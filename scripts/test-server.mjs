/**
 * Starts the reference server for tests, in this process, on a free loopback
 * port, in test mode (fault injection and request counts under /__test, see
 * server/faults.ts). Used by the web-test-runner plugin
 * (scripts/rest-server-plugin.mjs) and by the node tests in test/server/.
 *
 *   const server = await startTestServer({ token: 'secret', demoCount: 100 });
 *   server.url          // http://127.0.0.1:<port>
 *   server.refusedUrl   // a loopback URL where nothing listens (connection refused)
 *   server.reset();     // clears faults and the recorded SQL statements (server.db.statements)
 *   await server.close();                       // cuts open connections
 *   await server.close({ graceful: true });     // drains them, as on SIGTERM
 *
 * Logs are off unless UCRM_LOG_LEVEL is set (they go to stdout) or `log` gives a
 * destination (`{ level: 'info', destination: { write(line) {...} } }`).
 *
 * DATABASE_URL in the environment (or `databaseUrl`) runs it on PostgreSQL, in a
 * scratch database of its own (created, then dropped on close).
 */
import { createServer } from 'node:net';
import { importTs } from './run-ts.mjs';
import { scratchDatabase } from './scratch-database.mjs';

let modulePromise;

/** server/start.ts, bundled once per process. */
function serverModule() {
  modulePromise ??= importTs('server/start.ts');
  return modulePromise;
}

/** A loopback port nobody listens on: bound, then released. */
async function refusedPort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * @param {{ token?: string, tokenAgent?: string, auth?: { tokens?: Record<string, string>, jwtSecret?: string,
 *   jwksUrl?: string, issuer?: string, audience?: string }, origins?: string[], allowedHosts?: string[],
 *   bodyLimit?: number, databaseUrl?: string, seed?: object, demoCount?: number, defaultRegion?: string,
 *   log?: { level?: string, destination?: { write(line: string): void } } }} [options]
 *   `demoCount` demo contacts are seeded (200 when neither it nor `seed` is given).
 */
export async function startTestServer(options = {}) {
  const { startServer } = await serverModule();
  // A database of its own, so test files running in parallel never share tables.
  const scratch = await scratchDatabase('ucrm_test', options.databaseUrl ?? process.env.DATABASE_URL);
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: scratch?.url,
    token: options.token,
    tokenAgent: options.tokenAgent,
    auth: options.auth,
    origins: options.origins ?? [],
    allowedHosts: options.allowedHosts,
    bodyLimit: options.bodyLimit,
    defaultRegion: options.defaultRegion,
    seed: options.seed ?? { demo: { count: options.demoCount ?? 200 } },
    log: options.log ?? { level: process.env.UCRM_LOG_LEVEL || 'silent' },
    testMode: true,
  });
  const refusedUrl = `http://127.0.0.1:${await refusedPort()}`;
  return {
    url: server.url,
    refusedUrl,
    token: options.token,
    db: server.db,
    reset() {
      server.faults.reset('');
      server.db.statements.length = 0;
    },
    async close(closeOptions) {
      await server.close(closeOptions);
      await scratch?.drop();
    },
  };
}
