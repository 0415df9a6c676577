/**
 * Reschedule on the server (issue 19): a disposition's `rescheduleAt` is a
 * stored attempt, listed for its agent only and once however often it is
 * submitted; at its time (the server's test clock) the outbound attempt
 * starts, once — also when the server was restarted in between, with no
 * request to /interactions, and (PostgreSQL) with two processes ticking at
 * the same time.
 */
import assert from 'node:assert/strict';
import process from 'node:process';
import { after, before, describe, it } from 'node:test';
import { storageName } from './helpers.mjs';
import { about, as, driver, inbound, openStream, start } from './interactions-support.mjs';
import { clockNow, eventually, restartableServers } from './interactions-restart.mjs';

const HOUR = 3_600_000;

/** An interaction of `agent`'s with a saved disposition that reschedules it `inMs` after the server's now. */
async function rescheduled(server, agent, inMs) {
  const { id, context } = await inbound(server);
  assert.equal((await as(server, agent, `/interactions/${id}/take`, { method: 'POST' })).status, 200);
  const rescheduleAt = new Date((await clockNow(server)) + inMs).toISOString();
  const saved = await as(server, agent, `/interactions/${id}/disposition`, { method: 'PUT', json: { path: ['callback', 'tomorrow'], rescheduleAt } });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  return { id, clientId: context.clientId, rescheduleAt };
}

/** The outbound interactions started for `clientId`, as the agent's Active tab lists them. */
async function attemptsFor(server, agent, clientId) {
  const { body } = await as(server, agent, '/interactions?tab=active');
  return body.items.filter((i) => i.direction === 'out' && i.context.clientId === clientId);
}

describe(`rescheduled attempts on ${storageName}`, () => {
  let server;
  before(async () => {
    server = await start();
  });
  after(() => server?.close());

  it('stores one attempt per interaction, lists it for its agent only, and starts it once at its time', async () => {
    const { id, clientId, rescheduleAt } = await rescheduled(server, 'ana', HOUR);
    // A double submit (and a retry) schedules once.
    const again = await Promise.all(
      [0, 1].map(() => as(server, 'ana', `/interactions/${id}/disposition`, { method: 'PUT', json: { path: ['callback', 'tomorrow'], rescheduleAt } })),
    );
    assert.deepEqual(again.map((r) => r.status), [200, 200]);
    const listed = (await as(server, 'ana', '/interactions/scheduled')).body.items.filter((a) => a.interactionId === id);
    assert.equal(listed.length, 1);
    assert.deepEqual(
      { ...listed[0], id: undefined },
      { id: undefined, interactionId: id, campaign: 'manual', channel: 'phone', clientId, title: clientId, agentId: 'ana', at: rescheduleAt },
      'a campaign that dials out calls back',
    );
    assert.deepEqual((await as(server, 'bruno', '/interactions/scheduled')).body.items, []);

    const stream = await openStream(server, 'ana');
    await stream.ready();
    await driver(server, '/clock', { advanceMs: HOUR / 2 });
    await driver(server, '/tick');
    assert.equal((await attemptsFor(server, 'ana', clientId)).length, 0, 'not before its time');
    assert.equal((await as(server, 'ana', '/interactions/scheduled')).body.items.filter((a) => a.interactionId === id).length, 1);

    await driver(server, '/clock', { advanceMs: HOUR });
    // No /tick: moving the clock is time passing; the server's own loop starts it.
    const events = await stream.until((list) => list.some((e) => e.event === 'interaction' && e.data.interaction.direction === 'out' && e.data.interaction.context.clientId === clientId));
    stream.close();
    const started = events.find((e) => e.event === 'interaction' && e.data.interaction.direction === 'out' && e.data.interaction.context.clientId === clientId).data.interaction;
    assert.equal(started.assignee, 'ana');
    assert.equal(started.channel, 'phone');
    assert.equal(started.call.state, 'ringing');
    await driver(server, '/tick');
    await driver(server, '/tick');
    assert.equal((await attemptsFor(server, 'ana', clientId)).length, 1, 'started exactly once');
    assert.equal(about(events, started.id).length >= 1, true);
    assert.deepEqual((await as(server, 'ana', '/interactions/scheduled')).body.items.filter((a) => a.interactionId === id), []);
  });

  it('moves the attempt when the disposition is saved again, and cancels it without rescheduleAt', async () => {
    const { id } = await rescheduled(server, 'carla', 2 * HOUR);
    const later = new Date(Date.parse((await as(server, 'carla', '/interactions/scheduled')).body.items[0].at) + HOUR).toISOString();
    await as(server, 'carla', `/interactions/${id}/disposition`, { method: 'PUT', json: { path: ['callback', 'tomorrow'], rescheduleAt: later } });
    assert.deepEqual((await as(server, 'carla', '/interactions/scheduled')).body.items.map((a) => a.at), [later]);
    await as(server, 'carla', `/interactions/${id}/disposition`, { method: 'PUT', json: { path: ['sold'] } });
    assert.deepEqual((await as(server, 'carla', '/interactions/scheduled')).body.items, []);
  });

  it('refuses a rescheduleAt that is not a date-time with a problem', async () => {
    const { id } = await inbound(server);
    await as(server, 'dario', `/interactions/${id}/take`, { method: 'POST' });
    const refused = await as(server, 'dario', `/interactions/${id}/disposition`, { method: 'PUT', json: { path: ['sold'], rescheduleAt: 'tomorrow' } });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, 'invalid');
  });
});

describe(`rescheduled attempts across a restart on ${storageName}`, () => {
  const open = restartableServers();

  it('starts an attempt scheduled before the restart once the new process’s clock passes it, with no request to /interactions', async () => {
    const first = await open();
    const { clientId } = await rescheduled(first, 'ana', HOUR);
    // Due soon by the real clock: the new process must start it by itself, with no request at all.
    const soon = await rescheduled(first, 'bruno', 300);
    await first.close();

    const second = await open();
    const startedFor = async (client) =>
      (await second.db.query(`SELECT data FROM ws_interactions WHERE data->>'direction' = 'out' AND data->'context'->>'clientId' = $1`, [client])).map((r) => r.data);
    const started = (client, what) =>
      eventually(async () => {
        const rows = await startedFor(client);
        return rows.length ? rows : undefined;
      }, { what });
    const [byItself] = await started(soon.clientId, 'the attempt due after the restart');
    assert.equal(byItself.assignee, 'bruno');

    assert.equal((await startedFor(clientId)).length, 0, 'not before its time');
    await driver(second, '/clock', { advanceMs: 2 * HOUR });
    const [attempt] = await started(clientId, 'the attempt after the clock passed it');
    assert.equal(attempt.assignee, 'ana');
    assert.equal(attempt.channel, 'phone');
    await driver(second, '/tick');
    assert.equal((await startedFor(clientId)).length, 1, 'started once');
    assert.deepEqual((await as(second, 'ana', '/interactions/scheduled')).body.items, []);
    assert.equal((await attemptsFor(second, 'ana', clientId)).length, 1);
  });

  it('starts each attempt exactly once when two processes on one database tick together', { skip: !process.env.DATABASE_URL && 'needs DATABASE_URL (PGlite is one process)' }, async () => {
    const a = await open();
    const b = await open();
    await driver(a, '/agents/carla', { capacity: { whatsapp: 20, phone: 20 } }, { method: 'PUT' });
    const scheduled = [];
    for (let i = 0; i < 6; i++) scheduled.push(await rescheduled(i % 2 ? a : b, 'carla', HOUR));
    await driver(a, '/clock', { advanceMs: 2 * HOUR });
    await driver(b, '/clock', { advanceMs: 2 * HOUR });
    await Promise.all([a, b, a, b].map((server) => driver(server, '/tick')));
    await eventually(async () => (await as(a, 'carla', '/interactions/scheduled')).body.items.length === 0, { what: 'every attempt started' });
    for (const { clientId } of scheduled) assert.equal((await attemptsFor(b, 'carla', clientId)).length, 1, clientId);
  });
});
