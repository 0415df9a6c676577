/**
 * The conference room on the server (issue 21), through the core reducer:
 * the agent's own room is an interaction; active calls are sent into it one
 * by one (20 here: no six-party limit), the agent joins, sees who is in and
 * who is speaking — pushed on the change feed as the room's `interaction`
 * change, never polled — mutes one, mutes all but themself, removes one
 * (that call ends); a participant who hangs up leaves; the room ends when
 * everyone has left. Only the room's owner acts on it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { storageName } from './helpers.mjs';
import { as, driver, freshClient, inbound, openStream, start } from './interactions-support.mjs';

const PARTIES = 20;

/** A connected call of `agent`'s: an inbound call they take. */
async function connectedCall(server, agent) {
  const { id } = await inbound(server, { channel: 'phone', clientId: freshClient(), text: undefined });
  const taken = await as(server, agent, `/interactions/${id}/take`, { method: 'POST' });
  assert.equal(taken.status, 200, JSON.stringify(taken.body));
  assert.equal(taken.body.call.state, 'connected');
  return id;
}

const roomChange = (events, roomId, predicate) =>
  events.some((e) => e.event === 'interaction' && e.data.interaction.id === roomId && predicate(e.data.interaction));

describe(`the conference room on ${storageName}`, () => {
  let server;
  before(async () => {
    server = await start();
  });
  after(() => server?.close());

  it(`holds ${PARTIES} calls, pushes who speaks, mutes one and all but the agent, removes, and ends when everyone left`, async () => {
    const stream = await openStream(server, 'ana');
    await stream.ready();
    const calls = [];
    let room;
    for (let i = 0; i < PARTIES; i++) {
      const id = await connectedCall(server, 'ana');
      calls.push(id);
      const sent = await as(server, 'ana', `/interactions/${id}/conference`, { method: 'POST' });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      room ??= sent.body;
      assert.equal(sent.body.id, room.id, 'one room per agent');
    }
    assert.equal(room.conferenceRoom, true);
    assert.equal(room.assignee, 'ana');
    const participants = (await as(server, 'ana', '/interactions/conference/participants')).body.items;
    assert.deepEqual(participants.map((p) => p.id), calls);
    assert.ok(participants.every((p) => !p.muted && !p.speaking));
    assert.equal((await as(server, 'ana', `/interactions/${calls[0]}`)).body.call.state, 'conference');

    const joined = await as(server, 'ana', '/interactions/conference/join', { method: 'POST' });
    assert.equal(joined.body.call.state, 'connected');

    // Who speaks arrives on the stream as the room's change.
    await driver(server, '/conference/speaking', { participantId: calls[3], on: true });
    await stream.until((events) => roomChange(events, room.id, (r) => r.participants?.find((p) => p.id === calls[3])?.speaking === true));
    await driver(server, '/conference/speaking', { participantId: calls[3], on: false });
    await stream.until((events) => roomChange(events, room.id, (r) => r.participants?.length === PARTIES && r.participants.every((p) => !p.speaking)));

    // Mute and unmute one: the participant and their call.
    assert.equal((await as(server, 'ana', `/interactions/conference/participants/${calls[1]}/mute`, { method: 'POST', json: { on: true } })).status, 204);
    assert.equal((await as(server, 'ana', `/interactions/${calls[1]}`)).body.call.muted, true);
    assert.equal((await as(server, 'ana', `/interactions/conference/participants/${calls[1]}/mute`, { method: 'POST', json: { on: false } })).status, 204);
    assert.ok((await as(server, 'ana', '/interactions/conference/participants')).body.items.every((p) => !p.muted));

    // Mute all: every participant, never the agent.
    assert.equal((await as(server, 'ana', '/interactions/conference/mute-all', { method: 'POST' })).status, 204);
    assert.ok((await as(server, 'ana', '/interactions/conference/participants')).body.items.every((p) => p.muted));
    assert.equal((await as(server, 'ana', `/interactions/${room.id}`)).body.call.muted, false);
    await stream.until((events) => roomChange(events, room.id, (r) => r.participants?.length === PARTIES && r.participants.every((p) => p.muted)));

    // Remove one: off the list, their call ended. A participant who hangs up leaves.
    assert.equal((await as(server, 'ana', `/interactions/conference/participants/${calls[0]}`, { method: 'DELETE' })).status, 204);
    const removed = (await as(server, 'ana', `/interactions/${calls[0]}`)).body;
    assert.equal(removed.call.state, 'ended');
    assert.equal(removed.status, 'finished');
    await driver(server, `/${calls[2]}/hangup`);
    const left = (await as(server, 'ana', '/interactions/conference/participants')).body.items.map((p) => p.id);
    assert.deepEqual(left, calls.filter((id) => id !== calls[0] && id !== calls[2]));

    // Everyone leaves: the room ends.
    for (const id of left) await driver(server, `/${id}/hangup`);
    await stream.until((events) => roomChange(events, room.id, (r) => r.status === 'closed'));
    stream.close();
    const ended = (await as(server, 'ana', `/interactions/${room.id}`)).body;
    assert.equal(ended.call.state, 'ended');
    assert.deepEqual(ended.participants, []);
    assert.deepEqual((await as(server, 'ana', '/interactions/conference/participants')).body.items, []);
    assert.equal((await as(server, 'ana', '/interactions/conference/join', { method: 'POST' })).status, 422, 'no room to join');
  });

  it('lets only the room’s owner act on it, and refuses bad input with a problem', async () => {
    const mine = await connectedCall(server, 'bruno');
    const other = await connectedCall(server, 'carla');
    const sendOthers = await as(server, 'bruno', `/interactions/${other}/conference`, { method: 'POST' });
    assert.equal(sendOthers.status, 409);
    assert.match(sendOthers.body.detail, /Only an active call of yours/);
    const room = (await as(server, 'bruno', `/interactions/${mine}/conference`, { method: 'POST' })).body;
    assert.equal((await as(server, 'carla', `/interactions/conference/participants/${mine}/mute`, { method: 'POST', json: { on: true } })).status, 404);
    assert.equal((await as(server, 'carla', `/interactions/conference/participants/${mine}`, { method: 'DELETE' })).status, 404);
    assert.deepEqual((await as(server, 'carla', '/interactions/conference/participants')).body.items, []);
    assert.equal((await as(server, 'bruno', `/interactions/conference/participants/${mine}/mute`, { method: 'POST', json: { on: 'yes' } })).status, 400);
    assert.equal((await as(server, 'bruno', '/interactions/conference/participants/nobody/mute', { method: 'POST', json: { on: true } })).status, 404);
    // The agent hanging up their room leaves it; the participant stays until they leave.
    const hungUp = await as(server, 'bruno', `/interactions/${room.id}/call`, { method: 'POST', json: { type: 'hangup' } });
    assert.equal(hungUp.status, 200);
    assert.equal(hungUp.body.status, 'active');
    assert.deepEqual((await as(server, 'bruno', '/interactions/conference/participants')).body.items.map((p) => p.id), [mine]);
    assert.equal((await as(server, 'bruno', '/interactions/conference/mute-all', { method: 'POST' })).status, 204);
    assert.equal((await as(server, 'bruno', `/interactions/${room.id}`)).body.participants[0].muted, true);
  });
});
