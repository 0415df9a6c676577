/**
 * Two server processes (apps) on one PostgreSQL: a take raced through both
 * gives one winner and a 409; an event written through one reaches a
 * stream served by the other (the change feed is the database's, polled by
 * sequence). Runs under `npm run test:server:pg` (skipped on PGlite, which
 * one process owns).
 */
import assert from 'node:assert/strict';
import process from 'node:process';
import { after, before, describe, it } from 'node:test';
import { importTs } from '../../scripts/run-ts.mjs';
import { scratchDatabase } from './helpers.mjs';
import { AGENTS, CAMPAIGNS, about, as, inbound, openStream } from './interactions-support.mjs';

const url = process.env.DATABASE_URL;
let a;
let b;
let database;

before(async () => {
  if (!url) return;
  database = await scratchDatabase('ucrm_interactions');
  const { startServer } = await importTs('server/start.ts');
  const tokens = Object.fromEntries(Object.entries(AGENTS).map(([agent, token]) => [token, agent]));
  const start = () =>
    startServer({ port: 0, databaseUrl: database.url, auth: { tokens }, seed: { campaigns: CAMPAIGNS }, testMode: true, log: { level: 'silent' } });
  a = await start();
  b = await start();
});
after(async () => {
  await a?.close();
  await b?.close();
  await database?.drop();
});

describe('interactions across two processes on one PostgreSQL', { skip: !url && 'needs DATABASE_URL (npm run test:server:pg)' }, () => {
  it('gives a take raced through both processes one winner and a 409', async () => {
    for (let round = 0; round < 10; round++) {
      const { id } = await inbound(a);
      const answers = await Promise.all([
        as(a, 'ana', `/interactions/${id}/take`, { method: 'POST' }),
        as(b, 'bruno', `/interactions/${id}/take`, { method: 'POST' }),
      ]);
      assert.deepEqual(answers.map((r) => r.status).sort(), [200, 409], `round ${round}`);
      const winner = answers[0].status === 200 ? 'ana' : 'bruno';
      assert.equal((await as(b, 'carla', `/interactions/${id}`)).body.assignee, winner);
      await as(a, winner, `/interactions/${id}/finish`, { method: 'POST' });
    }
  });

  it('streams from one process what was written through the other, in order, once', async () => {
    const stream = await openStream(b, 'carla');
    await stream.ready();
    const written = [await inbound(a), await inbound(a), await inbound(a)];
    await as(a, 'dario', `/interactions/${written[0].id}/take`, { method: 'POST' });
    await stream.until((events) => events.some((e) => e.event === 'interaction' && e.data.interaction.assignee === 'dario'));
    stream.close();
    for (const { id } of written) assert.ok(about(stream.events, id).length >= 2);
    const ids = stream.events.map((e) => e.id);
    assert.ok(ids.every((id, i) => i === 0 || id > ids[i - 1]));
  });
});
