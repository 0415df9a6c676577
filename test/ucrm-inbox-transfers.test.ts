/**
 * `<ucrm-inbox>`: transfers offered to the agent (issue 21). Bruno, another
 * agent on the simulated carrier, transfers his interactions to Ana, whose
 * inbox this is; time is the simulator's fake clock, given to the inbox too.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-inbox.js';
import type { UcrmInbox } from '../src/components/ucrm-inbox/ucrm-inbox.js';
import type { Channel } from '../src/core/types.js';
import type { SimulatedInteractionSource } from '../src/data/interactions/simulated-source.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import type { ErrorDetail } from '../src/events.js';
import { quietly } from './support/console.js';
import type { FakeClock } from './support/fake-clock.js';
import { AGENT, CAMPAIGNS, OTHER_AGENT, failing, shadowOf, simulator, text, until } from './support/workspace-harness.js';

async function inbox(source: InteractionSource, clock: FakeClock, lang = 'en') {
  const el = await fixture<UcrmInbox>(
    html`<ucrm-inbox lang=${lang} agent-id=${AGENT} .interactions=${source} .campaigns=${CAMPAIGNS} .clock=${clock}></ucrm-inbox>`,
  );
  await until(() => shadowOf(el).querySelector('[part~="empty"], [part~="list"]'), 'the lists');
  return el;
}

/** Bruno takes a customer's interaction and transfers it to Ana. */
async function offerFromBruno(sim: SimulatedInteractionSource, { channel = 'whatsapp' as Channel, mode = 'blind' as 'blind' | 'attended' } = {}) {
  const inbound = (await sim.simulateInbound({ channel, campaign: 'support', clientId: channel === 'phone' ? '+59899123456' : '+59899555123' }))!;
  await sim.simulateTakeByOther(inbound.id, OTHER_AGENT);
  return sim.simulateTransferFrom(inbound.id, OTHER_AGENT, mode);
}

const root = (el: UcrmInbox) => shadowOf(el);
const offer = (el: UcrmInbox, id: string) => root(el).querySelector<HTMLElement>(`[part~="offer"][data-id="${id}"]`);
const button = (el: UcrmInbox, id: string, part: 'accept-button' | 'decline-button') => offer(el, id)?.querySelector<HTMLButtonElement>(`[part~="${part}"]`) ?? null;
const announced = (el: UcrmInbox) => text(root(el).querySelector('[part~="announcer"]'));
const focused = (el: UcrmInbox) => root(el).activeElement as HTMLElement | null;
const count = (el: UcrmInbox, name: 'pending' | 'active') => text(root(el).querySelector(`#tab-${name} [part~="count"]`));

describe('<ucrm-inbox> transfers offered to the agent', function () {
  this.timeout(30000);

  it('shows who transfers whom, channel, campaign and the time left, announced politely; accessible', async () => {
    const { sim, clock } = simulator();
    const el = await inbox(sim, clock);
    const offered = await offerFromBruno(sim);
    await until(() => offer(el, offered.id), 'the offer');
    const shown = offer(el, offered.id)!;
    expect(text(shown.querySelector('[part~="offer-summary"]'))).to.equal('Bruno is transferring +59899555123 to you (WhatsApp, Support).');
    expect(text(shown.querySelector('[part~="offer-deadline"]'))).to.equal('Returns to Bruno in 30 seconds unless you answer.');
    expect(text(root(el).querySelector('[part~="offers-title"]'))).to.equal('Transfers for you');
    expect(announced(el)).to.equal('Transfer offered: Bruno is transferring +59899555123 to you. 30 seconds to answer.');
    expect(root(el).querySelector('[part~="announcer"]')!.getAttribute('aria-live')).to.equal('polite');
    // Not a pending interaction to take: apart from the tabs.
    expect(count(el, 'pending')).to.equal('0');
    expect(button(el, offered.id, 'accept-button')!.getAttribute('aria-describedby')).to.equal(`offer-${offered.id}-summary`);
    await expect(el).to.be.accessible();
    clock.tick(5000);
    await until(() => text(offer(el, offered.id)?.querySelector('[part~="offer-deadline"]')).includes('25 seconds'), 'the countdown');
    // Still shown on the Active tab: it times out.
    root(el).querySelector<HTMLButtonElement>('#tab-active')!.click();
    await el.updateComplete;
    expect(offer(el, offered.id)).to.not.equal(null);
  });

  it('Accept (keyboard only) makes it the agent’s: Active, opened, announced, the host told', async () => {
    const { sim, clock } = simulator();
    const el = await inbox(sim, clock);
    const offered = await offerFromBruno(sim);
    await until(() => button(el, offered.id, 'accept-button'), 'the offer');
    root(el).querySelector<HTMLButtonElement>('[part~="new-button"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('accept-button');
    const answered = oneEvent(el, 'ucrm-transfer-answered');
    const opened = oneEvent(el, 'ucrm-interaction-open');
    await sendKeys({ press: 'Enter' });
    const detail = (await answered).detail;
    expect(detail.answer).to.equal('accept');
    expect(detail.interaction).to.include({ id: offered.id, assignee: AGENT, status: 'active' });
    expect((await opened).detail.interaction.id).to.equal(offered.id);
    await until(() => !offer(el, offered.id), 'the offer gone');
    expect(el.tab).to.equal('active');
    expect(count(el, 'active')).to.equal('1');
    expect(announced(el)).to.equal('You accepted +59899555123: it is in your Active tab.');
    // Focus follows it into the Active list.
    await until(() => focused(el)?.closest(`[data-id="${offered.id}"]`), 'focus on the row');
    expect((await sim.get(offered.id))!.lastTransfer?.outcome).to.equal('completed');
    await expect(el).to.be.accessible();
  });

  it('Decline (keyboard only) sends it back to the sender, and focus stays in the inbox', async () => {
    const { sim, clock } = simulator();
    const el = await inbox(sim, clock);
    const offered = await offerFromBruno(sim, { channel: 'phone' });
    await until(() => button(el, offered.id, 'decline-button'), 'the offer');
    expect(text(offer(el, offered.id)!.querySelector('[part~="offer-summary"]'))).to.contain('(Phone, Support)');
    button(el, offered.id, 'accept-button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('decline-button');
    const answered = oneEvent(el, 'ucrm-transfer-answered');
    await sendKeys({ press: 'Space' });
    expect((await answered).detail.answer).to.equal('decline');
    await until(() => !offer(el, offered.id), 'the offer gone');
    const back = (await sim.get(offered.id))!;
    expect(back).to.include({ assignee: OTHER_AGENT, status: 'active' });
    expect(back.lastTransfer?.outcome).to.equal('declined');
    expect(back.call?.state).to.equal('connected');
    expect(announced(el)).to.equal('You declined +59899123456: it went back to Bruno.');
    expect(focused(el)?.id).to.equal('tab-pending');
    expect(count(el, 'active')).to.equal('0');
  });

  it('leaves when it times out, announced', async () => {
    const { sim, clock } = simulator();
    const el = await inbox(sim, clock);
    const offered = await offerFromBruno(sim);
    await until(() => offer(el, offered.id), 'the offer');
    clock.tick(30_000);
    await until(() => !offer(el, offered.id), 'the offer gone');
    expect(announced(el)).to.equal('The transfer of +59899555123 is no longer offered to you.');
    expect(root(el).querySelector('[part~="offers"]')).to.equal(null);
    expect((await sim.get(offered.id))!.lastTransfer?.outcome).to.equal('timeout');
  });

  it('an answer that comes too late (409: timed out meanwhile) says so and fires ucrm-error', async () => {
    const { sim, clock } = simulator();
    // The deadline passes while the answer travels.
    const late = new Proxy(sim, {
      get(target, key) {
        if (key === 'answerTransfer') {
          return (id: string, answer: 'accept' | 'decline') => {
            clock.tick(30_000);
            return target.answerTransfer(id, answer);
          };
        }
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const el = await inbox(late, clock);
    const offered = await offerFromBruno(sim);
    await until(() => button(el, offered.id, 'accept-button'), 'the offer');
    const errors: ErrorDetail[] = [];
    el.addEventListener('ucrm-error', (e) => errors.push(e.detail));
    button(el, offered.id, 'accept-button')!.focus();
    await quietly(async () => {
      await sendKeys({ press: 'Enter' });
      await until(() => root(el).querySelector('[part~="notice"]'), 'the notice');
    });
    expect(text(root(el).querySelector('[part~="notice"] p'))).to.equal(
      'This transfer is no longer waiting for you: it timed out or was cancelled, and went back to the agent who sent it.',
    );
    expect(root(el).querySelector('[part~="notice"]')!.getAttribute('role')).to.equal('alert');
    expect(errors.map((e) => [e.operation, e.code])).to.deep.equal([['answer-transfer', 'conflict']]);
    expect(offer(el, offered.id)).to.equal(null);
    expect((await sim.get(offered.id))!.assignee).to.equal(OTHER_AGENT);
    expect(focused(el)?.id).to.equal('tab-pending');
    await expect(el).to.be.accessible();
  });

  it('a failure to reach the source shows Retry, which answers', async () => {
    const { sim, clock } = simulator();
    const el = await inbox(failing(sim, 'answerTransfer'), clock);
    const offered = await offerFromBruno(sim);
    await until(() => button(el, offered.id, 'accept-button'), 'the offer');
    const errors: string[] = [];
    el.addEventListener('ucrm-error', (e) => errors.push(e.detail.operation));
    await quietly(async () => {
      button(el, offered.id, 'accept-button')!.click();
      await until(() => root(el).querySelector('[part~="retry-button"]'), 'Retry');
    });
    expect(errors).to.deep.equal(['answer-transfer']);
    expect(offer(el, offered.id)).to.not.equal(null);
    root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => !offer(el, offered.id), 'accepted on retry');
    expect((await sim.get(offered.id))!.assignee).to.equal(AGENT);
  });

  it('an attended consultation: accepted, it stops counting down and waits for the sender to complete', async () => {
    const { sim, clock } = simulator();
    const el = await inbox(sim, clock);
    const offered = await offerFromBruno(sim, { channel: 'phone', mode: 'attended' });
    await until(() => button(el, offered.id, 'accept-button'), 'the offer');
    expect(offer(el, offered.id)!.getAttribute('part')).to.contain('offer-attended');
    expect(text(offer(el, offered.id)!.querySelector('[part~="offer-summary"]'))).to.equal(
      'Bruno wants to consult you about +59899123456 (Phone, Support).',
    );
    button(el, offered.id, 'accept-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !button(el, offered.id, 'accept-button'), 'accepted');
    expect(text(offer(el, offered.id)!.querySelector('[part~="offer-deadline"]'))).to.equal(
      'You accepted the consultation; Bruno completes or cancels the transfer.',
    );
    expect(text(button(el, offered.id, 'decline-button'))).to.equal('Leave consultation');
    expect(focused(el)?.getAttribute('part')).to.equal('decline-button');
    expect(announced(el)).to.equal('Consultation accepted: Bruno completes the transfer.');
    await expect(el).to.be.accessible();
    clock.tick(60_000);
    expect((await sim.get(offered.id))!.call?.state).to.equal('consulting');
    await sim.actAs(OTHER_AGENT, { type: 'transfer-complete', id: offered.id });
    await until(() => !offer(el, offered.id), 'the offer gone');
    expect(count(el, 'active')).to.equal('1');
  });

  it('speaks Spanish and Portuguese', async () => {
    for (const [lang, summary, accept] of [
      ['es', 'Bruno te está transfiriendo a +59899555123 (WhatsApp, Support).', 'Aceptar'],
      ['pt', 'Bruno está transferindo +59899555123 para você (WhatsApp, Support).', 'Aceitar'],
    ] as const) {
      const { sim, clock } = simulator();
      const el = await inbox(sim, clock, lang);
      const offered = await offerFromBruno(sim);
      await until(() => text(offer(el, offered.id)?.querySelector('[part~="offer-summary"]')) === summary, `${lang} summary`);
      expect(text(button(el, offered.id, 'accept-button'))).to.equal(accept);
    }
  });
});
