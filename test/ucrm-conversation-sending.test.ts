import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { UcrmConversation } from '../src/components/ucrm-conversation/ucrm-conversation.js';
import { CrmError } from '../src/core/errors.js';
import type { Message } from '../src/core/interactions/index.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { conversationDrafts } from '../src/state/conversation-drafts.js';
import { AGENT, WA, bubble, conversation, pressEnter, q, qa, simulator, takenWhatsApp, text, type, until } from './support/conversation-harness.js';

/** The simulator, with `send` answered by `override` while it returns something. */
function sendsThrough(source: InteractionSource, override: (send: InteractionSource['send'], ...args: Parameters<InteractionSource['send']>) => Promise<Message> | undefined) {
  return new Proxy(source, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (key === 'send') {
        const send = (value as InteractionSource['send']).bind(target);
        return (...args: Parameters<InteractionSource['send']>) => override(send, ...args) ?? send(...args);
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const agentMessages = (sim: ReturnType<typeof simulator>['sim'], id: string) =>
  sim.state.messages.get(id)!.filter((m) => m.author.kind === 'agent');

describe('<ucrm-conversation> safe sending, long histories and languages', function () {
  this.timeout(90000);
  beforeEach(() => {
    localStorage.clear();
    conversationDrafts(AGENT).set({});
  });

  it('keeps a send that never reached the source with Retry, and sends it once on retry', async () => {
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    let failures = 1;
    const source = sendsThrough(sim, () => (failures-- > 0 ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    const el = await conversation(source, inbound.id, clock);
    pressEnter(await type(el, 'Are you there?'));
    await until(() => q(el, '[part~="message-queued"] [part~="message-error"]'), 'the unsent message');
    const queued = q(el, '[part~="message-queued"]')!;
    expect(queued.dataset.state).to.equal('unsent');
    expect(text(queued.querySelector('[part~="message-error"]'))).to.contain('did not reach the server');
    expect(text(queued.querySelector('[part~="text"]'))).to.equal('Are you there?');
    expect(agentMessages(sim, inbound.id)).to.have.length(0);
    await expect(el).to.be.accessible();
    const sent = oneEvent(el, 'ucrm-message-sent');
    queued.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    const message = (await sent).detail.message as Message;
    await until(() => !q(el, '[part~="message-queued"]') && bubble(el, message.id), 'the sent message');
    expect(agentMessages(sim, inbound.id)).to.have.length(1);
    expect(qa(el, '[part~="message-out"]').filter((m) => text(m.querySelector('[part~="text"]')) === 'Are you there?')).to.have.length(1);
  });

  it('retries a send whose answer was lost with the same key: never a second message', async () => {
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    let lose = 1;
    const keys: string[] = [];
    const source = sendsThrough(sim, (send, id, draft, options) => {
      keys.push(options.idempotencyKey);
      if (lose-- <= 0) return undefined;
      return send(id, draft, options).then(() => Promise.reject(new CrmError('unavailable', 'The connection dropped.')));
    });
    const el = await conversation(source, inbound.id, clock);
    pressEnter(await type(el, 'Only once'));
    await until(() => q(el, '[part~="message-queued"] [part~="retry-button"]'), 'the retry');
    q<HTMLButtonElement>(el, '[part~="message-queued"] [part~="retry-button"]')!.click();
    await until(() => !q(el, '[part~="message-queued"]'), 'the queue empty');
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
    expect(agentMessages(sim, inbound.id)).to.have.length(1);
    expect(qa(el, '[part~="message-out"]').filter((m) => text(m.querySelector('[part~="text"]')) === 'Only once')).to.have.length(1);
  });

  it('tells a refused message from an unsent one', async () => {
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    const source = sendsThrough(sim, () => Promise.reject(new CrmError('invalid', 'The provider rejected the number.')));
    const el = await conversation(source, inbound.id, clock);
    pressEnter(await type(el, 'Hello'));
    await until(() => q(el, '[part~="message-queued"] [part~="message-error"]'), 'the refusal');
    expect(q(el, '[part~="message-queued"]')!.dataset.state).to.equal('refused');
    expect(text(q(el, '[part~="message-queued"] [part~="message-error"]'))).to.contain('Refused: The provider rejected the number.');
  });

  it('shows a carrier failure with its reason and Retry that resends it once', async () => {
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    const el = await conversation(sim, inbound.id, clock);
    const mine = await sim.send(inbound.id, { text: 'Delivered?' }, { idempotencyKey: 'a' });
    await sim.simulateDelivery(mine.id, 'failed', 'The number is not on WhatsApp.');
    await until(() => bubble(el, mine.id)?.querySelector('[part~="message-error"]'), 'the failure');
    expect(text(bubble(el, mine.id)!.querySelector('[part~="message-error"]'))).to.contain('The number is not on WhatsApp.');
    expect(bubble(el, mine.id)!.querySelector('[part~="tick"]')!.getAttribute('aria-label')).to.equal('Not delivered');
    bubble(el, mine.id)!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    bubble(el, mine.id)!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => agentMessages(sim, inbound.id).length === 2, 'the resent message');
    await until(() => !q(el, '[part~="message-queued"]'), 'no queued entry');
    expect(agentMessages(sim, inbound.id)).to.have.length(2);
  });

  it('resends a carrier-failed message with its file, not just its text', async () => {
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    const el = await conversation(sim, inbound.id, clock);
    const photo = new File([new Uint8Array([1, 2, 3, 4, 5])], 'photo.jpg', { type: 'image/jpeg' });
    const mine = await sim.send(inbound.id, { text: 'See the photo', files: [photo] }, { idempotencyKey: 'p' });
    await sim.simulateDelivery(mine.id, 'failed', 'Media upload failed.');
    await until(() => bubble(el, mine.id)?.querySelector('[part~="retry-button"]'), 'the failure');
    bubble(el, mine.id)!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => agentMessages(sim, inbound.id).length === 2, 'the resent message');
    const resent = agentMessages(sim, inbound.id)[1]!;
    expect(resent.text).to.equal('See the photo');
    expect(resent.attachments?.map((a) => [a.name, a.type, a.size])).to.deep.equal([['photo.jpg', 'image/jpeg', 5]]);
  });

  it('opens a 5,000-message history at the newest, virtualized; loads older pages keeping the reading position; new messages while scrolled up show a pill', async () => {
    // Resizing rows while scrolling makes Chromium report the benign "ResizeObserver loop"
    // error, which must not fail the test (Mocha listens on window.onerror).
    const mochaOnError = window.onerror;
    window.onerror = (message, ...rest) => (/ResizeObserver loop/.test(String(message)) ? true : mochaOnError?.call(window, message, ...rest));
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim, 'message 0');
    for (let i = 1; i < 5000; i++) {
      if (i % 500 === 0) clock.tick(12 * 60 * 60 * 1000);
      await sim.simulateCustomerMessage(inbound.id, { text: `message ${i}` });
    }
    const olderPages: string[] = [];
    const counting = new Proxy(sim, {
      get(target, key) {
        const value = Reflect.get(target, key, target) as unknown;
        if (key === 'messages') {
          return (id: string, query?: { before?: string; limit?: number }, options?: object) => {
            if (query?.before) olderPages.push(query.before);
            return sim.messages(id, query, options);
          };
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const el = await fixture<UcrmConversation>(html`<ucrm-conversation
      agent-id=${AGENT}
      interaction-id=${inbound.id}
      page-size="1000"
      .interactions=${counting}
      .campaignConfig=${WA}
      .clock=${clock}
      style="--ucrm-conversation-height: 30rem"
    ></ucrm-conversation>`);
    const list = () => q(el, '[part~="list"]')!;
    const visible = (label: string) => {
      const box = list().getBoundingClientRect();
      return qa(el, '[part~="message"]').some((m) => {
        const r = m.getBoundingClientRect();
        return text(m.querySelector('[part~="text"]')) === label && r.bottom > box.top && r.top < box.bottom;
      });
    };
    await until(() => visible('message 4999'), 'the newest message in view');
    expect(qa(el, '.item').length).to.be.below(200);
    await expect(el).to.be.accessible();

    // Scrolling to the top loads the page before; the message read stays in view.
    list().scrollTop = 0;
    list().dispatchEvent(new Event('scroll'));
    await until(() => olderPages.length === 1, 'the older page asked for');
    await until(() => !q(el, '[part~="loading-older"]'), 'the older page');
    const all = sim.state.messages.get(inbound.id)!;
    expect(olderPages[0]).to.equal(all[all.length - 1000]!.id);
    await until(() => visible('message 4000') || visible('message 4001'), 'the reading position kept');

    const arrived = await sim.simulateCustomerMessage(inbound.id, { text: 'a new one' });
    await until(() => q(el, '[part~="new-messages"]'), 'the pill');
    expect(text(q(el, '[part~="new-messages"]'))).to.contain('1 new message');
    q<HTMLButtonElement>(el, '[part~="new-messages"]')!.click();
    await until(() => visible('a new one'), 'the new message in view');
    expect(arrived.text).to.equal('a new one');
    window.onerror = mochaOnError;
  });

  for (const [lang, today, send] of [['es', 'Hoy', 'Enviar'], ['pt', 'Hoje', 'Enviar']] as const) {
    it(`speaks ${lang}`, async () => {
      const { sim, clock } = simulator();
      const inbound = await takenWhatsApp(sim);
      const el = await conversation(sim, inbound.id, clock, lang);
      await until(() => text(q(el, '[part~="day-separator"]')) === today, 'the day separator');
      expect(text(q(el, '[part~="send-button"]'))).to.equal(send);
      clock.tick(25 * 60 * 60 * 1000);
      await until(() => q(el, '[part~="window-note"]'), 'the window note');
      expect(text(q(el, '[part~="window-note"]'))).to.contain(lang === 'es' ? 'plantillas aprobadas' : 'modelos aprovados');
      await expect(el).to.be.accessible();
    });
  }
});
