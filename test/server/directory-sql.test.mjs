/**
 * The SQL directory answers as src/core does: every filter and search of the
 * shared corpus (directory-corpus.mjs) is run through the server
 * (`POST /contacts/query/ids`, compiled to SQL) and through `compileFilter` /
 * `ContactSearchIndex` over the same contacts; the ids must be the same.
 * On PGlite, and on PostgreSQL under `npm run test:server:pg`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importTs } from '../../scripts/run-ts.mjs';
import { COMBINED_CASES, EDGE_CONTACTS, FILTER_CASES, SEARCH_CASES, TYPO_SUBSET_CASES } from './directory-corpus.mjs';
import { call, startTestServer, storageName } from './helpers.mjs';

let server;
let core;
let data;
before(async () => {
  core = await importTs('src/core/index.ts');
  const { generateDemoData } = await importTs('src/data/demo-data.ts');
  const demo = generateDemoData({ count: 400 });
  data = { ...demo, contacts: [...demo.contacts, ...EDGE_CONTACTS] };
  server = await startTestServer({ seed: data });
});
after(() => server?.close());

const sorted = (ids) => [...ids].sort();

async function sqlIds(filter, query = '') {
  const res = await call(server, '/contacts/query/ids', { method: 'POST', json: { filter, query } });
  assert.equal(res.status, 200, `${JSON.stringify(filter)} ${query}: ${JSON.stringify(res.body)}`);
  return res.body.ids;
}

function coreFilterIds(filter, among = data.contacts) {
  const test = core.compileFilter(filter, core.sectionFields(data.sections), {});
  return among.filter(test).map((contact) => contact.id);
}

function coreSearchIds(query) {
  const index = new core.ContactSearchIndex({ customFields: core.sectionFields(data.sections) });
  for (const contact of data.contacts) index.add(contact);
  return index.search(query, { limit: data.contacts.length }).ids;
}

const label = (filter) => JSON.stringify(filter).replace(/"(\w+)":/g, '$1:').slice(0, 160);

describe(`SQL directory = src/core on ${storageName}`, () => {
  it('finds the same contacts for every filter of the corpus', async () => {
    const mismatches = [];
    for (const filter of FILTER_CASES) {
      const expected = sorted(coreFilterIds(filter));
      const actual = sorted(await sqlIds(filter));
      if (JSON.stringify(expected) !== JSON.stringify(actual)) {
        mismatches.push(`${label(filter)}: core ${expected.length}, SQL ${actual.length}; only core ${expected.filter((id) => !actual.includes(id)).slice(0, 5)}, only SQL ${actual.filter((id) => !expected.includes(id)).slice(0, 5)}`);
      }
    }
    assert.deepEqual(mismatches, []);
  });

  it('finds the same contacts for every search of the corpus', async () => {
    const mismatches = [];
    for (const query of SEARCH_CASES) {
      const expected = sorted(coreSearchIds(query));
      const actual = sorted(await sqlIds({ match: 'all', conditions: [] }, query));
      if (JSON.stringify(expected) !== JSON.stringify(actual)) {
        mismatches.push(`${query}: core ${expected.length}, SQL ${actual.length}; only core ${expected.filter((id) => !actual.includes(id)).slice(0, 5)}, only SQL ${actual.filter((id) => !expected.includes(id)).slice(0, 5)}`);
      }
    }
    assert.deepEqual(mismatches, []);
  });

  it('leaves out typo matches when exact or prefix matches exist (docs/rest-api.md)', async () => {
    for (const query of TYPO_SUBSET_CASES) {
      const expected = new Set(coreSearchIds(query));
      const actual = await sqlIds({ match: 'all', conditions: [] }, query);
      assert.ok(actual.length > 0, query);
      assert.deepEqual(actual.filter((id) => !expected.has(id)), [], query);
    }
  });

  it('applies a filter within a search', async () => {
    for (const { filter, query } of COMBINED_CASES) {
      const found = new Set(coreSearchIds(query));
      const expected = sorted(coreFilterIds(filter, data.contacts.filter((contact) => found.has(contact.id))));
      assert.ok(expected.length > 0, `${query}: the case finds something`);
      assert.deepEqual(sorted(await sqlIds(filter, query)), expected, `${label(filter)} + ${query}`);
    }
  });

  it('ranks an exact identity first, as the in-browser index does', async () => {
    for (const query of ['juan.perez@gmail.com', '+55 11 98765-4321', 'Juan Pérez']) {
      const [first] = coreSearchIds(query);
      const res = await call(server, `/contacts?q=${encodeURIComponent(query)}&limit=3`);
      assert.equal(res.body.items[0]?.id, first, query);
    }
  });

  it('pages by name with exact totals, and answers the same page through /contacts/query', async () => {
    const filter = { match: 'all', conditions: [{ field: 'tags', op: 'is', value: 'vip' }] };
    const ids = await sqlIds(filter);
    const page = await call(server, '/contacts/query', { method: 'POST', json: { filter, limit: 5, offset: 5 } });
    assert.equal(page.body.total, ids.length);
    assert.equal(page.body.estimated, undefined);
    assert.deepEqual(page.body.items.map((contact) => contact.id), ids.slice(5, 10));
  });

  it('pages a search as its full ranking does, whether the best matches alone fill the page or not', async () => {
    const vip = { match: 'all', conditions: [{ field: 'tags', op: 'is', value: 'vip' }] };
    const none = { match: 'all', conditions: [] };
    const cases = [[none, 'perez'], [none, 'juan perez'], [none, 'ana'], [vip, 'maria'], [none, 'pe'], [vip, 'gonzalez']];
    for (const [filter, query] of cases) {
      const ids = await sqlIds(filter, query);
      for (const [limit, offset] of [[2, 0], [3, 2], [5, 5], [0, 0], [3, ids.length + 5]]) {
        const page = await call(server, '/contacts/query', { method: 'POST', json: { filter, query, limit, offset } });
        const label = `${query} limit ${limit} offset ${offset}`;
        assert.deepEqual(page.body.items.map((contact) => contact.id), ids.slice(offset, offset + limit), label);
        assert.equal(page.body.total, ids.length, label);
      }
    }
  });

  it('finds a name by its words right after a write, a rename and a delete (the name-word index follows)', async () => {
    const none = { match: 'all', conditions: [] };
    const found = async (query) =>
      (await call(server, '/contacts/query', { method: 'POST', json: { filter: none, query, limit: 1 } })).body.items.map((c) => c.id);
    const made = await call(server, '/contacts', { method: 'POST', json: { firstName: 'Qwertz', lastName: 'Zyxwvu Plokij' } });
    assert.equal(made.status, 201);
    const { id } = made.body;
    assert.deepEqual(await found('zyxwvu'), [id]);
    assert.deepEqual(await found('plokij'), [id]);
    const renamed = await call(server, '/contacts', { method: 'PATCH', json: { patches: [{ id, patch: { lastName: 'Mnbvcx' } }] } });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    assert.deepEqual(await found('plokij'), []);
    assert.deepEqual(await found('mnbvcx'), [id]);
    assert.deepEqual(await found('qwertz'), [id]);
    await call(server, '/contacts/delete', { method: 'POST', json: { ids: [id] } });
    assert.deepEqual(await found('qwertz'), []);
  });

  it('lists by folded last name, first name, id, as the in-browser index ranks ties', async () => {
    const ids = await sqlIds({ match: 'all', conditions: [] });
    const key = (contact) => [core.foldText((contact.lastName ?? '').trim()), core.foldText((contact.firstName ?? '').trim()), contact.id];
    const byId = new Map(data.contacts.map((contact) => [contact.id, contact]));
    const expected = [...data.contacts].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
      return 0;
    });
    assert.deepEqual(ids.map((id) => key(byId.get(id))), expected.map(key));
  });

  it('refuses what compileFilter refuses, with the same problem', async () => {
    const res = await call(server, '/contacts/query', {
      method: 'POST',
      json: { filter: { match: 'all', conditions: [{ field: 'budget', op: 'greater', value: 'lots' }] } },
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'invalid');
  });
});
