/**
 * `<ucrm-call-controls>` and `<ucrm-conference>` on the REST source against
 * the reference server (scripts/rest-server-plugin.mjs, test mode; issue 21's
 * "done when" on the second source). Each test's agents are its own (signed
 * tokens, `desk()`), so a call that takes an agent's one phone line never
 * meets another test or another file on the shared server. After every
 * control, the element's source and a second source reading the server
 * agree. Park by one agent, refused unpark by another (the server's 409
 * shown in that agent's element); a conference of three with mute all and
 * remove; axe-clean and keyboard-only.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/ucrm-call-controls.js';
import '../src/define/ucrm-conference.js';
import type { UcrmCallControls } from '../src/components/ucrm-call-controls/ucrm-call-controls.js';
import type { UcrmConference } from '../src/components/ucrm-conference/ucrm-conference.js';
import type { Interaction } from '../src/core/interactions/index.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { quietly } from './support/console.js';
import { failure, freshPhone, server } from './support/rest-server.js';
import { desk, driver, latest, source, stopWatching, watched, type Desk } from './support/rest-workspace.js';
import { waitUntil } from './support/wait.js';
import { shadowOf, text } from './support/workspace-harness.js';

/** A phone call of Sales (manual assignment: nobody else takes it), taken by `agent`: connected. */
async function liveCall(agent: Desk): Promise<string> {
  const call = await driver('/inbound', { channel: 'phone', campaign: 'sales', clientId: freshPhone() });
  expect((await agent.interactions.take(call.id)).call?.state).to.equal('connected');
  return call.id;
}

/** A second REST source of the same agent: what the server says, not what the element's source remembers. */
const readerOf = (agent: Desk): InteractionSource => source({ token: () => agent.token });

async function controls(interactions: InteractionSource, id: string, agentId?: string) {
  const el = await fixture<UcrmCallControls>(
    html`<ucrm-call-controls interaction-id=${id} agent-id=${ifDefined(agentId)} .interactions=${interactions}></ucrm-call-controls>`,
  );
  await waitUntil(() => el.callState, 'the call');
  return el;
}

const control = (el: UcrmCallControls, id: string) => shadowOf(el).querySelector<HTMLButtonElement>(`[part~="control-${id}"]`)!;
const pressed = (el: UcrmCallControls, id: string) => control(el, id).getAttribute('aria-pressed');
const disabled = (el: UcrmCallControls, id: string) => control(el, id).getAttribute('aria-disabled') === 'true';
const part = (el: Element, name: string) => shadowOf(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const focused = (el: Element) => shadowOf(el).activeElement as HTMLElement | null;
const answered = (el: UcrmCallControls) =>
  waitUntil(() => !shadowOf(el).querySelector('[data-pending]') && !part(el, 'toolbar')!.hasAttribute('aria-busy'), 'the source’s answer');

async function press(el: UcrmCallControls, id: string) {
  control(el, id).click();
  // The click set the pending look; render it before waiting for it to go.
  await el.updateComplete;
  await answered(el);
  await el.updateComplete;
}

/**
 * The call as the element shows it, as its source says and as a second
 * source reading the server says: all three must agree. Answers the server's.
 */
async function agreed(el: UcrmCallControls, interactions: InteractionSource, reader: InteractionSource): Promise<Interaction> {
  const id = el.interactionId!;
  const [mine, server] = await Promise.all([interactions.get(id), reader.get(id)]);
  expect(mine?.call, 'the element’s source and the server agree').to.deep.equal(server?.call);
  expect(mine?.status).to.equal(server?.status);
  expect(el.callState, 'the element shows the server’s state').to.equal(server?.call?.state);
  if (server?.call?.state !== 'ended') expect(pressed(el, 'mute'), 'the element shows the server’s mute').to.equal(String(server?.call?.muted));
  return server!;
}

describe('<ucrm-call-controls> on the REST source (reference server)', function () {
  this.timeout(120_000);

  before(async () => {
    await server();
    await import('../src/data/interactions/rest-interaction-client.js');
  });
  afterEach(stopWatching);

  it('mute, hold, keypad (also typed), park / unpark and end call change the call; the source and the server agree', async () => {
    const ana = await desk('Ana');
    const reader = readerOf(ana);
    const id = await liveCall(ana);
    const el = await controls(ana.interactions, id, ana.id);
    expect(text(part(el, 'state'))).to.equal('Connected');
    await expect(el).to.be.accessible();

    const action = oneEvent(el, 'ucrm-call-action');
    await press(el, 'mute');
    expect((await action).detail).to.deep.equal({ interactionId: id, action: 'mute' });
    expect(pressed(el, 'mute')).to.equal('true');
    expect((await agreed(el, ana.interactions, reader)).call!.muted).to.equal(true);
    await expect(el).to.be.accessible();
    await press(el, 'mute');
    expect(pressed(el, 'mute')).to.equal('false');
    expect((await agreed(el, ana.interactions, reader)).call!.muted).to.equal(false);

    await press(el, 'hold');
    expect(pressed(el, 'hold')).to.equal('true');
    expect(el.getAttribute('call-state')).to.equal('held');
    expect((await agreed(el, ana.interactions, reader)).call!.state).to.equal('held');
    await expect(el).to.be.accessible();
    await press(el, 'hold');
    expect((await agreed(el, ana.interactions, reader)).call!.state).to.equal('connected');

    await press(el, 'park');
    expect((await agreed(el, ana.interactions, reader)).call).to.include({ state: 'parked', parkedBy: ana.id });
    expect((await reader.get(id))!.status).to.equal('active');
    expect((await reader.list({ tab: 'active' })).map((i) => i.id)).to.include(id);
    expect(text(part(el, 'parked-by'))).to.equal('Parked by you');
    expect(text(control(el, 'park'))).to.contain('Unpark');
    expect(disabled(el, 'hold')).to.equal(true);
    await expect(el).to.be.accessible();
    await press(el, 'park');
    expect((await agreed(el, ana.interactions, reader)).call!.state).to.equal('connected');

    // The keypad: a key, then the keyboard's digits, * and #; the server accepts each.
    control(el, 'keypad').click();
    await el.updateComplete;
    expect(control(el, 'keypad').getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    const digit = oneEvent(el, 'ucrm-call-action');
    shadowOf(el).querySelector<HTMLButtonElement>('[part~="key"][aria-label="5"]')!.click();
    expect((await digit).detail).to.deep.equal({ interactionId: id, action: 'dtmf', digits: '5' });
    control(el, 'keypad').focus();
    await sendKeys({ type: '1*#' });
    await waitUntil(() => text(part(el, 'sent-digits')) === 'Sent: 51*#', 'the typed digits');
    await answered(el);
    expect(part(el, 'error')).to.equal(null);

    const ended = oneEvent(el, 'ucrm-call-action');
    await press(el, 'end');
    expect((await ended).detail.action).to.equal('hangup');
    const after = await agreed(el, ana.interactions, reader);
    expect(after.call!.state).to.equal('ended');
    expect(after.status).to.equal('finished');
    expect(text(part(el, 'state'))).to.equal('Call ended');
    expect(['mute', 'hold', 'keypad', 'park', 'conference', 'end'].every((c) => disabled(el, c))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows each answer and is not turned back by the change feed’s older news', async () => {
    const ana = await desk('Ana');
    const id = await liveCall(ana);
    const el = await controls(ana.interactions, id, ana.id);
    // A watcher on the element's own source shares its feed: once it has heard the last change, so has the element.
    const changes = watched(ana.interactions);
    const shown: string[] = [];
    const observer = new MutationObserver(() => shown.push(pressed(el, 'mute')!));
    observer.observe(control(el, 'mute'), { attributes: true, attributeFilter: ['aria-pressed'] });
    await press(el, 'mute');
    await press(el, 'mute');
    await press(el, 'mute');
    const last = (await readerOf(ana).get(id))!;
    await waitUntil(() => latest(changes, id)?.updatedAt === last.updatedAt, 'the feed hears the last change');
    await el.updateComplete;
    observer.disconnect();
    expect(shown).to.deep.equal(['true', 'false', 'true']);
    expect(text(part(el, 'announcer'))).to.equal('Muted.');
    await press(el, 'end');
  });

  it('hears a change made elsewhere: the customer hangs up', async () => {
    const ana = await desk('Ana');
    const id = await liveCall(ana);
    const el = await controls(ana.interactions, id, ana.id);
    await driver(`/${id}/hangup`);
    await waitUntil(() => el.callState === 'ended', 'the hang-up over the event stream');
    expect(text(part(el, 'announcer'))).to.contain('Call ended');
    await expect(el).to.be.accessible();
  });

  it('another agent cannot unpark: their element says who parked it (with or without agent-id), and the server refuses them (409)', async () => {
    const ana = await desk('Ana');
    const bruno = await desk('Bruno');
    const id = await liveCall(ana);
    const mine = await controls(ana.interactions, id, ana.id);
    await press(mine, 'park');
    expect((await readerOf(ana).get(id))!.call).to.include({ state: 'parked', parkedBy: ana.id });

    // Bruno's desk knows who Bruno is: the control names the parker and is disabled.
    const theirs = await controls(bruno.interactions, id, bruno.id);
    await waitUntil(() => text(part(theirs, 'parked-by')) === `Parked by ${ana.name}`, 'the parker’s name');
    expect(text(control(theirs, 'park'))).to.contain('Unpark');
    expect(disabled(theirs, 'park')).to.equal(true);
    const hint = shadowOf(theirs).getElementById(control(theirs, 'park').getAttribute('aria-describedby')!)!;
    expect(text(hint)).to.equal(`Only ${ana.name} can resume this call.`);
    await expect(theirs).to.be.accessible();

    // A desk without agent-id: the REST source asked the server who its token is, so it knows too.
    const unnamed = await controls(bruno.interactions, id);
    expect(bruno.interactions.agentId).to.equal(bruno.id);
    await waitUntil(() => text(part(unnamed, 'parked-by')) === `Parked by ${ana.name}`, 'the parker’s name without agent-id');
    expect(disabled(unnamed, 'park')).to.equal(true);
    await expect(unnamed).to.be.accessible();
    // The server is the lock whatever an element shows: a host that names the wrong agent gets its 409.
    const misnamed = await controls(bruno.interactions, id, ana.id);
    expect(disabled(misnamed, 'park')).to.equal(false);
    const error = oneEvent(misnamed, 'ucrm-error');
    await quietly(async () => {
      control(misnamed, 'park').click();
      expect((await error).detail).to.include({ operation: 'call', code: 'conflict' });
    });
    await answered(misnamed);
    expect(text(part(misnamed, 'error'))).to.not.equal('');
    expect(part(misnamed, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(misnamed).to.be.accessible();
    expect((await failure(bruno.interactions.call(id, { type: 'unpark' }))).code).to.equal('conflict');
    expect((await failure(bruno.interactions.call(id, { type: 'hangup' }))).code).to.equal('conflict');
    expect((await readerOf(ana).get(id))!.call).to.include({ state: 'parked', parkedBy: ana.id });

    // Ana unparks it.
    await press(mine, 'park');
    expect((await agreed(mine, ana.interactions, readerOf(ana))).call!.state).to.equal('connected');
    await press(mine, 'end');
  });

  it('works from the keyboard alone: one Tab stop, arrows between controls, Enter and Space press, digits dial', async () => {
    const ana = await desk('Ana');
    const reader = readerOf(ana);
    const id = await liveCall(ana);
    const el = await controls(ana.interactions, id, ana.id);
    control(el, 'mute').focus();
    expect([...shadowOf(el).querySelectorAll('[part~="control"]')].filter((c) => c.getAttribute('tabindex') === '0')).to.have.length(1);
    await sendKeys({ press: 'Space' });
    await waitUntil(() => pressed(el, 'mute') === 'true', 'muted from the keyboard');
    await answered(el);
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)?.getAttribute('part')).to.contain('control-hold');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => pressed(el, 'hold') === 'true', 'held from the keyboard');
    await answered(el);
    expect((await agreed(el, ana.interactions, reader)).call).to.include({ state: 'held', muted: true });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => pressed(el, 'hold') === 'false', 'resumed from the keyboard');
    await answered(el);
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)?.getAttribute('part')).to.contain('control-keypad');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'keypad'), 'the keypad');
    await sendKeys({ type: '42#' });
    await waitUntil(() => text(part(el, 'sent-digits')) === 'Sent: 42#', 'digits from the keyboard');
    await answered(el);
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)?.getAttribute('part')).to.contain('control-park');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.callState === 'parked', 'parked from the keyboard');
    await answered(el);
    expect((await agreed(el, ana.interactions, reader)).call!.state).to.equal('parked');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => el.callState === 'connected', 'unparked from the keyboard');
    await answered(el);
    await sendKeys({ press: 'End' });
    expect(focused(el)?.getAttribute('part')).to.contain('control-end');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.callState === 'ended', 'ended from the keyboard');
    expect((await agreed(el, ana.interactions, reader)).status).to.equal('finished');
    await expect(el).to.be.accessible();
  });
});

describe('<ucrm-conference> on the REST source (reference server)', function () {
  this.timeout(120_000);

  before(async () => {
    await server();
  });
  afterEach(stopWatching);

  const rows = (el: UcrmConference) => [...shadowOf(el).querySelectorAll<HTMLElement>('[part~="participant"]')];
  const row = (el: UcrmConference, index: number) => rows(el)[index]!;
  const button = (li: HTMLElement, name: string) => li.querySelector<HTMLButtonElement>(`[part~="${name}"]`)!;
  /** The room's buttons wait while a command is out: wait for them before the next. */
  const ready = (el: UcrmConference, name: string) =>
    waitUntil(() => {
      const found = part(el, name);
      return found && found.getAttribute('aria-disabled') !== 'true';
    }, `${name} ready`);

  /** Ana with three calls in her room: the first sent by the call controls' Conference button, the others by the source. */
  async function roomOfThree(ana: Desk): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await liveCall(ana);
      if (i === 0) {
        const el = await controls(ana.interactions, id, ana.id);
        const action = oneEvent(el, 'ucrm-call-action');
        await press(el, 'conference');
        expect((await action).detail.action).to.equal('conference');
        expect(el.callState).to.equal('conference');
        el.remove();
      } else {
        await ana.interactions.sendToConference(id);
      }
      ids.push(id);
    }
    return ids;
  }

  async function conference(interactions: InteractionSource) {
    const el = await fixture<UcrmConference>(html`<ucrm-conference .interactions=${interactions}></ucrm-conference>`);
    await waitUntil(() => part(el, 'base')?.getAttribute('aria-busy') !== 'true', 'the room');
    return el;
  }

  it('three participants: join, who speaks, mute all (not the agent), remove one; the server agrees', async () => {
    const ana = await desk('Ana');
    const reader = readerOf(ana);
    const ids = await roomOfThree(ana);
    const el = await conference(ana.interactions);
    await waitUntil(() => rows(el).length === 3, 'three participants');
    expect(text(part(el, 'count'))).to.equal('(3 participants)');
    await expect(el).to.be.accessible();

    part(el, 'join-button')!.click();
    await waitUntil(() => text(part(el, 'room-state')) === 'You are in the room.', 'joined');
    await ready(el, 'mute-all-button');
    const room = (await reader.list({ tab: 'active' })).find((i) => i.conferenceRoom)!;
    expect(room.call!.state).to.equal('connected');

    await driver('/conference/speaking', { participantId: ids[1], on: true });
    await waitUntil(() => row(el, 1).dataset.speaking === 'true', 'the speaking indicator');
    expect(text(row(el, 1))).to.contain('Speaking');
    await expect(el).to.be.accessible();

    await ready(el, 'mute-all-button');
    part(el, 'mute-all-button')!.click();
    await waitUntil(() => rows(el).every((r) => r.dataset.muted === 'true'), 'all muted');
    expect((await reader.conferenceParticipants()).map((p) => p.muted)).to.deep.equal([true, true, true]);
    // The agent is not a participant: the room's own call stays unmuted.
    expect((await reader.get(room.id))!.call!.muted).to.equal(false);
    expect(text(part(el, 'announcer'))).to.equal('All participants muted.');
    await expect(el).to.be.accessible();

    const removed = text(row(el, 2).querySelector('[part~="name"]'));
    await ready(el, 'remove-button');
    button(row(el, 2), 'remove-button').click();
    await waitUntil(() => rows(el).length === 2, 'one removed');
    expect((await reader.conferenceParticipants()).map((p) => p.id)).to.deep.equal(ids.slice(0, 2));
    expect((await reader.get(ids[2]!))!.call!.state).to.equal('ended');
    expect(text(part(el, 'announcer'))).to.equal(`${removed} left the conference.`);
    await expect(el).to.be.accessible();

    for (const id of ids.slice(0, 2)) await driver(`/${id}/hangup`);
    await waitUntil(() => rows(el).length === 0, 'everyone left');
    expect(await reader.conferenceParticipants()).to.deep.equal([]);
  });

  it('works from the keyboard alone: join, mute one, remove one, mute all', async () => {
    const ana = await desk('Ana');
    const reader = readerOf(ana);
    const ids = await roomOfThree(ana);
    const el = await conference(ana.interactions);
    await waitUntil(() => rows(el).length === 3, 'three participants');
    part(el, 'join-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(part(el, 'room-state')) === 'You are in the room.', 'joined');
    // Join is gone: from Mute all, Tab walks the participants' buttons.
    await ready(el, 'mute-all-button');
    part(el, 'mute-all-button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('aria-label')).to.match(/^Mute /);
    await sendKeys({ press: 'Space' });
    await waitUntil(() => row(el, 0).dataset.muted === 'true', 'muted from the keyboard');
    // Busy while the command was out, the button kept the focus (aria-disabled, not disabled).
    expect(focused(el)?.getAttribute('aria-label')).to.match(/^Mute /);
    expect((await reader.conferenceParticipants())[0]!.muted).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('aria-label')).to.match(/^Remove /);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows(el).length === 2, 'removed from the keyboard');
    expect((await reader.get(ids[0]!))!.call!.state).to.equal('ended');
    await ready(el, 'mute-all-button');
    part(el, 'mute-all-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows(el).every((r) => r.dataset.muted === 'true'), 'all muted from the keyboard');
    expect((await reader.conferenceParticipants()).map((p) => p.muted)).to.deep.equal([true, true]);
    await expect(el).to.be.accessible();
    for (const id of ids.slice(1)) await driver(`/${id}/hangup`);
  });
});
