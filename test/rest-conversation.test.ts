/**
 * <ucrm-conversation> on the REST source against the reference server
 * (started by scripts/rest-server-plugin.mjs, test mode; issue 20's "done
 * when" on the second source). The customer's side is driven through
 * /__test/interactions, faults through /__test/faults, in this file's own
 * test scope. A customer message arrives and is announced; the agent answers
 * with text, a template, an attachment, a voice note (recorded from a tone,
 * remuxed to Ogg/Opus, checked by the server's byte check) and a reply-to;
 * states progress to read; out-of-window free text and a refused file are
 * refused before sending; a send whose answer is lost is retried once,
 * never doubled; another agent's typing shows. Axe-clean throughout.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define/ucrm-conversation.js';
import type { UcrmConversation } from '../src/components/ucrm-conversation/ucrm-conversation.js';
import type { Interaction, Message } from '../src/core/interactions/index.js';
import type { Clock } from '../src/core/disposition/index.js';
import { DEMO_CAMPAIGNS } from '../src/data/demo-data.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { conversationDrafts } from '../src/state/conversation-drafts.js';
import { bubble, pick, pressEnter, q, qa, text, type, until } from './support/conversation-harness.js';
import { freshPhone, server } from './support/rest-server.js';
import { driver, leafPath, source, testApi } from './support/rest-workspace.js';
import { runningAudio, toneStream } from './support/tone.js';

const AGENT = 'default'; // the agent of the test server's token
const SALES = DEMO_CAMPAIGNS.find((c) => c.id === 'sales')!; // WhatsApp on Meta: images up to 8 MB

/** The page's clock, moved forward by hand (the server's clock runs on its own). */
class ShiftedClock implements Clock {
  offset = 0;
  now = () => Date.now() + this.offset;
  setTimeout = (fn: () => void, ms: number) => globalThis.setTimeout(fn, ms) as unknown as number;
  clearTimeout = (handle: unknown) => globalThis.clearTimeout(handle as number);
}

/** Interactions a test took: closed after it, so the agent's WhatsApp capacity (3) is free for the next. */
const opened: { interactions: InteractionSource; id: string }[] = [];

/** An inbound WhatsApp interaction of Sales, taken by the agent. */
async function taken(interactions: InteractionSource, text = 'Hola, necesito ayuda'): Promise<Interaction> {
  const inbound = await driver('/inbound', { channel: 'whatsapp', campaign: 'sales', clientId: freshPhone(), text });
  opened.push({ interactions, id: inbound.id });
  return interactions.take(inbound.id);
}

async function closeOpened(): Promise<void> {
  for (const { interactions, id } of opened.splice(0)) {
    await interactions.finish(id).catch(() => undefined);
    await interactions.saveDisposition(id, { path: leafPath(SALES.dispositions), comment: 'test done' }, { close: true }).catch(() => undefined);
  }
}

async function mount(interactions: InteractionSource, id: string, clock: Clock = new ShiftedClock()) {
  const el = await fixture<UcrmConversation>(
    html`<ucrm-conversation
      agent-id=${AGENT}
      interaction-id=${id}
      .interactions=${interactions}
      .campaignConfig=${SALES}
      .clock=${clock}
      style="--ucrm-conversation-height: 30rem"
    ></ucrm-conversation>`,
  );
  await until(() => q(el, '[part~="list"]:not([aria-busy])') || q(el, '[part~="error"]'), 'the messages');
  return el;
}

const tick = (el: Element, id: string) => bubble(el, id)?.querySelector('[part~="tick"]')?.getAttribute('aria-label');
const agentMessages = async (interactions: InteractionSource, id: string) => (await interactions.messages(id, { limit: 200 })).filter((m) => m.author.kind === 'agent');

describe('<ucrm-conversation> on the REST source (reference server)', function () {
  this.timeout(120000);
  let restore: (() => void) | undefined;

  before(async () => {
    await server();
    await Promise.all([import('../src/data/interactions/rest-interaction-client.js'), import('../src/components/ucrm-conversation/voice-ogg.js')]);
  });
  beforeEach(() => {
    localStorage.clear();
    conversationDrafts(AGENT).set({});
  });
  afterEach(async () => {
    restore?.();
    restore = undefined;
    await testApi('/__test/reset');
    await closeOpened();
  });

  it('announces a customer message, answers it, and shows sent → delivered → read; another agent typing shows', async () => {
    const interactions = source();
    const interaction = await taken(interactions);
    const el = await mount(interactions, interaction.id);
    await until(() => qa(el, '[part~="message-in"]').length, 'the first message');
    expect(qa(el, '[part~="message-in"]').map((m) => text(m.querySelector('[part~="text"]')))).to.deep.equal(['Hola, necesito ayuda']);
    await expect(el).to.be.accessible();

    const incoming = await driver<Message>(`/${interaction.id}/customer-message`, { text: '¿Me ayudan con la factura?' });
    await until(() => bubble(el, incoming.id), 'the new message');
    await until(() => text(q(el, '[part~="announcer"]')).includes('¿Me ayudan con la factura?'), 'the announcement');

    // The agent's own typing goes to the server, and back through the change feed to whoever watches.
    const heard: string[] = [];
    const stop = interactions.watch((change) => {
      if (change.type === 'activity' && change.interactionId === interaction.id && change.who.id === AGENT) heard.push(change.activity);
    });
    const sent = oneEvent(el, 'ucrm-message-sent');
    pressEnter(await type(el, 'Claro, ya lo reviso'));
    const message = (await sent).detail.message as Message;
    expect(message).to.include({ text: 'Claro, ya lo reviso', status: 'sent' });
    await until(() => heard.includes('typing'), 'the agent’s typing through the server');
    stop();
    await until(() => tick(el, message.id) === 'Sent', 'one check');
    for (const [status, label] of [['delivered', 'Delivered'], ['read', 'Read']] as const) {
      await driver(`/messages/${message.id}/delivery`, { status });
      await until(() => tick(el, message.id) === label, label);
    }
    expect(bubble(el, message.id)!.querySelector('[part~="tick-read"]')).not.to.equal(null);

    await driver(`/${interaction.id}/activity`, { agentId: 'bruno', activity: 'typing' });
    await until(() => text(q(el, '[part~="presence"]')).includes('bruno is typing'), 'the other agent typing');
    await expect(el).to.be.accessible();
  });

  it('sends an approved template with its variables, then a reply to the customer’s message, linked', async () => {
    const interactions = source();
    const interaction = await taken(interactions);
    const el = await mount(interactions, interaction.id);
    const select = q<HTMLSelectElement>(el, '#template')!;
    expect([...select.options].find((o) => o.value === 'promo-draft')!.disabled).to.equal(true);
    select.value = 'welcome';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    for (const [name, value] of [['1', 'Carla'], ['2', 'el plan anual']]) {
      const input = q<HTMLInputElement>(el, `#var-${name}`)!;
      input.value = value;
      input.dispatchEvent(new InputEvent('input'));
    }
    await el.updateComplete;
    await expect(el).to.be.accessible();
    let sent = oneEvent(el, 'ucrm-message-sent');
    q<HTMLButtonElement>(el, '[part~="send-button"]')!.click();
    const template = (await sent).detail.message as Message;
    expect(template.template).to.deep.equal({ id: 'welcome', variables: { 1: 'Carla', 2: 'el plan anual' } });
    const expected = 'Hola Carla, gracias por tu interés en el plan anual. ¿Cuándo te podemos llamar?';
    await until(() => text(bubble(el, template.id)?.querySelector('[part~="text"]')) === expected, 'the template text');

    const first = (await interactions.messages(interaction.id)).find((m) => m.direction === 'in')!;
    bubble(el, first.id)!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await el.updateComplete;
    expect(text(q(el, '[part~="reply-quote"] [part~="quote-text"]'))).to.equal('Hola, necesito ayuda');
    sent = oneEvent(el, 'ucrm-message-sent');
    pressEnter(await type(el, 'Respondiendo a eso'));
    const reply = (await sent).detail.message as Message;
    expect(reply.replyTo).to.equal(first.id);
    await until(() => bubble(el, reply.id)?.querySelector('[part~="quote"]'), 'the linked quote');
    expect(text(bubble(el, reply.id)!.querySelector('[part~="quote-text"]'))).to.equal('Hola, necesito ayuda');
    await expect(el).to.be.accessible();
  });

  it('uploads an attachment and sends it; refuses an oversized one and out-of-window free text before sending', async () => {
    const interactions = source();
    const interaction = await taken(interactions);
    const clock = new ShiftedClock();
    const el = await mount(interactions, interaction.id, clock);
    const png = await (await fetch('data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')).blob();
    await pick(el, 'image', [new File([png], 'recibo.png', { type: 'image/png' }), new File([new Uint8Array(9_000_000)], 'huge.png', { type: 'image/png' })]);
    expect(qa(el, '[part~="attachment-list"] [part~="attachment-name"]').map(text)).to.deep.equal(['recibo.png']);
    expect(text(q(el, '[part~="rejections"]'))).to.contain('huge.png').and.contain('8 MB');
    await expect(el).to.be.accessible();
    const sent = oneEvent(el, 'ucrm-message-sent');
    q<HTMLButtonElement>(el, '[part~="send-button"]')!.click();
    const message = (await sent).detail.message as Message;
    expect(message.attachments!.map((a) => [a.name, a.type, a.category])).to.deep.equal([['recibo.png', 'image/png', 'image']]);
    await until(() => bubble(el, message.id)?.querySelector('[part~="attachment-link"]'), 'the sent file');
    // The link is signed: it loads without a token, as an <img> or a download would.
    const served = await fetch(message.attachments![0]!.url);
    expect(served.status).to.equal(200);
    expect(served.headers.get('content-type')).to.equal('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).to.deep.equal(new Uint8Array(await png.arrayBuffer()));
    expect((await agentMessages(interactions, interaction.id)).filter((m) => m.attachments)).to.have.length(1);

    // 24 h after the customer's message: only templates, said before the agent types; nothing leaves.
    clock.offset = 24 * 60 * 60 * 1000 + 60_000;
    el.requestUpdate();
    await until(() => q(el, '[part~="window-note"]'), 'the window note');
    expect(text(q(el, '[part~="window-note"]'))).to.contain('24 hours');
    expect(q<HTMLTextAreaElement>(el, '#message')!.readOnly).to.equal(true);
    q<HTMLButtonElement>(el, '[part~="send-button"]')!.click();
    await el.updateComplete;
    expect(text(q(el, '[part~="composer-error"]'))).to.contain('only approved templates');
    expect(await agentMessages(interactions, interaction.id)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('records a voice note and sends it as Ogg/Opus: the server checks the bytes and serves them back', async () => {
    const audio = await runningAudio();
    const devices = navigator.mediaDevices;
    const original = devices.getUserMedia;
    devices.getUserMedia = async () => (await toneStream()).stream;
    restore = () => (devices.getUserMedia = original);
    const interactions = source();
    const interaction = await taken(interactions);
    const el = await mount(interactions, interaction.id);
    q<HTMLButtonElement>(el, '[part~="voice-record"]')!.click();
    await until(() => q(el, '[part~="voice-stop"]'), 'recording');
    const from = audio.currentTime;
    await until(() => audio.currentTime - from > 0.5, 'some sound');
    q<HTMLButtonElement>(el, '[part~="voice-stop"]')!.click();
    await until(() => q(el, '[part~="voice-preview"]'), 'the recorded note');
    await expect(el).to.be.accessible();
    const sent = oneEvent(el, 'ucrm-message-sent');
    q<HTMLButtonElement>(el, '[part~="send-button"]')!.click();
    const message = (await sent).detail.message as Message;
    expect(message.voice!.durationMs).to.be.greaterThan(0);
    const served = await fetch(message.voice!.url);
    expect(served.headers.get('content-type')).to.equal('audio/ogg; codecs=opus');
    const ascii = new TextDecoder('latin1').decode(new Uint8Array(await served.arrayBuffer()));
    expect(ascii.slice(0, 4)).to.equal('OggS');
    expect(ascii.slice(28, 36)).to.equal('OpusHead');
    await until(() => bubble(el, message.id)?.querySelector('[part~="voice"]'), 'the voice message in the list');
    await expect(el).to.be.accessible();
  });

  it('retries a send whose answer was lost (the server got it) once, with the same key: one message', async () => {
    const interactions = source({ timeout: 1500 });
    const interaction = await taken(interactions);
    const el = await mount(interactions, interaction.id);
    // The server holds the send past the client's timeout, then makes the message anyway.
    await testApi('/__test/faults', { kind: 'hang', delayMs: 4000, count: 1, path: `/interactions/${interaction.id}/messages` });
    pressEnter(await type(el, 'Solo una vez'));
    await until(() => q(el, '[part~="message-queued"] [part~="retry-button"]'), 'the unsent message with Retry');
    expect(q(el, '[part~="message-queued"]')!.dataset.state).to.equal('unsent');
    await expect(el).to.be.accessible();
    // The held request reaches the server: the message arrives through the change feed.
    await until(async () => (await agentMessages(interactions, interaction.id)).length === 1, 'the message made by the held request');
    const sent = oneEvent(el, 'ucrm-message-sent');
    q<HTMLButtonElement>(el, '[part~="message-queued"] [part~="retry-button"]')!.click();
    const message = (await sent).detail.message as Message;
    await until(() => !q(el, '[part~="message-queued"]') && bubble(el, message.id), 'the queue empty');
    expect(await agentMessages(interactions, interaction.id)).to.have.length(1);
    expect(qa(el, '[part~="message-out"]').filter((m) => text(m.querySelector('[part~="text"]')) === 'Solo una vez')).to.have.length(1);
  });
});
