/**
 * Two server processes on one PostgreSQL answer the same right after any
 * write: nothing about contacts is kept in a process (no search index, no
 * cache). Two apps are started on one scratch database; each write goes
 * through one and is read back through the other (search, directory query,
 * screen pop). Runs under `npm run test:server:pg` (skipped on PGlite,
 * which one process owns).
 */
import assert from 'node:assert/strict';
import process from 'node:process';
import { after, before, describe, it } from 'node:test';
import { importTs } from '../../scripts/run-ts.mjs';
import { call, scratchDatabase } from './helpers.mjs';

const url = process.env.DATABASE_URL;
let a;
let b;
let database;

before(async () => {
  if (!url) return;
  database = await scratchDatabase('ucrm_stateless');
  const { startServer } = await importTs('server/start.ts');
  const start = () => startServer({ port: 0, databaseUrl: database.url, seed: { demo: { count: 50 } }, testMode: true });
  // One after the other: the first creates the schema and seeds, the second finds them.
  a = await start();
  b = await start();
});
after(async () => {
  await a?.close();
  await b?.close();
  await database?.drop();
});

const phone = `+598 97 ${String(100000 + (process.pid % 900000)).padStart(6, '0')}`;
const tagged = (tag) => ({ match: 'all', conditions: [{ field: 'tags', op: 'is', value: tag }] });
const ids = (res) => res.body.items.map((contact) => contact.id);

describe('two processes on one PostgreSQL', { skip: !url && 'needs DATABASE_URL (npm run test:server:pg)' }, () => {
  it('agree after a create, an update and a delete made through the other', async () => {
    const tag = `stateless-${Date.now()}`;
    const created = await call(a, '/contacts', { method: 'POST', json: { firstName: 'Zebulón', lastName: 'Quintanilla', phones: [phone], tags: [tag] } });
    assert.equal(created.status, 201);
    const id = created.body.id;

    assert.deepEqual(ids(await call(b, '/contacts?q=zebulon%20quintanilla')), [id]);
    assert.deepEqual(ids(await call(b, '/contacts/query', { method: 'POST', json: { filter: tagged(tag) } })), [id]);
    const pop = await call(b, `/interactions/resolve?channel=phone&clientId=${encodeURIComponent(phone)}`);
    assert.equal(pop.body.state, 'contact');
    assert.equal(pop.body.contact.id, id);

    const renamed = await call(b, `/contacts/${id}`, { method: 'PATCH', json: { lastName: 'Quiroga' }, headers: { 'if-match': created.headers.get('etag') } });
    assert.equal(renamed.status, 200);
    assert.deepEqual(ids(await call(a, '/contacts?q=quintanilla')), []);
    assert.deepEqual(ids(await call(a, '/contacts?q=quiroga')), [id]);
    assert.equal((await call(a, `/contacts/${id}`)).headers.get('etag'), renamed.headers.get('etag'));

    assert.deepEqual((await call(a, '/contacts/delete', { method: 'POST', json: { ids: [id] } })).body, { deleted: 1 });
    assert.deepEqual(ids(await call(b, '/contacts?q=quiroga')), []);
    assert.equal((await call(b, '/contacts/query', { method: 'POST', json: { filter: tagged(tag) } })).body.total, 0);
    assert.equal((await call(b, `/interactions/resolve?channel=phone&clientId=${encodeURIComponent(phone)}`)).body.state, 'create');
  });

  it('replays an Idempotency-Key given to the other process', async () => {
    const key = `stateless-key-${Date.now()}`;
    const draft = { firstName: 'Una', lastName: 'Vez' };
    const first = await call(a, '/contacts', { method: 'POST', json: draft, headers: { 'idempotency-key': key } });
    const again = await call(b, '/contacts', { method: 'POST', json: draft, headers: { 'idempotency-key': key } });
    assert.equal(first.status, 201);
    assert.equal(again.status, 200);
    assert.equal(again.body.id, first.body.id);
  });
});
