/**
 * The receiving agent answers a transfer (issue 21): `POST
 * /interactions/{id}/transfer/answer {answer}`. The target sees the offer in
 * Pending and on their event stream while it stands, and sees it leave when
 * it is declined or times out; only the target may answer (409 for anyone
 * else, and once nothing waits); bad bodies are 400.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { storageName } from './helpers.mjs';
import { as, driver, freshClient, inbound, openStream, start } from './interactions-support.mjs';

const answer = (server, agent, id, json) => as(server, agent, `/interactions/${id}/transfer/answer`, { method: 'POST', json });
const pendingIds = async (server, agent) => (await as(server, agent, '/interactions?tab=pending')).body.items.map((i) => i.id);
const activeIds = async (server, agent) => (await as(server, agent, '/interactions?tab=active')).body.items.map((i) => i.id);
/** The change of `id` on a stream that satisfies `test`. */
const changeOf = (stream, id, test) =>
  stream
    .until((list) => list.some((e) => e.event === 'interaction' && e.data.interaction.id === id && test(e.data.interaction)))
    .then((list) => list.find((e) => e.event === 'interaction' && e.data.interaction.id === id && test(e.data.interaction)).data.interaction);

describe(`transfer answer on ${storageName}`, () => {
  let server;
  before(async () => {
    server = await start();
    // Agents exist (available) before they are targets.
    for (const agent of ['ana', 'bruno', 'carla']) await as(server, agent, '/interactions/presence');
  });
  after(() => server?.close());

  /** A chat (or call) of `from`'s (ana by default), transferred to bruno. */
  async function offered({ channel = 'whatsapp', mode = 'blind', from = 'ana' } = {}) {
    // Valid targets are available; the test clock may have run past bruno's presence grace.
    await driver(server, '/agents/bruno', { presence: 'available' }, { method: 'PUT' });
    const { id } = await inbound(server, channel === 'phone' ? { channel, clientId: freshClient(), text: undefined } : { channel });
    const taken = await as(server, from, `/interactions/${id}/take`, { method: 'POST' });
    assert.equal(taken.status, 200, JSON.stringify(taken.body));
    const sent = await as(server, from, `/interactions/${id}/transfer`, { method: 'POST', json: { to: { agentId: 'bruno' }, mode } });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    return { id, sent: sent.body };
  }

  it('shows the offer to its target only (list and stream); only the target answers; accept makes it theirs', async () => {
    const bruno = await openStream(server, 'bruno');
    const ana = await openStream(server, 'ana');
    await Promise.all([bruno.ready(), ana.ready()]);
    const { id } = await offered();
    const seen = await changeOf(bruno, id, (i) => i.transfer?.target?.agentId === 'bruno');
    assert.equal(seen.assignee, 'ana');
    assert.ok((await pendingIds(server, 'bruno')).includes(id), "in bruno's Pending");
    assert.ok(!(await pendingIds(server, 'carla')).includes(id), "not in carla's Pending");
    assert.ok(!(await pendingIds(server, 'ana')).includes(id), "the sender's stays in her Active");
    assert.ok((await activeIds(server, 'ana')).includes(id));

    for (const agent of ['carla', 'ana']) {
      const refused = await answer(server, agent, id, { answer: 'accept' });
      assert.equal(refused.status, 409, agent);
      assert.equal(refused.body.code, 'conflict');
      assert.match(refused.body.detail, /offered to another agent/);
    }

    const accepted = await answer(server, 'bruno', id, { answer: 'accept' });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.assignee, 'bruno');
    assert.equal(accepted.body.transfer, undefined);
    assert.equal(accepted.body.lastTransfer.outcome, 'completed');
    assert.ok((await activeIds(server, 'bruno')).includes(id));
    assert.ok(!(await pendingIds(server, 'bruno')).includes(id));
    assert.ok(!(await activeIds(server, 'ana')).includes(id));
    // The sender hears it leave her Active.
    await changeOf(ana, id, (i) => i.assignee === 'bruno');

    const again = await answer(server, 'bruno', id, { answer: 'accept' });
    assert.equal(again.status, 409);
    assert.match(again.body.detail, /no longer waiting/);
    bruno.close();
    ana.close();
  });

  it('declined: back to the sender (connected again), and it leaves the target’s Pending and stream', async () => {
    const bruno = await openStream(server, 'bruno');
    await bruno.ready();
    const { id, sent } = await offered({ channel: 'phone' });
    assert.equal(sent.call.state, 'held');
    await changeOf(bruno, id, (i) => i.transfer?.target?.agentId === 'bruno');
    const declined = await answer(server, 'bruno', id, { answer: 'decline' });
    assert.equal(declined.status, 200);
    assert.equal(declined.body.assignee, 'ana');
    assert.equal(declined.body.call.state, 'connected');
    assert.equal(declined.body.lastTransfer.outcome, 'declined');
    const left = await changeOf(bruno, id, (i) => i.lastTransfer?.outcome === 'declined');
    assert.equal(left.transfer, undefined);
    assert.ok(!(await pendingIds(server, 'bruno')).includes(id));
    bruno.close();
  });

  it('timed out meanwhile: the target sees it leave, and a late answer is 409', async () => {
    const bruno = await openStream(server, 'bruno');
    await bruno.ready();
    const { id, sent } = await offered();
    await changeOf(bruno, id, (i) => i.transfer?.target?.agentId === 'bruno');
    const { now } = await driver(server, '/clock', { advanceMs: 0 });
    await driver(server, '/clock', { advanceMs: Date.parse(sent.transfer.deadline) - now + 1000 });
    const returned = await changeOf(bruno, id, (i) => i.lastTransfer?.outcome === 'timeout');
    assert.equal(returned.assignee, 'ana');
    assert.ok(!(await pendingIds(server, 'bruno')).includes(id));
    const late = await answer(server, 'bruno', id, { answer: 'accept' });
    assert.equal(late.status, 409);
    assert.equal(late.body.code, 'conflict');
    assert.equal((await as(server, 'ana', `/interactions/${id}`)).body.assignee, 'ana');
    bruno.close();
  });

  it('an attended consultation accepted no longer times out; the sender completes it', async () => {
    // Carla sends it: ana still has the call that came back to her (one call at a time).
    const { id, sent } = await offered({ channel: 'phone', mode: 'attended', from: 'carla' });
    assert.equal(sent.call.state, 'consulting');
    const accepted = await answer(server, 'bruno', id, { answer: 'accept' });
    assert.equal(accepted.status, 200);
    assert.equal(accepted.body.assignee, 'carla');
    assert.equal(accepted.body.transfer.deadline, undefined);
    assert.ok(accepted.body.transfer.answeredAt);
    const { now } = await driver(server, '/clock', { advanceMs: 0 });
    await driver(server, '/clock', { advanceMs: Date.parse(sent.transfer.deadline) - now + 1000 });
    await driver(server, '/tick');
    const still = (await as(server, 'carla', `/interactions/${id}`)).body;
    assert.equal(still.call.state, 'consulting', 'no timeout after an answer');
    const completed = await as(server, 'carla', `/interactions/${id}/transfer/complete`, { method: 'POST' });
    assert.equal(completed.status, 200);
    assert.equal(completed.body.assignee, 'bruno');
  });

  it('refuses bad bodies with 400, no transfer with 409, an unknown id with 404', async () => {
    const { id } = await offered();
    for (const json of [{}, { answer: 'maybe' }, { answer: 'accept', extra: 1 }, { answer: 1 }, []]) {
      const bad = await answer(server, 'bruno', id, json);
      assert.equal(bad.status, 400, JSON.stringify(json));
      assert.ok(bad.body.detail || bad.body.title);
    }
    const notJson = await fetch(`${server.url}/interactions/${id}/transfer/answer`, {
      method: 'POST',
      headers: { authorization: 'Bearer token-bruno', 'content-type': 'application/json' },
      body: '{nope',
    });
    assert.equal(notJson.status, 400);
    assert.equal((await answer(server, 'bruno', 'int-nothing-here', { answer: 'accept' })).status, 404);
    // Bruno declines; afterwards there is no transfer at all.
    assert.equal((await answer(server, 'bruno', id, { answer: 'decline' })).status, 200);
    const none = await answer(server, 'bruno', id, { answer: 'decline' });
    assert.equal(none.status, 409);
    // Still bruno's offer in his list? No: it is ana's again.
    assert.ok(!(await pendingIds(server, 'bruno')).includes(id));
  });
});
