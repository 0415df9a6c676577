/**
 * CRM sync (issue 22), engine and HubSpot connector, against the HubSpot
 * fake (test/server/fakes/hubspot-fake.mjs): a created contact reaches
 * HubSpot exactly once, an update follows, a hanging CRM never holds a
 * request, a burst of 429s is waited out, a refused record is a visible
 * failure that a retry or a replay delivers, a delete and a merge are
 * propagated, and a server killed (-9) mid-delivery delivers everything
 * exactly once after its restart (the time is reported as a diagnostic). Runs on PGlite, and on PostgreSQL
 * under `npm run test:server:pg`. Every wait is on a condition.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { importTs } from '../../scripts/run-ts.mjs';
import { startHubSpotFake } from './fakes/hubspot-fake.mjs';
import { call, scratchDatabase, storageName, until } from './helpers.mjs';

const baseUrl = process.env.DATABASE_URL;
const root = fileURLToPath(new URL('../..', import.meta.url));
const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A scratch database on PostgreSQL, dropped at the end; undefined on PGlite. */
async function scratchUrl() {
  const scratch = await scratchDatabase('ucrm_sync');
  if (scratch) cleanups.push(scratch.drop);
  return scratch?.url;
}

const syncEnv = (hubspot, extra = {}) => ({ UCRM_SYNC_HUBSPOT_TOKEN: hubspot.token, UCRM_SYNC_HUBSPOT_URL: hubspot.url, ...extra });

async function startInProcess(env) {
  const { startServer } = await importTs('server/start.ts');
  const server = await startServer({ port: 0, databaseUrl: await scratchUrl(), seed: {}, testMode: true, log: { level: 'silent' }, syncEnv: env });
  cleanups.push(() => server.close());
  return server;
}

const hubspotStatus = async (server, id) => (await call(server, `/contacts/${id}/sync`)).body.items.find((item) => item.crm === 'hubspot');
const stateIs = (server, id, state) => async () => {
  const item = await hubspotStatus(server, id);
  return item?.state === state ? item : undefined;
};
/** No sync job left to run (nothing queued, retrying or under way). */
const queueIdle = (server) => async () => {
  const [{ open }] = await server.db.query(`SELECT count(*)::int AS open FROM ucrm_sync_queue.job WHERE state IN ('created', 'retry', 'active')`);
  return open === 0;
};

let seq = 0;
const unique = () => `${process.pid}-${Date.now().toString(36)}-${seq++}`;
const draft = (extra = {}) => {
  const tag = unique();
  return { firstName: 'Ada', lastName: `Sync ${tag}`, emails: [`ada.${tag}@example.com`], ...extra };
};

describe(`CRM sync off (${storageName})`, () => {
  it('answers empty status and failures and creates no sync tables', async () => {
    const server = await startInProcess(undefined);
    const created = await call(server, '/contacts', { method: 'POST', json: draft() });
    assert.equal(created.status, 201);
    assert.deepEqual((await call(server, `/contacts/${created.body.id}/sync`)).body, { items: [] });
    assert.deepEqual((await call(server, '/admin/sync/failures')).body, { items: [], total: 0, limit: 50, offset: 0 });
    assert.equal((await call(server, `/contacts/${created.body.id}/sync/hubspot/retry`, { method: 'POST' })).status, 404);
    const [{ table }] = await server.db.query(`SELECT to_regclass('sync_status')::text AS table`);
    assert.equal(table, null);
  });
});

describe(`CRM sync to HubSpot (${storageName})`, () => {
  let hubspot;
  let server;
  before(async () => {
    hubspot = await startHubSpotFake({ rateLimit: { max: 100, intervalMs: 1000 } });
    cleanups.push(() => hubspot.close());
    server = await startInProcess(syncEnv(hubspot, { UCRM_SYNC_HUBSPOT_TIMEOUT_MS: '2000' }));
  });

  it('delivers a screen-pop create exactly once, with its record id and link in the status', async () => {
    const body = draft({ phones: ['+598 94 123 456'] });
    const created = await call(server, '/contacts', { method: 'POST', json: body });
    assert.equal(created.status, 201);
    const { id } = created.body;
    const synced = await until(stateIs(server, id, 'synced'), { message: () => `${id} synced` });
    await until(queueIdle(server), { message: () => 'queue idle' });
    const records = hubspot.recordsFor(id);
    assert.equal(records.length, 1);
    assert.equal(hubspot.upserts(id), 1);
    assert.deepEqual(
      { first: records[0].properties.firstname, last: records[0].properties.lastname, email: records[0].properties.email, ucrm: records[0].properties.ucrm_id },
      { first: 'Ada', last: body.lastName, email: body.emails[0], ucrm: id },
    );
    assert.equal(synced.label, 'HubSpot');
    assert.equal(synced.externalId, records[0].id);
    assert.equal(synced.url, `https://app.hubspot.com/contacts/4242/record/0-1/${records[0].id}`);
    assert.equal(synced.attempts, 0);
    assert.ok(!Number.isNaN(Date.parse(synced.syncedAt)));
  });

  it('follows with an update, to the same record', async () => {
    const { id } = (await call(server, '/contacts', { method: 'POST', json: draft() })).body;
    await until(stateIs(server, id, 'synced'));
    const [record] = hubspot.recordsFor(id);
    const patched = await call(server, `/contacts/${id}`, { method: 'PATCH', json: { lastName: 'Renamed', emails: [`renamed.${unique()}@example.com`] } });
    assert.equal(patched.status, 200);
    await until(() => record.properties.lastname === 'Renamed', { message: () => 'lastname updated' });
    await until(stateIs(server, id, 'synced'));
    assert.equal(hubspot.recordsFor(id).length, 1);
    assert.equal(record.properties.email, patched.body.emails[0]);
  });

  it('answers a create at once while HubSpot hangs, and delivers once it answers again', async () => {
    hubspot.hang({ apply: false });
    try {
      const first = (await call(server, '/contacts', { method: 'POST', json: draft() })).body;
      await until(() => hubspot.hangingCount() > 0, { message: () => 'a delivery in flight' });
      // The worker is stuck on HubSpot; the API is not.
      const second = await call(server, '/contacts', { method: 'POST', json: draft() });
      assert.equal(second.status, 201);
      assert.equal((await hubspotStatus(server, second.body.id)).state, 'pending');
      // The 2 s timeout is a transient failure: retried with backoff, shown pending with the reason.
      await until(async () => (await hubspotStatus(server, first.id))?.error?.includes('did not answer'), { message: () => 'timeout recorded' });
      hubspot.hang(false);
      for (const id of [first.id, second.body.id]) await until(stateIs(server, id, 'synced'), { message: () => `${id} synced` });
      assert.equal(hubspot.recordsFor(first.id).length, 1);
    } finally {
      hubspot.hang(false);
    }
  });

  it('waits out a burst of 429s without counting them as failures', async () => {
    await until(queueIdle(server));
    const before429 = hubspot.requests.filter((r) => r.status === 429).length;
    hubspot.script(429, 3);
    const { id } = (await call(server, '/contacts', { method: 'POST', json: draft() })).body;
    const synced = await until(stateIs(server, id, 'synced'), { message: () => `${id} synced after 429s` });
    assert.equal(hubspot.requests.filter((r) => r.status === 429).length - before429, 3);
    assert.equal(synced.attempts, 0);
    assert.equal(hubspot.recordsFor(id).length, 1);
    assert.equal(hubspot.upserts(id), 1);
  });

  it('retries 5xx answers with backoff', async () => {
    await until(queueIdle(server));
    hubspot.script(503, 1);
    const { id } = (await call(server, '/contacts', { method: 'POST', json: draft() })).body;
    await until(stateIs(server, id, 'synced'), { message: () => `${id} synced after a 503` });
    assert.equal(hubspot.recordsFor(id).length, 1);
  });

  it('shows a refused record as a failure; a retry and a replay deliver it once fixed there', async () => {
    hubspot.reject((properties) => (properties.lastname?.startsWith('Refused') ? 'lastname "Refused" is not allowed' : undefined));
    try {
      // An import: the refused contact and a good one travel in one batch; HubSpot refuses the batch, the good one still goes.
      const good = draft();
      const bad = draft({ lastName: `Refused ${unique()}` });
      const imported = await call(server, '/contacts/import', { method: 'POST', json: { creates: [{ draft: good }, { draft: bad }], updates: [] } });
      assert.equal(imported.status, 201);
      const [goodId, badId] = imported.body.created.map((c) => c.id);
      const failed = await until(stateIs(server, badId, 'failed'), { message: () => `${badId} failed` });
      assert.match(failed.error, /Refused/);
      assert.equal(failed.attempts, 1);
      await until(stateIs(server, goodId, 'synced'));
      const failures = (await call(server, '/admin/sync/failures?limit=10')).body;
      assert.ok(failures.items.some((f) => f.contactId === badId && f.crm === 'hubspot' && f.state === 'failed' && /Refused/.test(f.error)));
      assert.equal(hubspot.recordsFor(badId).length, 0);

      // Retry while HubSpot still refuses: failed again.
      const retried = await call(server, `/contacts/${badId}/sync/hubspot/retry`, { method: 'POST' });
      assert.equal(retried.status, 202);
      assert.equal(retried.body.state, 'pending');
      await until(stateIs(server, badId, 'failed'));

      // Fixed in HubSpot (the rule lifted): the replay of dead letters delivers it.
      hubspot.reject(undefined);
      const replay = await call(server, '/admin/sync/replay', { method: 'POST', json: { ids: [badId] } });
      assert.equal(replay.status, 202);
      assert.deepEqual(replay.body, { replayed: 1 });
      await until(stateIs(server, badId, 'synced'), { message: () => `${badId} synced after replay` });
      assert.equal(hubspot.recordsFor(badId).length, 1);
      assert.ok(!(await call(server, '/admin/sync/failures')).body.items.some((f) => f.contactId === badId));
    } finally {
      hubspot.reject(undefined);
    }
  });

  it('propagates a merge and a delete', async () => {
    const a = (await call(server, '/contacts', { method: 'POST', json: draft() })).body;
    const b = (await call(server, '/contacts', { method: 'POST', json: draft() })).body;
    await until(stateIs(server, a.id, 'synced'));
    await until(stateIs(server, b.id, 'synced'));
    const [recordA] = hubspot.recordsFor(a.id);
    const [recordB] = hubspot.recordsFor(b.id);
    const merged = await call(server, '/contacts/merge', { method: 'POST', json: { result: { ...a, emails: [...a.emails, ...b.emails] }, removedIds: [b.id] } });
    assert.equal(merged.status, 200);
    await until(() => recordB.archived && recordB.mergedInto === recordA.id, { message: () => 'B merged into A in HubSpot' });
    const deleted = await call(server, '/contacts/delete', { method: 'POST', json: { ids: [a.id] } });
    assert.equal(deleted.body.deleted, 1);
    await until(() => recordA.archived, { message: () => 'A archived in HubSpot' });
    await until(queueIdle(server));
    assert.equal((await call(server, `/contacts/${a.id}/sync`)).status, 404);
  });

  it('refuses bad input on the sync routes with 4xx problems', async () => {
    const { id } = (await call(server, '/contacts', { method: 'POST', json: draft() })).body;
    assert.equal((await call(server, `/contacts/${id}/sync/nocrm/retry`, { method: 'POST' })).status, 404);
    assert.equal((await call(server, '/contacts/missing-contact/sync')).status, 404);
    assert.equal((await call(server, '/admin/sync/failures?limit=0')).status, 400);
    assert.equal((await call(server, '/admin/sync/failures?page=2')).status, 400);
    assert.equal((await call(server, '/admin/sync/replay', { method: 'POST', json: { ids: 'x' } })).status, 400);
    assert.equal((await call(server, '/admin/sync/replay', { method: 'POST', json: { crm: 'sap' } })).status, 400);
  });
});

describe(`CRM sync across a crash (${storageName})`, () => {
  /** server/main.ts in a child process, as `npm run server` runs it; resolves its URL once it listens. */
  function startMain(env) {
    const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'server/main.ts'], {
      cwd: root,
      env: { ...process.env, UCRM_DEMO_COUNT: '', PORT: '0', UCRM_LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
    const ready = new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const line = /^ucrm reference server on (http:\/\/127\.0\.0\.1:\d+) .*$/m.exec(out);
        if (line) resolve({ url: line[1] });
      });
      void exited.then((code) => reject(new Error(`exited ${code} before listening:\n${out}`)));
    });
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    });
    return { child, ready, exited };
  }

  it('delivers every contact exactly once after a restart following kill -9 mid-delivery (time in the diagnostic)', { timeout: 240_000 }, async (t) => {
    const hubspot = await startHubSpotFake();
    cleanups.push(() => hubspot.close());
    const dir = baseUrl ? undefined : mkdtempSync(join(tmpdir(), 'ucrm-sync-crash-'));
    if (dir) cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = { ...syncEnv(hubspot), DATABASE_URL: (await scratchUrl()) ?? '', PGLITE_DIR: dir ?? '' };

    const first = startMain(env);
    const server = await first.ready;
    // HubSpot applies the upserts it receives but never answers: the process dies with its delivery in flight.
    hubspot.hang({ apply: true });
    const inFlight = (await call(server, '/contacts', { method: 'POST', json: draft() })).body;
    await until(() => hubspot.hangingCount() > 0, { message: () => 'a delivery in flight' });
    // Queued behind it: one with an email, one without (matched by ucrm_id).
    const queued = [
      (await call(server, '/contacts', { method: 'POST', json: draft() })).body,
      (await call(server, '/contacts', { method: 'POST', json: { firstName: 'No', lastName: `Email ${unique()}`, phones: ['+598 94 555 111'] } })).body,
    ];
    assert.equal(hubspot.recordsFor(inFlight.id, inFlight.emails[0]).length, 1, 'HubSpot applied the in-flight upsert');
    first.child.kill('SIGKILL');
    await first.exited;
    hubspot.hang(false);

    const restartedAt = Date.now();
    const second = startMain(env);
    const restarted = await second.ready;
    for (const contact of [inFlight, ...queued]) {
      await until(stateIs(restarted, contact.id, 'synced'), { timeout: 120_000, message: () => `${contact.id} synced after the restart` });
    }
    const elapsed = Date.now() - restartedAt;
    // The time is reported, not asserted (a busy CI machine stretches it): the queue's settings give ~40 s
    // on an idle one (docs/crm-sync.md), measured in this diagnostic and in the session's notes.
    t.diagnostic(`every contact delivered ${(elapsed / 1000).toFixed(1)} s after the restart began`);
    for (const contact of [inFlight, ...queued]) {
      assert.equal(hubspot.recordsFor(contact.id, contact.emails[0]).length, 1, `one HubSpot record for ${contact.id}`);
    }
    second.child.kill('SIGTERM');
    await second.exited;
  });
});
