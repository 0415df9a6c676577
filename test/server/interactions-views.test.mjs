/**
 * Inbox views on the server (issue 19), with two agents' tokens: a public
 * view is every agent's to see and use, a private one only its owner's;
 * only the owner edits or deletes one (403, with a message); a name the
 * agent already sees is refused (409, with a message), also when two saves
 * race.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { storageName } from './helpers.mjs';
import { as, inbound, start } from './interactions-support.mjs';

const webchat = { match: 'all', conditions: [{ field: 'channel', op: 'is', value: 'webchat' }] };
const whatsapp = { match: 'all', conditions: [{ field: 'channel', op: 'is', value: 'whatsapp' }] };
const save = (server, agent, view) => as(server, agent, '/interactions/views', { method: 'POST', json: view });
const names = async (server, agent) => (await as(server, agent, '/interactions/views')).body.items.map((v) => v.name);

describe(`inbox views between agents on ${storageName}`, () => {
  let server;
  before(async () => {
    server = await start();
  });
  after(() => server?.close());

  it('shows a public view to every agent and a private one only to its owner', async () => {
    const shared = await save(server, 'erin', { name: 'Erin shared', public: true, filter: webchat });
    const own = await save(server, 'erin', { name: 'Erin own', public: false, filter: whatsapp });
    assert.equal(shared.status, 201);
    assert.equal(shared.body.owner, 'erin');
    assert.ok((await names(server, 'erin')).includes('Erin own'));
    assert.ok((await names(server, 'fede')).includes('Erin shared'));
    assert.ok(!(await names(server, 'fede')).includes('Erin own'));

    const chat = await inbound(server, { channel: 'webchat', clientId: 'visitor-views1' });
    const listed = await as(server, 'fede', `/interactions/query`, { method: 'POST', json: { tab: 'pending', viewId: shared.body.id } });
    assert.ok(listed.body.items.some((i) => i.id === chat.id), 'another agent lists through a public view');
    const hidden = await as(server, 'fede', `/interactions?tab=pending&viewId=${own.body.id}`);
    assert.equal(hidden.status, 404, 'a private view is nobody else’s, not even by id');
  });

  it('lets only the owner edit or delete a view: 403 with a message, the view unchanged', async () => {
    const view = await save(server, 'erin', { name: 'Erin team', public: true, filter: webchat });
    const edit = await save(server, 'fede', { id: view.body.id, name: 'Fede took it', public: false, filter: whatsapp });
    assert.equal(edit.status, 403);
    assert.equal(edit.body.code, 'conflict');
    assert.match(edit.body.detail, /Only its owner can change a view/);
    const remove = await as(server, 'fede', `/interactions/views/${view.body.id}`, { method: 'DELETE' });
    assert.equal(remove.status, 403);
    assert.match(remove.body.detail, /Only its owner can delete a view/);
    const seen = (await as(server, 'erin', '/interactions/views')).body.items.find((v) => v.id === view.body.id);
    assert.deepEqual(seen, view.body);

    const renamed = await save(server, 'erin', { id: view.body.id, name: 'Erin team (chats)', public: true, filter: webchat });
    assert.equal(renamed.status, 200);
    assert.ok((await names(server, 'fede')).includes('Erin team (chats)'));
    assert.equal((await as(server, 'erin', `/interactions/views/${view.body.id}`, { method: 'DELETE' })).status, 204);
    assert.ok(!(await names(server, 'fede')).includes('Erin team (chats)'));
  });

  it('refuses a name the agent already sees (its own or a public one), 409 with a message, also when two saves race', async () => {
    await save(server, 'erin', { name: 'Hot leads', public: true, filter: webchat });
    const taken = await save(server, 'fede', { name: '  hot LEADS ', public: false, filter: whatsapp });
    assert.equal(taken.status, 409);
    assert.match(taken.body.detail, /A view named "hot LEADS" already exists/);

    const race = await Promise.all([0, 1, 2].map(() => save(server, 'fede', { name: 'Fede race', public: false, filter: webchat })));
    assert.deepEqual(race.map((r) => r.status).sort(), [201, 409, 409]);
    assert.equal((await names(server, 'fede')).filter((n) => n === 'Fede race').length, 1);
  });
});
