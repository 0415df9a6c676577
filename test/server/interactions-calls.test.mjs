/**
 * Call ownership on the server (issue 21): a parked call stays its agent's;
 * another agent can neither unpark, end nor take it (409 with a message);
 * the agent who parked it unparks it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { storageName } from './helpers.mjs';
import { as, freshClient, inbound, start } from './interactions-support.mjs';

describe(`park on ${storageName}`, () => {
  let server;
  before(async () => {
    server = await start();
  });
  after(() => server?.close());

  it('lets only the agent who parked a call unpark it', async () => {
    const { id } = await inbound(server, { channel: 'phone', clientId: freshClient(), text: undefined });
    await as(server, 'ana', `/interactions/${id}/take`, { method: 'POST' });
    const parked = await as(server, 'ana', `/interactions/${id}/call`, { method: 'POST', json: { type: 'park' } });
    assert.equal(parked.body.call.state, 'parked');
    assert.equal(parked.body.call.parkedBy, 'ana');

    for (const type of ['unpark', 'hangup']) {
      const refused = await as(server, 'bruno', `/interactions/${id}/call`, { method: 'POST', json: { type } });
      assert.equal(refused.status, 409, type);
      assert.equal(refused.body.code, 'conflict');
      assert.ok(refused.body.detail.length > 0);
    }
    const taken = await as(server, 'bruno', `/interactions/${id}/take`, { method: 'POST' });
    assert.equal(taken.status, 409);
    assert.match(taken.body.detail, /Another agent took this interaction first/);
    const still = (await as(server, 'ana', `/interactions/${id}`)).body;
    assert.equal(still.call.state, 'parked');
    assert.equal(still.assignee, 'ana');

    const unparked = await as(server, 'ana', `/interactions/${id}/call`, { method: 'POST', json: { type: 'unpark' } });
    assert.equal(unparked.status, 200);
    assert.equal(unparked.body.call.state, 'connected');
    assert.equal(unparked.body.call.parkedBy, undefined);
  });
});
