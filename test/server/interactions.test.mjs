/**
 * The interaction workspace on the reference server (issue 18): the rules
 * are the core reducer's, enforced by the server; take is one conditional
 * UPDATE (two agents, one winner, a 409 for the other); close needs the
 * campaign's disposition; views are private to their agent unless public;
 * a blocked contact's inbound reaches nobody; auto-assign is fair; sends
 * are idempotent. Runs on PGlite and (npm run test:server:pg) PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { storageName } from './helpers.mjs';
import { about, as, driver, freshClient, inbound, openStream, start } from './interactions-support.mjs';

let server;
before(async () => {
  server = await start();
});
after(async () => {
  await server?.close();
});

describe(`interactions on ${storageName}`, () => {
  it('lists a new inbound in Pending for the campaign members, newest first, with its first message', async () => {
    const first = await inbound(server);
    const second = await inbound(server);
    const pending = await as(server, 'ana', '/interactions?tab=pending');
    assert.equal(pending.status, 200);
    const ids = pending.body.items.map((i) => i.id);
    assert.ok(ids.indexOf(second.id) < ids.indexOf(first.id) && ids.includes(first.id));
    assert.equal(first.status, 'pending');
    const messages = await as(server, 'ana', `/interactions/${first.id}/messages`);
    assert.deepEqual(messages.body.items.map((m) => m.text), ['Hola']);
    assert.equal((await as(server, 'ana', `/interactions/${first.id}`)).body.unread, 1);
  });

  it('gives a race between two agents taking one interaction one winner; the other gets 409 conflict', async () => {
    for (let round = 0; round < 5; round++) {
      const { id } = await inbound(server);
      const [a, b] = await Promise.all([
        as(server, 'ana', `/interactions/${id}/take`, { method: 'POST' }),
        as(server, 'bruno', `/interactions/${id}/take`, { method: 'POST' }),
      ]);
      const statuses = [a.status, b.status].sort();
      assert.deepEqual(statuses, [200, 409], `round ${round}`);
      const [won, lost] = a.status === 200 ? [a, b] : [b, a];
      assert.equal(won.body.status, 'active');
      assert.equal(lost.body.code, 'conflict');
      assert.match(lost.body.detail, /another agent/i);
      const winner = a.status === 200 ? 'ana' : 'bruno';
      const loser = winner === 'ana' ? 'bruno' : 'ana';
      assert.equal((await as(server, 'ana', `/interactions/${id}`)).body.assignee, winner);
      assert.ok((await as(server, winner, '/interactions?tab=active')).body.items.some((i) => i.id === id));
      assert.ok(!(await as(server, loser, '/interactions?tab=active')).body.items.some((i) => i.id === id));
      assert.ok(!(await as(server, loser, '/interactions?tab=pending')).body.items.some((i) => i.id === id));
      await as(server, winner, `/interactions/${id}/finish`, { method: 'POST' });
      await as(server, winner, `/interactions/${id}/disposition`, { method: 'PUT', json: { path: ['sold'], close: true } });
    }
  });

  it('refuses to close without the campaign’s disposition, then closes with it; finished stays in Active until closed', async () => {
    const { id } = await inbound(server);
    assert.equal((await as(server, 'carla', `/interactions/${id}/take`, { method: 'POST' })).status, 200);
    const early = await as(server, 'carla', `/interactions/${id}/close`, { method: 'POST' });
    assert.equal(early.status, 422);
    assert.equal(early.body.code, 'invalid');
    assert.equal((await as(server, 'carla', `/interactions/${id}/finish`, { method: 'POST' })).body.status, 'finished');
    assert.ok((await as(server, 'carla', '/interactions?tab=active')).body.items.some((i) => i.id === id && i.status === 'finished'));
    const refused = await as(server, 'carla', `/interactions/${id}/close`, { method: 'POST' });
    assert.equal(refused.status, 422);
    assert.match(refused.body.detail, /disposition/i);
    const halfway = await as(server, 'carla', `/interactions/${id}/disposition`, { method: 'PUT', json: { path: ['callback'], close: true } });
    assert.equal(halfway.status, 422, 'a disposition down to its last level');
    assert.equal((await as(server, 'carla', `/interactions/${id}`)).body.status, 'finished', 'save and close is refused as a whole');
    const someoneElse = await as(server, 'dario', `/interactions/${id}/disposition`, { method: 'PUT', json: { path: ['sold'], close: true } });
    assert.equal(someoneElse.status, 409);
    const saved = await as(server, 'carla', `/interactions/${id}/disposition`, { method: 'PUT', json: { path: ['callback', 'tomorrow'], comment: 'after 5' } });
    assert.equal(saved.status, 200);
    assert.deepEqual(saved.body.disposition.path, ['callback', 'tomorrow']);
    const closed = await as(server, 'carla', `/interactions/${id}/close`, { method: 'POST' });
    assert.equal(closed.body.status, 'closed');
    assert.ok(!(await as(server, 'carla', '/interactions?tab=active')).body.items.some((i) => i.id === id));
    assert.equal((await as(server, 'carla', `/interactions/${id}/close`, { method: 'POST' })).status, 409, 'closed stays closed');
  });

  it('closes a campaign without dispositions straight after finish; phone finishes when the call ends', async () => {
    const chat = await inbound(server, { channel: 'webchat', campaign: 'plain', clientId: 'visitor-1a2b3c' });
    await as(server, 'dario', `/interactions/${chat.id}/take`, { method: 'POST' });
    await as(server, 'dario', `/interactions/${chat.id}/finish`, { method: 'POST' });
    assert.equal((await as(server, 'dario', `/interactions/${chat.id}/close`, { method: 'POST' })).body.status, 'closed');

    const call = await inbound(server, { channel: 'phone', text: undefined });
    assert.equal(call.call.state, 'ringing');
    const taken = await as(server, 'dario', `/interactions/${call.id}/take`, { method: 'POST' });
    assert.equal(taken.body.call.state, 'connected', 'taking a ringing call answers it');
    assert.equal((await as(server, 'dario', `/interactions/${call.id}/finish`, { method: 'POST' })).status, 422);
    assert.equal((await as(server, 'dario', `/interactions/${call.id}/call`, { method: 'POST', json: { type: 'hold' } })).body.call.state, 'held');
    assert.equal((await as(server, 'dario', `/interactions/${call.id}/call`, { method: 'POST', json: { type: 'dtmf', digits: '12#' } })).status, 409);
    const ended = await driver(server, `/${call.id}/hangup`);
    assert.equal(ended.status, 'finished');
    assert.equal((await as(server, 'dario', '/interactions/presence')).body.presence, 'wrap-up');
    assert.equal((await as(server, 'dario', '/interactions/presence', { method: 'PUT', json: { presence: 'available' } })).body.presence, 'available');
  });

  it('links a contact, starts outbound, sends once per Idempotency-Key and answers history', async () => {
    const created = await as(server, 'ana', '/contacts', { method: 'POST', json: { firstName: 'Olga', lastName: 'Ríos' } });
    const { id } = await inbound(server);
    await as(server, 'ana', `/interactions/${id}/take`, { method: 'POST' });
    const linked = await as(server, 'ana', `/interactions/${id}/contact`, { method: 'PUT', json: { contactId: created.body.id } });
    assert.equal(linked.body.contactId, created.body.id);
    assert.equal(linked.body.title, 'Olga Ríos');
    const send = (key, text) => as(server, 'ana', `/interactions/${id}/messages`, { method: 'POST', json: { text }, headers: { 'idempotency-key': key } });
    const once = await send('k-1', 'Buenas');
    const again = await send('k-1', 'Buenas');
    assert.equal(once.status, 201);
    assert.equal(again.body.id, once.body.id);
    assert.equal((await as(server, 'ana', `/interactions/${id}/messages`, { method: 'POST', json: { text: 'x' } })).status, 400, 'the key is required');
    const texts = (await as(server, 'ana', `/interactions/${id}/messages`)).body.items.map((m) => m.text);
    assert.deepEqual(texts, ['Hola', 'Buenas']);
    assert.equal((await as(server, 'ana', `/interactions/${id}`)).body.unread, 0, 'reading clears unread');
    assert.equal((await as(server, 'bruno', `/interactions/${id}/messages`, { method: 'POST', json: { text: 'hi' }, headers: { 'idempotency-key': 'k-2' } })).status, 409);

    const started = await as(server, 'ana', '/interactions', { method: 'POST', json: { channel: 'whatsapp', campaign: 'manual', to: freshClient(), message: 'Hi' } });
    assert.equal(started.status, 201);
    assert.equal(started.body.status, 'active');
    assert.equal(started.body.assignee, 'ana');
    const refused = await as(server, 'ana', '/interactions', { method: 'POST', json: { channel: 'sms', campaign: 'manual', to: '+59899000000' } });
    assert.equal(refused.status, 422);

    const history = await as(server, 'bruno', `/interactions/history?contactId=${created.body.id}`);
    assert.deepEqual(history.body.items.map((i) => i.id), [id]);
  });

  it('drops a blocked contact’s inbound: no interaction, no event, in nobody’s Pending', async () => {
    const phone = freshClient();
    const blocked = await as(server, 'ana', '/contacts', { method: 'POST', json: { firstName: 'Blo', lastName: 'Queado', phones: [phone], blocked: true } });
    assert.equal(blocked.status, 201);
    const streams = await Promise.all(['ana', 'bruno'].map((agent) => openStream(server, agent)));
    await Promise.all(streams.map((s) => s.ready()));
    const dropped = await driver(server, '/inbound', { channel: 'whatsapp', campaign: 'manual', clientId: phone, text: 'hola' });
    assert.deepEqual(dropped, { dropped: true });
    // An inbound after it: once each stream has it, the blocked one would have come before.
    const marker = await inbound(server);
    for (const stream of streams) {
      const events = await stream.until((list) => about(list, marker.id).length > 0);
      assert.ok(!events.some((e) => e.event === 'interaction' && e.data.interaction.context.clientId === phone));
      stream.close();
    }
    for (const agent of ['ana', 'bruno']) {
      const pending = await as(server, agent, '/interactions?tab=pending');
      assert.ok(!pending.body.items.some((i) => i.context.clientId === phone));
    }
    assert.deepEqual((await as(server, 'ana', `/interactions/history?contactId=${blocked.body.id}`)).body.items, []);
  });

  it('keeps private views to their agent and shows public ones to all; only the owner changes them', async () => {
    const filter = { match: 'all', conditions: [{ field: 'channel', op: 'is', value: 'webchat' }] };
    const mine = await as(server, 'ana', '/interactions/views', { method: 'POST', json: { name: 'My chats', public: false, filter } });
    const shared = await as(server, 'ana', '/interactions/views', { method: 'POST', json: { name: 'Team chats', public: true, filter } });
    assert.equal(mine.status, 201);
    const anas = (await as(server, 'ana', '/interactions/views')).body.items.map((v) => v.name);
    const brunos = (await as(server, 'bruno', '/interactions/views')).body.items.map((v) => v.name);
    assert.deepEqual(anas, ['My chats', 'Team chats']);
    assert.deepEqual(brunos, ['Team chats']);
    assert.equal((await as(server, 'bruno', `/interactions/views/${mine.body.id}`, { method: 'DELETE' })).status, 404);
    assert.equal((await as(server, 'bruno', `/interactions/views/${shared.body.id}`, { method: 'DELETE' })).status, 403);
    assert.equal((await as(server, 'bruno', '/interactions/views', { method: 'POST', json: { id: shared.body.id, name: 'Mine now', public: true, filter } })).status, 403);
    assert.equal((await as(server, 'bruno', '/interactions/views', { method: 'POST', json: { name: 'My chats', public: false, filter } })).status, 201, 'a private name of another agent is free');
    assert.equal((await as(server, 'ana', '/interactions/views', { method: 'POST', json: { name: 'team CHATS', public: false, filter } })).status, 409);
    const chat = await inbound(server, { channel: 'webchat', clientId: 'visitor-abc123' });
    const viewed = await as(server, 'bruno', `/interactions?tab=pending&viewId=${shared.body.id}`);
    assert.ok(viewed.body.items.some((i) => i.id === chat.id));
    assert.ok(viewed.body.items.every((i) => i.channel === 'webchat'));
    assert.equal((await as(server, 'bruno', `/interactions?tab=pending&viewId=${mine.body.id}`)).status, 404);
    assert.equal((await as(server, 'ana', `/interactions/views/${mine.body.id}`, { method: 'DELETE' })).status, 204);
  });

  it('tags and deletes in batch only what the agent can see', async () => {
    const one = await inbound(server);
    const other = await inbound(server);
    await as(server, 'bruno', `/interactions/${other.id}/take`, { method: 'POST' });
    assert.equal((await as(server, 'ana', '/interactions/batch', { method: 'POST', json: { ids: [one.id, other.id], tags: { add: ['vip'] } } })).status, 204);
    assert.deepEqual((await as(server, 'ana', `/interactions/${one.id}`)).body.tags, ['vip']);
    assert.equal((await as(server, 'ana', `/interactions/${other.id}`)).body.tags, undefined, 'another agent’s interaction is untouched');
    const filtered = await as(server, 'ana', '/interactions/query', {
      method: 'POST',
      json: { tab: 'pending', filter: { match: 'all', conditions: [{ field: 'tags', op: 'is', value: 'vip' }] } },
    });
    assert.deepEqual(filtered.body.items.map((i) => i.id), [one.id]);
    await as(server, 'ana', '/interactions/batch', { method: 'POST', json: { ids: [one.id], delete: true } });
    assert.equal((await as(server, 'ana', `/interactions/${one.id}`)).status, 404);
  });

  it('auto-assigns fairly: most free capacity, then longest idle; waits in Pending when everyone is full', async () => {
    const put = (agent, setup) => driver(server, `/agents/${agent}`, setup, { method: 'PUT' });
    const others = ['ana', 'bruno', 'carla', 'dario'];
    for (const agent of [...others, 'erin', 'fede']) await put(agent, { presence: 'break' });
    try {
      await put('erin', { capacity: { whatsapp: 2 }, presence: 'available' });
      await put('fede', { capacity: { whatsapp: 1 }, presence: 'available' });
      const first = await inbound(server, { campaign: 'auto' });
      assert.equal(first.assignee, 'erin', 'two free beats one');
      const second = await inbound(server, { campaign: 'auto' });
      assert.equal(second.assignee, 'fede', 'one free each: fede has been idle longer');
      const third = await inbound(server, { campaign: 'auto' });
      assert.equal(third.assignee, 'erin');
      const waiting = await inbound(server, { campaign: 'auto' });
      assert.equal(waiting.status, 'pending', 'everyone full: it waits');
      await as(server, 'fede', `/interactions/${second.id}/finish`, { method: 'POST' });
      assert.equal((await as(server, 'fede', `/interactions/${waiting.id}`)).body.assignee, 'fede', 'assigned as soon as capacity frees');
    } finally {
      for (const agent of others) await put(agent, { presence: 'available' });
    }
  });

  it('refuses hostile or unknown input with a problem, never a 500', async () => {
    const { id } = await inbound(server);
    const cases = [
      ['/interactions?tab=closed', {}],
      ['/interactions?tab=pending&x=1', {}],
      [`/interactions/${id}/call`, { method: 'POST', json: { type: 'explode' } }],
      [`/interactions/${id}/disposition`, { method: 'PUT', json: { path: ['sold\u0000'] } }],
      ['/interactions/presence', { method: 'PUT', json: { presence: 'disconnected' } }],
      ['/interactions/views', { method: 'POST', json: { name: 'x', public: true, filter: { match: 'expression', conditions: [], expression: '1 AND (' } } }],
      ['/interactions/nope', {}],
    ];
    for (const [path, init] of cases) {
      const answer = await as(server, 'ana', path, init);
      assert.ok(answer.status >= 400 && answer.status < 500, `${path} → ${answer.status}`);
      assert.ok(answer.body.code, path);
    }
    assert.equal((await fetch(`${server.url}/interactions?tab=pending`)).status, 401);
  });
});
