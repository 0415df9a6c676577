/**
 * The reference CRM server's HTTP layer (Hono): the contract of
 * docs/openapi.yaml over a `ContactStore`. Order of the middleware matters:
 * origin allow-list and CORS first (so every answer, errors included, is
 * readable by an allowed page), then test faults, body limit and auth.
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { SCOPE_HEADER } from './faults.js';
import type { FaultInjector } from './faults.js';
import { HttpProblem, respondProblem } from './problems.js';
import { adminRoutes } from './admin-routes.js';
import { jsonBody, sendContact } from './http.js';
import type { Env } from './http.js';
import type { ContactStore } from './store.js';
import {
  ContactIdParam,
  DraftSchema,
  IdempotencyKey,
  IdentityQuery,
  IdentitySchema,
  RegionQuery,
  ResolveQuery,
  SearchQuery,
  parse,
} from './validation.js';

export interface AppOptions {
  store: ContactStore;
  /** When set, every API request needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Origins allowed to call from a browser (exact `scheme://host:port`); `*` allows any. */
  origins: string[];
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** Test mode only: the /__test routes and injected faults. */
  faults?: FaultInjector;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createApp(options: AppOptions): Hono<Env> {
  const { store, faults } = options;
  const anyOrigin = options.origins.includes('*');
  const allowed = (origin: string) => anyOrigin || options.origins.includes(origin);
  const app = new Hono<Env>();

  app.onError((error, c) => respondProblem(c, error));
  app.notFound((c) => respondProblem(c, new HttpProblem('not-found', (m) => m.routeNotFound)));

  // A browser page from an origin not on the list gets nothing, not even an error it could read.
  app.use('*', async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && !allowed(origin)) {
      throw new HttpProblem('unauthorized', (m) => m.originRejected(origin), { status: 403 });
    }
    await next();
  });
  app.use(
    '*',
    cors({
      origin: (origin) => (allowed(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'Accept-Language', ...(faults ? [SCOPE_HEADER] : [])],
      exposeHeaders: ['ETag', 'Location', 'Retry-After', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );
  if (faults) {
    app.route('/__test', faults.routes());
    app.use('*', faults.middleware());
  }
  app.use(
    '*',
    bodyLimit({
      maxSize: options.bodyLimit,
      onError: (c) => respondProblem(c, new HttpProblem('invalid', (m) => m.tooLarge(options.bodyLimit), { status: 413 })),
    }),
  );

  app.get('/health', (c) => c.json({ status: 'ok', storage: store.db.kind }));

  if (options.token) {
    const expected = options.token;
    app.use('*', async (c, next) => {
      const header = c.req.header('authorization') ?? '';
      const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
      if (!given || !sameToken(given, expected)) {
        const challenge = given ? 'Bearer error="invalid_token"' : 'Bearer';
        throw new HttpProblem('unauthorized', (m) => (given ? m.tokenWrong : m.tokenRequired), {
          headers: { 'www-authenticate': challenge },
        });
      }
      await next();
    });
  }

  app.get('/interactions/resolve', async (c) => {
    const query = parse(ResolveQuery, c.req.query(), 'query');
    const { defaultRegion, ...context } = query;
    c.header('cache-control', 'no-store');
    return c.json(await store.resolve(context, defaultRegion));
  });

  app.get('/contacts', async (c) => {
    const { q, limit, offset } = parse(SearchQuery, c.req.query(), 'query');
    const page = await store.search(q, limit, offset);
    c.header('cache-control', 'no-store');
    return c.json({ ...page, limit, offset });
  });

  app.post('/contacts', async (c) => {
    const key = parse(IdempotencyKey, c.req.header('idempotency-key'), 'header');
    const { defaultRegion } = parse(RegionQuery, c.req.query(), 'query');
    const draft = parse(DraftSchema, await jsonBody(c), 'body');
    const { contact, replayed } = await store.create(draft, key, defaultRegion);
    if (replayed) c.header('idempotent-replayed', 'true');
    c.header('location', `/contacts/${encodeURIComponent(contact.id)}`);
    return sendContact(c, contact, replayed ? 200 : 201);
  });

  app.get('/contacts/by-identity', async (c) => {
    const identity = parse(IdentityQuery, c.req.query(), 'query');
    c.header('cache-control', 'no-store');
    return c.json({ items: await store.findByIdentity(identity) });
  });

  app.get('/contacts/:id', async (c) => {
    const id = parse(ContactIdParam, c.req.param('id'), 'path');
    const contact = await store.getContact(id);
    if (!contact) throw new HttpProblem('not-found', (m) => m.contactNotFound(id));
    return sendContact(c, contact);
  });

  app.patch('/contacts/:id', async (c) => {
    const id = parse(ContactIdParam, c.req.param('id'), 'path');
    const { defaultRegion } = parse(RegionQuery, c.req.query(), 'query');
    const patch = parse(DraftSchema, await jsonBody(c), 'body');
    return sendContact(c, await store.patch(id, patch, c.req.header('if-match'), defaultRegion));
  });

  const identityRoute = '/contacts/:id/identities/:kind/:value';
  const identityOf = (c: Context<Env>) => ({
    id: parse(ContactIdParam, c.req.param('id'), 'path'),
    identity: parse(IdentitySchema, { kind: c.req.param('kind'), value: c.req.param('value') }, 'path'),
    defaultRegion: parse(RegionQuery, c.req.query(), 'query').defaultRegion,
  });
  app.put(identityRoute, async (c) => {
    const { id, identity, defaultRegion } = identityOf(c);
    return sendContact(c, await store.addIdentity(id, identity, defaultRegion));
  });
  app.delete(identityRoute, async (c) => {
    const { id, identity, defaultRegion } = identityOf(c);
    return sendContact(c, await store.removeIdentity(id, identity, defaultRegion));
  });

  adminRoutes(app, store);

  app.get('/sections', (c) => c.json({ items: store.listSections() }));
  app.get('/campaigns', (c) => c.json({ items: store.listCampaigns() }));

  return app;
}
