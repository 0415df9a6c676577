/**
 * Hostile input gets a 4xx problem naming what is wrong, never a 500, and
 * never a write: NUL and unpaired surrogates anywhere (body, query, path,
 * header), bodies that are not objects, nesting and lists over the limits,
 * unknown members and parameters, and the Host allow-list (DNS rebinding).
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { call, startTestServer, storageName } from './helpers.mjs';

let server;
before(async () => {
  server = await startTestServer({ demoCount: 20, allowedHosts: ['crm.example.test', '*.agents.example.test'] });
});
after(() => server?.close());

/** A request through node:http, which (unlike fetch) lets a test choose the Host header. */
function raw(path, { method = 'GET', headers = {}, body } = {}) {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const total = async () =>
  (await call(server, '/contacts/query', { method: 'POST', json: { filter: { match: 'all', conditions: [] }, limit: 0 } })).body.total;

function assertProblem(res, status, pointer) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.body.type, `urn:ucrm:problem:${res.body.code}`);
  if (pointer !== undefined) assert.deepEqual(res.body.errors?.map((e) => e.pointer), [pointer]);
}

describe(`hostile input on ${storageName}`, () => {
  it('refuses NUL and unpaired surrogates in body strings, naming the member', async () => {
    const before = await total();
    assertProblem(await call(server, '/contacts', { method: 'POST', json: { firstName: 'A\u0000B' } }), 400, '/firstName');
    assertProblem(await call(server, '/contacts', { method: 'POST', json: { lastName: 'x\uD800' } }), 400, '/lastName');
    assertProblem(await call(server, '/contacts', { method: 'POST', json: { tags: ['ok', '\uDC00y'] } }), 400, '/tags/1');
    assertProblem(await call(server, '/contacts', { method: 'POST', json: { custom: { note: { deep: ['\u0000'] } } } }), 400, '/custom/note/deep/0');
    const badKey = await call(server, '/contacts', { method: 'POST', json: { custom: { 'a\u0000': 1 } } });
    assertProblem(badKey, 400, '/custom');
    // A paired surrogate (an emoji) is fine.
    assert.equal((await call(server, '/contacts', { method: 'POST', json: { firstName: 'Ana 😀' } })).status, 201);
    assert.equal(await total(), before + 1);
  });

  it('refuses NUL in a path, a query and a header', async () => {
    assertProblem(await call(server, '/contacts/a%00b'), 400, ':id');
    assertProblem(await call(server, '/contacts/x/identities/phone/%00', { method: 'PUT' }), 400, ':value');
    // Header bytes beyond ASCII arrive as Latin-1 text: stored as they are, no failure.
    assert.equal((await call(server, '/contacts', { method: 'POST', json: {}, headers: { 'idempotency-key': 'k\u00ff\u00fe' } })).status, 201);
    assertProblem(await call(server, '/interactions/resolve?channel=phone&clientId=%00'), 400, '?clientId');
    assertProblem(await call(server, '/contacts?q=a%00'), 400, '?q');
    const surrogate = await call(server, '/contacts/by-identity?kind=email&value=%ED%A0%80');
    assert.ok(surrogate.status < 500 && surrogate.status >= 200, String(surrogate.status));
  });

  it('refuses a body that is not an object: an array, a string, null, a number', async () => {
    const before = await total();
    for (const body of ['[]', '[{"firstName":"A"}]', '"text"', 'null', '42', 'true']) {
      const res = await call(server, '/contacts', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      assertProblem(res, 400, '');
    }
    assert.equal(await total(), before, 'no contact was created');
  });

  it('refuses nesting deeper than the limit before parsing it', async () => {
    const deep = `{"custom":{"x":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`;
    const res = await call(server, '/contacts', { method: 'POST', body: deep, headers: { 'content-type': 'application/json' } });
    assertProblem(res, 400);
    assert.match(res.body.detail, /deeper than 20 levels/);
    const unbalanced = await call(server, '/contacts/query', { method: 'POST', body: '['.repeat(100_000), headers: { 'content-type': 'application/json' } });
    assertProblem(unbalanced, 400);
  });

  it('refuses huge lists, with each field’s own limit and one for every list', async () => {
    assertProblem(await call(server, '/contacts', { method: 'POST', json: { phones: Array(51).fill('+59899000000') } }), 400, '/phones');
    assertProblem(await call(server, '/contacts', { method: 'POST', json: { custom: { many: Array(10_001).fill(0) } } }), 400, '/custom/many');
    assertProblem(await call(server, '/contacts/delete', { method: 'POST', json: { ids: Array(1001).fill('x') } }), 400, '/ids');
  });

  it('refuses unknown members and unknown query parameters, naming them', async () => {
    assertProblem(await call(server, '/contacts', { method: 'POST', json: { firstName: 'A', isAdmin: true } }), 400, '/isAdmin');
    assertProblem(await call(server, '/contacts/query', { method: 'POST', json: { filter: { match: 'all', conditions: [] }, sql: '1' } }), 400, '/sql');
    assertProblem(await call(server, '/interactions/resolve?channel=phone&clientID=1'), 400, '?clientID');
    assertProblem(await call(server, '/contacts?q=a&debug=1'), 400, '?debug');
  });

  it('answers wrong types with 400, never 500', async () => {
    for (const json of [{ firstName: {} }, { phones: 'x' }, { notes: [1] }, { identities: [{ kind: 'fax', value: 'x' }] }, { blocked: 'yes' }]) {
      const res = await call(server, '/contacts', { method: 'POST', json });
      assert.equal(res.status, 400, JSON.stringify(json));
    }
    const merge = await call(server, '/contacts/merge', { method: 'POST', json: { result: [], removedIds: {} } });
    assert.equal(merge.status, 400);
  });

  describe('Host allow-list', () => {
    it('answers loopback names and the configured ones', async () => {
      const { port } = new URL(server.url);
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'LOCALHOST.', `[::1]:${port}`, 'crm.example.test', 'a.agents.example.test']) {
        const res = await raw('/contacts/demo-uy', { headers: { host } });
        assert.equal(res.status, 200, `${host}: ${JSON.stringify(res.body)}`);
      }
    });

    it('refuses any other Host with 421 (DNS rebinding), health probes excepted', async () => {
      for (const host of ['evil.example', 'evil.example:80', 'agents.example.test', 'crm.example.test.evil.example', '127.0.0.1.nip.io']) {
        const res = await raw('/contacts/demo-uy', { headers: { host } });
        assert.equal(res.status, 421, host);
        assert.equal(res.body.code, 'unauthorized');
      }
      assert.equal((await raw('/healthz', { headers: { host: '10.1.2.3:8787' } })).status, 200);
      assert.equal((await raw('/readyz', { headers: { host: '10.1.2.3:8787' } })).status, 200);
    });
  });
});
