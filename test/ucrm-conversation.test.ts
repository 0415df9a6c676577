import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Message } from '../src/core/interactions/index.js';
import { CONVERSATION_DRAFTS_PREFIX, conversationDrafts } from '../src/state/conversation-drafts.js';
import { AGENT, bubble, conversation, pressEnter, q, qa, shown, simulator, takenWhatsApp, text, type, until } from './support/conversation-harness.js';

describe('<ucrm-conversation>', function () {
  this.timeout(60000);
  beforeEach(() => {
    localStorage.clear();
    conversationDrafts(AGENT).set({});
  });

  it('shows the conversation, announces a customer message, and answers it with Enter; states progress to read', async () => {
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    const el = await conversation(sim, inbound.id, clock);
    await until(() => shown(el).length === 3, 'the customer and bot messages');
    expect(shown(el)[0]).to.contain('Hola, necesito ayuda');
    expect(text(q(el, '[part~="day-separator"]'))).to.equal('Today');
    expect(text(bubble(el, sim.state.messages.get(inbound.id)![1]!.id)?.querySelector('[part~="author"]'))).to.equal('Botito (bot)');
    await expect(el).to.be.accessible();

    const incoming = await sim.simulateCustomerMessage(inbound.id, { text: '¿Me ayudan con la factura?' });
    await until(() => bubble(el, incoming.id), 'the new message');
    await until(() => text(q(el, '[part~="announcer"]')).includes('¿Me ayudan con la factura?'), 'the announcement');

    const area = await type(el, 'Claro, ya lo reviso');
    pressEnter(area, true); // Shift+Enter: a new line, nothing sent
    await el.updateComplete;
    expect(sim.state.messages.get(inbound.id)!.filter((m) => m.direction === 'out' && m.author.kind === 'agent')).to.have.length(0);
    const sent = oneEvent(el, 'ucrm-message-sent');
    pressEnter(area);
    const message = (await sent).detail.message as Message;
    expect(message).to.include({ text: 'Claro, ya lo reviso', status: 'sent' });
    expect(q<HTMLTextAreaElement>(el, '#message')!.value).to.equal('');
    await until(() => bubble(el, message.id)?.querySelector('[part~="tick"]')?.getAttribute('aria-label') === 'Sent', 'one check');
    for (const [status, label] of [['delivered', 'Delivered'], ['read', 'Read']] as const) {
      await sim.simulateDelivery(message.id, status);
      await until(() => bubble(el, message.id)?.querySelector('[part~="tick"]')?.getAttribute('aria-label') === label, label);
    }
    expect(bubble(el, message.id)!.querySelector('[part~="tick-read"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps the draft per interaction across a reload', async () => {
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    let el = await conversation(sim, inbound.id, clock);
    await type(el, 'Half-written answer');
    expect(JSON.parse(localStorage.getItem(`${CONVERSATION_DRAFTS_PREFIX}${AGENT}:${inbound.id}`)!)).to.include({ message: 'Half-written answer' });
    el.remove();
    el = await conversation(sim, inbound.id, clock);
    expect(q<HTMLTextAreaElement>(el, '#message')!.value).to.equal('Half-written answer');
    await type(el, '');
  });

  it('refuses free text outside the WhatsApp window before the agent types, and sends an approved template with variables', async () => {
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    const el = await conversation(sim, inbound.id, clock);
    clock.tick(24 * 60 * 60 * 1000 + 1000);
    await until(() => q(el, '[part~="window-note"]'), 'the window note');
    expect(text(q(el, '[part~="window-note"]'))).to.contain('24 hours');
    expect(q<HTMLTextAreaElement>(el, '#message')!.readOnly).to.equal(true);
    const before = sim.state.messages.get(inbound.id)!.length;
    q<HTMLButtonElement>(el, '[part~="send-button"]')!.click();
    await el.updateComplete;
    expect(text(q(el, '[part~="composer-error"]'))).to.contain('only approved templates');
    expect(sim.state.messages.get(inbound.id)!.length).to.equal(before);

    const select = q<HTMLSelectElement>(el, '#template')!;
    expect([...select.options].find((o) => o.value === 'promo')!.disabled).to.equal(true);
    select.value = 'greet';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    q<HTMLButtonElement>(el, '[part~="send-button"]')!.click();
    await el.updateComplete;
    expect(text(q(el, '[part~="composer-error"]'))).to.contain('{{name}}');
    for (const [name, value] of [['name', 'Carla'], ['agent', 'Ana']]) {
      const input = q<HTMLInputElement>(el, `#var-${name}`)!;
      input.value = value;
      input.dispatchEvent(new InputEvent('input'));
    }
    await el.updateComplete;
    expect(text(q(el, '[part~="preview-text"]'))).to.equal('Hello Carla, this is Ana from ACME.');
    await expect(el).to.be.accessible();
    const sent = oneEvent(el, 'ucrm-message-sent');
    q<HTMLButtonElement>(el, '[part~="send-button"]')!.click();
    const message = (await sent).detail.message as Message;
    expect(message.template).to.deep.equal({ id: 'greet', variables: { name: 'Carla', agent: 'Ana' } });
    expect(message.status).to.equal('sent');
    await until(() => text(bubble(el, message.id)?.querySelector('[part~="text"]')) === 'Hello Carla, this is Ana from ACME.', 'the template text');
  });

  it('opens an agent-started WhatsApp interaction asking for an approved template', async () => {
    const { sim, clock } = simulator();
    const started = await sim.start({ channel: 'whatsapp', campaign: 'wa', to: '+59899333444', template: 'greet', variables: { name: 'Luis', agent: 'Ana' }, message: 'Hello Luis', attachments: [] });
    // The opening template went; no customer reply yet: templates only, said before typing.
    const el = await conversation(sim, started.id, clock);
    await until(() => q(el, '[part~="window-note"]'), 'the note');
    expect(text(q(el, '[part~="window-note"]'))).to.contain('first message must be an approved template');
  });

  it('replies to a customer message and to a delivered one, never to a sent-only one; the quote is cancellable and the reply linked', async () => {
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    const el = await conversation(sim, inbound.id, clock);
    const first = sim.state.messages.get(inbound.id)![0]!;
    const bot = sim.state.messages.get(inbound.id)![1]!;
    const mine = await sim.send(inbound.id, { text: 'One check only' }, { idempotencyKey: 'k-1' });
    await until(() => bubble(el, mine.id), 'my message');
    expect(bubble(el, mine.id)!.querySelector('[part~="reply-button"]')).to.equal(null);
    expect(bubble(el, bot.id)!.querySelector('[part~="reply-button"]')).not.to.equal(null);
    await sim.simulateDelivery(mine.id, 'delivered');
    await until(() => bubble(el, mine.id)!.querySelector('[part~="reply-button"]'), 'reply on delivered');

    // A bot's name in the quote; cancel it.
    bubble(el, bot.id)!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await el.updateComplete;
    expect(text(q(el, '[part~="reply-quote"] [part~="quote-author"]'))).to.equal('Botito (bot)');
    q<HTMLButtonElement>(el, '[part~="cancel-reply"]')!.click();
    await el.updateComplete;
    expect(q(el, '[part~="reply-quote"]')).to.equal(null);

    bubble(el, first.id)!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await el.updateComplete;
    expect(text(q(el, '[part~="reply-quote"] [part~="quote-text"]'))).to.equal('Hola, necesito ayuda');
    await expect(el).to.be.accessible();
    const area = await type(el, 'Respondiendo a eso');
    const sent = oneEvent(el, 'ucrm-message-sent');
    pressEnter(area);
    const reply = (await sent).detail.message as Message;
    expect(reply.replyTo).to.equal(first.id);
    await until(() => bubble(el, reply.id)?.querySelector('[part~="quote"]'), 'the linked quote');
    expect(text(bubble(el, reply.id)!.querySelector('[part~="quote-text"]'))).to.equal('Hola, necesito ayuda');

    // The customer replies to the agent's message: shown linked too.
    const theirs = await sim.simulateCustomerMessage(inbound.id, { text: 'Ok', replyTo: mine.id });
    await until(() => bubble(el, theirs.id)?.querySelector('[part~="quote-text"]'), 'the customer quote');
    expect(text(bubble(el, theirs.id)!.querySelector('[part~="quote-text"]'))).to.equal('One check only');
  });

  it('sends an internal note visible only to agents', async () => {
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    const el = await conversation(sim, inbound.id, clock);
    const noteRadio = qa<HTMLInputElement>(el, '[part~="mode"] input')[1]!;
    noteRadio.click();
    await el.updateComplete;
    const area = await type(el, 'Customer is VIP');
    const sent = oneEvent(el, 'ucrm-message-sent');
    pressEnter(area);
    const note = (await sent).detail.message as Message;
    expect(note.internal).to.equal(true);
    await until(() => bubble(el, note.id)?.querySelector('[part~="internal-badge"]'), 'the note badge');
    await expect(el).to.be.accessible();
  });

  it('shows who else is viewing and typing, and the customer typing', async () => {
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    const el = await conversation(sim, inbound.id, clock);
    await sim.simulateActivity(inbound.id, { kind: 'agent', id: 'bruno', name: 'Bruno' }, 'viewing');
    await until(() => text(q(el, '[part~="presence"]')).includes('Bruno also viewing'), 'viewing');
    await sim.simulateActivity(inbound.id, { kind: 'customer', name: 'Carla' }, 'typing');
    await until(() => text(q(el, '[part~="presence"]')).includes('Carla is typing'), 'typing');
    await expect(el).to.be.accessible();
    clock.tick(7000);
    await until(() => !text(q(el, '[part~="presence"]')).includes('typing'), 'typing expires');
    // The agent's own typing is reported to the others.
    const heard: string[] = [];
    sim.watch((change) => change.type === 'activity' && change.who.id === AGENT && heard.push(change.activity));
    await type(el, 'h');
    await until(() => heard.includes('typing'), 'typing reported');
  });

  it('shows pre-chat fields and offers them as a contact draft', async () => {
    const { sim, clock } = simulator();
    const inbound = (await sim.simulateInbound({
      channel: 'webchat',
      campaign: 'wa',
      clientId: 'visitor-9',
      text: 'Hi',
      preChat: { name: 'Rich Key', email: 'rich@example.com', country: 'UY', timeZone: 'America/Montevideo' },
    }))!;
    await sim.take(inbound.id);
    const el = await conversation(sim, inbound.id, clock);
    expect(text(q(el, '[part~="pre-chat"]'))).to.contain('rich@example.com').and.contain('America/Montevideo');
    expect(el.preChatDraft).to.deep.include({ firstName: 'Rich', lastName: 'Key', emails: ['rich@example.com'] });
    await expect(el).to.be.accessible();
  });

  it('sends with Enter via the keyboard and the emoji button is reachable', async () => {
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    const el = await conversation(sim, inbound.id, clock);
    q<HTMLTextAreaElement>(el, '#message')!.focus();
    await sendKeys({ type: 'Hi there' });
    const sent = oneEvent(el, 'ucrm-message-sent');
    await sendKeys({ press: 'Enter' });
    expect(((await sent).detail.message as Message).text).to.equal('Hi there');
  });

  it('inserts an emoji from the picker, loaded when it opens', async () => {
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    const el = await conversation(sim, inbound.id, clock);
    el.emojiData = new URL('/stories/emoji-sample.json', location.href).href;
    await type(el, 'Thanks ');
    q<HTMLButtonElement>(el, '[part~="emoji-button"]')!.click();
    const emojiButton = () => q(el, 'emoji-picker')?.shadowRoot?.querySelector<HTMLButtonElement>('button.emoji[id^="emo-"]');
    await until(emojiButton, 'the picker with its emoji');
    const emoji = emojiButton()!.textContent!.trim();
    emojiButton()!.click();
    await until(() => q<HTMLTextAreaElement>(el, '#message')!.value === `Thanks ${emoji}`, 'the emoji in the message');
  });
});
