import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-conference.js';
import type { UcrmConference } from '../src/components/ucrm-conference/ucrm-conference.js';
import { AGENT, OTHER_AGENT, shadowOf, simulator, text, until } from './support/workspace-harness.js';

/** The agent with `count` calls sent to their room, one by one. */
async function roomWith(count: number) {
  const { sim, clock } = simulator({
    agents: [
      { id: AGENT, name: 'Ana', capacity: { phone: count + 1 } },
      { id: OTHER_AGENT, name: 'Bruno' },
    ],
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const call = (await sim.simulateInbound({ channel: 'phone', campaign: 'support', clientId: `+5989910${String(i).padStart(4, '0')}` }))!;
    await sim.take(call.id);
    await sim.sendToConference(call.id);
    ids.push(call.id);
  }
  return { sim, clock, ids };
}

async function conference(sim: ReturnType<typeof simulator>['sim'], clock: ReturnType<typeof simulator>['clock'], lang = 'en') {
  const el = await fixture<UcrmConference>(html`<ucrm-conference lang=${lang} .interactions=${sim} .clock=${clock}></ucrm-conference>`);
  await until(() => shadowOf(el).querySelector('[part~="base"]')?.getAttribute('aria-busy') !== 'true', 'the room');
  return el;
}

const part = (el: UcrmConference, name: string) => shadowOf(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const rows = (el: UcrmConference) => [...shadowOf(el).querySelectorAll<HTMLElement>('[part~="participant"]')];
const row = (el: UcrmConference, index: number) => rows(el)[index]!;
const button = (li: HTMLElement, name: string) => li.querySelector<HTMLButtonElement>(`[part~="${name}"]`)!;
const announced = (el: UcrmConference) => text(part(el, 'announcer'));

describe('<ucrm-conference>', function () {
  this.timeout(30000);

  it('three participants: join, speaking, mute all (not the agent), unmute one, remove one', async () => {
    const { sim, clock, ids } = await roomWith(3);
    const el = await conference(sim, clock);
    expect(rows(el)).to.have.length(3);
    expect(text(part(el, 'count'))).to.equal('(3 participants)');
    expect(text(part(el, 'room-state'))).to.contain('join to talk');
    await expect(el).to.be.accessible();

    part(el, 'join-button')!.click();
    await until(() => text(part(el, 'room-state')) === 'You are in the room.', 'joined');
    const room = (await sim.list({ tab: 'active' })).find((i) => i.conferenceRoom)!;
    expect(room.call!.state).to.equal('connected');
    expect(part(el, 'join-button')).to.equal(null);

    // Who speaks is read again on the clock.
    await sim.simulateSpeaking(ids[1]!, true);
    clock.tick(1000);
    await until(() => row(el, 1).dataset.speaking === 'true', 'the speaking indicator');
    expect(text(row(el, 1))).to.contain('Speaking');
    await expect(el).to.be.accessible();

    part(el, 'mute-all-button')!.click();
    await until(() => rows(el).every((r) => r.dataset.muted === 'true'), 'all muted');
    expect((await sim.conferenceParticipants()).every((p) => p.muted)).to.equal(true);
    // The agent is not a participant: the room's own call stays unmuted.
    expect((await sim.get(room.id))!.call!.muted).to.equal(false);
    expect(announced(el)).to.equal('All participants muted.');
    expect(part(el, 'mute-all-button')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();

    const first = button(row(el, 0), 'mute-button');
    expect(first.getAttribute('aria-pressed')).to.equal('true');
    first.click();
    await until(() => row(el, 0).dataset.muted === 'false', 'one unmuted');
    expect((await sim.conferenceParticipants())[0]!.muted).to.equal(false);

    const removed = text(row(el, 2).querySelector('[part~="name"]'));
    button(row(el, 2), 'remove-button').click();
    await until(() => rows(el).length === 2, 'one removed');
    expect((await sim.get(ids[2]!))!.status).to.equal('finished');
    expect(announced(el)).to.equal(`${removed} left the conference.`);
    await expect(el).to.be.accessible();
  });

  it('a participant who hangs up leaves the list; the room ends when everyone has left', async () => {
    const { sim, clock, ids } = await roomWith(2);
    const el = await conference(sim, clock);
    await sim.simulateHangup(ids[0]!);
    await until(() => rows(el).length === 1, 'the hang-up');
    await sim.simulateHangup(ids[1]!);
    await until(() => rows(el).length === 0, 'the last hang-up');
    expect(announced(el)).to.equal('The conference ended: everyone has left.');
    expect(text(part(el, 'empty'))).to.contain('empty');
    await expect(el).to.be.accessible();
    // A new call starts a new room, and the element follows it.
    const call = (await sim.simulateInbound({ channel: 'phone', campaign: 'support', clientId: '+59899333444' }))!;
    await sim.take(call.id);
    await sim.sendToConference(call.id);
    await until(() => rows(el).length === 1, 'the new room');
  });

  it('holds 20 participants', async () => {
    const { sim, clock, ids } = await roomWith(20);
    const el = await conference(sim, clock);
    expect(rows(el)).to.have.length(20);
    expect(text(part(el, 'count'))).to.equal('(20 participants)');
    await expect(el).to.be.accessible();
    await sim.simulateSpeaking(ids[19]!, true);
    clock.tick(1000);
    await until(() => row(el, 19).dataset.speaking === 'true', 'the 20th speaking');
    part(el, 'mute-all-button')!.click();
    await until(() => rows(el).every((r) => r.dataset.muted === 'true'), 'all 20 muted');
  });

  it('works from the keyboard alone', async () => {
    const { sim, clock } = await roomWith(2);
    const el = await conference(sim, clock);
    part(el, 'join-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => text(part(el, 'room-state')) === 'You are in the room.', 'joined');
    // Join is gone: focus Mute all and walk on with Tab.
    part(el, 'mute-all-button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadowOf(el).activeElement?.getAttribute('aria-label')).to.match(/^Mute /);
    await sendKeys({ press: 'Space' });
    await until(() => row(el, 0).dataset.muted === 'true', 'muted from the keyboard');
    await sendKeys({ press: 'Tab' });
    expect(shadowOf(el).activeElement?.getAttribute('aria-label')).to.match(/^Remove /);
    await sendKeys({ press: 'Enter' });
    await until(() => rows(el).length === 1, 'removed from the keyboard');
  });

  it('speaks Spanish', async () => {
    const { sim, clock } = await roomWith(1);
    const el = await conference(sim, clock, 'es');
    await until(() => text(part(el, 'count')) === '(1 participante)', 'Spanish');
    await expect(el).to.be.accessible();
  });
});
