/**
 * createRestInteractionSource's conference and reschedule against the
 * reference server (scripts/rest-server-plugin.mjs, test mode), in
 * Chromium: a room with three calls where who speaks arrives on the event
 * stream, mute all and remove; a disposition's rescheduleAt listed by
 * `scheduled()` and started by the server at its time. The carrier's side
 * goes through /__test/interactions in this file's own scope. The server's
 * clock is shared with the other files, so it is never moved here: the
 * attempt is due a moment after it is saved.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import type { Interaction, InteractionChange } from '../src/core/interactions/index.js';
import { DEMO_CAMPAIGNS } from '../src/data/demo-data.js';
import { freshPhone, server } from './support/rest-server.js';
import { driver, latest, leafPath, source, stopWatching, watched } from './support/rest-workspace.js';

before(async () => {
  await server();
});

afterEach(stopWatching);

describe('createRestInteractionSource: the conference room', () => {
  it('holds three calls, hears who speaks on the stream, mutes all but the agent, removes one, and ends when all left', async () => {
    const interactions = source();
    const changes = watched(interactions);
    const calls: string[] = [];
    let room: Interaction | undefined;
    for (let i = 0; i < 3; i++) {
      const arrived = await driver('/inbound', { channel: 'phone', campaign: 'sales', clientId: freshPhone() });
      expect((await interactions.take(arrived.id)).call?.state).to.equal('connected');
      room = await interactions.sendToConference(arrived.id);
      calls.push(arrived.id);
    }
    expect(room!.conferenceRoom).to.equal(true);
    expect((await interactions.conferenceParticipants()).map((p) => p.id)).to.deep.equal(calls);
    expect((await interactions.joinConference()).call?.state).to.equal('connected');

    await driver('/conference/speaking', { participantId: calls[1], on: true });
    await waitUntil(() => latest(changes, room!.id)?.participants?.find((p) => p.id === calls[1])?.speaking === true, 'who speaks arrives on the stream', {
      timeout: 10_000,
    });

    await interactions.muteAll();
    expect((await interactions.conferenceParticipants()).every((p) => p.muted)).to.equal(true);
    expect((await interactions.get(room!.id))?.call?.muted).to.equal(false);
    await interactions.muteParticipant(calls[2]!, false);
    expect((await interactions.conferenceParticipants()).find((p) => p.id === calls[2])?.muted).to.equal(false);

    await interactions.removeParticipant(calls[0]!);
    expect((await interactions.conferenceParticipants()).map((p) => p.id)).to.deep.equal(calls.slice(1));
    expect((await interactions.get(calls[0]!))?.call?.state).to.equal('ended');

    for (const id of calls.slice(1)) await driver(`/${id}/hangup`);
    await waitUntil(() => latest(changes, room!.id)?.status === 'closed', 'the room ends when everyone left', { timeout: 10_000 });
    expect(await interactions.conferenceParticipants()).to.deep.equal([]);
  });
});

describe('createRestInteractionSource: reschedule', () => {
  it('lists a rescheduled attempt and hears the server start it at its time', async () => {
    const interactions = source();
    const changes = watched(interactions);
    const clientId = freshPhone();
    const arrived = await driver('/inbound', { channel: 'whatsapp', campaign: 'sales', clientId, text: 'Llamame mañana' });
    await interactions.take(arrived.id);
    const { now } = await driver<{ now: number }>('/clock', { advanceMs: 0 });
    const rescheduleAt = new Date(now + 1500).toISOString();
    const path = leafPath(DEMO_CAMPAIGNS.find((c) => c.id === 'sales')!.dispositions);
    await interactions.saveDisposition(arrived.id, { path, comment: 'call back', rescheduleAt }, { close: false });
    const listed = (await interactions.scheduled!()).filter((a) => a.interactionId === arrived.id);
    expect(listed.map((a) => [a.at, a.channel, a.clientId])).to.deep.equal([[rescheduleAt, 'phone', clientId]]);

    const startedOf = () =>
      changes.find((c) => c.type === 'interaction' && c.interaction.direction === 'out' && c.interaction.context.clientId === clientId) as
        | Extract<InteractionChange, { type: 'interaction' }>
        | undefined;
    await waitUntil(() => startedOf(), 'the attempt starts at its time', { timeout: 20_000 });
    const started = startedOf()!.interaction;
    expect(started.channel).to.equal('phone');
    expect(started.assignee).to.equal('default');
    expect((await interactions.scheduled!()).filter((a) => a.interactionId === arrived.id)).to.deep.equal([]);
    await driver(`/${started.id}/hangup`);
  });
});
