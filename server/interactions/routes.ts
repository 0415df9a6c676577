/**
 * The interaction routes (docs/rest-api.md, "Interaction workspace"): one
 * per `InteractionSource` method, for the authenticated agent
 * (`c.get('agent')`). Registered after authentication; the specific paths
 * before `/interactions/:id` (and `GET /interactions/resolve`, the screen
 * pop, is registered before all of them by app.ts).
 */
import type { Context, Hono } from 'hono';
import { jsonBody } from '../http.js';
import type { Env } from '../http.js';
import { HttpProblem } from '../problems.js';
import { parse } from '../validation.js';
import {
  BatchBody,
  CallBody,
  DispositionBody,
  EventsQuery,
  HistoryQuery,
  IdempotencyKeyHeader,
  IdParam,
  LastEventId,
  LinkBody,
  ListBody,
  MessagesQuery,
  MuteBody,
  PresenceBody,
  SendBody,
  StartBody,
  TabQuery,
  TransferAnswerBody,
  TransferBody,
  ViewBody,
} from './schemas.js';
import type { AttachmentStore } from './attachments.js';
import { eventStream, type StreamOptions, type StreamRegistry } from './streams.js';
import type { Workspace } from './workspace.js';

export interface InteractionRouteOptions extends StreamOptions {
  /** Called on every interaction request: keeps the time-driven work (presence, wrap-ups) running. */
  touch?: () => void;
  /** Uploaded files and voice notes a message references (attachment-routes.ts). */
  attachments?: AttachmentStore;
}

const idOf = (c: Context<Env>) => parse(IdParam, c.req.param('id'), 'path', 'id');
const noStore = (c: Context<Env>) => c.header('cache-control', 'no-store');

export function interactionRoutes(app: Hono<Env>, workspace: Workspace, streams: StreamRegistry, options: InteractionRouteOptions = {}): void {
  app.use('/interactions/*', async (c, next) => {
    options.touch?.();
    await workspace.ensureAgent(c.get('agent'));
    await next();
  });
  app.use('/interactions', async (c, next) => {
    options.touch?.();
    await workspace.ensureAgent(c.get('agent'));
    await next();
  });

  app.get('/interactions/events', (c) => {
    const query = parse(EventsQuery, c.req.query(), 'query');
    // EventSource sends Last-Event-ID as a header on reconnect; a fetch-based client may use either.
    const lastEventId = parse(LastEventId, c.req.header('last-event-id') ?? query.lastEventId, 'header', 'Last-Event-ID');
    return eventStream(c, workspace, streams, lastEventId, options);
  });

  app.get('/interactions', async (c) => {
    const { tab, viewId } = parse(TabQuery, c.req.query(), 'query');
    noStore(c);
    return c.json({ items: await workspace.list(c.get('agent'), tab, undefined, viewId) });
  });
  app.post('/interactions/query', async (c) => {
    const { tab, filter, viewId } = parse(ListBody, await jsonBody(c), 'body');
    noStore(c);
    return c.json({ items: await workspace.list(c.get('agent'), tab, filter, viewId) });
  });
  app.post('/interactions', async (c) => {
    const draft = parse(StartBody, await jsonBody(c), 'body');
    const interaction = await workspace.start(c.get('agent'), draft);
    c.header('location', `/interactions/${encodeURIComponent(interaction.id)}`);
    return c.json(interaction, 201);
  });

  app.get('/interactions/history', async (c) => {
    const { contactId, limit, before } = parse(HistoryQuery, c.req.query(), 'query');
    noStore(c);
    return c.json({ items: await workspace.history(contactId, limit, before) });
  });

  app.get('/interactions/presence', async (c) => {
    noStore(c);
    return c.json({ presence: await workspace.presence(c.get('agent')), agentId: c.get('agent') });
  });
  app.put('/interactions/presence', async (c) => {
    const { presence } = parse(PresenceBody, await jsonBody(c), 'body');
    return c.json({ presence: await workspace.setPresence(c.get('agent'), presence), agentId: c.get('agent') });
  });

  app.get('/interactions/views', async (c) => {
    noStore(c);
    return c.json({ items: await workspace.views(c.get('agent')) });
  });
  app.post('/interactions/views', async (c) => {
    const view = parse(ViewBody, await jsonBody(c), 'body');
    return c.json(await workspace.saveView(c.get('agent'), view), view.id ? 200 : 201);
  });
  app.delete('/interactions/views/:id', async (c) => {
    await workspace.deleteView(c.get('agent'), idOf(c));
    return c.body(null, 204);
  });

  app.get('/interactions/scheduled', async (c) => {
    noStore(c);
    return c.json({ items: await workspace.scheduled(c.get('agent')) });
  });

  app.post('/interactions/batch', async (c) => {
    const { ids, ...action } = parse(BatchBody, await jsonBody(c), 'body');
    await workspace.batch(c.get('agent'), ids, action);
    return c.body(null, 204);
  });

  // The agent's conference room (issue 21): the room is an interaction; its participants are calls sent into it.
  const participantOf = (c: Context<Env>) => parse(IdParam, c.req.param('participantId'), 'path', 'participantId');
  app.post('/interactions/conference/join', async (c) => c.json(await workspace.joinConference(c.get('agent'))));
  app.get('/interactions/conference/participants', async (c) => {
    noStore(c);
    return c.json({ items: await workspace.conferenceParticipants(c.get('agent')) });
  });
  app.post('/interactions/conference/participants/:participantId/mute', async (c) => {
    const { on } = parse(MuteBody, await jsonBody(c), 'body');
    await workspace.muteParticipant(c.get('agent'), participantOf(c), on);
    return c.body(null, 204);
  });
  app.delete('/interactions/conference/participants/:participantId', async (c) => {
    await workspace.removeParticipant(c.get('agent'), participantOf(c));
    return c.body(null, 204);
  });
  app.post('/interactions/conference/mute-all', async (c) => {
    await workspace.muteAll(c.get('agent'));
    return c.body(null, 204);
  });
  app.post('/interactions/:id/conference', async (c) => c.json(await workspace.sendToConference(c.get('agent'), idOf(c))));

  app.get('/interactions/:id', async (c) => {
    const id = idOf(c);
    const interaction = await workspace.get(id);
    if (!interaction) throw new HttpProblem('not-found', () => `No interaction "${id}".`);
    noStore(c);
    return c.json(interaction);
  });

  const agent = (c: Context<Env>) => c.get('agent');
  app.post('/interactions/:id/take', async (c) => c.json(await workspace.take(agent(c), idOf(c))));
  app.put('/interactions/:id/contact', async (c) => {
    const { contactId } = parse(LinkBody, await jsonBody(c), 'body');
    return c.json(await workspace.linkContact(idOf(c), contactId));
  });

  app.get('/interactions/:id/messages', async (c) => {
    const { before, limit } = parse(MessagesQuery, c.req.query(), 'query');
    noStore(c);
    const items = await workspace.messages(agent(c), idOf(c), before, limit);
    // Signed download links are made fresh for every read (a page of history may be older than a link).
    const store = options.attachments;
    return c.json({ items: store ? await Promise.all(items.map((m) => store.refreshLinks(m))) : items });
  });
  app.post('/interactions/:id/messages', async (c) => {
    const key = parse(IdempotencyKeyHeader, c.req.header('idempotency-key'), 'header', 'Idempotency-Key');
    const { attachments: fileIds = [], voice: voiceId, ...draft } = parse(SendBody, await jsonBody(c), 'body');
    const id = idOf(c);
    const store = options.attachments;
    if ((fileIds.length || voiceId) && !store) throw new HttpProblem('invalid', () => 'This server does not take attachments.', { status: 422 });
    const files = store ? await store.forMessage(agent(c), id, fileIds, 'file') : [];
    const [voice] = store && voiceId ? await store.forMessage(agent(c), id, [voiceId], 'voice') : [];
    const media = {
      ...(files.length ? { attachments: await Promise.all(files.map((f) => store!.asMessageAttachment(f))) } : {}),
      ...(voice ? { voice: { url: await store!.link(voice.id), durationMs: voice.durationMs } } : {}),
    };
    const message = await workspace.send(agent(c), id, draft, key, media);
    // Referenced now: kept for good (an upload no message took is pruned after a day).
    await store?.markUsed([...files, ...(voice ? [voice] : [])].map((a) => a.id));
    return c.json(message, 201);
  });

  app.post('/interactions/:id/call', async (c) => {
    const command = parse(CallBody, await jsonBody(c), 'body');
    return c.json(await workspace.call(agent(c), idOf(c), command));
  });

  app.get('/interactions/:id/transfer-targets', async (c) => {
    noStore(c);
    return c.json(await workspace.transferTargets(agent(c), idOf(c)));
  });
  app.post('/interactions/:id/transfer', async (c) => {
    const { to, mode } = parse(TransferBody, await jsonBody(c), 'body');
    return c.json(await workspace.transfer(agent(c), idOf(c), to, mode));
  });
  app.post('/interactions/:id/transfer/answer', async (c) => {
    const { answer } = parse(TransferAnswerBody, await jsonBody(c), 'body');
    return c.json(await workspace.answerTransfer(agent(c), idOf(c), answer));
  });
  app.post('/interactions/:id/transfer/complete', async (c) => c.json(await workspace.completeTransfer(agent(c), idOf(c))));
  app.post('/interactions/:id/transfer/cancel', async (c) => c.json(await workspace.cancelTransfer(agent(c), idOf(c))));

  app.put('/interactions/:id/disposition', async (c) => {
    const { close, ...disposition } = parse(DispositionBody, await jsonBody(c), 'body');
    return c.json(await workspace.saveDisposition(agent(c), idOf(c), disposition, close));
  });
  app.post('/interactions/:id/finish', async (c) => c.json(await workspace.finish(agent(c), idOf(c))));
  app.post('/interactions/:id/close', async (c) => c.json(await workspace.close(agent(c), idOf(c))));
}
