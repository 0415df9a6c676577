/**
 * Test-only fault injection at the HTTP level (enabled only when the server
 * is started in test mode): the next N matching requests answer an error
 * status (optionally with Retry-After), hang past the client's timeout,
 * return malformed JSON, or have their connection reset. Also counts the
 * requests each route received, so tests can prove "one request per pop".
 *
 * Faults and counts live per scope, named by the `X-Test-Scope` request
 * header (none is a scope too), so test files running in parallel against
 * one server never see each other's faults or requests.
 *
 *   POST /__test/faults   {kind, count?, status?, retryAfter?, delayMs?, path?}
 *   GET  /__test/requests → {total, byRoute: {"GET /interactions/resolve": 1, ...}}
 *   POST /__test/reset    clears faults and counts
 */
import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import * as v from 'valibot';
import { parse } from './validation.js';

const FaultSchema = v.strictObject({
  kind: v.picklist(['status', 'hang', 'malformed', 'reset']),
  count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 1),
  status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599)), 500),
  retryAfter: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  delayMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60_000)), 5_000),
  /** Only requests whose path starts with this (default: every API request). */
  path: v.optional(v.string(), '/'),
});

type Fault = v.InferOutput<typeof FaultSchema>;

export const SCOPE_HEADER = 'x-test-scope';

interface Scope {
  faults: Fault[];
  counts: Map<string, number>;
}

export class FaultInjector {
  private readonly scopes = new Map<string, Scope>();

  private scope(name = ''): Scope {
    let scope = this.scopes.get(name);
    if (!scope) this.scopes.set(name, (scope = { faults: [], counts: new Map() }));
    return scope;
  }

  add(fault: Fault, scope?: string): void {
    this.scope(scope).faults.push(fault);
  }

  /** Clears one scope, or every scope when none is named. */
  reset(scope?: string): void {
    if (scope === undefined) this.scopes.clear();
    else this.scopes.delete(scope);
  }

  requests(scope?: string) {
    const { counts } = this.scope(scope);
    return { total: [...counts.values()].reduce((a, b) => a + b, 0), byRoute: Object.fromEntries(counts) };
  }

  /** Counts the request and takes the first pending fault of its scope that matches it. */
  take(method: string, path: string, scopeName?: string): Fault | undefined {
    const scope = this.scope(scopeName);
    const route = `${method} ${path}`;
    scope.counts.set(route, (scope.counts.get(route) ?? 0) + 1);
    const index = scope.faults.findIndex((fault) => path.startsWith(fault.path));
    if (index < 0) return undefined;
    const fault = scope.faults[index]!;
    fault.count -= 1;
    if (fault.count <= 0) scope.faults.splice(index, 1);
    return fault;
  }

  /** Runs after CORS, so an injected error still reaches the page like a real one would. */
  middleware(): MiddlewareHandler<{ Bindings: HttpBindings }> {
    return async (c, next) => {
      if (c.req.method === 'OPTIONS' || c.req.path.startsWith('/__test/')) return next();
      const fault = this.take(c.req.method, c.req.path, c.req.header(SCOPE_HEADER) ?? '');
      if (!fault) return next();
      switch (fault.kind) {
        case 'status':
          if (fault.retryAfter !== undefined) c.header('retry-after', String(fault.retryAfter));
          c.header('content-type', 'application/problem+json');
          return c.body(
            JSON.stringify({ type: 'urn:ucrm:problem:unavailable', title: 'Injected fault', status: fault.status, detail: `Injected ${fault.status}.` }),
            fault.status as 500,
          );
        case 'malformed':
          c.header('content-type', 'application/json');
          return c.body('{"items": [{"id": "broken"', 200);
        case 'reset':
          c.env?.incoming?.socket?.destroy();
          return c.body(null, 500);
        case 'hang':
          await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
          return next();
      }
    };
  }

  routes(): Hono {
    const app = new Hono();
    app.post('/faults', async (c) => {
      this.add(parse(FaultSchema, await c.req.json(), 'body'), c.req.header(SCOPE_HEADER) ?? '');
      return c.json({ ok: true });
    });
    app.get('/requests', (c) => c.json(this.requests(c.req.header(SCOPE_HEADER) ?? '')));
    app.post('/reset', (c) => {
      this.reset(c.req.header(SCOPE_HEADER) ?? '');
      return c.json({ ok: true });
    });
    return app;
  }
}
