import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  canReceive,
  capacityFor,
  computeLoads,
  createWorkspaceState,
  freeCapacity,
  isAutoAssigned,
  reduceWorkspace,
  stepWorkspace,
  type InteractionEvent,
  type Presence,
  type WorkspaceState,
} from '../../src/core/interactions/index.js';
import type { Campaign, Channel } from '../../src/core/types.js';

const T0 = Date.UTC(2025, 0, 15, 12);
const dispositions: Campaign['dispositions'] = [
  { id: 'ok', label: 'OK' },
  { id: 'later', label: 'Later', children: [{ id: 'am', label: 'Morning' }] },
];
const CAMPAIGNS: Campaign[] = [
  { id: 'auto', name: 'Auto', channels: ['phone', 'whatsapp', 'webchat'], outboundChannels: [], assignment: 'auto', dispositions, wrapUpSeconds: 20 },
  { id: 'manual', name: 'Manual', channels: ['phone', 'whatsapp', 'webchat'], outboundChannels: [], wrapUpSeconds: 0 },
  { id: 'auto-b', name: 'Auto B', channels: ['phone', 'webchat'], outboundChannels: [], assignment: 'auto' },
];
const AGENTS = ['a', 'b', 'c'] as const;
const CHANNELS: Channel[] = ['phone', 'whatsapp', 'webchat'];

/** Abstract commands; ids and agents are resolved against the run so far. */
type Command =
  | { kind: 'inbound'; channel: Channel; campaign: string }
  | { kind: 'take' | 'finish' | 'close' | 'hangup' | 'customer-hangup' | 'read' | 'park' | 'unpark'; pick: number; agent: number; asAssignee: boolean }
  | { kind: 'disposition'; pick: number; agent: number; asAssignee: boolean; close: boolean; complete: boolean }
  | { kind: 'message'; pick: number }
  | { kind: 'presence'; agent: number; presence: Presence }
  | { kind: 'tick'; ms: number };

// Mostly the latest few arrivals, so one interaction goes through several steps.
const pickArb = fc.oneof({ weight: 4, arbitrary: fc.nat(2) }, { weight: 1, arbitrary: fc.nat(50) });
const agentArb = fc.nat(AGENTS.length - 1);
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('inbound' as const), channel: fc.constantFrom(...CHANNELS), campaign: fc.constantFrom('auto', 'manual', 'auto-b') }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constantFrom('take', 'finish', 'close', 'hangup', 'customer-hangup', 'read', 'park', 'unpark'),
      pick: pickArb,
      agent: agentArb,
      asAssignee: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('disposition' as const),
      pick: pickArb,
      agent: agentArb,
      asAssignee: fc.boolean(),
      close: fc.boolean(),
      complete: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('message' as const), pick: pickArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('presence' as const), agent: agentArb, presence: fc.constantFrom<Presence>('available', 'busy', 'break', 'wrap-up', 'disconnected') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 40_000 }) }) },
);

const capacityArb = fc.record({ phone: fc.integer({ min: 1, max: 2 }), whatsapp: fc.integer({ min: 1, max: 3 }), webchat: fc.integer({ min: 0, max: 2 }) });
const setupArb = fc.record({
  capacities: fc.tuple(capacityArb, capacityArb, capacityArb),
  commands: fc.array(commandArb, { minLength: 20, maxLength: 80 }),
  blockedEvery: fc.integer({ min: 2, max: 5 }),
});

interface Run {
  states: WorkspaceState[];
  events: InteractionEvent[];
  arrivals: string[];
  blocked: Set<string>;
}

type Setup = { capacities: Record<string, number>[]; commands: Command[]; blockedEvery: number };

function run(setup: Setup): Run {
  let state = createWorkspaceState({
    campaigns: CAMPAIGNS,
    agents: AGENTS.map((id, i) => ({ id, capacity: setup.capacities[i] })),
    now: T0,
  });
  const states = [state];
  const events: InteractionEvent[] = [];
  const arrivals: string[] = [];
  const blocked = new Set<string>();
  let at = T0;
  let n = 0;
  const idAt = (pick: number) => arrivals[arrivals.length - 1 - (pick % Math.max(1, arrivals.length))];
  for (const command of setup.commands) {
    at += 1000;
    let event: InteractionEvent | undefined;
    const agentFor = (c: { pick: number; agent: number; asAssignee: boolean }) => {
      const id = idAt(c.pick);
      const assignee = id ? state.interactions.get(id)?.assignee : undefined;
      return c.asAssignee && assignee ? assignee : AGENTS[c.agent]!;
    };
    switch (command.kind) {
      case 'inbound': {
        n += 1;
        const id = `i${n}`;
        const isBlocked = n % setup.blockedEvery === 0;
        if (isBlocked) blocked.add(id);
        else arrivals.push(id);
        event = { type: 'inbound', at, id, channel: command.channel, campaign: command.campaign, clientId: `c${n}`, blocked: isBlocked };
        break;
      }
      case 'take':
      case 'finish':
      case 'close':
      case 'read': {
        const id = idAt(command.pick);
        if (id) event = { type: command.kind, at, id, agentId: agentFor(command) };
        break;
      }
      case 'hangup':
      case 'park':
      case 'unpark': {
        const id = idAt(command.pick);
        if (id) event = { type: 'call-command', at, id, agentId: agentFor(command), command: { type: command.kind } };
        break;
      }
      case 'customer-hangup': {
        const id = idAt(command.pick);
        if (id) event = { type: 'call-ended', at, id };
        break;
      }
      case 'disposition': {
        const id = idAt(command.pick);
        if (id) {
          event = {
            type: 'save-disposition',
            at,
            id,
            agentId: agentFor(command),
            disposition: { path: command.complete ? ['later', 'am'] : ['later'] },
            close: command.close,
          };
        }
        break;
      }
      case 'message': {
        const id = idAt(command.pick);
        if (id) {
          event = {
            type: 'message',
            at,
            message: { id: `m${at}`, interactionId: id, direction: 'in', author: { kind: 'customer', name: 'C' }, text: 'hi', status: 'delivered', at: new Date(at).toISOString() },
          };
        }
        break;
      }
      case 'presence':
        event = { type: 'presence', at, agentId: AGENTS[command.agent]!, presence: command.presence };
        break;
      case 'tick':
        at += command.ms;
        event = { type: 'tick', at };
        break;
    }
    if (!event) continue;
    state = reduceWorkspace(state, event);
    states.push(state);
    events.push(event);
  }
  return { states, events, arrivals, blocked };
}

const property = (check: (r: Run) => void) =>
  fc.assert(
    fc.property(setupArb, (setup) => check(run(setup))),
    { numRuns: 150 },
  );

describe('interaction lifecycle reducer (properties)', () => {
  it('never gives an interaction to two agents: once taken, only its assignee holds it', () => {
    property(({ states }) => {
      for (let i = 1; i < states.length; i++) {
        for (const [id, before] of Object.entries(states[i - 1]!.interactions)) {
          const after = states[i]!.interactions.get(id)!;
          if (before.assignee) expect(after.assignee, id).to.equal(before.assignee);
        }
      }
    });
  });

  it('never puts an agent over its capacity on any channel', () => {
    property(({ states }) => {
      for (const state of states) {
        const loads = computeLoads(state);
        for (const agent of Object.values(state.agents)) {
          for (const channel of CHANNELS) {
            expect(loads[agent.id]?.[channel] ?? 0, `${agent.id} ${channel}`).to.be.at.most(capacityFor(agent, channel));
          }
        }
      }
    });
  });

  it('never lets a blocked contact’s inbound be seen: dropped with a system record instead', () => {
    property(({ states, blocked }) => {
      const last = states.at(-1)!;
      for (const id of blocked) {
        for (const state of states) expect(state.interactions.get(id), id).to.equal(undefined);
        expect(last.dropped.some((d) => d.id === id && d.reason === 'blocked')).to.equal(true);
      }
    });
  });

  it('never reopens a closed interaction', () => {
    property(({ states }) => {
      for (let i = 1; i < states.length; i++) {
        for (const [id, before] of Object.entries(states[i - 1]!.interactions)) {
          if (before.status === 'closed') expect(states[i]!.interactions.get(id)!.status, id).to.equal('closed');
        }
      }
    });
  });

  it('keeps Pending in arrival order and holds exactly the pending interactions', () => {
    property(({ states, arrivals }) => {
      for (const state of states) {
        const order = arrivals.filter((id) => state.pending.includes(id));
        expect([...state.pending]).to.deep.equal(order);
        const pendingIds = [...state.interactions.values()].filter((i) => i.status === 'pending').map((i) => i.id).sort();
        expect([...state.pending].sort()).to.deep.equal(pendingIds);
      }
    });
  });

  it('leaves no auto-assigned interaction waiting while an eligible agent has room (work-conserving)', () => {
    property(({ states }) => {
      for (const state of states) {
        const loads = computeLoads(state);
        for (const id of state.pending) {
          const interaction = state.interactions.get(id)!;
          if (!isAutoAssigned(state, interaction.campaign)) continue;
          for (const agent of Object.values(state.agents)) {
            const room = canReceive(agent, interaction.channel, interaction.campaign) && freeCapacity(loads, agent, interaction.channel) > 0;
            expect(room, `${id} waits while ${agent.id} has room`).to.equal(false);
          }
        }
      }
    });
  });

  it('assigns fairly: the most free capacity, then the longest idle', () => {
    property(({ states, events }) => {
      events.forEach((event, i) => {
        if (event.type !== 'inbound' || event.blocked) return;
        // The workspace as the call found it: a wrap-up that ended before it arrived has ended
        // (seed -358478258 once judged an agent still in wrap-up that had left it before the call).
        const before = reduceWorkspace(states[i]!, { type: 'tick', at: event.at });
        const after = states[i + 1]!;
        const assignee = after.interactions.get(event.id)?.assignee;
        // Only an arrival that did not queue behind older waiting interactions is judged alone.
        if (!assignee || before.pending.length > 0) return;
        const loads = computeLoads(before);
        const chosen = before.agents[assignee]!;
        const chosenFree = freeCapacity(loads, chosen, event.channel);
        for (const agent of Object.values(before.agents)) {
          if (!canReceive(agent, event.channel, event.campaign)) continue;
          const free = freeCapacity(loads, agent, event.channel);
          expect(free, `${agent.id} had more room than ${assignee}`).to.be.at.most(chosenFree);
          if (free === chosenFree) expect(agent.idleSince, `${agent.id} idle longer`).to.be.at.least(chosen.idleSince);
        }
        expect(before.agents[assignee]!.presence === 'available' || event.channel !== 'phone').to.equal(true);
      });
    });
  });

  it('closes only finished interactions, with a complete disposition when the campaign has them', () => {
    property(({ states }) => {
      const last = states.at(-1)!;
      for (const interaction of [...last.interactions.values()]) {
        if (interaction.status !== 'closed' || !interaction.assignee) continue;
        expect(interaction.finishedAt, interaction.id).to.be.a('string');
        if (interaction.campaign === 'auto') expect(interaction.disposition?.path).to.deep.equal(['later', 'am']);
      }
    });
  });

  it('finishes a phone interaction only when its call ends', () => {
    property(({ states }) => {
      for (const state of states) {
        for (const interaction of [...state.interactions.values()]) {
          if (interaction.channel === 'phone' && (interaction.status === 'finished' || interaction.status === 'closed')) {
            expect(interaction.call?.state, interaction.id).to.equal('ended');
          }
        }
      }
    });
  });
});

describe('interaction lifecycle reducer (the generator)', () => {
  it('reaches the interesting states, so the properties are not vacuous', () => {
    const seen = new Set<string>();
    for (const setup of fc.sample(setupArb, { numRuns: 200, seed: 42 })) {
      const { states } = run(setup);
      const last = states.at(-1)!;
      for (const interaction of [...last.interactions.values()]) {
        seen.add(interaction.status);
        if (interaction.status === 'closed' && interaction.disposition) seen.add('closed-with-disposition');
        if (interaction.call?.state === 'parked') seen.add('parked');
      }
      if (Object.values(last.agents).some((a) => a.presence === 'wrap-up')) seen.add('wrap-up');
      if (last.pending.some((id) => isAutoAssigned(last, last.interactions.get(id)!.campaign))) seen.add('auto-waiting');
      if (last.dropped.length) seen.add('dropped');
    }
    for (const expected of ['pending', 'active', 'finished', 'closed', 'closed-with-disposition', 'parked', 'wrap-up', 'auto-waiting', 'dropped']) {
      expect(seen.has(expected), expected).to.equal(true);
    }
  });
});

describe('interaction lifecycle reducer (examples)', () => {
  const base = () =>
    createWorkspaceState({ campaigns: CAMPAIGNS, agents: [{ id: 'a' }, { id: 'b' }], now: T0 });

  it('finishes, dispositions and closes a chat in one save-and-close', () => {
    let state = reduceWorkspace(base(), { type: 'inbound', at: T0 + 1, id: 'x', channel: 'whatsapp', campaign: 'auto', clientId: 'c' });
    const agent = state.interactions.get('x')!.assignee!;
    expect(agent).to.equal('a');
    const early = stepWorkspace(state, { type: 'close', at: T0 + 2, id: 'x', agentId: agent });
    expect(early.rejection?.code).to.equal('invalid');
    state = reduceWorkspace(state, { type: 'finish', at: T0 + 2, id: 'x', agentId: agent });
    expect(state.interactions.get('x')!.status).to.equal('finished');
    const bare = stepWorkspace(state, { type: 'close', at: T0 + 3, id: 'x', agentId: agent });
    expect(bare.rejection?.code).to.equal('invalid');
    const partial = stepWorkspace(state, { type: 'save-disposition', at: T0 + 3, id: 'x', agentId: agent, disposition: { path: ['later'] }, close: true });
    expect(partial.rejection?.code).to.equal('invalid');
    const outcome = stepWorkspace(state, { type: 'save-disposition', at: T0 + 3, id: 'x', agentId: agent, disposition: { path: ['later', 'am'] }, close: true });
    expect(outcome.rejection).to.equal(undefined);
    expect(outcome.state.interactions.get('x')!.status).to.equal('closed');
  });

  it('refuses a second take with conflict', () => {
    let state = reduceWorkspace(base(), { type: 'inbound', at: T0 + 1, id: 'x', channel: 'whatsapp', campaign: 'manual', clientId: 'c' });
    state = reduceWorkspace(state, { type: 'take', at: T0 + 2, id: 'x', agentId: 'a' });
    const outcome = stepWorkspace(state, { type: 'take', at: T0 + 3, id: 'x', agentId: 'b' });
    expect(outcome.rejection?.code).to.equal('conflict');
    expect(outcome.state).to.equal(state);
  });

  it('answers a ringing call on take', () => {
    let state = reduceWorkspace(base(), { type: 'inbound', at: T0 + 1, id: 'x', channel: 'phone', campaign: 'manual', clientId: 'c' });
    expect(state.interactions.get('x')!.call!.state).to.equal('ringing');
    state = reduceWorkspace(state, { type: 'take', at: T0 + 2, id: 'x', agentId: 'a' });
    expect(state.interactions.get('x')!.call!.state).to.equal('connected');
  });

  it('lets only the parker unpark', () => {
    let state = reduceWorkspace(base(), { type: 'inbound', at: T0 + 1, id: 'x', channel: 'phone', campaign: 'manual', clientId: 'c' });
    state = reduceWorkspace(state, { type: 'take', at: T0 + 2, id: 'x', agentId: 'a' });
    state = reduceWorkspace(state, { type: 'call-command', at: T0 + 3, id: 'x', agentId: 'a', command: { type: 'park' } });
    expect(state.interactions.get('x')!.call).to.include({ state: 'parked', parkedBy: 'a' });
    expect(state.interactions.get('x')!.status).to.equal('active');
    const byOther = stepWorkspace(state, { type: 'call-command', at: T0 + 4, id: 'x', agentId: 'b', command: { type: 'unpark' } });
    expect(byOther.rejection?.code).to.equal('conflict');
    state = reduceWorkspace(state, { type: 'call-command', at: T0 + 5, id: 'x', agentId: 'a', command: { type: 'unpark' } });
    expect(state.interactions.get('x')!.call!.state).to.equal('connected');
  });

  it('refuses to resume a parked call while the agent is on another (seed 002: parking frees the line)', () => {
    let state = reduceWorkspace(base(), { type: 'inbound', at: T0 + 1, id: 'x', channel: 'phone', campaign: 'manual', clientId: 'c' });
    state = reduceWorkspace(state, { type: 'take', at: T0 + 2, id: 'x', agentId: 'a' });
    state = reduceWorkspace(state, { type: 'call-command', at: T0 + 3, id: 'x', agentId: 'a', command: { type: 'park' } });
    state = reduceWorkspace(state, { type: 'inbound', at: T0 + 4, id: 'y', channel: 'phone', campaign: 'manual', clientId: 'd' });
    state = reduceWorkspace(state, { type: 'take', at: T0 + 5, id: 'y', agentId: 'a' });
    const busy = stepWorkspace(state, { type: 'call-command', at: T0 + 6, id: 'x', agentId: 'a', command: { type: 'unpark' } });
    expect(busy.rejection).to.deep.equal({ code: 'conflict', message: 'Park or end your current call before resuming this one.' });
    state = reduceWorkspace(state, { type: 'call-command', at: T0 + 7, id: 'y', agentId: 'a', command: { type: 'park' } });
    state = reduceWorkspace(state, { type: 'call-command', at: T0 + 8, id: 'x', agentId: 'a', command: { type: 'unpark' } });
    expect(state.interactions.get('x')!.call!.state).to.equal('connected');
  });

  it('opens and renews the WhatsApp window from the customer’s last message and counts unread', () => {
    let state = reduceWorkspace(base(), { type: 'inbound', at: T0, id: 'x', channel: 'whatsapp', campaign: 'manual', clientId: 'c' });
    const message = (id: string, at: number) =>
      ({ type: 'message', at, message: { id, interactionId: 'x', direction: 'in', author: { kind: 'customer', name: 'C' }, status: 'delivered', at: new Date(at).toISOString() } }) as const;
    state = reduceWorkspace(state, message('m1', T0 + 1000));
    state = reduceWorkspace(state, message('m2', T0 + 5000));
    expect(state.interactions.get('x')!.unread).to.equal(2);
    expect(state.interactions.get('x')!.whatsappWindowEndsAt).to.equal(new Date(T0 + 5000 + 24 * 3600 * 1000).toISOString());
    expect(state.interactions.get('x')!.updatedAt).to.equal(new Date(T0 + 5000).toISOString());
  });

  it('abandons a call that hangs up while waiting: closed, out of Pending', () => {
    let state = reduceWorkspace(base(), { type: 'inbound', at: T0, id: 'x', channel: 'phone', campaign: 'manual', clientId: 'c' });
    state = reduceWorkspace(state, { type: 'call-ended', at: T0 + 1, id: 'x' });
    expect(state.interactions.get('x')!.status).to.equal('closed');
    expect(state.pending).to.deep.equal([]);
  });

  it('returns an unanswered transfer to its sender at the campaign timeout', () => {
    const campaigns = CAMPAIGNS.map((c) => (c.id === 'manual' ? { ...c, transferTimeoutSeconds: 10 } : c));
    let state = createWorkspaceState({ campaigns, agents: [{ id: 'a' }, { id: 'b' }], now: T0 });
    state = reduceWorkspace(state, { type: 'inbound', at: T0, id: 'x', channel: 'webchat', campaign: 'manual', clientId: 'c' });
    state = reduceWorkspace(state, { type: 'take', at: T0, id: 'x', agentId: 'a' });
    state = reduceWorkspace(state, { type: 'transfer', at: T0 + 1, id: 'x', agentId: 'a', to: { agentId: 'b' }, mode: 'blind' });
    expect(state.interactions.get('x')!.transfer?.target).to.deep.equal({ agentId: 'b' });
    state = reduceWorkspace(state, { type: 'tick', at: T0 + 11_001 });
    expect(state.interactions.get('x')).to.include({ assignee: 'a', status: 'active' });
    expect(state.interactions.get('x')!.transfer).to.equal(undefined);
    expect(state.interactions.get('x')!.lastTransfer?.outcome).to.equal('timeout');
  });

  it('returns an unanswered call parked by its sender when they took another call meanwhile (their line is busy)', () => {
    const campaigns = CAMPAIGNS.map((c) => (c.id === 'manual' ? { ...c, transferTimeoutSeconds: 10 } : c));
    let state = createWorkspaceState({ campaigns, agents: [{ id: 'a' }, { id: 'b' }], now: T0 });
    state = reduceWorkspace(state, { type: 'inbound', at: T0, id: 'x', channel: 'phone', campaign: 'manual', clientId: 'c' });
    state = reduceWorkspace(state, { type: 'take', at: T0, id: 'x', agentId: 'a' });
    state = reduceWorkspace(state, { type: 'transfer', at: T0 + 1, id: 'x', agentId: 'a', to: { campaignId: 'manual' }, mode: 'blind' });
    state = reduceWorkspace(state, { type: 'inbound', at: T0 + 2, id: 'y', channel: 'phone', campaign: 'manual', clientId: 'd' });
    state = reduceWorkspace(state, { type: 'take', at: T0 + 3, id: 'y', agentId: 'a' });
    state = reduceWorkspace(state, { type: 'tick', at: T0 + 11_001 });
    expect(state.interactions.get('x')).to.include({ assignee: 'a', status: 'active' });
    expect(state.interactions.get('x')!.call).to.include({ state: 'parked', parkedBy: 'a' });
    expect(state.interactions.get('x')!.lastTransfer?.outcome).to.equal('timeout');
    expect(computeLoads(state).a?.phone).to.equal(1);
    // Free again, the agent resumes it.
    state = reduceWorkspace(state, { type: 'call-command', at: T0 + 12_000, id: 'y', agentId: 'a', command: { type: 'hangup' } });
    state = reduceWorkspace(state, { type: 'call-command', at: T0 + 12_001, id: 'x', agentId: 'a', command: { type: 'unpark' } });
    expect(state.interactions.get('x')!.call!.state).to.equal('connected');
  });

  it('lets what fell due before an event happen first: an answer after the deadline finds it back with its sender', () => {
    const campaigns = CAMPAIGNS.map((c) => (c.id === 'manual' ? { ...c, transferTimeoutSeconds: 10 } : c));
    let state = createWorkspaceState({ campaigns, agents: [{ id: 'a' }, { id: 'b' }], now: T0 });
    state = reduceWorkspace(state, { type: 'inbound', at: T0, id: 'x', channel: 'webchat', campaign: 'manual', clientId: 'c' });
    state = reduceWorkspace(state, { type: 'take', at: T0, id: 'x', agentId: 'a' });
    state = reduceWorkspace(state, { type: 'transfer', at: T0 + 1, id: 'x', agentId: 'a', to: { agentId: 'b' }, mode: 'blind' });
    // No tick ran at the deadline (a late timer): the answer is judged at its own time.
    const late = stepWorkspace(state, { type: 'transfer-answer', at: T0 + 12_000, id: 'x', agentId: 'b', answer: 'accept' });
    expect(late.rejection?.code).to.equal('conflict');
    expect(late.state).to.equal(state);
    const after = reduceWorkspace(state, { type: 'tick', at: T0 + 12_000 });
    expect(after.interactions.get('x')).to.include({ assignee: 'a', status: 'active' });
    expect(after.interactions.get('x')!.lastTransfer?.outcome).to.equal('timeout');
  });
});
