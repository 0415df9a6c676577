/**
 * The sync routes (docs/rest-api.md, "CRM sync"), authenticated like every
 * route: a contact's status per CRM and its retry, and the admin list of
 * failures and replay of dead letters. With sync off they answer empty
 * lists (and a retry is a 404: there is no such CRM here).
 */
import type { Hono } from 'hono';
import * as v from 'valibot';
import { jsonBody } from '../http.js';
import type { Env } from '../http.js';
import { HttpProblem } from '../problems.js';
import type { ContactStore } from '../store.js';
import { ContactIdParam, parse } from '../validation.js';
import type { CrmName } from './connector.js';
import type { SyncEngine } from './engine.js';

const CRMS = ['hubspot', 'salesforce', 'zoho'] as const satisfies readonly CrmName[];
const pageNumber = (min: number, max: number, fallback: number) =>
  v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/, 'Expected a whole number.'), v.transform(Number), v.minValue(min), v.maxValue(max)),
    String(fallback),
  );
const FailuresQuery = v.strictObject({ limit: pageNumber(1, 200, 50), offset: pageNumber(0, 1_000_000, 0) });
const ReplayBody = v.strictObject({
  ids: v.optional(v.pipe(v.array(ContactIdParam), v.minLength(1), v.maxLength(1000))),
  crm: v.optional(v.picklist(CRMS)),
});

export function syncRoutes(app: Hono<Env>, store: ContactStore, sync: SyncEngine | undefined): void {
  const existing = async (id: string) => {
    if (!(await store.getContact(id))) throw new HttpProblem('not-found', (m) => m.contactNotFound(id));
  };

  app.get('/contacts/:id/sync', async (c) => {
    const id = parse(ContactIdParam, c.req.param('id'), 'path', 'id');
    await existing(id);
    c.header('cache-control', 'no-store');
    return c.json({ items: sync ? await sync.status(id) : [] });
  });

  app.post('/contacts/:id/sync/:crm/retry', async (c) => {
    const id = parse(ContactIdParam, c.req.param('id'), 'path', 'id');
    const crm = c.req.param('crm') as CrmName;
    if (!sync?.connectors.has(crm)) throw new HttpProblem('not-found', (m) => m.routeNotFound);
    await existing(id);
    await sync.retry(id, crm);
    const item = (await sync.status(id)).find((status) => status.crm === crm);
    return c.json(item ?? null, 202);
  });

  app.get('/admin/sync/failures', async (c) => {
    const { limit, offset } = parse(FailuresQuery, c.req.query(), 'query');
    c.header('cache-control', 'no-store');
    const page = sync ? await sync.failures(limit, offset) : { items: [], total: 0 };
    return c.json({ ...page, limit, offset });
  });

  app.post('/admin/sync/replay', async (c) => {
    const raw = c.req.header('content-length') === '0' ? {} : await jsonBody(c);
    const { ids, crm } = parse(ReplayBody, raw ?? {}, 'body');
    return c.json({ replayed: sync ? await sync.replay(ids, crm) : 0 }, 202);
  });
}
