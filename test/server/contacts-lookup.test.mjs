/**
 * POST /contacts/lookup: the contacts holding each identity of a list, in one
 * request (what the REST source's CSV import asks per chunk of rows instead
 * of one GET /contacts/by-identity per row). Same answers as by-identity
 * (normalized, equivalent forms), 4xx problems for hostile bodies.
 */
import assert from 'node:assert/strict';
import process from 'node:process';
import { after, before, describe, it } from 'node:test';
import { call, startTestServer, storageName } from './helpers.mjs';

let server;
before(async () => {
  server = await startTestServer({ demoCount: 0, defaultRegion: 'UY' });
});
after(() => server?.close());

const stamp = `${process.pid}${Date.now().toString(36)}`;
const lookup = (json, query = '') => call(server, `/contacts/lookup${query}`, { method: 'POST', json });

async function create(draft) {
  const res = await call(server, '/contacts', { method: 'POST', json: draft });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

describe(`POST /contacts/lookup on ${storageName}`, () => {
  it('answers which contacts hold each identity, by its index, each contact once', async () => {
    const email = `lookup-${stamp}@example.com`;
    const ana = await create({ firstName: 'Ana', lastName: 'Lookup', phones: ['+59899111222'], emails: [email] });
    const res = await lookup({
      identities: [
        { kind: 'email', value: email.toUpperCase() },
        { kind: 'phone', value: '099 111 222' },
        { kind: 'email', value: `nobody-${stamp}@example.com` },
        { kind: 'phone', value: '+59899111222' },
      ],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(res.body.matches, [
      { index: 0, contactIds: [ana.id] },
      { index: 1, contactIds: [ana.id] },
      { index: 3, contactIds: [ana.id] },
    ]);
    assert.deepEqual(res.body.contacts.map((c) => c.id), [ana.id]);
    // The same answer as one GET per identity.
    const one = await call(server, `/contacts/by-identity?kind=email&value=${encodeURIComponent(email)}`);
    assert.deepEqual(one.body.items.map((c) => c.id), [ana.id]);
  });

  it('finds equivalent forms (Brazil with and without the ninth digit) and every holder of a shared identity', async () => {
    const a = await create({ firstName: 'Bia', lastName: `A${stamp}`, phones: ['+5511987654321'] });
    const b = await create({ firstName: 'Bia', lastName: `B${stamp}`, phones: ['+5511987654321'] });
    const res = await lookup({ identities: [{ kind: 'phone', value: '+551187654321' }] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.matches, [{ index: 0, contactIds: [a.id, b.id] }]);
    assert.deepEqual(new Set(res.body.contacts.map((c) => c.id)), new Set([a.id, b.id]));
  });

  it('refuses hostile input with a 4xx problem, never a 500', async () => {
    const cases = [
      [{}, 400],
      [{ identities: [] }, 400],
      [{ identities: 'phone' }, 400],
      [{ identities: [{ kind: 'fax', value: '1' }] }, 400],
      [{ identities: [{ kind: 'email', value: '' }] }, 400],
      [{ identities: [{ kind: 'email', value: 'x'.repeat(400) }] }, 400],
      [{ identities: [{ kind: 'email', value: 'a@b.c', extra: 1 }] }, 400],
      [{ identities: [{ kind: 'email', value: 'a@b.c' }], more: true }, 400],
      [{ identities: Array.from({ length: 1001 }, (_, i) => ({ kind: 'email', value: `${i}@x.y` })) }, 400],
    ];
    for (const [body, status] of cases) {
      const res = await lookup(body);
      assert.equal(res.status, status, JSON.stringify(body).slice(0, 80));
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    }
    const notJson = await call(server, '/contacts/lookup', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } });
    assert.equal(notJson.status, 400);
    const badRegion = await lookup({ identities: [{ kind: 'phone', value: '099 111 222' }] }, '?defaultRegion=XX1');
    assert.equal(badRegion.status, 400);
  });

  it('answers 1,000 identities in one request', async () => {
    const res = await lookup({ identities: Array.from({ length: 1000 }, (_, i) => ({ kind: 'email', value: `bulk-${i}-${stamp}@x.y` })) });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { matches: [], contacts: [] });
  });
});
