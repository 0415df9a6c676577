/**
 * Probes for load balancers and orchestrators, answered without a token and
 * whatever the Host header (a probe uses the pod's address):
 *
 *   GET /healthz  liveness: the process answers (never touches the database)
 *   GET /readyz   readiness: the database answers a trivial query within 2 s,
 *                 and the server is not shutting down; else 503
 *   GET /health   the original probe, kept: `{status, storage}`
 */
import type { Hono } from 'hono';
import type { Db } from './db.js';
import type { Env } from './http.js';
import { HttpProblem } from './problems.js';

export const PROBE_PATHS = ['/healthz', '/readyz', '/health'];

const READY_TIMEOUT_MS = 2_000;

async function databaseAnswers(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([db.query('SELECT 1').then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(app: Hono<Env>, db: Db, draining: () => boolean): void {
  app.get('/healthz', (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ status: 'ok' });
  });
  app.get('/readyz', async (c) => {
    c.header('cache-control', 'no-store');
    if (draining() || !(await databaseAnswers(db))) {
      throw new HttpProblem('unavailable', (m) => m.notReady, { status: 503 });
    }
    return c.json({ status: 'ready', storage: db.kind });
  });
  app.get('/health', (c) => c.json({ status: 'ok', storage: db.kind }));
}
