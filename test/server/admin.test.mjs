/**
 * Contact management over HTTP (docs/rest-api.md, "Contact management"):
 * filtered queries, delete, atomic merge, bulk, idempotent import, views,
 * tags, notes, duplicates; and that the identity table follows every write
 * (a resolve after a delete or merge sees it at once).
 */
import assert from 'node:assert/strict';
import process from 'node:process';
import { after, before, describe, it } from 'node:test';
import { call, startTestServer, storageName } from './helpers.mjs';

let server;
before(async () => {
  server = await startTestServer({ demoCount: 30 });
});
after(() => server?.close());

let counter = 0;
const phone = () => `+598 98 ${String(300000 + (process.pid % 1000) * 100 + ++counter).padStart(6, '0')}`;
const tagged = (tag) => ({ match: 'all', conditions: [{ field: 'tags', op: 'contains', value: tag }] });

async function create(draft) {
  const res = await call(server, '/contacts', { method: 'POST', json: draft });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

async function byPhone(value) {
  return (await call(server, `/contacts/by-identity?kind=phone&value=${encodeURIComponent(value)}`)).body.items;
}

describe(`contact management on ${storageName}`, () => {
  it('queries by filter and search text, pages with a total, and lists every matching id', async () => {
    const tag = `q-${counter}-${Date.now()}`;
    const made = [];
    for (const name of ['Ana', 'Bruno', 'Carla']) made.push(await create({ firstName: name, lastName: 'Query', tags: [tag] }));
    const page = await call(server, '/contacts/query', { method: 'POST', json: { filter: tagged(tag), limit: 2, offset: 1 } });
    assert.equal(page.status, 200);
    assert.equal(page.body.total, 3);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    assert.equal(page.body.items.length, 2);
    const searched = await call(server, '/contacts/query', { method: 'POST', json: { filter: tagged(tag), query: 'Bruno' } });
    assert.deepEqual(searched.body.items.map((c) => c.id), [made[1].id]);
    const ids = await call(server, '/contacts/query/ids', { method: 'POST', json: { filter: tagged(tag) } });
    assert.deepEqual(new Set(ids.body.ids), new Set(made.map((c) => c.id)));
    const got = await call(server, '/contacts/batch-get', { method: 'POST', json: { ids: [made[2].id, 'nope', made[0].id] } });
    assert.deepEqual(got.body.items.map((c) => c.id), [made[2].id, made[0].id]);
  });

  it('refuses an invalid filter expression and an unknown operator as problems', async () => {
    const bad = await call(server, '/contacts/query', {
      method: 'POST',
      json: { filter: { match: 'expression', expression: '1 and (2', conditions: [{ field: 'firstName', op: 'is', value: 'x' }] } },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'invalid');
    const op = await call(server, '/contacts/query', { method: 'POST', json: { filter: { match: 'all', conditions: [{ field: 'tags', op: 'like' }] } } });
    assert.equal(op.status, 400);
    assert.deepEqual(op.body.errors.map((e) => e.pointer), ['/filter/conditions/0/op']);
  });

  it('deletes, counting only known contacts, and the identity table follows', async () => {
    const number = phone();
    const contact = await create({ firstName: 'Gone', phones: [number] });
    assert.equal((await byPhone(number)).length, 1);
    const res = await call(server, '/contacts/delete', { method: 'POST', json: { ids: [contact.id, contact.id, 'unknown'] } });
    assert.deepEqual(res.body, { deleted: 1 });
    assert.deepEqual(await byPhone(number), []);
    assert.equal((await call(server, `/contacts/${contact.id}`)).status, 404);
  });

  it('merges atomically: a missing contact is a 404 and nothing changes', async () => {
    const a = await create({ firstName: 'Primary', phones: [phone()], tags: ['a'] });
    const b = await create({ firstName: 'Other', phones: [phone()], tags: ['b'] });
    const result = { ...a, phones: [...a.phones, ...b.phones], tags: ['a', 'b'] };
    const missing = await call(server, '/contacts/merge', { method: 'POST', json: { result, removedIds: [b.id, 'missing'] } });
    assert.equal(missing.status, 404);
    assert.equal((await call(server, `/contacts/${b.id}`)).status, 200);
    assert.deepEqual((await call(server, `/contacts/${a.id}`)).body.tags, ['a']);

    const self = await call(server, '/contacts/merge', { method: 'POST', json: { result, removedIds: [a.id] } });
    assert.equal(self.status, 400);

    const merged = await call(server, '/contacts/merge', { method: 'POST', json: { result, removedIds: [b.id] } });
    assert.equal(merged.status, 200);
    assert.deepEqual(merged.body.tags, ['a', 'b']);
    assert.equal((await call(server, `/contacts/${b.id}`)).status, 404);
    // The removed contact's phone now resolves to the primary: identity_forms was rewritten.
    assert.deepEqual((await byPhone(b.phones[0])).map((c) => c.id), [a.id]);
  });

  it('bulk-updates in one transaction, refusing the whole batch for an unknown id', async () => {
    const a = await create({ firstName: 'Bulk A' });
    const b = await create({ firstName: 'Bulk B' });
    const refused = await call(server, '/contacts', { method: 'PATCH', json: { patches: [{ id: a.id, patch: { owner: 'x' } }, { id: 'nope', patch: {} }] } });
    assert.equal(refused.status, 404);
    assert.equal((await call(server, `/contacts/${a.id}`)).body.owner, undefined);
    const res = await call(server, '/contacts', { method: 'PATCH', json: { patches: [a, b].map((c) => ({ id: c.id, patch: { owner: 'agent-7' } })) } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.items.map((c) => c.owner), ['agent-7', 'agent-7']);
  });

  it('imports creates and updates once per Idempotency-Key, and refuses the key with another body', async () => {
    const existing = await create({ firstName: 'Before' });
    const number = phone();
    const plan = { creates: [{ draft: { firstName: 'Imported', phones: [number] } }], updates: [{ id: existing.id, patch: { lastName: 'After' } }, { id: 'deleted-meanwhile', patch: {} }] };
    const key = `import-${Date.now()}-${counter++}`;
    const first = await call(server, '/contacts/import', { method: 'POST', json: plan, headers: { 'idempotency-key': key } });
    assert.equal(first.status, 201);
    assert.equal(first.body.created.length, 1);
    assert.deepEqual(first.body.updated.map((c) => c.lastName), ['After']);
    const again = await call(server, '/contacts/import', { method: 'POST', json: plan, headers: { 'idempotency-key': key } });
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.created[0].id, first.body.created[0].id);
    assert.equal((await byPhone(number)).length, 1);
    const other = await call(server, '/contacts/import', { method: 'POST', json: { creates: [], updates: [] }, headers: { 'idempotency-key': key } });
    assert.equal(other.status, 422);
  });

  it('saves, lists per owner, replaces and deletes views', async () => {
    const filter = tagged('vip');
    const mine = await call(server, '/views', { method: 'POST', json: { name: ' Mine ', filter, public: false, owner: 'ana' } });
    assert.equal(mine.status, 201);
    assert.equal(mine.body.name, 'Mine');
    const shared = (await call(server, '/views', { method: 'POST', json: { name: 'Shared', filter, public: true } })).body;
    const names = async (owner) => (await call(server, `/views${owner ? `?owner=${owner}` : ''}`)).body.items.map((v) => v.name);
    assert.deepEqual(await names('ana'), ['Mine', 'Shared']);
    assert.deepEqual(await names('bob'), ['Shared']);
    const renamed = await call(server, `/views/${shared.id}`, { method: 'PUT', json: { name: 'Team', filter, public: true } });
    assert.equal(renamed.body.id, shared.id);
    assert.equal((await call(server, `/views/${mine.body.id}`, { method: 'DELETE' })).status, 204);
    assert.deepEqual(await names('ana'), ['Team']);
    assert.equal((await call(server, '/views', { method: 'POST', json: { name: '  ', filter, public: true } })).status, 400);
  });

  it('lists tags once per folded spelling, adds notes, and finds duplicates by identity and by name + email', async () => {
    const number = phone();
    const a = await create({ firstName: 'Dup', lastName: 'Licate', phones: [number], emails: ['dup@example.com'], tags: ['Zeta-tag', 'ÁLPHA-TAG'] });
    const b = await create({ firstName: 'Other', phones: [number] });
    const c = await create({ firstName: 'dup', lastName: 'licate', emails: [' DUP@example.com'], tags: ['alpha-tag'] });
    const tags = (await call(server, '/tags')).body.items;
    assert.equal(tags.filter((t) => /alpha-tag/i.test(t.normalize('NFD').replace(/\p{M}/gu, ''))).length, 1);
    assert.ok(tags.includes('Zeta-tag'));

    const noted = await call(server, `/contacts/${a.id}/notes`, { method: 'POST', json: { text: ' Called back ', author: 'ana' } });
    assert.equal(noted.status, 201);
    assert.deepEqual(noted.body.notes.map((n) => [n.text, n.author]), [['Called back', 'ana']]);
    const empty = await call(server, `/contacts/${a.id}/notes`, { method: 'POST', json: { text: ' ' }, headers: { 'accept-language': 'es' } });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.detail, 'Una nota no puede estar vacía.');
    assert.equal((await call(server, '/contacts/nope/notes', { method: 'POST', json: { text: 'x' } })).status, 404);

    const dups = (await call(server, `/contacts/${a.id}/duplicates`)).body.items;
    const reasons = Object.fromEntries(dups.map((d) => [d.contact.id, d.reason]));
    assert.equal(reasons[b.id], 'identity');
    assert.ok(reasons[c.id], 'same name and email');
    assert.equal((await call(server, '/contacts/nope/duplicates')).status, 404);
  });
});
