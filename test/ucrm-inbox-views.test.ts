import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-inbox.js';
import type { UcrmInbox } from '../src/components/ucrm-inbox/ucrm-inbox.js';
import { createSharedInboxViews } from '../src/data/interactions/simulated-source.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { AGENT, CAMPAIGNS, OTHER_AGENT, shadowOf, simulator, text, until } from './support/workspace-harness.js';

async function inbox(source: InteractionSource, agentId = AGENT, lang = 'en') {
  const el = await fixture<UcrmInbox>(
    html`<ucrm-inbox lang=${lang} agent-id=${agentId} .interactions=${source} .campaigns=${CAMPAIGNS}></ucrm-inbox>`,
  );
  await until(() => shadowOf(el).querySelector('[part~="empty"], [part~="list"]'), 'the lists');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: UcrmInbox, selector: string) => shadowOf(el).querySelector<T & HTMLElement>(selector);
const rows = (el: UcrmInbox) => [...shadowOf(el).querySelectorAll<HTMLElement>('[role="row"]')];
const titles = (el: UcrmInbox) => rows(el).map((row) => text(row.querySelector('[part~="item-title"]')).replace(/^(Take|Open): /, ''));
const viewOptions = (el: UcrmInbox) => [...shadowOf(el).querySelectorAll('#view-select option')].map((o) => text(o));

function type(input: HTMLInputElement | HTMLSelectElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
}

/** Three customers waiting, with names the drawer can match. */
async function withThree(sim: ReturnType<typeof simulator>['sim']) {
  const a = (await sim.simulateInbound({ channel: 'whatsapp', campaign: 'support', clientId: '+59899000001', preChat: { name: 'Martín González' } }))!;
  const b = (await sim.simulateInbound({ channel: 'webchat', campaign: 'support', clientId: 'visitor-1', preChat: { name: 'Marta Ruiz' } }))!;
  const c = (await sim.simulateInbound({ channel: 'phone', campaign: 'sales', clientId: '+59899000003', preChat: { name: 'Robin Hood' } }))!;
  return { a, b, c };
}

async function openDrawerWithCondition(el: UcrmInbox, op: string, value: string) {
  $(el, '[part~="filter-button"]')!.click();
  await el.updateComplete;
  $(el, '[part~="add-condition"]')!.click();
  await el.updateComplete;
  type($<HTMLSelectElement>(el, '[part~="condition-op"]') as unknown as HTMLSelectElement, op);
  await el.updateComplete;
  type($<HTMLInputElement>(el, '[part~="condition-value"]') as unknown as HTMLInputElement, value);
  await el.updateComplete;
}

describe('<ucrm-inbox> views, filter drawer and batch actions', function () {
  this.timeout(40000);

  it('filters the list as the drawer changes: Contact Name contains / is not, all, any and expressions', async () => {
    const { sim } = simulator();
    await withThree(sim);
    const el = await inbox(sim);
    await until(() => rows(el).length === 3, 'three rows');
    await openDrawerWithCondition(el, 'contains', 'mart');
    await until(() => rows(el).length === 2, 'two Mart… rows');
    expect(titles(el).sort()).to.deep.equal(['Marta Ruiz', 'Martín González']);
    expect(text($(el, '[part~="filter-summary"]'))).to.equal('2 of 3 shown');
    await expect(el).to.be.accessible();

    // A bad expression: the directory's message and where; the list is not filtered by it.
    shadowOf(el).querySelector<HTMLInputElement>('input[name="match"][value="expression"]')!.click();
    await el.updateComplete;
    type($<HTMLInputElement>(el, '#expression') as unknown as HTMLInputElement, '1 or 2');
    await until(() => $(el, '[part~="expression-error"]'), 'the expression error');
    expect(text($(el, '[part~="expression-error-title"]'))).to.equal('Invalid logical expression.');
    expect(rows(el).length).to.equal(3);
    await expect(el).to.be.accessible();
    type($<HTMLInputElement>(el, '#expression') as unknown as HTMLInputElement, '1');
    await until(() => rows(el).length === 2, 'the expression applied');
  });

  it('saves a public and a private view: another agent sees the public one only', async () => {
    const views = createSharedInboxViews();
    const { sim } = simulator({ sharedViews: views });
    const { sim: other } = simulator({ agentId: OTHER_AGENT, sharedViews: views });
    await withThree(sim);
    // Two simulators sharing the views (two agents' desks); each carrier has its own customers.
    await withThree(other);
    const el = await inbox(sim);
    await openDrawerWithCondition(el, 'contains', 'robin');
    type($<HTMLInputElement>(el, '#view-name') as unknown as HTMLInputElement, 'Robins');
    shadowOf(el).querySelector<HTMLInputElement>('[part~="view-public"] input')!.click();
    await el.updateComplete;
    $(el, '[part~="save-view"]')!.click();
    await until(() => viewOptions(el).includes('Robins (public)'), 'the public view listed');

    // A second, private view (Save as new view from the first one).
    type($<HTMLInputElement>(el, '#view-name') as unknown as HTMLInputElement, 'Mine only');
    shadowOf(el).querySelector<HTMLInputElement>('[part~="view-public"] input')!.click();
    await el.updateComplete;
    $(el, '[part~="save-view"]')!.click();
    await until(() => viewOptions(el).includes('Mine only'), 'the private view listed');

    // The other agent's inbox: the public view only, usable but not theirs to change.
    const theirs = await inbox(other, OTHER_AGENT);
    await until(() => viewOptions(theirs).length === 2, 'their views');
    expect(viewOptions(theirs)).to.deep.equal(['All interactions', 'Robins (public)']);
    expect((await other.views()).map((v) => v.name)).to.deep.equal(['Robins']);
    const select = $<HTMLSelectElement>(theirs, '#view-select') as unknown as HTMLSelectElement;
    type(select, select.options[1]!.value);
    await until(() => rows(theirs).length === 1 && titles(theirs)[0] === 'Robin Hood', 'the view applied');
    $(theirs, '[part~="filter-button"]')!.click();
    await theirs.updateComplete;
    expect(text($(theirs, '[part~="view-note"]'))).to.contain('another agent');
    await expect(theirs).to.be.accessible();

    // Rename and delete by its owner.
    type($<HTMLSelectElement>(el, '#view-select') as unknown as HTMLSelectElement, (await sim.views()).find((v) => v.name === 'Mine only')!.id);
    await el.updateComplete;
    type($<HTMLInputElement>(el, '#view-name') as unknown as HTMLInputElement, 'Renamed');
    $(el, '[part~="update-view"]')!.click();
    await until(() => viewOptions(el).includes('Renamed') && !viewOptions(el).includes('Mine only'), 'renamed');
    $(el, '[part~="delete-view"]')!.click();
    await until(() => !viewOptions(el).includes('Renamed'), 'deleted');
  });

  it('tags every selected interaction in one batch, by checkbox and keyboard, and deletes after a confirmation', async () => {
    const { sim } = simulator();
    const { a, b, c } = await withThree(sim);
    const el = await inbox(sim);
    await until(() => rows(el).length === 3, 'three rows');
    $(el, '[part~="filter-button"]')!.click();
    await el.updateComplete;
    const box = (id: string) => shadowOf(el).querySelector<HTMLInputElement>(`[data-id="${id}"] [part~="select"]`)!;
    box(a.id).click();
    // Keyboard: from a's checkbox, Down to the next row's checkbox, Space selects it.
    box(a.id).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(shadowOf(el).activeElement).to.equal(box(rows(el)[1]!.dataset.id!));
    await sendKeys({ press: 'Space' });
    await until(() => text($(el, '[part~="batch-count"]')) === '2 selected', 'two selected');
    const second = rows(el)[1]!.dataset.id!;
    await expect(el).to.be.accessible();

    type($<HTMLInputElement>(el, '#batch-tag') as unknown as HTMLInputElement, 'vip');
    $(el, '[part~="batch-add-tag"]')!.click();
    await until(async () => (await sim.get(a.id))?.tags?.includes('vip') && (await sim.get(second))?.tags?.includes('vip'), 'both tagged');
    const untouched = [a.id, b.id, c.id].find((id) => id !== a.id && id !== second)!;
    expect((await sim.get(untouched))?.tags ?? []).to.not.include('vip');
    await until(() => text(shadowOf(el).querySelector(`[data-id="${a.id}"] [part~="tags"]`)) === 'vip', 'the tag shown');

    $(el, '[part~="batch-delete"]')!.click();
    await until(() => $(el, '[part~="batch-confirm"]'), 'the confirmation');
    $(el, '[part~="batch-delete"]')!.click();
    await until(() => rows(el).length === 1, 'two deleted');
    expect(await sim.get(a.id)).to.equal(undefined);
  });

  it('speaks Spanish and Portuguese', async () => {
    for (const [lang, label] of [['es', 'Filtros'], ['pt', 'Filtros']] as const) {
      const { sim } = simulator();
      await withThree(sim);
      const el = await inbox(sim, AGENT, lang);
      $(el, '[part~="filter-button"]')!.click();
      await el.updateComplete;
      expect(text($(el, '[part~="filter-button"]'))).to.equal(label);
      expect(viewOptions(el)[0]).to.equal(lang === 'es' ? 'Todas las interacciones' : 'Todas as interações');
      await expect(el).to.be.accessible();
    }
  });
});
