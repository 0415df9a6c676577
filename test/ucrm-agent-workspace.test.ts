import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-agent-workspace.js';
import '../src/define/ucrm-provider.js';
import type { UcrmAgentWorkspace } from '../src/components/ucrm-agent-workspace/ucrm-agent-workspace.js';
import type { UcrmInbox } from '../src/components/ucrm-inbox/ucrm-inbox.js';
import type { UcrmInteractionActions } from '../src/components/ucrm-interaction-actions/ucrm-interaction-actions.js';
import { createLocalSource } from '../src/data/local-source.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { makeContact } from './support/screen-pop-fixtures.js';
import type { FakeClock } from './support/fake-clock.js';
import { AGENT, CAMPAIGNS, OTHER_AGENT, shadowOf, simulator, text, until } from './support/workspace-harness.js';

const martin = makeContact('Martín', 'González', { id: 'martin', phones: ['+59899555123'] });

/** The CRM the screen pop reads: one contact, the workspace's campaigns. */
const crm = () => createLocalSource({ persist: false, contacts: [martin], campaigns: CAMPAIGNS, defaultRegion: 'UY' });

async function workspace(interactions: InteractionSource, options: { lang?: string; width?: string; clock?: FakeClock } = {}) {
  const el = await fixture<UcrmAgentWorkspace>(html`<ucrm-provider .source=${crm()} .interactions=${interactions} default-region="UY">
    <ucrm-agent-workspace
      lang=${options.lang ?? 'en'}
      agent-id=${AGENT}
      style="--ucrm-workspace-height: 640px; width: ${options.width ?? '1200px'}"
      .clock=${options.clock}
    ></ucrm-agent-workspace>
  </ucrm-provider>`).then((provider) => provider.querySelector<UcrmAgentWorkspace>('ucrm-agent-workspace')!);
  await until(() => inboxOf(el)?.shadowRoot?.querySelector('[part~="empty"], [part~="list"]'), 'the inbox');
  return el;
}

const root = (el: Element) => shadowOf(el);
const inboxOf = (el: UcrmAgentWorkspace) => root(el).querySelector<UcrmInbox>('ucrm-inbox')!;

const inboxItem = (el: UcrmAgentWorkspace, id: string) =>
  root(inboxOf(el)).querySelector<HTMLButtonElement>(`[data-id="${id}"] [part~="item"]`);
const detail = (el: UcrmAgentWorkspace) => root(el).querySelector<HTMLElement>('[part~="detail"]')!;
const actions = (el: UcrmAgentWorkspace) => root(el).querySelector<UcrmInteractionActions>('ucrm-interaction-actions');
const pop = (el: UcrmAgentWorkspace) => root(el).querySelector<HTMLElement & { state: string }>('ucrm-interaction-view');
const dispositionForm = (el: UcrmAgentWorkspace) => root(el).querySelector<HTMLElement>('disposition-form')!;

async function menuChoose(el: UcrmAgentWorkspace, id: string) {
  const menu = actions(el)!;
  root(menu).querySelector<HTMLButtonElement>('[part~="menu-button"]')!.click();
  await menu.updateComplete;
  root(menu).querySelector<HTMLButtonElement>(`[part~="menu-item-${id}"]`)!.click();
}

describe('<ucrm-agent-workspace>', function () {
  // Whole flows on a busy 2-core machine: the screen pop, the disposition form, axe in each state.
  this.timeout(40000);
  it('runs an interaction end to end: pending, taken, contact linked, finished, dispositioned, closed', async () => {
    // The carrier knows no contacts: linking is the screen pop's job here.
    const { sim } = simulator();
    const el = await workspace(sim);
    expect(text(detail(el))).to.contain('Select an interaction');
    await expect(el).to.be.accessible();

    const inbound = (await sim.simulateInbound({ channel: 'whatsapp', campaign: 'support', clientId: '099 555 123', text: 'Hola' }))!;
    await until(() => inboxItem(el, inbound.id), 'the inbound interaction in Pending');
    expect((await sim.get(inbound.id))!.contactId).to.equal(undefined);

    const taken = oneEvent(el, 'ucrm-interaction-taken');
    inboxItem(el, inbound.id)!.click();
    await taken;
    await until(() => pop(el)?.state === 'contact', 'the screen pop on the contact');
    await until(async () => (await sim.get(inbound.id))?.contactId === 'martin', 'the link to the contact');
    expect(root(el).querySelector('[part~="conversation"] ucrm-conversation')?.getAttribute('interaction-id')).to.equal(inbound.id);
    await expect(el).to.be.accessible();

    const finished = oneEvent(el, 'ucrm-interaction-finished');
    await menuChoose(el, 'finish');
    await finished;
    await until(() => dispositionForm(el).getAttribute('interaction-status') === 'finished', 'the form on a finished interaction');
    await expect(el).to.be.accessible();

    // Disposition, then Save and close: through the interaction source.
    const form = dispositionForm(el);
    const select = root(form).querySelector<HTMLSelectElement>('select')!;
    select.value = 'solved';
    select.dispatchEvent(new Event('change'));
    await (form as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const closed = oneEvent(el, 'ucrm-interaction-closed');
    root(form).querySelector<HTMLButtonElement>('[part~="action-save-and-close"]')!.click();
    expect((await closed).detail.interaction).to.include({ id: inbound.id, status: 'closed' });
    expect((await sim.get(inbound.id))!.disposition?.path).to.deep.equal(['solved']);
    await until(() => !inboxItem(el, inbound.id), 'the interaction leaving the inbox');
    expect(text(detail(el))).to.contain('Select an interaction');
    await expect(el).to.be.accessible();
  });

  it("links a contact created in the screen pop", async () => {
    const { sim } = simulator();
    const el = await workspace(sim);
    const inbound = (await sim.simulateInbound({ channel: 'webchat', campaign: 'sales', clientId: 'visitor-9' }))!;
    await until(() => inboxItem(el, inbound.id));
    inboxItem(el, inbound.id)!.click();
    await until(() => pop(el)?.state === 'create', 'the create form');
    const created = { id: 'new-1', firstName: 'Nueva', lastName: 'Clienta' };
    // What the pop fires once the agent saved the form.
    pop(el)!.dispatchEvent(new CustomEvent('ucrm-contact-created', { bubbles: true, composed: true, detail: { contact: created } }));
    await until(async () => (await sim.get(inbound.id))?.contactId === 'new-1', 'the link');
  });

  it('removes another agent’s take from Pending and keeps working', async () => {
    const { sim } = simulator();
    const el = await workspace(sim);
    const inbound = (await sim.simulateInbound({ channel: 'webchat', campaign: 'support', clientId: 'visitor-1' }))!;
    await until(() => inboxItem(el, inbound.id));
    await sim.simulateTakeByOther(inbound.id, OTHER_AGENT);
    await until(() => !inboxItem(el, inbound.id), 'the item gone');
  });

  it('sets presence, and shows the wrap-up after a call until it ends', async () => {
    const { sim, clock } = simulator();
    const el = await workspace(sim, { clock });
    const select = root(el).querySelector<HTMLSelectElement>('[part~="presence-select"]')!;
    await until(() => select.value === 'available', 'the presence');
    select.value = 'break';
    select.dispatchEvent(new Event('change'));
    await until(async () => (await sim.presence()) === 'break', 'the break');
    select.value = 'available';
    select.dispatchEvent(new Event('change'));
    await until(async () => (await sim.presence()) === 'available');

    const call = (await sim.simulateInbound({ channel: 'phone', campaign: 'support', clientId: '+59899000111' }))!;
    await until(() => inboxItem(el, call.id));
    inboxItem(el, call.id)!.click();
    const endCall = () => root(el).querySelector('ucrm-call-controls')?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="control-end"][aria-disabled="false"]');
    await until(endCall, 'the call controls');
    endCall()!.click();
    await until(() => root(el).querySelector('ucrm-wrap-up-timer'), 'the wrap-up countdown');
    expect((await sim.get(call.id))!.status).to.equal('finished');
    expect(text(root(el).querySelector('[part~="presence-select"] option:checked'))).to.equal('Wrap-up');
    const timer = root(el).querySelector<HTMLElement>('ucrm-wrap-up-timer')!;
    await until(() => text(timer.shadowRoot?.querySelector('[part~="time"]')) === '00:30', 'the campaign’s 30 seconds');
    await expect(el).to.be.accessible();
    // The agent ends it early: available again.
    timer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!.click();
    await until(async () => (await sim.presence()) === 'available', 'available after the wrap-up');
    await until(() => !root(el).querySelector('ucrm-wrap-up-timer'));
  });

  it('stacks at 400 px: the open interaction replaces the inbox, with a way back', async () => {
    const { sim } = simulator();
    const el = await workspace(sim, { width: '400px' });
    await until(() => el.layout === 'stacked', 'the stacked layout');
    const inbound = (await sim.simulateInbound({ channel: 'webchat', campaign: 'sales', clientId: 'visitor-1' }))!;
    await until(() => inboxItem(el, inbound.id));
    inboxItem(el, inbound.id)!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => inboxOf(el).hidden && !detail(el).hidden, 'the detail pane');
    await until(() => root(el).activeElement?.getAttribute('part') === 'detail-title', 'focus on the opened interaction');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part~="back-button"]')!.click();
    await until(() => !inboxOf(el).hidden && detail(el).hidden, 'the inbox again');
    await expect(el).to.be.accessible();
  });

  it('opens on the disposition from the actions menu and the inbox row', async () => {
    const { sim } = simulator();
    const el = await workspace(sim);
    const inbound = (await sim.simulateInbound({ channel: 'webchat', campaign: 'support', clientId: 'visitor-1' }))!;
    await until(() => inboxItem(el, inbound.id));
    inboxItem(el, inbound.id)!.click();
    await until(() => actions(el));
    await until(() => !root(actions(el)!).querySelector<HTMLButtonElement>('[part~="menu-button"]')!.disabled);
    // The campaign (and so its dispositions) arrives after the interaction opens.
    await until(() => dispositionForm(el)?.shadowRoot?.querySelector('select'), 'the campaign in the disposition form');
    await menuChoose(el, 'disposition');
    await until(() => dispositionForm(el).shadowRoot?.activeElement?.tagName === 'SELECT', 'focus in the disposition form');
  });

  it('a call shows the call controls; Transfer in the actions menu opens the transfer panel', async () => {
    const { sim, clock } = simulator();
    const el = await workspace(sim, { clock });
    const call = (await sim.simulateInbound({ channel: 'phone', campaign: 'support', clientId: '+59899000111' }))!;
    await until(() => inboxItem(el, call.id));
    inboxItem(el, call.id)!.click();
    const controls = () => root(el).querySelector('ucrm-call-controls');
    await until(() => controls()?.getAttribute('call-state') === 'connected', 'the call controls');
    controls()!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="control-hold"]')!.click();
    await until(async () => (await sim.get(call.id))!.call!.state === 'held', 'held from the workspace');
    await until(() => !root(actions(el)!).querySelector<HTMLButtonElement>('[part~="menu-button"]')!.disabled);
    await menuChoose(el, 'transfer');
    const transfer = () => root(el).querySelector('ucrm-transfer');
    await until(() => transfer()?.shadowRoot?.querySelector(`input[name="agent"][value="${OTHER_AGENT}"]`), 'the transfer panel');
    transfer()!.shadowRoot!.querySelector<HTMLInputElement>(`input[name="agent"][value="${OTHER_AGENT}"]`)!.click();
    const started = oneEvent(el, 'ucrm-transfer-started');
    transfer()!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    expect((await started).detail.to).to.deep.equal({ agentId: OTHER_AGENT });
    await expect(el).to.be.accessible();
  });

  for (const [lang, presence, nothingOpen] of [
    ['es', 'Estado', 'Selecciona una interacción'],
    ['pt', 'Status', 'Selecione uma interação'],
  ] as const) {
    it(`renders in ${lang}`, async () => {
      const { sim } = simulator();
      const el = await workspace(sim, { lang });
      await until(() => text(detail(el)).includes(nothingOpen), 'the translated workspace');
      expect(text(root(el).querySelector('[part~="presence"] label'))).to.equal(presence);
      await expect(el).to.be.accessible();
    });
  }
});
