/**
 * Operations: idempotency keys keep their recorded answer, a no-op PATCH
 * keeps the version, health probes, request logs without contact data,
 * graceful shutdown, and `npm run server`'s start-up (no demo data unless
 * asked, the start-up line scripts wait for, SIGTERM).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { call, startTestServer, storageName } from './helpers.mjs';

const logLines = [];
let server;
before(async () => {
  server = await startTestServer({ demoCount: 20, log: { level: 'info', destination: { write: (line) => logLines.push(line) } } });
});
after(() => server?.close());

let counter = 0;
const phone = () => `+598 97 ${String(400000 + (process.pid % 1000) * 100 + ++counter).padStart(6, '0')}`;

describe(`operations on ${storageName}`, () => {
  describe('idempotency', () => {
    it('answers the recorded contact for a replay after the contact was deleted, and never recreates it', async () => {
      const number = phone();
      const key = `replay-after-delete-${Date.now()}`;
      const draft = { firstName: 'Borrada', phones: [number] };
      const first = await call(server, '/contacts', { method: 'POST', json: draft, headers: { 'idempotency-key': key } });
      assert.equal(first.status, 201);
      assert.equal((await call(server, '/contacts/delete', { method: 'POST', json: { ids: [first.body.id] } })).body.deleted, 1);

      const replay = await call(server, '/contacts', { method: 'POST', json: draft, headers: { 'idempotency-key': key } });
      assert.equal(replay.status, 200);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(replay.body, first.body);
      assert.equal((await call(server, `/contacts/${first.body.id}`)).status, 404);
      assert.deepEqual((await call(server, `/contacts/by-identity?kind=phone&value=${encodeURIComponent(number)}`)).body.items, []);
    });

    it('answers the recorded contact after the contact was edited', async () => {
      const key = `replay-after-edit-${Date.now()}`;
      const first = await call(server, '/contacts', { method: 'POST', json: { firstName: 'Antes' }, headers: { 'idempotency-key': key } });
      await call(server, `/contacts/${first.body.id}`, { method: 'PATCH', json: { firstName: 'Después' } });
      const replay = await call(server, '/contacts', { method: 'POST', json: { firstName: 'Antes' }, headers: { 'idempotency-key': key } });
      assert.equal(replay.status, 200);
      assert.equal(replay.body.firstName, 'Antes');
      assert.equal(replay.headers.get('etag'), first.headers.get('etag'));
    });
  });

  it('keeps the ETag and updatedAt on a PATCH that changes nothing', async () => {
    const created = await call(server, '/contacts', { method: 'POST', json: { firstName: 'Igual', tags: ['a'], phones: [phone()] } });
    const etag = created.headers.get('etag');
    const same = await call(server, `/contacts/${created.body.id}`, {
      method: 'PATCH',
      json: { firstName: 'Igual', tags: ['a'], phones: created.body.phones },
      headers: { 'if-match': etag },
    });
    assert.equal(same.status, 200);
    assert.equal(same.headers.get('etag'), etag);
    assert.equal(same.body.updatedAt, created.body.updatedAt);
    assert.equal((await call(server, `/contacts/${created.body.id}`, { method: 'PATCH', json: {} })).headers.get('etag'), etag);
    const changed = await call(server, `/contacts/${created.body.id}`, { method: 'PATCH', json: { tags: ['a', 'b'] } });
    assert.notEqual(changed.headers.get('etag'), etag);
  });

  it('answers liveness and readiness without a token', async () => {
    const live = await call(server, '/healthz');
    assert.deepEqual([live.status, live.body], [200, { status: 'ok' }]);
    const ready = await call(server, '/readyz');
    assert.equal(ready.status, 200);
    assert.equal(ready.body.status, 'ready');
  });

  it('logs each request with id, method, route, status and duration, and no contact data', async () => {
    logLines.length = 0;
    const secret = { first: 'Zacarías', last: 'Fugaznombre', email: 'zacarias.fuga@example.org', phone: '+598 99 123 457' };
    const created = await call(server, '/contacts', {
      method: 'POST',
      json: { firstName: secret.first, lastName: secret.last, emails: [secret.email], phones: [secret.phone] },
    });
    const id = created.body.id;
    const clientId = encodeURIComponent(secret.phone);
    await call(server, `/interactions/resolve?channel=whatsapp&clientId=${clientId}`);
    await call(server, `/interactions/resolve?channel=email&clientId=${encodeURIComponent(secret.email)}`);
    await call(server, `/contacts/by-identity?kind=email&value=${encodeURIComponent(secret.email)}`);
    await call(server, `/contacts?q=${encodeURIComponent(secret.last)}`);
    await call(server, `/contacts/${id}`, { method: 'PATCH', json: { lastName: `${secret.last}x` } });
    await call(server, `/contacts/${id}/identities/email/${encodeURIComponent(`other.${secret.email}`)}`, { method: 'PUT' });
    await call(server, '/contacts/query', { method: 'POST', json: { filter: { match: 'all', conditions: [{ field: 'lastName', op: 'contains', value: secret.last }] } } });
    await call(server, '/contacts', { method: 'POST', json: { firstName: `${secret.first}\u0000` } });
    await call(server, `/contacts/${encodeURIComponent(secret.email)}`);
    await call(server, '/contacts', { method: 'POST', body: `{"firstName":"${secret.last}"`, headers: { 'content-type': 'application/json' } });

    const entries = logLines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request' || entry.msg === 'request failed');
    assert.equal(entries.length, 11);
    for (const entry of entries) {
      assert.match(entry.reqId, /^[0-9a-f-]{36}$/);
      assert.equal(typeof entry.ms, 'number');
      assert.ok(entry.method && entry.route && entry.status, JSON.stringify(entry));
      assert.equal(entry.agent, 'anonymous');
    }
    assert.deepEqual(
      [...new Set(entries.map((e) => e.route))].sort(),
      ['/contacts', '/contacts/:id', '/contacts/:id/identities/:kind/:value', '/contacts/by-identity', '/contacts/query', '/interactions/resolve'],
    );
    const output = logLines.join('\n');
    const digits = secret.phone.replace(/\D/g, '');
    for (const needle of [secret.first, 'Zacar', secret.last, 'Fugaz', secret.email, 'zacarias', digits, digits.slice(3), '123 457', '123%20457', id]) {
      assert.ok(!output.includes(needle), `the log must not contain "${needle}"`);
    }
    assert.ok(entries.some((entry) => entry.reqId === created.headers.get('x-request-id')), 'the answer carries its request id');
  });

  it('drains an in-flight request on a graceful close, then stops accepting', async () => {
    const own = await startTestServer({ demoCount: 0 });
    const scope = { 'x-test-scope': 'drain' };
    await call(own, '/__test/faults', { method: 'POST', json: { kind: 'hang', delayMs: 300, path: '/contacts' }, headers: scope });
    const inFlight = call(own, '/contacts?q=x', { headers: scope });
    // The request has reached the server once it is counted.
    for (;;) {
      const counted = await call(own, '/__test/requests', { headers: scope });
      if (counted.body.total > 0) break;
    }
    const closing = own.close({ graceful: true, timeoutMs: 30_000 });
    const answer = await inFlight;
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('connection'), 'close');
    await closing;
    await assert.rejects(fetch(`${own.url}/healthz`));
  });
});

describe('npm run server', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));

  /** Starts server/main.ts as `npm run server` does; resolves once it printed its start-up line. */
  function startMain(env = {}, args = []) {
    const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'server/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', UCRM_DEMO_COUNT: '', PORT: '0', UCRM_LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const ready = new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const line = /^ucrm reference server on (http:\/\/127\.0\.0\.1:\d+) .*$/m.exec(out);
        if (line) resolve({ url: line[1], line: line[0] });
      });
      void exited.then((code) => reject(new Error(`exited ${code} before listening:\n${out}`)));
    });
    return { child, ready, exited, output: () => out };
  }

  it('seeds no demo data unless asked, prints its start-up line, and exits cleanly on SIGTERM', async () => {
    const main = startMain();
    const { url, line } = await main.ready;
    assert.match(line, /^ucrm reference server on http:\/\/127\.0\.0\.1:\d+ \(storage: pglite\)$/);
    const all = await fetch(`${url}/contacts/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"filter":{"match":"all","conditions":[]},"limit":0}' });
    assert.equal((await all.json()).total, 0);
    assert.equal((await fetch(`${url}/readyz`)).status, 200);
    main.child.kill('SIGTERM');
    assert.equal(await main.exited, 0);
    const events = main.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l).msg);
    assert.ok(events.includes('shutting down') && events.includes('stopped'), events.join(', '));
  });

  it('seeds UCRM_DEMO_COUNT demo contacts when asked', async () => {
    const main = startMain({ UCRM_DEMO_COUNT: '25' });
    const { url, line } = await main.ready;
    assert.match(line, /demo set: 25/);
    const all = await fetch(`${url}/contacts/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"filter":{"match":"all","conditions":[]},"limit":0}' });
    assert.equal((await all.json()).total, 25);
    main.child.kill('SIGTERM');
    assert.equal(await main.exited, 0);
  });
});
