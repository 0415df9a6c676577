/**
 * The reference server's contract (docs/openapi.yaml) over HTTP: validation,
 * versions, idempotent create, the one-statement screen pop. On PGlite, and
 * on PostgreSQL when DATABASE_URL is set (scripts/with-postgres.sh).
 */
import assert from 'node:assert/strict';
import process from 'node:process';
import { after, before, beforeEach, describe, it } from 'node:test';
import { call, startTestServer, storageName } from './helpers.mjs';

let server;
before(async () => {
  server = await startTestServer({ demoCount: 100 });
});
after(() => server?.close());
beforeEach(() => server.reset());

let counter = 0;
const freshPhone = () => `+598 98 ${String(200000 + process.pid % 1000 * 100 + ++counter).padStart(6, '0')}`;

describe(`contract on ${storageName}`, () => {
  it(`runs on ${storageName}`, async () => {
    const health = await call(server, '/health');
    assert.equal(health.body.storage, process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  describe('validation', () => {
    it('refuses a body with wrong types and unknown members, naming each', async () => {
      const res = await call(server, '/contacts', { method: 'POST', json: { firstName: 5, emails: 'x', nickname: 'y' } });
      assert.equal(res.status, 400);
      assert.match(res.headers.get('content-type'), /^application\/problem\+json/);
      assert.equal(res.body.code, 'invalid');
      assert.equal(res.body.type, 'urn:ucrm:problem:invalid');
      const pointers = res.body.errors.map((e) => e.pointer).sort();
      assert.deepEqual(pointers, ['/emails', '/firstName', '/nickname']);
    });

    it('refuses a body that is not JSON, and one that is not declared JSON', async () => {
      const broken = await call(server, '/contacts', { method: 'POST', body: '{"firstName":', headers: { 'content-type': 'application/json' } });
      assert.equal(broken.status, 400);
      assert.match(broken.body.detail, /not valid JSON/);
      const plain = await call(server, '/contacts', { method: 'POST', body: 'firstName=x', headers: { 'content-type': 'text/plain' } });
      assert.equal(plain.status, 415);
      assert.equal(plain.body.code, 'invalid');
    });

    it('refuses an unparseable phone with the value in the detail', async () => {
      const res = await call(server, '/contacts', { method: 'POST', json: { firstName: 'A', phones: ['12-34'] } });
      assert.equal(res.status, 400);
      assert.match(res.body.detail, /"12-34" is not a valid phone number/);
    });

    it('refuses bad query parameters: unknown channel, out-of-range limit', async () => {
      const resolve = await call(server, '/interactions/resolve?channel=fax&clientId=1');
      assert.equal(resolve.status, 400);
      assert.deepEqual(resolve.body.errors.map((e) => e.pointer), ['?channel']);
      const search = await call(server, '/contacts?q=a&limit=1000');
      assert.equal(search.status, 400);
      assert.deepEqual(search.body.errors.map((e) => e.pointer), ['?limit']);
    });

    it('answers problems in the language asked for', async () => {
      const res = await call(server, '/contacts/nobody', { headers: { 'accept-language': 'pt-BR,pt;q=0.9,en;q=0.5' } });
      assert.equal(res.status, 404);
      assert.equal(res.body.title, 'Não encontrado');
      assert.equal(res.body.detail, 'Não há contato com o id "nobody".');
    });
  });

  describe('versions (ETag / If-Match)', () => {
    it('applies an update with the current ETag and refuses a stale one with 409', async () => {
      const created = await call(server, '/contacts', { method: 'POST', json: { firstName: 'Eva', phones: [freshPhone()] } });
      const etag = created.headers.get('etag');
      assert.equal(etag, JSON.stringify(created.body.updatedAt));
      const first = await call(server, `/contacts/${created.body.id}`, { method: 'PATCH', json: { lastName: 'Uno' }, headers: { 'if-match': etag } });
      assert.equal(first.status, 200);
      assert.notEqual(first.headers.get('etag'), etag);
      const stale = await call(server, `/contacts/${created.body.id}`, { method: 'PATCH', json: { lastName: 'Dos' }, headers: { 'if-match': etag } });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'conflict');
      const now = await call(server, `/contacts/${created.body.id}`);
      assert.equal(now.body.lastName, 'Uno');
      assert.equal(now.headers.get('etag'), first.headers.get('etag'));
    });

    it('keeps identities in step with an edited phone list', async () => {
      const [oldPhone, newPhone] = [freshPhone(), freshPhone()];
      const created = await call(server, '/contacts', { method: 'POST', json: { firstName: 'Cambio', phones: [oldPhone] } });
      await call(server, `/contacts/${created.body.id}`, { method: 'PATCH', json: { phones: [newPhone] } });
      const resolveOld = await call(server, `/interactions/resolve?channel=phone&clientId=${encodeURIComponent(oldPhone)}`);
      const resolveNew = await call(server, `/interactions/resolve?channel=phone&clientId=${encodeURIComponent(newPhone)}`);
      assert.equal(resolveOld.body.state, 'create');
      assert.equal(resolveNew.body.contact.id, created.body.id);
    });
  });

  describe('idempotent create', () => {
    it('creates one contact for concurrent submits with the same key', async () => {
      const phone = freshPhone();
      const key = `double-${Date.now()}-${counter}`;
      const submit = () =>
        call(server, '/contacts', { method: 'POST', json: { firstName: 'Doble', phones: [phone] }, headers: { 'idempotency-key': key } });
      const answers = await Promise.all([submit(), submit(), submit(), submit()]);
      assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 200, 201]);
      assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
      assert.equal(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true').length, 3);
      const found = await call(server, `/contacts/by-identity?kind=phone&value=${encodeURIComponent(phone)}`);
      assert.equal(found.body.items.length, 1);
    });

    it('refuses the same key with a different body (422)', async () => {
      const key = `reuse-${Date.now()}`;
      const first = await call(server, '/contacts', { method: 'POST', json: { firstName: 'Uno' }, headers: { 'idempotency-key': key } });
      assert.equal(first.status, 201);
      const second = await call(server, '/contacts', { method: 'POST', json: { firstName: 'Otro' }, headers: { 'idempotency-key': key } });
      assert.equal(second.status, 422);
      assert.equal(second.body.code, 'invalid');
    });

    it('creates two contacts for two submits without a key', async () => {
      const phone = freshPhone();
      await call(server, '/contacts', { method: 'POST', json: { firstName: 'Sin', phones: [phone] } });
      await call(server, '/contacts', { method: 'POST', json: { firstName: 'Sin', phones: [phone] } });
      const resolved = await call(server, `/interactions/resolve?channel=phone&clientId=${encodeURIComponent(phone)}`);
      assert.equal(resolved.body.state, 'candidates');
      assert.equal(resolved.body.candidates.length, 2);
    });
  });

  describe('screen pop', () => {
    it('resolves a ClientID with one SQL statement, on the identity index', async () => {
      server.reset();
      const res = await call(server, `/interactions/resolve?channel=whatsapp&clientId=${encodeURIComponent('+55 11 98765-4321')}&campaign=vendas-br`);
      assert.equal(res.body.state, 'contact');
      assert.equal(res.body.contact.id, 'demo-br-legacy');
      assert.deepEqual(res.body.candidates[0].reason, { identity: { kind: 'phone', value: '+551187654321' }, rule: 'br-ninth-digit' });
      assert.equal(server.db.statements.length, 1, server.db.statements.join('\n'));
      assert.match(server.db.statements[0], /identity_forms f WHERE f\.form_key = \$1/);
      // The planner may scan a small table; with scans off it must still have an index for form_key.
      const plan = await server.db.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        return tx.query(`EXPLAIN ${server.db.statements[0]}`, ['phone:+5511987654321']);
      });
      assert.match(plan.map((row) => row['QUERY PLAN']).join('\n'), /Index (Only )?Scan (using|on) identity_forms_pkey/);
    });

    it('resolves a known ContactID and filters sections by campaign', async () => {
      const all = (await call(server, '/sections')).body.items;
      const res = await call(server, '/interactions/resolve?channel=phone&contactId=demo-uy&campaign=sales');
      assert.equal(res.body.state, 'contact');
      const expected = all.filter((s) => s.campaigns.length === 0 || s.campaigns.includes('sales')).map((s) => s.id);
      assert.deepEqual(res.body.sections.map((s) => s.id), expected);
    });

    it('says invalid for an unparseable ClientID and idle without one', async () => {
      assert.equal((await call(server, '/interactions/resolve?channel=phone&clientId=12-34')).body.state, 'invalid');
      assert.equal((await call(server, '/interactions/resolve?channel=phone')).body.state, 'idle');
    });

    it('searches in SQL: accent-insensitive, typo-tolerant when nothing else matches, paginated', async () => {
      const exact = await call(server, '/contacts?q=Magalhaes&limit=5');
      assert.ok(exact.body.items.some((c) => c.id === 'demo-br-legacy'));
      const typo = await call(server, '/contacts?q=Magalhanes&limit=5');
      assert.ok(typo.body.items.some((c) => c.id === 'demo-br-legacy'));
      const page = await call(server, '/contacts?q=a&limit=2&offset=2');
      assert.equal(page.body.items.length, 2);
      assert.equal(page.body.offset, 2);
      assert.ok(page.body.total > 4);
    });

    it('assigns and removes an identity idempotently', async () => {
      const phone = freshPhone();
      const path = `/contacts/demo-email/identities/phone/${encodeURIComponent(phone)}`;
      const first = await call(server, path, { method: 'PUT' });
      const second = await call(server, path, { method: 'PUT' });
      assert.equal(first.status, 200);
      assert.equal(second.headers.get('etag'), first.headers.get('etag'));
      assert.equal((await call(server, `/interactions/resolve?channel=sms&clientId=${encodeURIComponent(phone)}`)).body.contact.id, 'demo-email');
      const removed = await call(server, path, { method: 'DELETE' });
      assert.ok(!removed.body.identities.some((i) => i.kind === 'phone' && i.value === phone.replace(/\s/g, '')));
    });
  });
});
