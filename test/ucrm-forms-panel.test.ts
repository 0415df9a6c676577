import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define/ucrm-agent-workspace.js';
import '../src/define/ucrm-forms-panel.js';
import '../src/define/ucrm-provider.js';
import type { UcrmAgentWorkspace } from '../src/components/ucrm-agent-workspace/ucrm-agent-workspace.js';
import type { UcrmFormsPanel } from '../src/components/ucrm-forms-panel/ucrm-forms-panel.js';
import type { UcrmInbox } from '../src/components/ucrm-inbox/ucrm-inbox.js';
import { readFrameMessage, readValues, sandboxFor } from '../src/components/ucrm-forms-panel/external-form.js';
import type { Campaign, CustomSection } from '../src/core/types.js';
import { createLocalSource } from '../src/data/local-source.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import type { UcrmFormSubmitEvent } from '../src/events.js';
import { makeContact } from './support/screen-pop-fixtures.js';
import { AGENT, SUPPORT, shadowOf, simulator, text, until } from './support/workspace-harness.js';

const SECTIONS: CustomSection[] = [
  {
    id: 'lead',
    title: 'Lead',
    campaigns: ['leads'],
    fields: [
      { key: 'budget', label: 'Budget', type: 'number', required: true },
      { key: 'product', label: 'Product', type: 'select', options: ['Plan A', 'Plan B'] },
    ],
  },
];

/** Mandatory sections form, listed in the forms menu. */
const LEADS: Campaign = {
  id: 'leads',
  name: 'Leads',
  channels: ['whatsapp', 'phone'],
  outboundChannels: ['phone'],
  form: { kind: 'sections', name: 'Lead form', mandatory: true, manualAccess: true },
};
/** Two campaigns sharing one external form: two entries, two tabs. */
const SHARED_A: Campaign = { id: 'a', name: 'North', channels: ['webchat'], outboundChannels: [], form: { kind: 'url', url: '/external-form.html', name: 'Survey', manualAccess: true } };
const SHARED_B: Campaign = { ...SHARED_A, id: 'b', name: 'South' };
const CAMPAIGNS = [SUPPORT, LEADS, SHARED_A, SHARED_B];

const lucia = makeContact('Lucía', 'Pereira', { id: 'lucia', phones: ['+59899111222'] });
const crm = () => createLocalSource({ persist: false, contacts: [lucia], campaigns: CAMPAIGNS, sections: SECTIONS, defaultRegion: 'UY' });

async function workspace(interactions: InteractionSource, source = crm(), lang = 'en') {
  const provider = await fixture(html`<ucrm-provider .source=${source} .interactions=${interactions} default-region="UY">
    <ucrm-agent-workspace lang=${lang} agent-id=${AGENT} style="--ucrm-workspace-height: 640px; width: 1300px"></ucrm-agent-workspace>
  </ucrm-provider>`);
  const el = provider.querySelector<UcrmAgentWorkspace>('ucrm-agent-workspace')!;
  await until(() => shadowOf(el).querySelector<UcrmInbox>('ucrm-inbox')?.shadowRoot?.querySelector('[part~="empty"], [part~="list"]'), 'the inbox');
  return { el, provider };
}

const panelOf = (el: UcrmAgentWorkspace) => shadowOf(el).querySelector<UcrmFormsPanel>('ucrm-forms-panel')!;
const budget = (panel: UcrmFormsPanel) => shadowOf(panel).querySelector<HTMLInputElement>('#form-budget');
const inboxItem = (el: UcrmAgentWorkspace, id: string) =>
  shadowOf(shadowOf(el).querySelector('ucrm-inbox')!).querySelector<HTMLButtonElement>(`[data-id="${id}"] [part~="item"]`);

describe('<ucrm-forms-panel>', function () {
  this.timeout(40000);
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('ucrm:form:')) localStorage.removeItem(key);
  });

  it('opens a mandatory form by itself and keeps what was typed across leaving and returning', async () => {
    const { sim } = simulator({ campaigns: CAMPAIGNS });
    const { el } = await workspace(sim);
    const panel = panelOf(el);
    expect(panel.open).to.equal(false);
    await expect(el).to.be.accessible();

    const inbound = (await sim.simulateInbound({ channel: 'whatsapp', campaign: 'leads', clientId: '099 111 222', text: 'Hola' }))!;
    await until(() => inboxItem(el, inbound.id), 'the interaction in Pending');
    inboxItem(el, inbound.id)!.click();
    await until(() => panel.open && budget(panel), 'the mandatory form open by itself');
    expect(text(shadowOf(panel).querySelector('[part~="form-title"]'))).to.equal('Lead form – Leads');
    await expect(el).to.be.accessible();

    const input = budget(panel)!;
    input.value = '1200';
    input.dispatchEvent(new Event('input'));

    // Leave the inbox (the workspace goes away) and come back: the draft is there.
    el.remove();
    const again = await workspace(sim);
    const back = panelOf(again.el);
    await until(() => shadowOf(shadowOf(again.el).querySelector('ucrm-inbox')!).querySelector('#tab-active'), 'the tabs');
    shadowOf(shadowOf(again.el).querySelector('ucrm-inbox')!).querySelector<HTMLButtonElement>('#tab-active')!.click();
    await until(() => inboxItem(again.el, inbound.id), 'the interaction in Active');
    inboxItem(again.el, inbound.id)!.click();
    await until(() => back.open && budget(back), 'the form again');
    expect(budget(back)!.value).to.equal('1200');

    // Saved into the linked contact's custom fields, with the event.
    await sim.linkContact(inbound.id, 'lucia');
    await until(() => back.contactId === 'lucia', 'the contact linked');
    const submitted = oneEvent(back, 'ucrm-form-submit') as Promise<UcrmFormSubmitEvent>;
    shadowOf(back).querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    const { detail } = await submitted;
    expect(detail).to.deep.equal({ campaign: 'leads', interactionId: inbound.id, values: { budget: 1200 } });
    await until(() => text(shadowOf(back).querySelector('[part~="status"]')) === 'Form saved to the contact.', 'saved');
    expect(localStorage.getItem(`ucrm:form:${AGENT}:leads|${inbound.id}`)).to.equal(null);
  });

  it('refuses a form with a missing required value and says which field', async () => {
    const panel = await fixture<UcrmFormsPanel>(html`<ucrm-forms-panel .source=${crm()} .campaigns=${CAMPAIGNS} campaign="leads" interaction-id="x" open></ucrm-forms-panel>`);
    await until(() => budget(panel), 'the fields');
    let submitted = false;
    panel.addEventListener('ucrm-form-submit', () => (submitted = true));
    shadowOf(panel).querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    await until(() => shadowOf(panel).querySelector('[part~="form-error"]'), 'the error summary');
    expect(budget(panel)!.getAttribute('aria-invalid')).to.equal('true');
    expect(submitted).to.equal(false);
    await expect(panel).to.be.accessible();
  });

  it('lists "Form – Campaign" once per campaign, also when two share a form, and opens each in its own tab', async () => {
    const { sim } = simulator({ campaigns: CAMPAIGNS });
    const { el } = await workspace(sim);
    const menuButton = await until(() => shadowOf(el).querySelector<HTMLButtonElement>('[part~="forms-menu-button"]'), 'the forms menu')
      .then(() => shadowOf(el).querySelector<HTMLButtonElement>('[part~="forms-menu-button"]')!);
    menuButton.click();
    await el.updateComplete;
    const items = [...shadowOf(el).querySelectorAll<HTMLButtonElement>('[part~="forms-menu-item"]')];
    expect(items.map((b) => text(b))).to.deep.equal(['Lead form – Leads', 'Survey – North', 'Survey – South']);
    await expect(el).to.be.accessible();
    items[1]!.click();
    const panel = panelOf(el);
    await until(() => panel.open, 'the panel');
    shadowOf(el).querySelector<HTMLButtonElement>('[part~="forms-menu-button"]')!.click();
    await el.updateComplete;
    shadowOf(el).querySelector<HTMLButtonElement>('[part~="forms-menu-item"][data-campaign="b"]')!.click();
    shadowOf(el).querySelector<HTMLButtonElement>('[part~="forms-menu-button"]')!.click();
    await el.updateComplete;
    // Again North: still one tab for it.
    shadowOf(el).querySelector<HTMLButtonElement>('[part~="forms-menu-item"][data-campaign="a"]')!.click();
    await panel.updateComplete;
    const tabs = [...shadowOf(panel).querySelectorAll('[role="tab"]')].map((t) => text(t));
    expect(tabs).to.deep.equal(['Survey – North', 'Survey – South']);
    const frame = shadowOf(panel).querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).to.equal('allow-scripts allow-forms');
    await expect(panel).to.be.accessible();

    // Expand to full screen, then close with the same button that opens it (the actions menu's Form).
    shadowOf(panel).querySelector<HTMLButtonElement>('[part~="expand-button"]')!.click();
    await until(() => panel.expanded, 'full screen');
    shadowOf(panel).querySelector<HTMLButtonElement>('[part~="close-button"]')!.click();
    await until(() => !panel.open, 'closed');
  });

  it('speaks Spanish and Portuguese', async () => {
    for (const [lang, title] of [['es', 'Formulario'], ['pt', 'Formulário']] as const) {
      const panel = await fixture<UcrmFormsPanel>(html`<ucrm-forms-panel lang=${lang} .source=${crm()} .campaigns=${CAMPAIGNS} campaign="leads" interaction-id="x" open></ucrm-forms-panel>`);
      await until(() => budget(panel), 'the fields');
      expect(text(shadowOf(panel).querySelector('[part~="title"]'))).to.equal(title);
      await expect(panel).to.be.accessible();
    }
  });
});

describe('external form contract', () => {
  it('reads only plain value sets and ignores foreign messages', () => {
    expect(readValues({ a: 'x', b: 2, c: true, d: null })).to.deep.equal({ a: 'x', b: 2, c: true, d: null });
    expect(readValues({ a: { nested: 1 } })).to.equal(undefined);
    expect(readValues([1])).to.equal(undefined);
    expect(readValues({ a: Infinity })).to.equal(undefined);
    expect(readFrameMessage({ type: 'other' })).to.equal(undefined);
    expect(readFrameMessage('hello')).to.equal(undefined);
    expect(readFrameMessage({ type: 'ucrm-form:submit', values: 'x' })).to.equal('invalid');
    expect(readFrameMessage({ type: 'ucrm-form:change', values: { a: '1' } })).to.deep.equal({ type: 'ucrm-form:change', values: { a: '1' } });
    expect(sandboxFor(new URL('https://forms.example.com/x'), 'http://localhost:8000')).to.contain('allow-same-origin');
    expect(sandboxFor(new URL('http://localhost:8000/x'), 'http://localhost:8000')).to.not.contain('allow-same-origin');
  });
});
