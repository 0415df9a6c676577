/**
 * createRestInteractionSource against the reference server (started by
 * scripts/rest-server-plugin.mjs, test mode): the carrier's side is driven
 * through /__test/interactions, faults through /__test/faults, both in this
 * file's own test scope (X-Test-Scope on every request, the event stream's
 * included). Also the SSE parser the feed reads the stream with.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import '../src/define/ucrm-provider.js';
import type { UcrmProvider } from '../src/components/ucrm-provider/ucrm-provider.js';
import { DEMO_CAMPAIGNS } from '../src/data/demo-data.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { SseParser, type SseEvent } from '../src/data/interactions/sse-parser.js';
import { failure, freshPhone, server, type ServerInfo } from './support/rest-server.js';
import { driver, latest, leafPath, source, stopWatching, testApi, watched } from './support/rest-workspace.js';

let info: ServerInfo;

before(async () => {
  info = await server();
  await import('../src/data/interactions/rest-interaction-client.js');
});

afterEach(async () => {
  stopWatching();
  await testApi('/__test/reset', {});
});

const inbound = (clientId = freshPhone()) => driver('/inbound', { channel: 'whatsapp', campaign: 'sales', clientId, text: 'Hola' });

describe('createRestInteractionSource: an interaction’s life', () => {
  it('shows an inbound in Pending over the event stream; takes, links, finishes, dispositions and closes it', async () => {
    const interactions = source();
    const changes = watched(interactions);
    const arrived = await inbound();
    await waitUntil(() => latest(changes, arrived.id)?.status === 'pending', 'the inbound reaches the watcher', { timeout: 10_000 });
    expect((await interactions.list({ tab: 'pending' })).map((i) => i.id)).to.include(arrived.id);

    const taken = await interactions.take(arrived.id);
    expect(taken.status).to.equal('active');
    expect(taken.assignee).to.equal('default');
    expect((await interactions.list({ tab: 'active' })).map((i) => i.id)).to.include(arrived.id);
    await waitUntil(() => latest(changes, arrived.id)?.status === 'active', 'the take is watched', { timeout: 10_000 });

    const linked = await interactions.linkContact(arrived.id, 'demo-uy');
    expect(linked.contactId).to.equal('demo-uy');
    expect(linked.title).to.match(/^Martín/);
    const messages = await interactions.messages(arrived.id);
    expect(messages.map((m) => m.text)).to.deep.equal(['Hola']);
    const sent = await interactions.send(arrived.id, { text: 'Buen día' }, { idempotencyKey: crypto.randomUUID() });
    expect(sent.status).to.equal('sent');

    expect((await interactions.finish(arrived.id)).status).to.equal('finished');
    const refused = await failure(interactions.close(arrived.id));
    expect(refused.code).to.equal('invalid');
    expect(refused.message).to.match(/disposition/i);

    const path = leafPath(DEMO_CAMPAIGNS.find((c) => c.id === 'sales')!.dispositions);
    const closed = await interactions.saveDisposition(arrived.id, { path, comment: 'ok' }, { close: true });
    expect(closed.status).to.equal('closed');
    expect(closed.disposition?.path).to.deep.equal(path);
    await waitUntil(() => latest(changes, arrived.id)?.status === 'closed', 'the close is watched', { timeout: 10_000 });
    expect((await interactions.list({ tab: 'active' })).map((i) => i.id)).not.to.include(arrived.id);
    expect((await interactions.history({ contactId: 'demo-uy' })).map((i) => i.id)).to.include(arrived.id);
  });

  it('loses the race for a take with `conflict`, and hears the other agent’s take', async () => {
    const interactions = source();
    const changes = watched(interactions);
    const arrived = await inbound();
    await waitUntil(() => latest(changes, arrived.id), 'arrived', { timeout: 10_000 });
    await driver(`/${arrived.id}/take-by-other`, { agentId: 'someone-else' });
    const lost = await failure(interactions.take(arrived.id));
    expect(lost.code).to.equal('conflict');
    await waitUntil(() => latest(changes, arrived.id)?.assignee === 'someone-else', 'the other take is watched', { timeout: 10_000 });
  });

  it('sets presence and saves views', async () => {
    const interactions = source();
    expect(await interactions.setPresence('break')).to.equal('break');
    expect(await interactions.presence()).to.equal('break');
    expect(await interactions.setPresence('available')).to.equal('available');
    const name = `Chats ${crypto.randomUUID().slice(0, 8)}`;
    const view = await interactions.saveView({ name, public: false, filter: { match: 'all', conditions: [{ field: 'channel', op: 'is', value: 'webchat' }] } });
    expect((await interactions.views()).map((v) => v.name)).to.include(name);
    await interactions.deleteView(view.id);
    expect((await interactions.views()).map((v) => v.name)).not.to.include(name);
  });
});

describe('createRestInteractionSource: a dropped event stream', () => {
  it('loses no update: it resumes with Last-Event-ID and reads the inboxes again', async () => {
    const interactions = source();
    const changes = watched(interactions);
    const first = await inbound();
    await waitUntil(() => latest(changes, first.id), 'connected', { timeout: 10_000 });

    // Cut the stream and keep it down (every reconnection refused) while things happen.
    await testApi('/__test/faults', { kind: 'status', status: 503, count: 100, path: '/interactions/events' });
    await driver<{ cut: number }>('/cut-streams');
    await driver(`/${first.id}/customer-message`, { text: 'sigo acá' });
    const second = await inbound();
    await driver(`/${second.id}/take-by-other`, { agentId: 'someone-else' });
    const third = await inbound();
    expect(latest(changes, third.id), 'nothing arrives while the stream is down').to.equal(undefined);

    await testApi('/__test/reset', {});
    await waitUntil(() => latest(changes, third.id), 'the third arrival after the reconnection', { timeout: 10_000 });
    await waitUntil(() => latest(changes, second.id)?.assignee === 'someone-else', 'the take made while away', { timeout: 10_000 });
    await waitUntil(() => changes.some((c) => c.type === 'message' && c.message.text === 'sigo acá'), 'the message sent while away', { timeout: 10_000 });
    const message = changes.filter((c) => c.type === 'message' && c.message.text === 'sigo acá');
    expect(message, 'replayed once, not twice').to.have.length(1);
    expect(latest(changes, first.id)?.unread).to.equal(2);
  });
});

describe('<ucrm-provider api-base>', () => {
  it('gives the elements inside the REST interaction source of that server too', async () => {
    const provider = await fixture<UcrmProvider>(html`<ucrm-provider api-base=${info.url}></ucrm-provider>`);
    const interactions = (provider as unknown as { providedInteractions?: InteractionSource }).providedInteractions;
    expect(interactions).to.not.equal(undefined);
    // An attribute carries no token, and the test server wants one: the server itself says so.
    expect((await failure(interactions!.list({ tab: 'pending' }))).code).to.equal('unauthorized');
    provider.interactions = source();
    await provider.updateComplete;
    expect((provider as unknown as { providedInteractions?: InteractionSource }).providedInteractions).to.equal(provider.interactions);
  });
});

describe('SseParser', () => {
  const parse = (...chunks: string[]) => {
    const events: SseEvent[] = [];
    const parser = new SseParser((event) => events.push(event));
    for (const chunk of chunks) parser.feed(chunk);
    return { events, parser };
  };

  it('reads events split anywhere, with LF, CRLF or CR line ends, ids, types and multi-line data', () => {
    const { events } = parse('\uFEFFid: 1\r\nevent: interaction\r\nda', 'ta: {"a":1}\r', '\n\r\n: keep-alive\n\ndata: one\ndata: two\rid: 2\r\r');
    expect(events).to.deep.equal([
      { id: '1', event: 'interaction', data: '{"a":1}' },
      { id: '2', event: 'message', data: 'one\ntwo' },
    ]);
  });

  it('keeps the last id across events and from a block without data; ignores comments and unknown fields', () => {
    const { events, parser } = parse('id: 7\n\n', ':comment\nfoo: bar\ndata\n\n', 'retry: 3000\nid: 9\nevent: ready\n\n');
    expect(events).to.deep.equal([{ id: '7', event: 'message', data: '' }]);
    expect(parser.lastEventId).to.equal('9');
    expect(parser.retry).to.equal(3000);
  });
});
