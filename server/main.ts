/**
 * `npm run server`: the reference CRM server, seeded with the demo data.
 *
 * Environment:
 *   PORT (8787), HOST (127.0.0.1)
 *   DATABASE_URL        postgres://... to use a real PostgreSQL; else embedded PGlite
 *   PGLITE_DIR          keep PGlite's data in this directory (default: in memory)
 *   UCRM_TOKEN          require `Authorization: Bearer <token>`
 *   UCRM_CORS_ORIGINS   comma-separated allowed origins (default: the Vite demo and Storybook on localhost)
 *   UCRM_BODY_LIMIT     bytes (default 1048576)
 *   UCRM_DEFAULT_REGION ISO 3166 region for national phone numbers
 *   UCRM_DEMO_COUNT     demo contacts to seed into an empty database (default 2000)
 */
import { startServer } from './start.js';

const env = process.env;
const localOrigins = ['5173', '4173', '6006'].flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]);

const server = await startServer({
  port: Number(env.PORT ?? 8787),
  host: env.HOST ?? '127.0.0.1',
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: env.PGLITE_DIR || undefined,
  token: env.UCRM_TOKEN || undefined,
  origins: env.UCRM_CORS_ORIGINS ? env.UCRM_CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : localOrigins,
  bodyLimit: Number(env.UCRM_BODY_LIMIT ?? 1024 * 1024),
  defaultRegion: env.UCRM_DEFAULT_REGION || undefined,
  seed: { demo: { count: Number(env.UCRM_DEMO_COUNT ?? 2000) } },
});

console.log(`ucrm reference server on ${server.url} (storage: ${server.db.kind}${env.UCRM_TOKEN ? ', bearer token required' : ''})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
