/**
 * `<ucrm-transfer>` on the REST source against the reference server
 * (scripts/rest-server-plugin.mjs, test mode; issue 21's "done when" on the
 * second source): agents green / red and campaigns open / closed as the
 * server lists them; a blind transfer to a campaign (keyboard only) that
 * another agent takes; a blind transfer to an agent who accepts or declines
 * it; an attended transfer (consult, the call controls still working;
 * complete, and cancel); an external number, typed or picked from the
 * contacts; and an unanswered transfer coming back to its sender with a
 * notice. Each test's agents are its own (`desk()`, signed tokens).
 *
 * The timeout runs on the server's clock without moving it: that clock is
 * shared by every test file of the run, and moving it would end other
 * files' wrap-ups, typing indicators and transfers, and can put a
 * rescheduled attempt they are saving in the past. The call is of
 * Collections, the campaign with the shortest `transferTimeoutSeconds`
 * (20), and the test waits for the server's deadline to return it (the
 * server's own time-driven work, as in production). Moving the clock, and a
 * restart in between, are covered by test/server/interactions-deadlines.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-call-controls.js';
import '../src/define/ucrm-transfer.js';
import type { UcrmCallControls } from '../src/components/ucrm-call-controls/ucrm-call-controls.js';
import type { UcrmTransfer } from '../src/components/ucrm-transfer/ucrm-transfer.js';
import { DEMO_CAMPAIGNS } from '../src/data/demo-data.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import type { CrmSource } from '../src/data/source.js';
import { freshPhone, restSource, server } from './support/rest-server.js';
import { desk, driver, source, stopWatching, testApi, type Desk } from './support/rest-workspace.js';
import { waitUntil } from './support/wait.js';
import { shadowOf, text } from './support/workspace-harness.js';

const COLLECTIONS = DEMO_CAMPAIGNS.find((c) => c.id === 'collections')!;

/** A phone call of `campaign` (manual assignment: nobody else takes it), taken by `agent`: connected. */
async function liveCall(agent: Desk, campaign = 'sales'): Promise<string> {
  const call = await driver('/inbound', { channel: 'phone', campaign, clientId: freshPhone() });
  expect((await agent.interactions.take(call.id)).call?.state).to.equal('connected');
  return call.id;
}

/** What the server says, read by a second source of the agent's. */
const serverSays = (agent: Desk, id: string) => source({ token: () => agent.token }).get(id);

async function dialog(interactions: InteractionSource, id: string, crm?: CrmSource) {
  const el = await fixture<UcrmTransfer>(
    html`<ucrm-transfer interaction-id=${id} default-region="UY" .interactions=${interactions} .source=${crm}></ucrm-transfer>`,
  );
  await waitUntil(() => shadowOf(el).querySelector('[part~="target"]'), 'the transfer targets');
  return el;
}

const part = (el: Element, name: string) => shadowOf(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const radio = (el: UcrmTransfer, name: string, value: string) => shadowOf(el).querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;
const focused = (el: Element) => shadowOf(el).activeElement as HTMLInputElement | null;
const fieldset = (el: UcrmTransfer, name: string) => part(el, name) as HTMLFieldSetElement;
/** One target's line as the agent reads it. */
const target = (el: UcrmTransfer, name: string, value: string) => {
  const label = radio(el, name, value)?.closest('[part~="target"]');
  return label ? `${text(label.querySelector('[part~="target-name"]'))}: ${text(label.querySelector('[part~="availability"]'))}` : undefined;
};

async function choose(el: UcrmTransfer, name: string, value: string) {
  radio(el, name, value).click();
  await el.updateComplete;
}

/** Submits the form and waits for the source's answer. */
async function submit(el: UcrmTransfer) {
  const started = oneEvent(el, 'ucrm-transfer-started');
  part(el, 'submit')!.click();
  return (await started).detail;
}

describe('<ucrm-transfer> on the REST source (reference server)', function () {
  this.timeout(180_000);

  before(async () => {
    await server();
    await import('../src/data/interactions/rest-interaction-client.js');
  });
  afterEach(stopWatching);

  it('lists the server’s agents green / red (only available ones selectable) and its campaigns open / closed', async () => {
    const [ana, bruno, carla] = [await desk('Ana'), await desk('Bruno'), await desk('Carla')];
    await testApi(`/__test/interactions/agents/${carla.id}`, { presence: 'break' }, 'PUT');
    const id = await liveCall(ana);
    const el = await dialog(ana.interactions, id);
    expect(target(el, 'agent', bruno.id)).to.equal(`${bruno.name}: Available`);
    expect(radio(el, 'agent', bruno.id).disabled).to.equal(false);
    expect(target(el, 'agent', carla.id)).to.equal(`${carla.name}: Not available (on a break)`);
    expect(radio(el, 'agent', carla.id).disabled).to.equal(true);
    expect(radio(el, 'agent', ana.id)).to.equal(null);
    await expect(el).to.be.accessible();

    await choose(el, 'kind', 'campaign');
    const { campaigns } = await ana.interactions.transferTargets(id);
    expect(campaigns.map((c) => c.id)).to.have.members(DEMO_CAMPAIGNS.filter((c) => c.channels.includes('phone')).map((c) => c.id));
    for (const campaign of campaigns) {
      expect(target(el, 'campaign', campaign.id)).to.equal(`${campaign.name}: ${campaign.open ? 'Open' : 'Closed (outside its hours)'}`);
    }
    await expect(el).to.be.accessible();

    // An agent going on a break stops being a valid destination at once (presence arrives on the stream).
    await choose(el, 'kind', 'agent');
    await testApi(`/__test/interactions/agents/${bruno.id}`, { presence: 'break' }, 'PUT');
    await waitUntil(() => radio(el, 'agent', bruno.id).disabled, `${bruno.name} unavailable`);
    await ana.interactions.call(id, { type: 'hangup' });
  });

  it('a blind transfer to a campaign, from the keyboard alone: it waits in that campaign’s Pending until another agent takes it', async () => {
    const [ana, bruno] = [await desk('Ana'), await desk('Bruno')];
    const id = await liveCall(ana);
    const el = await dialog(ana.interactions, id);
    // Destination: from Agent, the arrow key moves to Campaign (and checks it).
    radio(el, 'kind', 'agent').focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => radio(el, 'campaign', 'collections'), 'the campaigns');
    expect(focused(el)?.value).to.equal('campaign');
    // Into the campaigns; arrows to Collections.
    await sendKeys({ press: 'Tab' });
    for (let i = 0; i < 10 && focused(el)?.value !== 'collections'; i++) await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)?.value).to.equal('collections');
    expect(radio(el, 'campaign', 'collections').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.value).to.equal('blind');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('submit');
    const started = oneEvent(el, 'ucrm-transfer-started');
    await sendKeys({ press: 'Enter' });
    expect((await started).detail).to.deep.equal({ interactionId: id, to: { campaignId: 'collections' }, mode: 'blind' });
    const waiting = (await serverSays(ana, id))!;
    expect(waiting).to.include({ status: 'pending', campaign: 'collections' });
    expect(waiting.call!.state).to.equal('ringing');
    await el.updateComplete;
    expect(text(part(el, 'progress'))).to.contain(`Waiting for the ${COLLECTIONS.name} campaign to answer`);
    expect(fieldset(el, 'destinations').disabled).to.equal(true);
    await expect(el).to.be.accessible();

    expect((await bruno.interactions.list({ tab: 'pending' })).map((i) => i.id)).to.include(id);
    const ended = oneEvent(el, 'ucrm-transfer-ended');
    expect((await bruno.interactions.take(id)).assignee).to.equal(bruno.id);
    expect((await ended).detail).to.deep.equal({ interactionId: id, outcome: 'completed' });
    await waitUntil(() => text(part(el, 'notice')) === 'Transfer completed.', 'the notice');
    expect((await serverSays(ana, id))!.call!.state).to.equal('connected');
    await expect(el).to.be.accessible();
    await bruno.interactions.call(id, { type: 'hangup' });
  });

  it('a blind transfer to an agent completes when they accept it, and comes back when they decline', async () => {
    const [ana, bruno] = [await desk('Ana'), await desk('Bruno')];
    const id = await liveCall(ana);
    const el = await dialog(ana.interactions, id);
    await choose(el, 'agent', bruno.id);
    expect(await submit(el)).to.deep.equal({ interactionId: id, to: { agentId: bruno.id }, mode: 'blind' });
    expect((await serverSays(ana, id))!.call!.state).to.equal('held');
    await el.updateComplete;
    expect(text(part(el, 'progress'))).to.contain(`Waiting for ${bruno.name} to answer`);
    expect(text(part(el, 'deadline'))).to.contain('30 seconds');
    await expect(el).to.be.accessible();
    // Bruno is offered it (his Pending) and declines: it is Ana's again.
    await waitUntil(async () => (await bruno.interactions.list({ tab: 'pending' })).some((i) => i.id === id), 'the offer in Bruno’s Pending');
    const declined = oneEvent(el, 'ucrm-transfer-ended');
    await bruno.interactions.answerTransfer!(id, 'decline');
    expect((await declined).detail.outcome).to.equal('declined');
    expect((await serverSays(ana, id))!).to.include({ assignee: ana.id, status: 'active' });
    await waitUntil(() => text(part(el, 'notice')).startsWith('The transfer was declined'), 'the declined notice');

    // Again; this time he accepts.
    await waitUntil(() => !fieldset(el, 'destinations').disabled, 'the form back');
    await choose(el, 'agent', bruno.id);
    await submit(el);
    const accepted = oneEvent(el, 'ucrm-transfer-ended');
    await bruno.interactions.answerTransfer!(id, 'accept');
    expect((await accepted).detail.outcome).to.equal('completed');
    const after = (await serverSays(bruno, id))!;
    expect(after).to.include({ assignee: bruno.id, status: 'active' });
    expect(after.call!.state).to.equal('connected');
    await waitUntil(() => text(part(el, 'notice')) === 'Transfer completed.', 'the completed notice');
    await expect(el).to.be.accessible();
    await bruno.interactions.call(id, { type: 'hangup' });
  });

  it('an attended transfer to an agent: consulting disables the other options while the call controls work; complete hands it over', async () => {
    const [ana, bruno] = [await desk('Ana'), await desk('Bruno')];
    const id = await liveCall(ana);
    const el = await dialog(ana.interactions, id);
    const controls = await fixture<UcrmCallControls>(
      html`<ucrm-call-controls interaction-id=${id} agent-id=${ana.id} .interactions=${ana.interactions}></ucrm-call-controls>`,
    );
    await waitUntil(() => controls.callState === 'connected', 'the call controls');
    await choose(el, 'agent', bruno.id);
    await choose(el, 'mode', 'attended');
    expect(text(part(el, 'submit'))).to.equal('Call to consult');
    expect((await submit(el)).mode).to.equal('attended');
    expect((await serverSays(ana, id))!.call!.state).to.equal('consulting');
    await el.updateComplete;
    expect(text(part(el, 'progress'))).to.contain(`Consulting ${bruno.name}`);
    expect(text(part(el, 'consulting-note'))).to.contain('disabled until you complete or cancel');
    for (const name of ['destinations', 'targets', 'modes']) expect(fieldset(el, name).disabled, name).to.equal(true);
    expect((part(el, 'submit') as HTMLButtonElement).disabled).to.equal(true);
    await expect(el).to.be.accessible();

    // Mute keeps working during the consultation, through the call controls.
    await waitUntil(() => controls.callState === 'consulting', 'the controls hear the consultation on the change feed');
    part(controls, 'control-mute')!.click();
    await waitUntil(async () => (await serverSays(ana, id))!.call!.muted === true, 'muted on the server');
    await waitUntil(() => part(controls, 'control-mute')!.getAttribute('aria-pressed') === 'true', 'the mute shown');

    // Complete, from the keyboard.
    part(el, 'complete-button')!.focus();
    const ended = oneEvent(el, 'ucrm-transfer-ended');
    await sendKeys({ press: 'Enter' });
    expect((await ended).detail).to.deep.equal({ interactionId: id, outcome: 'completed' });
    const after = (await serverSays(bruno, id))!;
    expect(after).to.include({ assignee: bruno.id, status: 'active' });
    expect((await bruno.interactions.list({ tab: 'active' })).map((i) => i.id)).to.include(id);
    await waitUntil(() => text(part(el, 'notice')) === 'Transfer completed.', 'the notice');
    await expect(el).to.be.accessible();
    await bruno.interactions.call(id, { type: 'hangup' });
  });

  it('cancelling an attended transfer keeps the call (keyboard)', async () => {
    const [ana, bruno] = [await desk('Ana'), await desk('Bruno')];
    const id = await liveCall(ana);
    const el = await dialog(ana.interactions, id);
    await choose(el, 'agent', bruno.id);
    await choose(el, 'mode', 'attended');
    await submit(el);
    await waitUntil(() => part(el, 'cancel-button'), 'the consultation');
    part(el, 'cancel-button')!.focus();
    const ended = oneEvent(el, 'ucrm-transfer-ended');
    await sendKeys({ press: 'Enter' });
    expect((await ended).detail.outcome).to.equal('cancelled');
    const after = (await serverSays(ana, id))!;
    expect(after).to.include({ assignee: ana.id, status: 'active' });
    expect(after.call!.state).to.equal('connected');
    await waitUntil(() => !fieldset(el, 'destinations').disabled, 'the form back');
    expect(text(part(el, 'notice'))).to.equal('Transfer cancelled: the interaction is still yours.');
    await expect(el).to.be.accessible();
    await ana.interactions.call(id, { type: 'hangup' });
  });

  it('an external number: checked as a phone number, or picked from the contacts on the REST CRM source', async () => {
    const ana = await desk('Ana');
    const id = await liveCall(ana);
    const crm = restSource(await server());
    const el = await dialog(ana.interactions, id, crm);
    await choose(el, 'kind', 'number');
    const input = part(el, 'number-input') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: '12ab' });
    part(el, 'submit')!.click();
    await el.updateComplete;
    expect(text(part(el, 'field-error'))).to.contain('valid phone number');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.value).to.equal('12ab');
    expect((await serverSays(ana, id))!.transfer).to.equal(undefined);
    await expect(el).to.be.accessible();

    (part(el, 'search-input') as HTMLInputElement).focus();
    await sendKeys({ type: 'Martín' });
    await waitUntil(() => part(el, 'search-result'), 'the contact search');
    await expect(el).to.be.accessible();
    // Picked with the keyboard: Tab to the first number, Enter.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('search-result');
    const picked = text(focused(el));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => (part(el, 'number-input') as HTMLInputElement).value !== '12ab', 'the picked number');
    const number = (part(el, 'number-input') as HTMLInputElement).value;
    expect(picked).to.contain(number);
    const ended = oneEvent(el, 'ucrm-transfer-ended');
    expect((await submit(el)).to).to.deep.equal({ number: number.replace(/\s/g, '') });
    expect((await ended).detail.outcome).to.equal('completed');
    const after = (await serverSays(ana, id))!;
    expect(after.call!.state).to.equal('ended');
    expect(after.status).to.equal('finished');
  });

  it('an unanswered transfer returns to its sender after the campaign’s timeout on the server’s clock, with a notice', async () => {
    const [ana, bruno] = [await desk('Ana'), await desk('Bruno')];
    const id = await liveCall(ana, 'collections');
    const el = await dialog(ana.interactions, id);
    await choose(el, 'agent', bruno.id);
    await submit(el);
    const waiting = (await serverSays(ana, id))!;
    const deadline = Date.parse(waiting.transfer!.deadline!);
    // The server set the deadline from the campaign's timeout, on its own clock.
    const { now } = await driver<{ now: number }>('/clock', { advanceMs: 0 });
    expect(deadline - now).to.be.within(0, COLLECTIONS.transferTimeoutSeconds! * 1000);
    await el.updateComplete;
    expect(text(part(el, 'deadline'))).to.match(/within \d+ seconds/);

    const ended = oneEvent(el, 'ucrm-transfer-ended');
    // The server returns it at its deadline, by its own time-driven work: waited for, however long the machine takes.
    await waitUntil(async () => (await serverSays(ana, id))!.lastTransfer?.outcome === 'timeout', 'the deadline', {
      timeout: COLLECTIONS.transferTimeoutSeconds! * 1000 + 60_000,
    });
    expect((await ended).detail).to.deep.equal({ interactionId: id, outcome: 'timeout' });
    const back = (await serverSays(ana, id))!;
    expect(back).to.include({ assignee: ana.id, status: 'active' });
    expect(back.call!.state).to.equal('connected');
    expect(back.transfer).to.equal(undefined);
    expect(Date.parse(back.lastTransfer!.at)).to.be.at.least(deadline);
    await waitUntil(() => text(part(el, 'notice')).includes('Nobody answered the transfer in time'), 'the notice');
    expect(text(part(el, 'announcer'))).to.contain('Nobody answered');
    expect(part(el, 'progress')).to.equal(null);
    expect(fieldset(el, 'destinations').disabled).to.equal(false);
    await expect(el).to.be.accessible();
    await ana.interactions.call(id, { type: 'hangup' });
  });
});
