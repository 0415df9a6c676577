import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-interaction-actions.js';
import type { UcrmInteractionActions } from '../src/components/ucrm-interaction-actions/ucrm-interaction-actions.js';
import type { Campaign } from '../src/core/types.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { quietly } from './support/console.js';
import { SALES, SUPPORT, failing, shadowOf, simulator, text, until } from './support/workspace-harness.js';

async function menu(source: InteractionSource, id: string, campaign: Campaign, lang = 'en') {
  const el = await fixture<UcrmInteractionActions>(
    html`<ucrm-interaction-actions lang=${lang} interaction-id=${id} .interactions=${source} .campaignConfig=${campaign}></ucrm-interaction-actions>`,
  );
  await until(() => !button(el).disabled, 'the interaction');
  return el;
}

const button = (el: UcrmInteractionActions) => shadowOf(el).querySelector<HTMLButtonElement>('[part~="menu-button"]')!;
const entry = (el: UcrmInteractionActions, id: string) => shadowOf(el).querySelector<HTMLButtonElement>(`[part~="menu-item-${id}"]`)!;
const entries = (el: UcrmInteractionActions) =>
  [...shadowOf(el).querySelectorAll<HTMLElement>('[role="menuitem"]')].map(
    (item) => `${text(item.querySelector('[part~="item-label"]'))}${item.getAttribute('aria-disabled') === 'true' ? ' (disabled)' : ''}`,
  );
const note = (el: UcrmInteractionActions, id: string) => text(entry(el, id).querySelector('[part~="item-note"]'));
const focused = (el: UcrmInteractionActions) => shadowOf(el).activeElement as HTMLElement | null;

async function activeChat(campaign = 'support', channel: 'webchat' | 'phone' = 'webchat') {
  const { sim, clock } = simulator();
  const inbound = (await sim.simulateInbound({ channel, campaign, clientId: channel === 'phone' ? '+59899000111' : 'visitor-1' }))!;
  await sim.take(inbound.id);
  return { sim, clock, id: inbound.id };
}

describe('<ucrm-interaction-actions>', function () {
  // The first test also loads axe and the modules: generous on a busy 2-core machine.
  this.timeout(30000);
  it('is a menu button: closed, then every entry with the reason a disabled one is disabled', async () => {
    const { sim, id } = await activeChat();
    const el = await menu(sim, id, SUPPORT);
    expect(button(el).getAttribute('aria-haspopup')).to.equal('menu');
    expect(button(el).getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
    button(el).click();
    await el.updateComplete;
    expect(button(el).getAttribute('aria-expanded')).to.equal('true');
    expect(entries(el)).to.deep.equal(['Finish', 'Transfer (disabled)', 'Form (disabled)', 'Disposition', 'Close (disabled)']);
    expect(note(el, 'transfer')).to.contain('not available');
    expect(note(el, 'form')).to.contain('no form');
    expect(note(el, 'close')).to.contain('Finish the interaction');
    await expect(el).to.be.accessible();
  });

  it('finishes a chat, then closes it once a disposition is saved', async () => {
    const { sim, id } = await activeChat();
    const el = await menu(sim, id, SUPPORT);
    button(el).click();
    await el.updateComplete;
    const finished = oneEvent(el, 'ucrm-interaction-finished');
    entry(el, 'finish').click();
    expect((await finished).detail.interaction).to.include({ id, status: 'finished' });
    expect((await sim.get(id))!.status).to.equal('finished');
    button(el).click();
    await el.updateComplete;
    expect(entries(el)).to.include('Finish (disabled)');
    expect(note(el, 'close')).to.contain('Save a disposition');
    await expect(el).to.be.accessible();
    // Saved elsewhere (the disposition form): the menu hears it from the source.
    await sim.saveDisposition(id, { path: ['solved'] }, { close: false });
    await el.updateComplete;
    expect(entries(el)).to.include('Close');
    const closed = oneEvent(el, 'ucrm-interaction-closed');
    entry(el, 'close').click();
    expect((await closed).detail.interaction).to.include({ id, status: 'closed' });
    expect((await sim.get(id))!.status).to.equal('closed');
  });

  it('closes straight after finishing when the campaign has no dispositions; asks for its form', async () => {
    const { sim, id } = await activeChat('sales');
    const el = await menu(sim, id, SALES);
    button(el).click();
    await el.updateComplete;
    expect(entries(el)).to.deep.equal(['Finish', 'Transfer (disabled)', 'Form', 'Disposition (disabled)', 'Close (disabled)']);
    const request = oneEvent(el, 'ucrm-panel-request');
    entry(el, 'form').click();
    expect((await request).detail).to.include({ panel: 'form' });
    await sim.finish(id);
    await el.updateComplete;
    button(el).click();
    await el.updateComplete;
    expect(entries(el)).to.include('Close');
  });

  it('does not finish a call from the menu: a call finishes when it ends', async () => {
    const { sim, id } = await activeChat('support', 'phone');
    const el = await menu(sim, id, SUPPORT);
    button(el).click();
    await el.updateComplete;
    expect(entries(el)[0]).to.equal('Finish (disabled)');
    expect(note(el, 'finish')).to.contain('finishes when it ends');
    entry(el, 'finish').click();
    await el.updateComplete;
    expect((await sim.get(id))!.status).to.equal('active');
    await sim.simulateHangup(id);
    await el.updateComplete;
    expect((await sim.get(id))!.status).to.equal('finished');
    expect(entries(el)).to.include('Disposition');
  });

  it('works from the keyboard: Enter opens on the first entry, arrows, End, Escape back to the button', async () => {
    const { sim, id } = await activeChat();
    const el = await menu(sim, id, SUPPORT);
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button(el).getAttribute('aria-expanded')).to.equal('true');
    expect(focused(el)?.getAttribute('part')).to.contain('menu-item-finish');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)?.getAttribute('part')).to.contain('menu-item-transfer');
    await sendKeys({ press: 'End' });
    expect(focused(el)?.getAttribute('part')).to.contain('menu-item-close');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)?.getAttribute('part')).to.contain('menu-item-finish');
    await sendKeys({ press: 'd' });
    expect(focused(el)?.getAttribute('part')).to.contain('menu-item-disposition');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(button(el).getAttribute('aria-expanded')).to.equal('false');
    await until(() => focused(el) === button(el), 'focus back on the button');
    const request = oneEvent(el, 'ucrm-panel-request');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el)?.getAttribute('part')).to.contain('menu-item-close');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    expect((await request).detail).to.include({ panel: 'disposition' });
  });

  it('shows what the source refuses or cannot do, with Retry', async () => {
    const { sim, id } = await activeChat();
    const errors: string[] = [];
    const el = await fixture<UcrmInteractionActions>(
      html`<ucrm-interaction-actions
        interaction-id=${id}
        .interactions=${failing(sim, 'finish')}
        .campaignConfig=${SUPPORT}
        @ucrm-error=${(e: CustomEvent) => errors.push(e.detail.operation)}
      ></ucrm-interaction-actions>`,
    );
    await until(() => !button(el).disabled);
    button(el).click();
    await el.updateComplete;
    await quietly(async () => {
      entry(el, 'finish').click();
      await until(() => shadowOf(el).querySelector('[part~="error"]'), 'the error');
    });
    expect(errors).to.deep.equal(['finish']);
    expect(text(shadowOf(el).querySelector('[part~="error"]'))).to.contain('The CRM did not answer');
    await expect(el).to.be.accessible();
    shadowOf(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(async () => (await sim.get(id))?.status === 'finished', 'the retried finish');
  });

  it('says when the interaction does not exist', async () => {
    const { sim } = simulator();
    const el = await quietly(async () => {
      const element = await fixture<UcrmInteractionActions>(
        html`<ucrm-interaction-actions interaction-id="nope" .interactions=${sim} .campaignConfig=${SUPPORT}></ucrm-interaction-actions>`,
      );
      await until(() => shadowOf(element).querySelector('[part~="error"]'));
      return element;
    });
    expect(text(shadowOf(el).querySelector('[part~="error"]'))).to.contain('nope');
    expect(button(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  for (const [lang, finish, close] of [
    ['es', 'Finalizar', 'Cerrar'],
    ['pt', 'Finalizar', 'Fechar'],
  ] as const) {
    it(`renders in ${lang}`, async () => {
      const { sim, id } = await activeChat();
      const el = await menu(sim, id, SUPPORT, lang);
      button(el).click();
      await el.updateComplete;
      expect(entries(el)[0]).to.equal(finish);
      expect(entries(el)[4]).to.equal(`${close} (disabled)`);
      await expect(el).to.be.accessible();
    });
  }
});
