/**
 * `npm run server`: the reference CRM server.
 *
 * Environment:
 *   PORT (8787), HOST (127.0.0.1)
 *   DATABASE_URL        postgres://... to use a real PostgreSQL; else embedded PGlite
 *   PGLITE_DIR          keep PGlite's data in this directory (default: in memory)
 *   UCRM_TOKEN          one static bearer token, for agent UCRM_TOKEN_AGENT (default `default`)
 *   UCRM_TOKENS         static tokens per agent, for development: `tokenA:agent-1,tokenB:agent-2`
 *   UCRM_JWT_SECRET     accept JWTs signed with HS256 and this secret (agent = `sub`)
 *   UCRM_JWKS_URL       accept JWTs signed by a key of this JSON Web Key Set (agent = `sub`)
 *   UCRM_JWT_ISSUER / UCRM_JWT_AUDIENCE   required `iss` / `aud` of those JWTs
 *   UCRM_CORS_ORIGINS   comma-separated allowed origins (default: the Vite demo and Storybook on localhost)
 *   UCRM_ALLOWED_HOSTS  comma-separated Host names answered besides loopback (`*.example.com`; `*` for any)
 *   UCRM_BODY_LIMIT     bytes (default 1048576)
 *   UCRM_DEFAULT_REGION ISO 3166 region for national phone numbers
 *   UCRM_DEMO_COUNT     demo contacts to seed into an empty database (default: none; with
 *                       `--demo`, as `npm run server` passes, 2000 on PGlite and still none on DATABASE_URL)
 *   UCRM_LOG_LEVEL      pino level (info; `silent` for none)
 *   UCRM_SHUTDOWN_TIMEOUT  ms to drain in-flight requests on SIGTERM/SIGINT (10000)
 *   UCRM_SYNC_*         CRM sync, off unless a CRM's credentials are set (docs/crm-sync.md)
 *
 * When it listens it prints exactly one line starting `ucrm reference server on
 * http://HOST:PORT` (scripts wait for it); logs are JSON lines on stdout.
 */
import process from 'node:process';
import { staticTokensFromEnv } from './auth.js';
import { createLogger } from './logging.js';
import { startServer } from './start.js';

const env = process.env;
const list = (value: string | undefined) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
const localOrigins = ['5173', '4173', '6006'].flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]);

/** Demo data only when asked for: UCRM_DEMO_COUNT, or `--demo` on the embedded database. */
function demoCount(): number {
  if (env.UCRM_DEMO_COUNT !== undefined && env.UCRM_DEMO_COUNT !== '') {
    const count = Number(env.UCRM_DEMO_COUNT);
    if (!Number.isInteger(count) || count < 0) throw new Error(`UCRM_DEMO_COUNT must be a whole number, got "${env.UCRM_DEMO_COUNT}"`);
    return count;
  }
  return process.argv.includes('--demo') && !env.DATABASE_URL ? 2000 : 0;
}

const logger = createLogger({ level: env.UCRM_LOG_LEVEL || 'info' });
const tokens = staticTokensFromEnv(env);
const auth = {
  tokens,
  jwtSecret: env.UCRM_JWT_SECRET || undefined,
  jwksUrl: env.UCRM_JWKS_URL || undefined,
  issuer: env.UCRM_JWT_ISSUER || undefined,
  audience: env.UCRM_JWT_AUDIENCE || undefined,
};
const count = demoCount();

const server = await startServer({
  port: Number(env.PORT ?? 8787),
  host: env.HOST ?? '127.0.0.1',
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: env.PGLITE_DIR || undefined,
  auth,
  origins: env.UCRM_CORS_ORIGINS ? list(env.UCRM_CORS_ORIGINS) : localOrigins,
  allowedHosts: list(env.UCRM_ALLOWED_HOSTS),
  bodyLimit: Number(env.UCRM_BODY_LIMIT ?? 1024 * 1024),
  defaultRegion: env.UCRM_DEFAULT_REGION || undefined,
  seed: { demo: { count } },
  logger,
  syncEnv: env,
});

const kinds = [
  Object.keys(tokens).length ? `${Object.keys(tokens).length} static token(s)` : '',
  auth.jwtSecret ? 'HS256 JWT' : '',
  auth.jwksUrl ? 'JWKS JWT' : '',
].filter(Boolean);
console.log(
  `ucrm reference server on ${server.url} (storage: ${server.db.kind}${server.sync ? `, CRM sync: ${[...server.sync.connectors.keys()].join(', ')}` : ''}${kinds.length ? `, bearer token required: ${kinds.join(', ')}` : ''}${count ? `, demo set: ${count}` : ''})`,
);

const timeoutMs = Number(env.UCRM_SHUTDOWN_TIMEOUT ?? 10_000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    server.close({ graceful: true, timeoutMs }).then(
      () => logger.flush(() => process.exit(0)),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        logger.flush(() => process.exit(1));
      },
    );
  });
}
