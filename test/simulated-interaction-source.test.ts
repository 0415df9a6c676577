import { expect } from '@open-wc/testing';
import { CrmError } from '../src/core/errors.js';
import type { InteractionChange } from '../src/core/interactions/index.js';
import type { Campaign, Contact } from '../src/core/types.js';
import {
  createSimulatedInteractionSource,
  type SimClock,
  type SimulatedSourceOptions,
} from '../src/data/interactions/simulated-source.js';
import type { ContactLookup } from '../src/data/interactions/sim-contacts.js';

/** A clock the test moves by hand: timers run only when `tick` passes them. */
function manualClock(start = Date.UTC(2025, 0, 15, 12)): SimClock & { tick(ms: number): void } {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout(run, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    tick(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].run();
      }
      now = end;
    },
  };
}

const dispositions: Campaign['dispositions'] = [
  { id: 'solved', label: 'Solved' },
  { id: 'callback', label: 'Call back', children: [{ id: 'tomorrow', label: 'Tomorrow' }] },
];
const CAMPAIGNS: Campaign[] = [
  { id: 'sales', name: 'Sales', channels: ['phone', 'whatsapp', 'webchat'], outboundChannels: ['phone', 'whatsapp'], dispositions, wrapUpSeconds: 30 },
  { id: 'support', name: 'Support', channels: ['phone', 'whatsapp', 'webchat', 'email'], outboundChannels: ['email'], assignment: 'auto', wrapUpSeconds: 20 },
  { id: 'plain', name: 'Plain', channels: ['webchat', 'sms'], outboundChannels: ['sms'] },
];

function source(extra: Partial<SimulatedSourceOptions> = {}) {
  const clock = manualClock();
  const sim = createSimulatedInteractionSource({ agentId: 'me', agentName: 'Me', campaigns: CAMPAIGNS, clock, seed: 7, ...extra });
  return { sim, clock };
}

async function rejection(promise: Promise<unknown>): Promise<CrmError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(CrmError);
    return error as CrmError;
  }
  throw new Error('expected a rejection');
}

describe('createSimulatedInteractionSource', () => {
  it('inbound → Pending → take → Active, with every change pushed to watchers', async () => {
    const { sim } = source();
    const changes: InteractionChange[] = [];
    sim.watch((change) => changes.push(change));
    const made = await sim.simulateInbound({ channel: 'whatsapp', campaign: 'sales', clientId: '+59899111222', text: 'Hola' });
    expect(made!.status).to.equal('pending');
    expect((await sim.list({ tab: 'pending' })).map((i) => i.id)).to.deep.equal([made!.id]);
    expect(await sim.list({ tab: 'active' })).to.deep.equal([]);
    expect(changes.some((c) => c.type === 'interaction' && c.interaction.id === made!.id)).to.equal(true);
    expect(changes.some((c) => c.type === 'message' && c.message.text === 'Hola')).to.equal(true);

    const taken = await sim.take(made!.id);
    expect(taken.status).to.equal('active');
    expect(taken.assignee).to.equal('me');
    expect(await sim.list({ tab: 'pending' })).to.deep.equal([]);
    expect((await sim.list({ tab: 'active' })).map((i) => i.id)).to.deep.equal([made!.id]);
    expect(taken.unread).to.equal(1);
    await sim.messages(made!.id);
    expect((await sim.get(made!.id))!.unread).to.equal(0);
  });
});
