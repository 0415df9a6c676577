/**
 * The interaction event stream (GET /interactions/events): every event has
 * an id from the database's sequence; a client that reconnects with
 * Last-Event-ID gets exactly what it missed (nothing lost, nothing twice);
 * only the events the agent may see; presence is server state with a grace
 * period after a dropped stream, driven by the server's test clock (no
 * real waiting).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { storageName } from './helpers.mjs';
import { about, as, driver, inbound, openStream, start } from './interactions-support.mjs';

let server;
before(async () => {
  server = await start();
});
after(async () => {
  await server?.close();
});

const changes = (events) => events.filter((e) => e.event !== 'ready');

describe(`interaction events on ${storageName}`, () => {
  it('resumes with Last-Event-ID: what was missed while cut arrives once, nothing is lost or doubled', async () => {
    const scope = 'resume';
    const first = await openStream(server, 'ana', { scope });
    await first.ready();
    const origin = first.events.find((e) => e.event === 'ready').data.seq;
    const before = [await inbound(server), await inbound(server), await inbound(server)];
    await first.until((events) => before.every((i) => about(events, i.id).length >= 2)); // the interaction and its message
    assert.deepEqual(await driver(server, '/cut-streams', {}, { scope }), { cut: 1 });
    await first.ended();

    // While ana is away: new arrivals, another agent's take, a customer's message.
    const missed = [await inbound(server), await inbound(server)];
    await as(server, 'bruno', `/interactions/${before[0].id}/take`, { method: 'POST' });
    await driver(server, `/${before[1].id}/customer-message`, { text: 'sigo acá' });

    const second = await openStream(server, 'ana', { lastEventId: first.state.lastEventId, scope });
    await second.ready();
    const later = await inbound(server);
    await second.until((events) => about(events, later.id).length >= 2);
    second.close();

    // Everything ana may see since the origin, read in one go.
    const whole = await openStream(server, 'ana', { lastEventId: origin });
    await whole.until((events) => about(events, later.id).length >= 2);
    whole.close();

    const seen = [...changes(first.events), ...changes(second.events)].map((e) => e.id);
    const expected = changes(whole.events).map((e) => e.id);
    assert.deepEqual(seen, expected);
    assert.equal(new Set(seen).size, seen.length, 'no event twice');
    assert.ok(seen.every((id, i) => i === 0 || id > seen[i - 1]), 'in sequence order');
    const secondIds = second.events.filter((e) => e.event === 'interaction').map((e) => e.data.interaction.id);
    for (const { id } of missed) assert.ok(secondIds.includes(id), 'the arrivals while away');
    const taken = second.events.find((e) => e.event === 'interaction' && e.data.interaction.id === before[0].id);
    assert.equal(taken.data.interaction.assignee, 'bruno', 'the take that removes it from Pending');
    assert.ok(second.events.some((e) => e.event === 'message' && e.data.message.text === 'sigo acá'));
  });

  it('sends each agent only what they may see', async () => {
    await driver(server, '/agents/dario', { campaigns: ['plain'] }, { method: 'PUT' });
    const dario = await openStream(server, 'dario');
    const carla = await openStream(server, 'carla');
    await Promise.all([dario.ready(), carla.ready()]);
    const elsewhere = await inbound(server, { campaign: 'manual' });
    const ours = await inbound(server, { channel: 'webchat', campaign: 'plain', clientId: 'visitor-0c0c0c' });
    await as(server, 'carla', `/interactions/${elsewhere.id}/take`, { method: 'POST' });
    await as(server, 'carla', `/interactions/${elsewhere.id}/messages`, { method: 'POST', json: { text: 'private' }, headers: { 'idempotency-key': 'vis-1' } });
    const marker = await inbound(server, { channel: 'webchat', campaign: 'plain', clientId: 'visitor-0d0d0d' });
    await dario.until((events) => about(events, marker.id).length > 0);
    await carla.until((events) => events.some((e) => e.event === 'message' && e.data.message.text === 'private'));
    assert.equal(about(dario.events, elsewhere.id).length, 0, 'not a member of its campaign, not his');
    assert.ok(about(dario.events, ours.id).length > 0);
    assert.ok(about(carla.events, elsewhere.id).length > 0);
    dario.close();
    carla.close();
    await driver(server, '/agents/dario', { campaigns: null }, { method: 'PUT' });
  });

  it('keeps presence through a dropped stream for the grace period, then disconnected; back to the chosen one on return', async () => {
    const scope = 'presence';
    assert.equal((await as(server, 'carla', '/interactions/presence', { method: 'PUT', json: { presence: 'busy' } })).body.presence, 'busy');
    const watcher = await openStream(server, 'bruno');
    const carla = await openStream(server, 'carla', { scope });
    await Promise.all([watcher.ready(), carla.ready()]);
    await driver(server, '/cut-streams', { agent: 'carla' }, { scope });
    await carla.ended();

    await driver(server, '/clock', { advanceMs: 44_000 });
    await driver(server, '/tick');
    assert.equal((await as(server, 'carla', '/interactions/presence')).body.presence, 'busy', 'within the grace period');

    // Back within the grace period: no flap at all.
    const back = await openStream(server, 'carla', { scope });
    await back.ready();
    await driver(server, '/clock', { advanceMs: 60_000 });
    await driver(server, '/tick');
    assert.equal((await as(server, 'carla', '/interactions/presence')).body.presence, 'busy', 'an open stream keeps the agent');
    await driver(server, '/cut-streams', { agent: 'carla' }, { scope });
    await back.ended();

    await driver(server, '/clock', { advanceMs: 44_000 });
    await driver(server, '/tick');
    assert.equal((await as(server, 'carla', '/interactions/presence')).body.presence, 'busy');
    await driver(server, '/clock', { advanceMs: 2_000 });
    await driver(server, '/tick');
    assert.equal((await as(server, 'carla', '/interactions/presence')).body.presence, 'disconnected');
    const presence = (events) => events.filter((e) => e.event === 'presence' && e.data.agentId === 'carla').map((e) => e.data.presence);
    await watcher.until((events) => presence(events).includes('disconnected'));
    assert.deepEqual(presence(watcher.events), ['disconnected'], 'one change, no flapping');

    const again = await openStream(server, 'carla');
    await again.ready();
    assert.equal((await as(server, 'carla', '/interactions/presence')).body.presence, 'busy', 'what carla chose');
    await watcher.until((events) => presence(events).includes('busy'));
    again.close();
    watcher.close();
  });

  it('ends wrap-up by the server clock and refuses a bad Last-Event-ID', async () => {
    await driver(server, '/agents/erin', { presence: 'available' }, { method: 'PUT' });
    const call = await inbound(server, { channel: 'phone', text: undefined });
    await as(server, 'erin', `/interactions/${call.id}/take`, { method: 'POST' });
    await driver(server, `/${call.id}/hangup`);
    assert.equal((await as(server, 'erin', '/interactions/presence')).body.presence, 'wrap-up');
    await driver(server, '/clock', { advanceMs: 31_000 });
    await driver(server, '/tick');
    assert.equal((await as(server, 'erin', '/interactions/presence')).body.presence, 'available');

    const bad = await as(server, 'erin', '/interactions/events', { headers: { 'last-event-id': 'abc' } });
    assert.equal(bad.status, 400);
  });
});
