import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-call-controls.js';
import type { UcrmCallControls } from '../src/components/ucrm-call-controls/ucrm-call-controls.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import type { SimulatedSourceOptions } from '../src/data/interactions/simulated-source.js';
import type { FakeClock } from './support/fake-clock.js';
import { quietly } from './support/console.js';
import { OTHER_AGENT, failing, shadowOf, simulator, text, until } from './support/workspace-harness.js';

const control = (el: UcrmCallControls, id: string) => shadowOf(el).querySelector<HTMLButtonElement>(`[part~="control-${id}"]`)!;
const pressed = (el: UcrmCallControls, id: string) => control(el, id).getAttribute('aria-pressed');
const disabled = (el: UcrmCallControls, id: string) => control(el, id).getAttribute('aria-disabled') === 'true';
const part = (el: UcrmCallControls, name: string) => shadowOf(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const announced = (el: UcrmCallControls) => text(part(el, 'announcer'));
const focused = (el: UcrmCallControls) => shadowOf(el).activeElement as HTMLElement | null;

async function liveCall(options: Partial<SimulatedSourceOptions> = {}) {
  const { sim, clock } = simulator(options);
  const inbound = (await sim.simulateInbound({ channel: 'phone', campaign: 'support', clientId: '+59899000111' }))!;
  // With latency, the take waits on the clock too.
  const taken = sim.take(inbound.id);
  clock.tick(options.latencyMs ?? 0);
  await taken;
  return { sim, clock, id: inbound.id };
}

async function controls(source: InteractionSource, id: string, clock: FakeClock, lang = 'en', latencyMs = 0) {
  const el = await fixture<UcrmCallControls>(
    html`<ucrm-call-controls lang=${lang} interaction-id=${id} .interactions=${source} .clock=${clock}></ucrm-call-controls>`,
  );
  // With latency, the first read waits on the clock.
  clock.tick(latencyMs);
  await until(() => el.callState, 'the call');
  return el;
}

async function press(el: UcrmCallControls, id: string) {
  control(el, id).click();
  await until(() => !control(el, id).hasAttribute('data-pending') && !part(el, 'toolbar')!.hasAttribute('aria-busy'), `${id} answered`);
  await el.updateComplete;
}

describe('<ucrm-call-controls>', function () {
  this.timeout(30000);

  it('mute, hold, park, keypad and end call each change the call, and the source agrees', async () => {
    const { sim, clock, id } = await liveCall();
    const el = await controls(sim, id, clock);
    expect(el.getAttribute('call-state')).to.equal('connected');
    expect(text(part(el, 'state'))).to.equal('Connected');
    expect(part(el, 'toolbar')!.getAttribute('role')).to.equal('toolbar');
    await expect(el).to.be.accessible();

    const action = oneEvent(el, 'ucrm-call-action');
    await press(el, 'mute');
    expect((await action).detail).to.deep.equal({ interactionId: id, action: 'mute' });
    expect(pressed(el, 'mute')).to.equal('true');
    expect((await sim.get(id))!.call!.muted).to.equal(true);
    expect(announced(el)).to.contain('Muted');
    await expect(el).to.be.accessible();
    await press(el, 'mute');
    expect((await sim.get(id))!.call!.muted).to.equal(false);

    // Hold says the customer hears music.
    const holdHint = shadowOf(el).getElementById(control(el, 'hold').getAttribute('aria-describedby')!)!;
    expect(text(holdHint)).to.contain('hold music');
    await press(el, 'hold');
    expect(pressed(el, 'hold')).to.equal('true');
    expect(el.getAttribute('call-state')).to.equal('held');
    expect((await sim.get(id))!.call!.state).to.equal('held');
    expect(announced(el)).to.contain('On hold');
    await expect(el).to.be.accessible();
    await press(el, 'hold');
    expect((await sim.get(id))!.call!.state).to.equal('connected');

    await press(el, 'park');
    expect((await sim.get(id))!.call).to.include({ state: 'parked', parkedBy: 'ana' });
    expect((await sim.get(id))!.status).to.equal('active');
    expect(text(control(el, 'park'))).to.contain('Unpark');
    expect(text(part(el, 'parked-by'))).to.equal('Parked by you');
    expect(disabled(el, 'park')).to.equal(false);
    expect(disabled(el, 'hold')).to.equal(true);
    await expect(el).to.be.accessible();
    await press(el, 'park');
    expect((await sim.get(id))!.call!.state).to.equal('connected');

    // The keypad: its keys and the keyboard's digits, * and #.
    control(el, 'keypad').click();
    await el.updateComplete;
    expect(control(el, 'keypad').getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    const digit = oneEvent(el, 'ucrm-call-action');
    shadowOf(el).querySelector<HTMLButtonElement>('[part~="key"][aria-label="5"]')!.click();
    expect((await digit).detail).to.deep.equal({ interactionId: id, action: 'dtmf', digits: '5' });
    control(el, 'keypad').focus();
    await sendKeys({ type: '1*#' });
    await until(() => text(part(el, 'sent-digits')) === 'Sent: 51*#', 'the typed digits');

    const ended = oneEvent(el, 'ucrm-call-action');
    await press(el, 'end');
    expect((await ended).detail.action).to.equal('hangup');
    const after = (await sim.get(id))!;
    expect(after.call!.state).to.equal('ended');
    expect(after.status).to.equal('finished');
    expect(text(part(el, 'state'))).to.equal('Call ended');
    expect(part(el, 'keypad')).to.equal(null);
    expect(['mute', 'hold', 'keypad', 'park', 'conference', 'end'].every((c) => disabled(el, c))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('another agent cannot unpark: the control says who parked it, is disabled, and the source refuses', async () => {
    const { sim, clock } = simulator();
    const call = (await sim.simulateInbound({ channel: 'phone', campaign: 'support', clientId: '+59899000222' }))!;
    await sim.simulateTakeByOther(call.id, OTHER_AGENT);
    await sim.actAs(OTHER_AGENT, { type: 'call-command', id: call.id, command: { type: 'park' } });
    const el = await controls(sim, call.id, clock);
    await until(() => text(part(el, 'parked-by')) === 'Parked by Bruno', 'the parker’s name');
    expect(text(control(el, 'park'))).to.contain('Unpark');
    expect(disabled(el, 'park')).to.equal(true);
    expect(disabled(el, 'end')).to.equal(true);
    const hint = shadowOf(el).getElementById(control(el, 'park').getAttribute('aria-describedby')!)!;
    expect(text(hint)).to.equal('Only Bruno can resume this call.');
    control(el, 'park').click();
    await el.updateComplete;
    expect((await sim.get(call.id))!.call!.state).to.equal('parked');
    const refused = await sim.call(call.id, { type: 'unpark' }).catch((error: { code: string }) => error);
    expect((refused as { code: string }).code).to.equal('conflict');
    await expect(el).to.be.accessible();
  });

  it('shows a pending look while the source works, then the state it answers (never a guess)', async () => {
    const { sim, clock, id } = await liveCall({ latencyMs: 400 });
    const el = await controls(sim, id, clock, 'en', 400);
    control(el, 'hold').click();
    await el.updateComplete;
    expect(control(el, 'hold').getAttribute('aria-busy')).to.equal('true');
    expect(pressed(el, 'hold')).to.equal('false');
    expect(disabled(el, 'mute')).to.equal(true);
    await expect(el).to.be.accessible();
    clock.tick(400);
    await until(() => pressed(el, 'hold') === 'true', 'the held answer');
    expect(control(el, 'hold').hasAttribute('aria-busy')).to.equal(false);
  });

  it('a refused or failed command shows the reason and changes nothing', async () => {
    const { sim, clock, id } = await liveCall();
    const el = await controls(failing(sim, 'call'), id, clock);
    const error = oneEvent(el, 'ucrm-error');
    await quietly(async () => {
      control(el, 'mute').click();
      expect((await error).detail).to.include({ operation: 'call', code: 'unavailable' });
    });
    await el.updateComplete;
    expect(text(part(el, 'error'))).to.contain('did not answer');
    expect(pressed(el, 'mute')).to.equal('false');
    await expect(el).to.be.accessible();
    // Retry sends it again.
    shadowOf(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => pressed(el, 'mute') === 'true', 'muted after retry');
  });

  it('times the call from its start on the clock; stops when it ends', async () => {
    const { sim, clock, id } = await liveCall();
    const el = await controls(sim, id, clock);
    expect(text(part(el, 'timer')!.querySelector('time'))).to.equal('00:00');
    clock.tick(65_000);
    await el.updateComplete;
    expect(text(part(el, 'timer')!.querySelector('time'))).to.equal('01:05');
    expect(part(el, 'timer')!.querySelector('time')!.getAttribute('datetime')).to.equal('PT1M5S');
    expect(text(part(el, 'timer'))).to.contain('1 minute, 5 seconds');
    await sim.simulateHangup(id);
    await until(() => el.callState === 'ended', 'the hang-up');
    clock.tick(30_000);
    await el.updateComplete;
    expect(text(part(el, 'timer')!.querySelector('time'))).to.equal('01:05');
  });

  it('shows the signal green / orange / red with a text alternative, and announces a change', async () => {
    const { sim, clock, id } = await liveCall();
    const el = await controls(sim, id, clock);
    expect(part(el, 'signal')!.getAttribute('aria-label')).to.equal('Signal: good');
    for (const level of ['fair', 'poor'] as const) {
      await sim.setSignal(id, level);
      await el.updateComplete;
      expect(part(el, `signal-${level}`)).to.not.equal(null);
      expect(part(el, 'signal')!.getAttribute('aria-label')).to.contain(`Signal: ${level}`);
      expect(announced(el)).to.contain(`Signal: ${level}`);
      await expect(el).to.be.accessible();
    }
    expect(getComputedStyle(part(el, 'signal')!.querySelector('rect.on')!).fill).to.equal('rgb(180, 35, 24)');
  });

  it('works from the keyboard alone: one Tab stop, arrows between controls, Enter presses', async () => {
    const { sim, clock, id } = await liveCall();
    const el = await controls(sim, id, clock);
    control(el, 'mute').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)?.getAttribute('part')).to.contain('control-hold');
    await sendKeys({ press: 'Enter' });
    await until(() => pressed(el, 'hold') === 'true', 'held from the keyboard');
    await sendKeys({ press: 'End' });
    expect(focused(el)?.getAttribute('part')).to.contain('control-end');
    await sendKeys({ press: 'Home' });
    expect(focused(el)?.getAttribute('part')).to.contain('control-mute');
    expect([...shadowOf(el).querySelectorAll('[part~="control"]')].filter((c) => c.getAttribute('tabindex') === '0')).to.have.length(1);
    await sendKeys({ press: 'Space' });
    await until(() => pressed(el, 'mute') === 'true', 'muted from the keyboard');
  });

  it('sends the call to the conference room; in the room, Join', async () => {
    const { sim, clock, id } = await liveCall();
    const el = await controls(sim, id, clock);
    const action = oneEvent(el, 'ucrm-call-action');
    await press(el, 'conference');
    expect((await action).detail.action).to.equal('conference');
    expect(el.callState).to.equal('conference');
    const room = (await sim.list({ tab: 'active' })).find((i) => i.conferenceRoom)!;
    const roomControls = await controls(sim, room.id, clock);
    expect(text(control(roomControls, 'conference'))).to.equal('Join');
    expect(shadowOf(roomControls).querySelector('[part~="control-hold"]')).to.equal(null);
    await press(roomControls, 'conference');
    expect((await sim.get(room.id))!.call!.state).to.equal('connected');
    await expect(roomControls).to.be.accessible();
  });

  it('speaks Spanish', async () => {
    const { sim, clock, id } = await liveCall();
    const el = await controls(sim, id, clock, 'es');
    await until(() => text(control(el, 'hold')) === 'Espera', 'Spanish labels');
    await expect(el).to.be.accessible();
  });
});
