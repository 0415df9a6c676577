import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-transfer.js';
import type { UcrmTransfer } from '../src/components/ucrm-transfer/ucrm-transfer.js';
import type { Campaign } from '../src/core/types.js';
import { createLocalSource } from '../src/data/local-source.js';
import type { CrmSource } from '../src/data/source.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import type { FakeClock } from './support/fake-clock.js';
import { blankContact } from './support/contacts.js';
import { AGENT, OTHER_AGENT, SALES, SUPPORT, shadowOf, simulator, text, until } from './support/workspace-harness.js';

const TIMEOUT_SECONDS = 20;
/** Open Mondays 9–17 UTC: closed on the fake clock's Tuesday midnight. */
const BILLING: Campaign = {
  id: 'billing',
  name: 'Billing',
  channels: ['phone', 'webchat'],
  outboundChannels: [],
  hours: { timeZone: 'UTC', weekly: [{ day: 1, from: '09:00', to: '17:00' }] },
};
const CAMPAIGNS = [{ ...SUPPORT, transferTimeoutSeconds: TIMEOUT_SECONDS }, SALES, BILLING];

function setup() {
  return simulator({
    campaigns: CAMPAIGNS,
    agents: [
      { id: AGENT, name: 'Ana' },
      { id: OTHER_AGENT, name: 'Bruno' },
      { id: 'carla', name: 'Carla', presence: 'break' },
    ],
  });
}

async function opened(channel: 'phone' | 'webchat' = 'phone') {
  const { sim, clock } = setup();
  const inbound = (await sim.simulateInbound({ channel, campaign: 'support', clientId: channel === 'phone' ? '+59899000111' : 'visitor-1' }))!;
  await sim.take(inbound.id);
  return { sim, clock, id: inbound.id };
}

async function dialog(interactions: InteractionSource, id: string, clock: FakeClock, source?: CrmSource) {
  const el = await fixture<UcrmTransfer>(
    html`<ucrm-transfer interaction-id=${id} default-region="UY" .interactions=${interactions} .clock=${clock} .source=${source}></ucrm-transfer>`,
  );
  await until(() => shadowOf(el).querySelector('[part~="target"]'), 'the transfer targets');
  return el;
}

const part = (el: UcrmTransfer, name: string) => shadowOf(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const radio = (el: UcrmTransfer, name: string, value: string) =>
  shadowOf(el).querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;
const targets = (el: UcrmTransfer) =>
  [...shadowOf(el).querySelectorAll<HTMLElement>('[part~="target"]')].map(
    (t) => `${text(t.querySelector('[part~="target-name"]'))}: ${text(t.querySelector('[part~="availability"]'))}${t.querySelector('input')!.disabled ? ' (disabled)' : ''}`,
  );

async function choose(el: UcrmTransfer, name: string, value: string) {
  radio(el, name, value).click();
  await el.updateComplete;
}

describe('<ucrm-transfer>', function () {
  this.timeout(30000);

  it('lists agents green/red (only available ones selectable) and campaigns open/closed', async () => {
    const { sim, clock, id } = await opened();
    const el = await dialog(sim, id, clock);
    expect(targets(el)).to.deep.equal(['Bruno: Available', 'Carla: Not available (on a break) (disabled)']);
    expect(part(el, 'target-valid')!.querySelector('[part~="availability"]')!.getAttribute('data-valid')).to.equal('true');
    await expect(el).to.be.accessible();
    await choose(el, 'kind', 'campaign');
    expect(targets(el)).to.have.members(['Support: Open', 'Sales: Open', 'Billing: Closed (outside its hours)']);
    await expect(el).to.be.accessible();
    // An agent going on a break stops being a valid destination at once.
    await choose(el, 'kind', 'agent');
    await sim.setAgentPresence(OTHER_AGENT, 'break');
    await until(() => radio(el, 'agent', OTHER_AGENT).disabled, 'Bruno unavailable');
  });

  it('a blind transfer to an agent completes when answered (keyboard only)', async () => {
    const { sim, clock, id } = await opened();
    const el = await dialog(sim, id, clock);
    radio(el, 'kind', 'agent').focus();
    await sendKeys({ press: 'Tab' });
    // Carla is disabled: the arrow keys skip her; Space checks Bruno.
    expect((shadowOf(el).activeElement as HTMLInputElement).value).to.equal(OTHER_AGENT);
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect((shadowOf(el).activeElement as HTMLInputElement).value).to.equal('blind');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(shadowOf(el).activeElement?.getAttribute('part')).to.equal('submit');
    const started = oneEvent(el, 'ucrm-transfer-started');
    await sendKeys({ press: 'Enter' });
    expect((await started).detail).to.deep.equal({ interactionId: id, to: { agentId: OTHER_AGENT }, mode: 'blind' });
    await el.updateComplete;
    expect(text(part(el, 'progress'))).to.contain('Waiting for Bruno to answer');
    expect(text(part(el, 'deadline'))).to.contain('20 seconds');
    expect((part(el, 'destinations') as HTMLFieldSetElement).disabled).to.equal(true);
    expect((await sim.get(id))!.call!.state).to.equal('held');
    await expect(el).to.be.accessible();
    const ended = oneEvent(el, 'ucrm-transfer-ended');
    await sim.simulateTransferAnswer(id, 'accept');
    expect((await ended).detail).to.deep.equal({ interactionId: id, outcome: 'completed' });
    expect((await sim.get(id))!.assignee).to.equal(OTHER_AGENT);
    await el.updateComplete;
    expect(text(part(el, 'notice'))).to.equal('Transfer completed.');
  });

  it('an attended transfer: the consultation disables the other options (the call still works) until complete', async () => {
    const { sim, clock, id } = await opened();
    const el = await dialog(sim, id, clock);
    await choose(el, 'agent', OTHER_AGENT);
    await choose(el, 'mode', 'attended');
    expect(text(part(el, 'submit'))).to.equal('Call to consult');
    const started = oneEvent(el, 'ucrm-transfer-started');
    part(el, 'submit')!.click();
    expect((await started).detail.mode).to.equal('attended');
    await el.updateComplete;
    expect((await sim.get(id))!.call!.state).to.equal('consulting');
    expect(text(part(el, 'progress'))).to.contain('Consulting Bruno');
    expect(text(part(el, 'consulting-note'))).to.contain('disabled until you complete or cancel');
    for (const name of ['destinations', 'targets', 'modes']) expect((part(el, name) as HTMLFieldSetElement).disabled).to.equal(true);
    expect((part(el, 'submit') as HTMLButtonElement).disabled).to.equal(true);
    await expect(el).to.be.accessible();
    // Bruno picks up: the sender is told, and still decides.
    await sim.simulateTransferAnswer(id, 'accept');
    const answered = 'Bruno answered the consultation. Complete the transfer or cancel it.';
    await until(() => text(part(el, 'progress-status')) === answered, 'the consultation answered');
    expect(text(part(el, 'announcer'))).to.equal(answered);
    expect((await sim.get(id))!.assignee).to.equal(AGENT);
    // Mute keeps working during the consultation.
    expect((await sim.call(id, { type: 'mute' })).call!.muted).to.equal(true);
    const ended = oneEvent(el, 'ucrm-transfer-ended');
    part(el, 'complete-button')!.click();
    expect((await ended).detail.outcome).to.equal('completed');
    expect((await sim.get(id))!.assignee).to.equal(OTHER_AGENT);
  });

  it('cancelling an attended transfer keeps the call', async () => {
    const { sim, clock, id } = await opened();
    const el = await dialog(sim, id, clock);
    await choose(el, 'agent', OTHER_AGENT);
    await choose(el, 'mode', 'attended');
    part(el, 'submit')!.click();
    await until(() => part(el, 'cancel-button'), 'the consultation');
    const ended = oneEvent(el, 'ucrm-transfer-ended');
    part(el, 'cancel-button')!.click();
    expect((await ended).detail.outcome).to.equal('cancelled');
    const after = (await sim.get(id))!;
    expect(after).to.include({ assignee: AGENT, status: 'active' });
    expect(after.call!.state).to.equal('connected');
    await el.updateComplete;
    expect((part(el, 'destinations') as HTMLFieldSetElement).disabled).to.equal(false);
  });

  it('an unanswered transfer returns to its sender after the campaign’s timeout, with a notice', async () => {
    const { sim, clock, id } = await opened();
    const el = await dialog(sim, id, clock);
    await choose(el, 'agent', OTHER_AGENT);
    part(el, 'submit')!.click();
    await until(() => part(el, 'progress'), 'the transfer in progress');
    await sim.simulateTransferAnswer(id, 'none');
    const ended = oneEvent(el, 'ucrm-transfer-ended');
    clock.tick(TIMEOUT_SECONDS * 1000);
    expect((await ended).detail).to.deep.equal({ interactionId: id, outcome: 'timeout' });
    const back = (await sim.get(id))!;
    expect(back.assignee).to.equal(AGENT);
    expect(back.call!.state).to.equal('connected');
    await el.updateComplete;
    expect(text(part(el, 'notice'))).to.contain('Nobody answered the transfer in time');
    expect(text(part(el, 'announcer'))).to.contain('Nobody answered');
    expect(part(el, 'progress')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an external number: checked as a phone number, or picked from the contacts', async () => {
    const { sim, clock, id } = await opened();
    const crm = createLocalSource({
      persist: false,
      contacts: [blankContact({ id: 'c1', firstName: 'Marta', lastName: 'Gómez', phones: ['+59829001234'], identities: [{ kind: 'phone', value: '+59829001234' }] })],
    });
    const el = await dialog(sim, id, clock, crm);
    await choose(el, 'kind', 'number');
    const input = part(el, 'number-input') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: '12ab' });
    part(el, 'submit')!.click();
    await el.updateComplete;
    expect(text(part(el, 'field-error'))).to.contain('valid phone number');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.value).to.equal('12ab');
    expect((await sim.get(id))!.transfer).to.equal(undefined);
    await expect(el).to.be.accessible();

    (part(el, 'search-input') as HTMLInputElement).focus();
    await sendKeys({ type: 'Marta' });
    await until(() => part(el, 'search-result'), 'the contact search');
    expect(text(part(el, 'search-result'))).to.equal('Marta Gómez, +59829001234');
    await expect(el).to.be.accessible();
    part(el, 'search-result')!.click();
    await el.updateComplete;
    expect((part(el, 'number-input') as HTMLInputElement).value).to.equal('+59829001234');
    const ended = oneEvent(el, 'ucrm-transfer-ended');
    const started = oneEvent(el, 'ucrm-transfer-started');
    part(el, 'submit')!.click();
    expect((await started).detail.to).to.deep.equal({ number: '+59829001234' });
    expect((await ended).detail.outcome).to.equal('completed');
    expect((await sim.get(id))!.call!.state).to.equal('ended');
  });

  it('a text interaction goes to an agent or a campaign with its channel, blind, no external number', async () => {
    const { sim, clock, id } = await opened('webchat');
    const el = await dialog(sim, id, clock);
    expect(radio(el, 'kind', 'number')).to.equal(null);
    expect(part(el, 'modes')).to.equal(null);
    await choose(el, 'kind', 'campaign');
    expect(targets(el).map((t) => t.split(':')[0])).to.have.members(['Support', 'Billing']);
    part(el, 'submit')!.click();
    await el.updateComplete;
    expect(text(part(el, 'field-error'))).to.equal('Choose a campaign.');
    await choose(el, 'campaign', 'billing');
    const started = oneEvent(el, 'ucrm-transfer-started');
    part(el, 'submit')!.click();
    expect((await started).detail).to.deep.equal({ interactionId: id, to: { campaignId: 'billing' }, mode: 'blind' });
    const moved = (await sim.get(id))!;
    expect(moved).to.include({ status: 'pending', campaign: 'billing' });
    await expect(el).to.be.accessible();
  });

  it('speaks Portuguese', async () => {
    const { sim, id } = await opened();
    const el = await fixture<UcrmTransfer>(html`<ucrm-transfer lang="pt" interaction-id=${id} .interactions=${sim}></ucrm-transfer>`);
    await until(() => text(part(el, 'targets')?.querySelector('legend')) === 'Agentes', 'Portuguese');
    await expect(el).to.be.accessible();
  });
});
