/**
 * Transfer deadlines are durable (issue 21): an unanswered transfer returns
 * to the agent who made it after the campaign's `transferTimeoutSeconds`,
 * with its notice (`lastTransfer.outcome: "timeout"` on the interaction's
 * change), also when the server process is stopped in between and another
 * starts on the same data — its test clock moved past the deadline after
 * the restart, no /tick.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storageName } from './helpers.mjs';
import { as, CAMPAIGNS, driver, inbound, openStream } from './interactions-support.mjs';
import { clockNow, restartableServers } from './interactions-restart.mjs';

const TIMEOUT_S = 90;
const campaigns = CAMPAIGNS.map((c) => (c.id === 'manual' ? { ...c, transferTimeoutSeconds: TIMEOUT_S } : c));

describe(`transfer deadlines across a restart on ${storageName}`, () => {
  const open = restartableServers({ campaigns });

  it('returns an unanswered transfer to its sender after the timeout, with the notice, on a new process', async () => {
    const first = await open();
    await as(first, 'bruno', '/interactions/presence'); // bruno is an agent (available) before he is a target
    const { id } = await inbound(first);
    await as(first, 'ana', `/interactions/${id}/take`, { method: 'POST' });
    const sent = await as(first, 'ana', `/interactions/${id}/transfer`, { method: 'POST', json: { to: { agentId: 'bruno' }, mode: 'blind' } });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const deadline = Date.parse(sent.body.transfer.deadline);
    assert.equal(deadline - Date.parse(sent.body.updatedAt), TIMEOUT_S * 1000);
    await first.close();

    const second = await open();
    const stream = await openStream(second, 'ana');
    await stream.ready();
    const now = await clockNow(second);
    assert.equal((await as(second, 'ana', `/interactions/${id}`)).body.transfer?.mode, 'blind', 'still waiting before its deadline');
    await driver(second, '/clock', { advanceMs: deadline - now + 1000 });
    const events = await stream.until((list) =>
      list.some((e) => e.event === 'interaction' && e.data.interaction.id === id && e.data.interaction.lastTransfer?.outcome === 'timeout'),
    );
    stream.close();
    const returned = events.find((e) => e.event === 'interaction' && e.data.interaction.id === id && e.data.interaction.lastTransfer?.outcome === 'timeout').data.interaction;
    assert.equal(returned.assignee, 'ana');
    assert.equal(returned.status, 'active');
    assert.equal(returned.transfer, undefined);
    const stored = (await as(second, 'ana', `/interactions/${id}`)).body;
    assert.equal(stored.lastTransfer.outcome, 'timeout');
    assert.ok((await as(second, 'ana', '/interactions?tab=active')).body.items.some((i) => i.id === id));
    assert.ok(!(await as(second, 'bruno', '/interactions?tab=active')).body.items.some((i) => i.id === id));
  });
});
