/**
 * The reference CRM server's HTTP layer (Hono): the contract of
 * docs/openapi.yaml over a `ContactStore`. Order of the middleware matters:
 * the request log first (it times and ids everything), then the Host
 * allow-list, the origin allow-list and CORS (so every answer, errors
 * included, is readable by an allowed page), test faults, the body limit,
 * the health probes (open), and authentication (every route after it knows
 * its agent: `c.get('agent')`).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { adminRoutes } from './admin-routes.js';
import { authenticate } from './auth.js';
import type { AuthOptions } from './auth.js';
import { SCOPE_HEADER } from './faults.js';
import type { FaultInjector } from './faults.js';
import { PROBE_PATHS, healthRoutes } from './health.js';
import { hostAllowList } from './hosts.js';
import { createInteractionServer } from './interactions/index.js';
import { jsonBody, sendContact } from './http.js';
import type { Env } from './http.js';
import { requestLog } from './logging.js';
import type { Logger } from './logging.js';
import { HttpProblem, respondProblem } from './problems.js';
import type { ContactStore } from './store.js';
import type { SyncEngine } from './sync/engine.js';
import { syncRoutes } from './sync/routes.js';
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
  /** Tokens and keys that identify agents; none configured → every caller is `anonymous`. */
  auth: AuthOptions;
  /** Origins allowed to call from a browser (exact `scheme://host:port`); `*` allows any. */
  origins: string[];
  /** Host names this server answers for (server/hosts.ts); `*` allows any. */
  allowedHosts: string[];
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  logger: Logger;
  /** True once shutdown began: readiness fails and connections are not kept alive. */
  draining?: () => boolean;
  /** Test mode only: the /__test routes and injected faults. */
  faults?: FaultInjector;
  /** CRM sync (server/sync), when a CRM is configured: its status and admin routes answer from it. */
  sync?: SyncEngine;
}

export function createApp(options: AppOptions): Hono<Env> {
  const { store, faults } = options;
  const draining = options.draining ?? (() => false);
  const anyOrigin = options.origins.includes('*');
  const allowed = (origin: string) => anyOrigin || options.origins.includes(origin);
  const app = new Hono<Env>();

  app.onError((error, c) => respondProblem(c, error));
  app.notFound((c) => respondProblem(c, new HttpProblem('not-found', (m) => m.routeNotFound)));

  app.use('*', requestLog(options.logger));
  app.use('*', hostAllowList(options.allowedHosts, PROBE_PATHS));
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
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'Accept-Language', 'Last-Event-ID', ...(faults ? [SCOPE_HEADER] : [])],
      exposeHeaders: ['ETag', 'Location', 'Retry-After', 'Idempotent-Replayed', 'X-Request-Id'],
      maxAge: 600,
    }),
  );
  // While draining, every answer asks the client to reconnect (to another process).
  app.use('*', async (c, next) => {
    await next();
    if (draining()) c.header('connection', 'close');
  });
  // The interaction workspace (server/interactions): its test routes before authentication, its routes after.
  const interactions = createInteractionServer({ db: store.db, contacts: store, testMode: !!faults, draining });
  interactions.mountTestRoutes(app);
  if (faults) {
    app.route('/__test', faults.routes());
    app.use('*', faults.middleware());
  }
  const limit = bodyLimit({
    maxSize: options.bodyLimit,
    // The rest of an oversized body is not read: the connection is closed after the answer.
    onError: (c) => {
      c.header('connection', 'close');
      return respondProblem(c, new HttpProblem('invalid', (m) => m.tooLarge(options.bodyLimit), { status: 413 }));
    },
  });
  // An attachment upload has its own, larger limit (server/interactions/attachment-routes.ts).
  app.use('*', (c, next) => (interactions.isUploadRequest(c) ? next() : limit(c, next)));

  healthRoutes(app, store.db, draining);
  const auth = authenticate(options.auth);
  // A signed attachment link is its own credential (an <img> or <audio> sends no token).
  app.use('*', async (c, next) => ((await interactions.isSignedDownload(c)) ? next() : auth(c, next)));

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
    const key = parse(IdempotencyKey, c.req.header('idempotency-key'), 'header', 'Idempotency-Key');
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
    const id = parse(ContactIdParam, c.req.param('id'), 'path', 'id');
    const contact = await store.getContact(id);
    if (!contact) throw new HttpProblem('not-found', (m) => m.contactNotFound(id));
    return sendContact(c, contact);
  });

  app.patch('/contacts/:id', async (c) => {
    const id = parse(ContactIdParam, c.req.param('id'), 'path', 'id');
    const { defaultRegion } = parse(RegionQuery, c.req.query(), 'query');
    const patch = parse(DraftSchema, await jsonBody(c), 'body');
    return sendContact(c, await store.patch(id, patch, c.req.header('if-match'), defaultRegion));
  });

  const identityRoute = '/contacts/:id/identities/:kind/:value';
  const identityOf = (c: Context<Env>) => ({
    id: parse(ContactIdParam, c.req.param('id'), 'path', 'id'),
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
  syncRoutes(app, store, options.sync);
  interactions.mountRoutes(app);

  app.get('/sections', (c) => c.json({ items: store.listSections() }));
  app.get('/campaigns', (c) => c.json({ items: store.listCampaigns() }));

  return app;
}
