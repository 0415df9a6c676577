import { expect, fixture, html } from '@open-wc/testing';
import '../src/define/ucrm-inbox.js';
import type { UcrmInbox } from '../src/components/ucrm-inbox/ucrm-inbox.js';
import type { Campaign } from '../src/core/types.js';
import { AGENT, SUPPORT, shadowOf, simulator, text, until } from './support/workspace-harness.js';

/** An Outbound Hub campaign whose "Call back" disposition reschedules. */
const HUB: Campaign = {
  id: 'hub',
  name: 'Collections',
  channels: ['phone'],
  outboundChannels: ['phone'],
  outboundHub: true,
  dispositions: [{ id: 'callback', label: 'Call back', children: [{ id: 'later', label: 'Later', kind: 'reschedule' }] }],
};

describe('reschedule', function () {
  this.timeout(40000);

  it('stores the attempt, lists it for the agent, and starts the outbound call at its time', async () => {
    const { sim, clock } = simulator({ campaigns: [SUPPORT, HUB], answerAfterMs: 1000 });
    const el = await fixture<UcrmInbox>(html`<ucrm-inbox agent-id=${AGENT} .interactions=${sim} .campaigns=${[SUPPORT, HUB]}></ucrm-inbox>`);
    await until(() => shadowOf(el).querySelector('[part~="scheduled-empty"]'), 'the empty Scheduled list');

    const call = await sim.start({ channel: 'phone', campaign: 'hub', to: '+5491155550000', attachments: [] } as never);
    clock.tick(1000);
    await sim.call(call.id, { type: 'hangup' });
    const at = new Date(clock.now() + 3_600_000).toISOString();
    await sim.saveDisposition(call.id, { path: ['callback', 'later'], rescheduleAt: at }, { close: true });

    expect(await sim.scheduled()).to.have.length(1);
    expect((await sim.scheduled())[0]).to.include({ interactionId: call.id, campaign: 'hub', channel: 'phone', clientId: call.context.clientId, at });
    await until(() => shadowOf(el).querySelectorAll('[part~="scheduled-item"]').length === 1, 'the attempt listed');
    expect(text(shadowOf(el).querySelector('[part~="scheduled-item"]'))).to.contain('Collections');
    await expect(el).to.be.accessible();

    // Not a moment before its time.
    clock.tick(3_599_999);
    expect([...sim.state.interactions.values()].filter((i) => i.campaign === 'hub' && i.status === 'active')).to.have.length(0);
    clock.tick(1);
    const attempt = [...sim.state.interactions.values()].find((i) => i.campaign === 'hub' && i.status === 'active')!;
    expect(attempt).to.include({ assignee: AGENT, channel: 'phone', direction: 'out' });
    expect(attempt.context.clientId).to.equal(call.context.clientId);
    expect(attempt.call?.state).to.equal('ringing');
    clock.tick(1000);
    expect(sim.state.interactions.get(attempt.id)!.call?.state).to.equal('connected');
    expect(await sim.scheduled()).to.have.length(0);
    await until(() => shadowOf(el).querySelector('[part~="scheduled-empty"]'), 'the list empty again');
    shadowOf(el).querySelector<HTMLButtonElement>('#tab-active')!.click();
    await until(() => shadowOf(el).querySelector(`[data-id="${attempt.id}"]`), 'the attempt in Active');
  });

  it('moves the attempt when the disposition is saved again, and drops it when it no longer reschedules', async () => {
    const { sim, clock } = simulator({ campaigns: [SUPPORT, { ...HUB, dispositions: [...HUB.dispositions!, { id: 'paid', label: 'Paid' }] }] });
    const call = await sim.start({ channel: 'phone', campaign: 'hub', to: '+5491155550000', attachments: [] } as never);
    const first = new Date(clock.now() + 60_000).toISOString();
    const second = new Date(clock.now() + 120_000).toISOString();
    await sim.saveDisposition(call.id, { path: ['callback', 'later'], rescheduleAt: first }, { close: false });
    await sim.saveDisposition(call.id, { path: ['callback', 'later'], rescheduleAt: second }, { close: false });
    expect((await sim.scheduled()).map((a) => a.at)).to.deep.equal([second]);
    await sim.saveDisposition(call.id, { path: ['paid'] }, { close: false });
    expect(await sim.scheduled()).to.deep.equal([]);
    clock.tick(200_000);
    expect([...sim.state.interactions.values()].filter((i) => i.campaign === 'hub')).to.have.length(1);
  });
});
