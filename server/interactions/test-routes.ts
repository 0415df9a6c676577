/**
 * Test mode only (mounted under /__test/interactions when the server runs
 * with fault injection, never in production): the carrier's side, like the
 * simulated source's driver methods, plus the server's clock, its
 * time-driven work and cutting open event streams.
 *
 *   POST /inbound {channel, campaign, clientId, text?, preChat?} → the interaction, or {dropped: true}
 *   POST /:id/customer-message {text}      POST /messages/:id/delivery {status, error?}
 *   POST /:id/hangup                        POST /:id/take-by-other {agentId}
 *   PUT  /agents/:id {name?, capacity?, campaigns?, presence?}
 *   POST /clock {advanceMs} (and the time-driven work runs)
 *   POST /tick (presence grace, wrap-ups, transfer deadlines, rescheduled attempts now)
 *   POST /cut-streams {agent?}              ends this test scope's open streams → {cut}
 *   POST /conference/speaking {participantId, on} → the participant (its room's owner hears it on the change feed)
 */
import { Hono } from 'hono';
import type { Env } from '../http.js';
import { jsonBody } from '../http.js';
import { parse } from '../validation.js';
import type { AdjustableClock } from './clock.js';
import { AgentBody, AgentSetupBody, ClockBody, CustomerMessageBody, CutBody, DeliveryBody, IdParam, InboundBody, SpeakingBody } from './schemas.js';
import type { StreamRegistry } from './streams.js';
import type { Workspace } from './workspace.js';

export function interactionTestRoutes(workspace: Workspace, streams: StreamRegistry, clock: AdjustableClock, touch: () => void = () => undefined): Hono<Env> {
  const app = new Hono<Env>();
  const id = (raw: string | undefined) => parse(IdParam, raw, 'path', 'id');

  app.post('/inbound', async (c) => {
    const interaction = await workspace.inbound(parse(InboundBody, await jsonBody(c), 'body'));
    return c.json(interaction ?? { dropped: true }, interaction ? 201 : 200);
  });
  app.post('/messages/:id/delivery', async (c) => {
    const { status, error } = parse(DeliveryBody, await jsonBody(c), 'body');
    return c.json(await workspace.delivery(id(c.req.param('id')), status, error));
  });
  app.post('/:id/customer-message', async (c) => {
    const { text } = parse(CustomerMessageBody, await jsonBody(c), 'body');
    return c.json(await workspace.customerMessage(id(c.req.param('id')), text), 201);
  });
  app.post('/:id/hangup', async (c) => c.json(await workspace.hangup(id(c.req.param('id')))));
  app.post('/:id/take-by-other', async (c) => {
    const { agentId } = parse(AgentBody, await jsonBody(c), 'body');
    return c.json(await workspace.takeByOther(id(c.req.param('id')), agentId));
  });
  app.put('/agents/:id', async (c) => {
    const setup = parse(AgentSetupBody, await jsonBody(c), 'body');
    await workspace.configureAgent(id(c.req.param('id')), setup);
    return c.json({ presence: await workspace.presence(id(c.req.param('id'))) });
  });
  app.post('/clock', async (c) => {
    const { advanceMs } = parse(ClockBody, await jsonBody(c), 'body');
    const now = clock.advance(advanceMs);
    // Time moved as if it had passed: the time-driven work runs as it would have, without a further request.
    touch();
    return c.json({ now });
  });
  app.post('/tick', async (c) => {
    await workspace.maintain(streams.agents());
    return c.json({ now: clock.now() });
  });
  app.post('/conference/speaking', async (c) => {
    const { participantId, on } = parse(SpeakingBody, await jsonBody(c), 'body');
    return c.json(await workspace.participantSpeaking(participantId, on));
  });
  app.post('/cut-streams', async (c) => {
    const { agent } = parse(CutBody, await jsonBody(c), 'body');
    return c.json({ cut: streams.cut(c.req.header('x-test-scope') ?? '', agent) });
  });
  return app;
}
