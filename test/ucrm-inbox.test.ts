import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-inbox.js';
import type { UcrmInbox } from '../src/components/ucrm-inbox/ucrm-inbox.js';
import type { UcrmNewInteraction } from '../src/components/ucrm-new-interaction/ucrm-new-interaction.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { UcrmInteractionStartEvent } from '../src/events.js';
import { quietly } from './support/console.js';
import { AGENT, CAMPAIGNS, OTHER_AGENT, failing, shadowOf, simulator, text, until } from './support/workspace-harness.js';

async function inbox(source: InteractionSource, lang = 'en') {
  const el = await fixture<UcrmInbox>(
    html`<ucrm-inbox lang=${lang} agent-id=${AGENT} .interactions=${source} .campaigns=${CAMPAIGNS}></ucrm-inbox>`,
  );
  await until(() => shadowOf(el).querySelector('[part~="empty"], [part~="list"]'), 'the lists');
  return el;
}

const tab = (el: UcrmInbox, name: 'pending' | 'active') => shadowOf(el).querySelector<HTMLButtonElement>(`#tab-${name}`)!;
const count = (el: UcrmInbox, name: 'pending' | 'active') => text(tab(el, name).querySelector('[part~="count"]'));
const rows = (el: UcrmInbox) => [...shadowOf(el).querySelectorAll<HTMLElement>('[role="row"]')];
const titles = (el: UcrmInbox) => rows(el).map((row) => text(row.querySelector('[part~="item-title"]')));
const item = (el: UcrmInbox, id: string) => shadowOf(el).querySelector<HTMLButtonElement>(`[data-id="${id}"] [part~="item"]`)!;
const focused = (el: UcrmInbox) => shadowOf(el).activeElement as HTMLElement | null;

describe('<ucrm-inbox>', function () {
  // The first test also loads axe and the modules: generous on a busy 2-core machine.
  this.timeout(30000);
  it('is empty, with both tabs at zero, and accessible', async () => {
    const { sim } = simulator();
    const el = await inbox(sim);
    expect(count(el, 'pending')).to.equal('0');
    expect(count(el, 'active')).to.equal('0');
    expect(text(shadowOf(el).querySelector('[part~="empty"]'))).to.contain('No pending interactions');
    await expect(el).to.be.accessible();
    tab(el, 'active').click();
    await el.updateComplete;
    expect(text(shadowOf(el).querySelector('[part~="empty"]'))).to.contain('No active interactions');
    await expect(el).to.be.accessible();
  });

  it('shows inbound interactions live in Pending, newest activity first, with unread marks', async () => {
    const { sim, clock } = simulator();
    const el = await inbox(sim);
    await sim.simulateInbound({ channel: 'whatsapp', campaign: 'support', clientId: '+59899555123', text: 'Hola' });
    clock.tick(60_000);
    await sim.simulateInbound({ channel: 'phone', campaign: 'sales', clientId: '+59899000111' });
    await until(() => rows(el).length === 2, 'two rows');
    expect(count(el, 'pending')).to.equal('2');
    // The call arrived a minute later: first.
    expect(titles(el)[0]).to.contain('99000111');
    const whatsapp = rows(el)[1]!;
    expect(text(whatsapp.querySelector('[part~="item-meta"]'))).to.contain('WhatsApp').and.contain('Support');
    expect(text(whatsapp.querySelector('[part~="unread"]'))).to.equal('1 unread');
    expect(tab(el, 'pending').querySelector('[part~="unread-mark"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('takes a pending interaction on click: it moves to Active and opens', async () => {
    const { sim } = simulator();
    const el = await inbox(sim);
    const inbound = (await sim.simulateInbound({ channel: 'webchat', campaign: 'support', clientId: 'visitor-1' }))!;
    await until(() => rows(el).length === 1);
    const taken = oneEvent(el, 'ucrm-interaction-taken');
    const opened = oneEvent(el, 'ucrm-interaction-open');
    item(el, inbound.id).click();
    expect((await taken).detail.interaction).to.include({ id: inbound.id, status: 'active', assignee: AGENT });
    expect((await opened).detail.interaction.id).to.equal(inbound.id);
    await el.updateComplete;
    expect(el.tab).to.equal('active');
    expect(count(el, 'pending')).to.equal('0');
    expect(count(el, 'active')).to.equal('1');
    expect((await sim.get(inbound.id))!.assignee).to.equal(AGENT);
    await expect(el).to.be.accessible();
  });

  it("removes an item from Pending at once when another agent takes it", async () => {
    const { sim } = simulator();
    const el = await inbox(sim);
    const first = (await sim.simulateInbound({ channel: 'webchat', campaign: 'support', clientId: 'visitor-1' }))!;
    await sim.simulateInbound({ channel: 'webchat', campaign: 'support', clientId: 'visitor-2' });
    await until(() => rows(el).length === 2);
    await sim.simulateTakeByOther(first.id, OTHER_AGENT);
    await el.updateComplete;
    expect(rows(el).map((row) => row.dataset['id'])).not.to.include(first.id);
    expect(count(el, 'pending')).to.equal('1');
    expect(count(el, 'active')).to.equal('0');
  });

  it('says so when another agent won the race, and the item leaves', async () => {
    // Commands take a second on the fake clock: the other agent takes it in between.
    const { sim, clock } = simulator({ latencyMs: 1000 });
    const el = await fixture<UcrmInbox>(html`<ucrm-inbox agent-id=${AGENT} .interactions=${sim} .campaigns=${CAMPAIGNS}></ucrm-inbox>`);
    clock.tick(1000);
    await until(() => shadowOf(el).querySelector('[part~="empty"]'));
    const inbound = (await sim.simulateInbound({ channel: 'webchat', campaign: 'support', clientId: 'visitor-1' }))!;
    await until(() => rows(el).length === 1);
    item(el, inbound.id).click();
    await el.updateComplete;
    expect(item(el, inbound.id).getAttribute('aria-busy')).to.equal('true');
    // The other agent's take is applied straight to the state (the driver has no latency).
    const race = sim.simulateTakeByOther(inbound.id, OTHER_AGENT);
    clock.tick(1000);
    await race;
    await until(() => shadowOf(el).querySelector('[part~="notice"]'), 'the conflict message');
    expect(text(shadowOf(el).querySelector('[part~="notice"]'))).to.contain('Another agent already took this interaction');
    expect(rows(el)).to.have.length(0);
    expect(el.tab).to.equal('pending');
    await expect(el).to.be.accessible();
  });

  it('shows an error with Retry when the source cannot list, and recovers', async () => {
    const { sim } = simulator();
    await sim.simulateInbound({ channel: 'webchat', campaign: 'support', clientId: 'visitor-1' });
    const errors: string[] = [];
    const el = await quietly(async () => {
      const element = await fixture<UcrmInbox>(
        html`<ucrm-inbox .interactions=${failing(sim, 'list', 2)} @ucrm-error=${(e: CustomEvent) => errors.push(e.detail.operation)}></ucrm-inbox>`,
      );
      await until(() => shadowOf(element).querySelector('[part~="error"]'), 'the error');
      return element;
    });
    expect(errors).to.include('list');
    expect(text(shadowOf(el).querySelector('[part~="error"]'))).to.contain('The CRM did not answer');
    await expect(el).to.be.accessible();
    shadowOf(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => rows(el).length === 1, 'the list after Retry');
  });

  it('keeps finished interactions in Active, marked, until they close', async () => {
    const { sim } = simulator();
    const inbound = (await sim.simulateInbound({ channel: 'webchat', campaign: 'sales', clientId: 'visitor-1' }))!;
    await sim.take(inbound.id);
    const el = await inbox(sim);
    tab(el, 'active').click();
    await el.updateComplete;
    await sim.finish(inbound.id);
    await el.updateComplete;
    expect(text(rows(el)[0]!.querySelector('[part~="finished"]'))).to.equal('Finished');
    await expect(el).to.be.accessible();
    await sim.close(inbound.id);
    await el.updateComplete;
    expect(rows(el)).to.have.length(0);
    expect(count(el, 'active')).to.equal('0');
  });

  it('works from the keyboard: tabs, arrows, Home/End, Enter takes, the Disposition button', async () => {
    const { sim, clock } = simulator();
    const el = await inbox(sim);
    const ids: string[] = [];
    for (const visitor of ['a', 'b', 'c']) {
      ids.unshift((await sim.simulateInbound({ channel: 'webchat', campaign: 'support', clientId: `visitor-${visitor}` }))!.id);
      clock.tick(1000);
    }
    await until(() => rows(el).length === 3);
    tab(el, 'pending').focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.closest('[role="row"]')?.getAttribute('data-id')).to.equal(ids[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)?.closest('[role="row"]')?.getAttribute('data-id')).to.equal(ids[1]);
    await sendKeys({ press: 'End' });
    expect(focused(el)?.closest('[role="row"]')?.getAttribute('data-id')).to.equal(ids[2]);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowDown' });
    const opened = oneEvent(el, 'ucrm-interaction-open');
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.interaction.id).to.equal(ids[1]);
    await until(() => el.tab === 'active' && focused(el)?.closest('[role="row"]')?.getAttribute('data-id') === ids[1], 'focus on the taken row');
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)?.getAttribute('part')).to.contain('disposition-button');
    const disposition = oneEvent(el, 'ucrm-interaction-open');
    await sendKeys({ press: 'Enter' });
    expect((await disposition).detail).to.include({ panel: 'disposition' });
    // Tabs: Left/Right switch.
    tab(el, 'active').focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.tab).to.equal('pending');
    expect(focused(el)?.id).to.equal('tab-pending');
  });

  it('answers the composer: start() on the source, the new interaction in Active, opened', async () => {
    const { sim } = simulator();
    const el = await inbox(sim);
    shadowOf(el).querySelector<HTMLButtonElement>('[part~="new-button"]')!.click();
    await el.updateComplete;
    expect(shadowOf(el).querySelector('dialog')!.open).to.equal(true);
    const composer = shadowOf(el).querySelector<UcrmNewInteraction>('ucrm-new-interaction')!;
    let started = 0;
    composer.started = () => void started++;
    const opened = oneEvent(el, 'ucrm-interaction-open');
    composer.dispatchEvent(
      new UcrmInteractionStartEvent({ channel: 'phone', campaign: 'sales', to: '099123456', attachments: [] }),
    );
    const interaction = (await opened).detail.interaction;
    expect(interaction).to.include({ channel: 'phone', campaign: 'sales', assignee: AGENT });
    expect(started).to.equal(1);
    await el.updateComplete;
    expect(el.tab).to.equal('active');
    expect(rows(el).map((row) => row.dataset['id'])).to.deep.equal([interaction.id]);
    expect(shadowOf(el).querySelector('dialog')!.open).to.equal(false);
  });

  it('leaves the start to a host that cancels it, and shows a refused start in the composer', async () => {
    const { sim } = simulator();
    const el = await inbox(sim);
    const composer = shadowOf(el).querySelector<UcrmNewInteraction>('ucrm-new-interaction')!;
    const failures: string[] = [];
    composer.failed = (reason: string) => void failures.push(reason);
    // A campaign the agent does not have: the source refuses.
    composer.dispatchEvent(new UcrmInteractionStartEvent({ channel: 'phone', campaign: 'nope', to: '099123456', attachments: [] }));
    await until(() => failures.length === 1, 'the failure');
    const cancel = (event: Event) => event.preventDefault();
    document.addEventListener('ucrm-interaction-start', cancel);
    try {
      composer.dispatchEvent(new UcrmInteractionStartEvent({ channel: 'phone', campaign: 'sales', to: '099123456', attachments: [] }));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(await sim.list({ tab: 'active' })).to.have.length(0);
    } finally {
      document.removeEventListener('ucrm-interaction-start', cancel);
    }
  });

  it('reports a malformed tab attribute and shows Pending', async () => {
    const { sim } = simulator();
    const errors: string[] = [];
    const el = await quietly(() =>
      fixture<UcrmInbox>(html`<ucrm-inbox tab="later" .interactions=${sim} @ucrm-error=${(e: CustomEvent) => errors.push(e.detail.operation)}></ucrm-inbox>`),
    );
    expect(errors).to.include('attribute:tab');
    expect(tab(el, 'pending').getAttribute('aria-selected')).to.equal('true');
  });

  for (const [lang, pending, take] of [
    ['es', 'Pendientes', 'Tomar'],
    ['pt', 'Pendentes', 'Pegar'],
  ] as const) {
    it(`renders in ${lang}`, async () => {
      const { sim } = simulator();
      await sim.simulateInbound({ channel: 'webchat', campaign: 'support', clientId: 'visitor-1' });
      const el = await inbox(sim, lang);
      await until(() => rows(el).length === 1);
      expect(text(tab(el, 'pending'))).to.contain(pending);
      expect(text(rows(el)[0]!.querySelector('[part~="item"]'))).to.contain(take);
      await expect(el).to.be.accessible();
    });
  }
});
