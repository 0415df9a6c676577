/**
 * Structured logs (pino, one JSON object a line): one line per request with
 * its id, method, route pattern, status, duration and agent. Never contact
 * data: no bodies, no URLs or query strings (a ClientID travels in
 * `?clientId=` and in identity paths), only the route *pattern*
 * (`/contacts/:id/identities/:kind/:value`). Unexpected errors are logged by
 * type, code and stack frames, without their message (a database error
 * message can quote the value it refused).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import type { DestinationStream, Logger } from 'pino';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Env } from './http.js';

export type { Logger };

export interface LogOptions {
  /** pino level (`UCRM_LOG_LEVEL`): `info` by default; `silent` turns logging off. */
  level?: string;
  /** Where lines go (default: stdout). Tests pass an object with `write(line)`. */
  destination?: DestinationStream;
}

export function createLogger(options: LogOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'ucrm-server' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Nothing may log a request or response object by accident: no serializers for them.
      serializers: { err: safeError },
    },
    options.destination ?? pino.destination({ fd: 1, sync: false }),
  );
}

/** An error without its message: its type, its code (PostgreSQL's SQLSTATE) and where it was thrown. */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const code = (error as { code?: unknown }).code;
  return { type: error.name, ...(typeof code === 'string' ? { code } : {}), stack: frames.join('\n') };
}

/** The pattern of the route that answers the request (never the path itself), or `-` when none does. */
function routeOf(c: Parameters<MiddlewareHandler<Env>>[0]): string {
  // Handlers run in registration order and the first one answers; `ALL` entries are middleware.
  return matchedRoutes(c).find((route) => route.method !== 'ALL')?.path ?? '-';
}

/** Gives each request an id (`X-Request-Id` in the answer) and a child logger, and logs it when answered. */
export function requestLog(logger: Logger): MiddlewareHandler<Env> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    const log = logger.child({ reqId: requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    c.header('x-request-id', requestId);
    await next();
    const status = c.res.status;
    const entry = {
      method: c.req.method,
      route: routeOf(c),
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(c.var.agent ? { agent: c.var.agent } : {}),
    };
    if (status >= 500) log.error(entry, 'request failed');
    else log.info(entry, 'request');
  };
}
