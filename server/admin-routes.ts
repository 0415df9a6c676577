/**
 * The contact management routes (docs/rest-api.md, "Contact management"):
 * each validates its input, then calls `AdminStore`. Reads that need a body
 * (a filter, a list of ids) are POSTs; they change nothing.
 */
import type { Hono } from 'hono';
import { AdminStore } from './admin.js';
import { jsonBody, sendContact } from './http.js';
import type { Env } from './http.js';
import type { ContactStore } from './store.js';
import { ViewStore } from './views.js';
import { LookupBody, lookupIdentities } from './identity-lookup.js';
import {
  BulkBody,
  ContactIdParam,
  IdempotencyKey,
  IdsBody,
  ImportBody,
  MergeBody,
  NoteBody,
  OwnerQuery,
  QueryBody,
  QueryIdsBody,
  RegionQuery,
  ViewBody,
  parse,
} from './validation.js';

export function adminRoutes(app: Hono<Env>, store: ContactStore): void {
  const admin = new AdminStore(store);
  const views = new ViewStore(store.db);
  app.use('/contacts/*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  });

  app.post('/contacts/query', async (c) => {
    const { filter, query, limit, offset } = parse(QueryBody, await jsonBody(c), 'body');
    return c.json({ ...(await admin.query(filter, query, limit, offset)), limit, offset });
  });

  app.post('/contacts/query/ids', async (c) => {
    const { filter, query } = parse(QueryIdsBody, await jsonBody(c), 'body');
    return c.json({ ids: await admin.queryIds(filter, query) });
  });

  app.post('/contacts/lookup', async (c) => {
    const { defaultRegion } = parse(RegionQuery, c.req.query(), 'query');
    const { identities } = parse(LookupBody, await jsonBody(c), 'body');
    return c.json(await lookupIdentities(store, identities, defaultRegion));
  });

  app.post('/contacts/batch-get', async (c) => {
    const { ids } = parse(IdsBody, await jsonBody(c), 'body');
    return c.json({ items: await admin.getMany(ids) });
  });

  app.post('/contacts/delete', async (c) => {
    const { ids } = parse(IdsBody, await jsonBody(c), 'body');
    return c.json({ deleted: await admin.delete(ids) });
  });

  app.post('/contacts/merge', async (c) => {
    const plan = parse(MergeBody, await jsonBody(c), 'body');
    return sendContact(c, await admin.merge(plan));
  });

  app.patch('/contacts', async (c) => {
    const { patches } = parse(BulkBody, await jsonBody(c), 'body');
    return c.json({ items: await admin.bulk(patches) });
  });

  app.post('/contacts/import', async (c) => {
    const key = parse(IdempotencyKey, c.req.header('idempotency-key'), 'header', 'Idempotency-Key');
    const plan = parse(ImportBody, await jsonBody(c), 'body');
    const { result, replayed } = await admin.import(plan, key);
    if (replayed) c.header('idempotent-replayed', 'true');
    return c.json(result, replayed ? 200 : 201);
  });

  app.post('/contacts/:id/notes', async (c) => {
    const id = parse(ContactIdParam, c.req.param('id'), 'path', 'id');
    const { text, author } = parse(NoteBody, await jsonBody(c), 'body');
    return sendContact(c, await admin.addNote(id, text, author), 201);
  });

  app.get('/contacts/:id/duplicates', async (c) => {
    const id = parse(ContactIdParam, c.req.param('id'), 'path', 'id');
    return c.json({ items: await admin.duplicates(id) });
  });

  // Views belong to the calling agent (server/views.ts).
  app.get('/views', async (c) => {
    const { owner } = parse(OwnerQuery, c.req.query(), 'query');
    c.header('cache-control', 'no-store');
    return c.json({ items: await views.list(c.get('agent'), owner) });
  });

  app.post('/views', async (c) => {
    const { id: _ignored, ...view } = parse(ViewBody, await jsonBody(c), 'body');
    const stored = await views.save(c.get('agent'), view);
    c.header('location', `/views/${encodeURIComponent(stored.id)}`);
    return c.json(stored, 201);
  });

  app.put('/views/:id', async (c) => {
    const id = parse(ContactIdParam, c.req.param('id'), 'path', 'id');
    const { id: _ignored, ...view } = parse(ViewBody, await jsonBody(c), 'body');
    return c.json(await views.save(c.get('agent'), view, id));
  });

  app.delete('/views/:id', async (c) => {
    await views.delete(c.get('agent'), parse(ContactIdParam, c.req.param('id'), 'path', 'id'));
    return c.body(null, 204);
  });

  app.get('/tags', async (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ items: await admin.listTags() });
  });
}
