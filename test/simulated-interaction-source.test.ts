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
  {
    id: 'sales',
    name: 'Sales',
    channels: ['phone', 'whatsapp', 'webchat'],
    outboundChannels: ['phone', 'whatsapp'],
    dispositions,
    wrapUpSeconds: 30,
    templates: [{ id: 'welcome', name: 'Welcome', channel: 'whatsapp', approved: true, body: 'Hola {{1}}' }],
  },
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

  it('two agents racing for one interaction: one winner, the other gets conflict', async () => {
    const { sim } = source({ agents: [{ id: 'other', name: 'Other' }] });
    const made = await sim.simulateInbound({ channel: 'webchat', campaign: 'sales', clientId: 'visitor-1' });
    const results = await Promise.allSettled([sim.take(made!.id), sim.simulateTakeByOther(made!.id, 'other')]);
    const winners = results.filter((r) => r.status === 'fulfilled');
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(winners).to.have.length(1);
    expect(losers).to.have.length(1);
    expect(losers[0]!.reason).to.be.instanceOf(CrmError);
    expect((losers[0]!.reason as CrmError).code).to.equal('conflict');

    // The other way round: another agent was first, our take is refused and Pending no longer lists it.
    const second = await sim.simulateInbound({ channel: 'webchat', campaign: 'sales', clientId: 'visitor-2' });
    const removed: string[] = [];
    sim.watch((c) => {
      if (c.type === 'interaction' && c.interaction.id === second!.id && c.interaction.assignee === 'other') removed.push(c.interaction.id);
    });
    await sim.simulateTakeByOther(second!.id, 'other');
    expect(removed).to.deep.equal([second!.id]);
    expect((await rejection(sim.take(second!.id))).code).to.equal('conflict');
    expect((await sim.list({ tab: 'pending' })).map((i) => i.id)).to.not.include(second!.id);
  });

  it('auto-assigns fairly and keeps interactions in Pending while everyone is full', async () => {
    const { sim, clock } = source({
      agents: [
        { id: 'me', name: 'Me', capacity: { webchat: 2 } },
        { id: 'b', name: 'B', capacity: { webchat: 1 } },
      ],
    });
    const arrive = async (n: number) => {
      clock.tick(1000);
      return (await sim.simulateInbound({ channel: 'webchat', campaign: 'support', clientId: `visitor-${n}` }))!;
    };
    // me has 2 free, b has 1: me first; then both have 1 free and b has been idle longer.
    const first = await arrive(1);
    expect(first.assignee).to.equal('me');
    expect(first.status).to.equal('active');
    const second = await arrive(2);
    expect(second.assignee).to.equal('b');
    const third = await arrive(3);
    expect(third.assignee).to.equal('me');
    // Everyone is full: the fourth waits in Pending (not dropped).
    const fourth = await arrive(4);
    expect(fourth.status).to.equal('pending');
    expect((await sim.list({ tab: 'pending' })).map((i) => i.id)).to.deep.equal([fourth.id]);
    // Capacity frees: the waiting one is assigned at once.
    await sim.finish(first.id);
    const assigned = (await sim.get(fourth.id))!;
    expect(assigned.status).to.equal('active');
    expect(assigned.assignee).to.equal('me');
    expect((await sim.list({ tab: 'active' })).map((i) => i.id)).to.have.members([first.id, third.id, fourth.id]);
  });

  it('a blocked contact’s inbound reaches nobody and leaves a system record', async () => {
    const blocked = { id: 'c-blocked', firstName: 'Spam', lastName: 'Bot', blocked: true } as Contact;
    const known = { id: 'c-known', firstName: 'Ana', lastName: 'Pérez', blocked: false } as Contact;
    const contacts: ContactLookup = {
      findByIdentity: async (identity) => (identity.value === '+59899000111' ? [blocked] : identity.value === '+59899000222' ? [known] : []),
      getContact: async (id) => (id === known.id ? known : undefined),
    };
    const { sim } = source({ contacts, agents: [{ id: 'me', name: 'Me' }, { id: 'b', name: 'B' }] });
    const heard: InteractionChange[] = [];
    sim.watch((c) => heard.push(c));
    const dropped = await sim.simulateInbound({ channel: 'whatsapp', campaign: 'support', clientId: '+59899000111', text: 'buy now' });
    expect(dropped).to.equal(undefined);
    expect(heard).to.deep.equal([]);
    expect(await sim.list({ tab: 'pending' })).to.deep.equal([]);
    expect(await sim.list({ tab: 'active' })).to.deep.equal([]);
    expect(sim.dropped().map((d) => [d.clientId, d.reason])).to.deep.equal([['+59899000111', 'blocked']]);

    const linked = await sim.simulateInbound({ channel: 'whatsapp', campaign: 'sales', clientId: '+598 99 000 222' });
    expect(linked!.contactId).to.equal('c-known');
    expect(linked!.title).to.equal('Ana Pérez');
    expect((await sim.history({ contactId: 'c-known' })).map((i) => i.id)).to.deep.equal([linked!.id]);
  });

  it('finish, disposition and close follow the rules', async () => {
    const { sim } = source();
    const chat = (await sim.simulateInbound({ channel: 'whatsapp', campaign: 'sales', clientId: '+59899111222', text: 'Hi' }))!;
    await sim.take(chat.id);
    expect((await rejection(sim.close(chat.id))).code).to.equal('invalid');
    // A disposition may be saved early; the interaction stays active.
    const early = await sim.saveDisposition(chat.id, { path: ['callback', 'tomorrow'] }, { close: false });
    expect(early.status).to.equal('active');
    expect(early.disposition?.path).to.deep.equal(['callback', 'tomorrow']);
    expect((await rejection(sim.saveDisposition(chat.id, { path: ['callback'] }, { close: false }))).code).to.equal('invalid');
    const finished = await sim.finish(chat.id);
    expect(finished.status).to.equal('finished');
    // Finished is not closed: it stays in Active.
    expect((await sim.list({ tab: 'active' })).map((i) => i.id)).to.include(chat.id);
    const closed = await sim.saveDisposition(chat.id, { path: ['solved'] }, { close: true });
    expect(closed.status).to.equal('closed');
    expect(await sim.list({ tab: 'active' })).to.deep.equal([]);

    // No dispositions in the campaign: Close directly once finished.
    const plain = (await sim.simulateInbound({ channel: 'webchat', campaign: 'plain', clientId: 'visitor-9' }))!;
    await sim.take(plain.id);
    await sim.finish(plain.id);
    expect((await sim.close(plain.id)).status).to.equal('closed');
    expect((await rejection(sim.close(plain.id))).code).to.equal('conflict');

    // A phone interaction finishes when its call ends, not from the menu.
    const call = (await sim.simulateInbound({ channel: 'phone', campaign: 'sales', clientId: '+59899111333' }))!;
    expect(call.call?.state).to.equal('ringing');
    const answered = await sim.take(call.id);
    expect(answered.call?.state).to.equal('connected');
    expect((await rejection(sim.finish(call.id))).code).to.equal('invalid');
    const ended = await sim.simulateHangup(call.id);
    expect(ended.status).to.equal('finished');
    expect(ended.call?.state).to.equal('ended');
  });

  it('wrap-up after a call holds back inbound calls, then returns the agent to available', async () => {
    const { sim, clock } = source({ agents: [{ id: 'me', name: 'Me' }] });
    const presences: string[] = [];
    sim.watch((c) => {
      if (c.type === 'presence' && c.agentId === 'me') presences.push(c.presence);
    });
    const first = (await sim.simulateInbound({ channel: 'phone', campaign: 'support', clientId: '+59899111444' }))!;
    expect(first.assignee).to.equal('me');
    await sim.call(first.id, { type: 'hangup' });
    expect(await sim.presence()).to.equal('wrap-up');
    // Support's wrap-up is 20 s: a call arriving now waits; a chat still reaches the agent.
    const waiting = (await sim.simulateInbound({ channel: 'phone', campaign: 'support', clientId: '+59899111555' }))!;
    expect(waiting.status).to.equal('pending');
    const chat = (await sim.simulateInbound({ channel: 'webchat', campaign: 'support', clientId: 'visitor-3' }))!;
    expect(chat.assignee).to.equal('me');
    clock.tick(19_000);
    expect(await sim.presence()).to.equal('wrap-up');
    expect((await sim.get(waiting.id))!.status).to.equal('pending');
    clock.tick(1_000);
    expect(await sim.presence()).to.equal('available');
    expect((await sim.get(waiting.id))!.assignee).to.equal('me');
    expect(presences).to.deep.equal(['wrap-up', 'available']);

    // Ended early by a click: choosing available.
    await sim.simulateHangup(waiting.id);
    expect(await sim.presence()).to.equal('wrap-up');
    expect(await sim.setPresence('available')).to.equal('available');
    expect((await rejection(sim.setPresence('wrap-up'))).code).to.equal('invalid');
  });

  it('messages: send, statuses by simulateDelivery, WhatsApp template rule, idempotency, replies', async () => {
    const { sim, clock } = source();
    const chat = (await sim.simulateInbound({ channel: 'whatsapp', campaign: 'sales', clientId: '+59899111666', text: 'Hola' }))!;
    await sim.take(chat.id);
    const sent = await sim.send(chat.id, { text: 'Hi there' }, { idempotencyKey: 'k1' });
    expect(sent.status).to.equal('sent');
    expect((await sim.send(chat.id, { text: 'Hi there' }, { idempotencyKey: 'k1' })).id).to.equal(sent.id);
    expect((await sim.simulateDelivery(sent.id, 'delivered')).status).to.equal('delivered');
    expect((await sim.simulateDelivery(sent.id, 'read')).status).to.equal('read');
    // Receipts out of order change nothing.
    expect((await sim.simulateDelivery(sent.id, 'delivered')).status).to.equal('read');
    const reply = await sim.send(chat.id, { text: 'Quoting', replyTo: sent.id }, { idempotencyKey: 'k2' });
    expect(reply.replyTo).to.equal(sent.id);
    expect((await rejection(sim.send(chat.id, { text: 'x', replyTo: reply.id }, { idempotencyKey: 'k3' }))).code).to.equal('invalid');
    const page = await sim.messages(chat.id);
    expect(page.map((m) => m.text)).to.deep.equal(['Hola', 'Hi there', 'Quoting']);
    expect((await sim.messages(chat.id, { before: reply.id, limit: 1 })).map((m) => m.text)).to.deep.equal(['Hi there']);

    // 24 h after the customer's last message only a template goes through.
    clock.tick(24 * 3600 * 1000 + 1);
    const late = await sim.send(chat.id, { text: 'Still there?' }, { idempotencyKey: 'k4' });
    expect(late.status).to.equal('failed');
    const template = await sim.send(chat.id, { template: { id: 'welcome' } }, { idempotencyKey: 'k5' });
    expect(template.status).to.equal('sent');
    await sim.simulateCustomerMessage(chat.id, { text: 'Yes!' });
    expect((await sim.send(chat.id, { text: 'Great' }, { idempotencyKey: 'k6' })).status).to.equal('sent');
  });

  it('starts outbound interactions: a call rings then connects; WhatsApp must open with a template', async () => {
    const { sim, clock } = source();
    const call = await sim.start({ channel: 'phone', campaign: 'sales', to: '099123456', attachments: [] });
    expect(call).to.include({ status: 'active', assignee: 'me', direction: 'out' });
    expect(call.call?.state).to.equal('ringing');
    expect((await sim.list({ tab: 'active' })).map((i) => i.id)).to.deep.equal([call.id]);
    clock.tick(2000);
    expect((await sim.get(call.id))!.call?.state).to.equal('connected');

    const free = await sim.start({ channel: 'whatsapp', campaign: 'sales', to: '+59899000333', message: 'Hi', attachments: [] });
    expect((await sim.messages(free.id))[0]!.status).to.equal('failed');
    const hsm = await sim.start({ channel: 'whatsapp', campaign: 'sales', to: '+59899000444', template: 'welcome', variables: { 1: 'Ana' }, attachments: [] });
    const [opening] = await sim.messages(hsm.id);
    expect(opening!.status).to.equal('sent');
    expect(opening!.text).to.equal('Hola Ana');
    expect((await rejection(sim.start({ channel: 'email', campaign: 'sales', to: 'a@b.c', attachments: [] }))).code).to.equal('invalid');
  });

  it('call commands: mute, hold, park (only the parker unparks), keypad', async () => {
    const { sim } = source({ agents: [{ id: 'me', name: 'Me' }, { id: 'b', name: 'B' }] });
    const call = (await sim.simulateInbound({ channel: 'phone', campaign: 'sales', clientId: '+59899111777' }))!;
    await sim.take(call.id);
    expect((await sim.call(call.id, { type: 'mute' })).call?.muted).to.equal(true);
    expect((await sim.call(call.id, { type: 'hold' })).call?.state).to.equal('held');
    expect((await sim.call(call.id, { type: 'resume' })).call?.state).to.equal('connected');
    expect((await sim.call(call.id, { type: 'dtmf', digits: '12#' })).call?.state).to.equal('connected');
    const parked = await sim.call(call.id, { type: 'park' });
    expect(parked.call).to.include({ state: 'parked', parkedBy: 'me' });
    expect(parked.status).to.equal('active');
    expect((await rejection(sim.call(call.id, { type: 'hold' }))).code).to.equal('conflict');
    expect((await sim.call(call.id, { type: 'unpark' })).call?.state).to.equal('connected');
    expect((await sim.setSignal(call.id, 'poor')).call?.signal).to.equal('poor');
  });

  it('transfers: to an agent (accepted), to a campaign, and back to the sender on timeout', async () => {
    const campaigns = CAMPAIGNS.map((c) => (c.id === 'sales' ? { ...c, transferTimeoutSeconds: 15 } : c));
    const { sim, clock } = source({ campaigns, agents: [{ id: 'me', name: 'Me' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C', presence: 'break' }] });
    const targets = await sim.transferTargets((await sim.simulateInbound({ channel: 'webchat', campaign: 'sales', clientId: 'v1' }))!.id);
    expect(targets.agents.map((a) => [a.id, a.presence])).to.deep.equal([['b', 'available'], ['c', 'break']]);
    expect(targets.campaigns.map((c) => c.id)).to.have.members(['sales', 'support', 'plain']);

    const chat = (await sim.list({ tab: 'pending' }))[0]!;
    await sim.take(chat.id);
    expect((await rejection(sim.transfer(chat.id, { to: { agentId: 'c' }, mode: 'blind' }))).code).to.equal('invalid');
    expect((await rejection(sim.transfer(chat.id, { to: { number: '+59899' }, mode: 'blind' }))).code).to.equal('invalid');
    const pending = await sim.transfer(chat.id, { to: { agentId: 'b' }, mode: 'blind' });
    expect(pending.transfer?.target).to.deep.equal({ agentId: 'b' });
    const accepted = await sim.simulateTransferAnswer(chat.id, 'accept');
    expect(accepted.assignee).to.equal('b');
    expect(accepted.lastTransfer?.outcome).to.equal('completed');

    const call = (await sim.simulateInbound({ channel: 'phone', campaign: 'sales', clientId: '+59899111888' }))!;
    await sim.take(call.id);
    const consulting = await sim.transfer(call.id, { to: { agentId: 'b' }, mode: 'attended' });
    expect(consulting.call?.state).to.equal('consulting');
    await sim.simulateTransferAnswer(call.id, 'none');
    clock.tick(15_000);
    const back = (await sim.get(call.id))!;
    expect(back.assignee).to.equal('me');
    expect(back.call?.state).to.equal('connected');
    expect(back.lastTransfer?.outcome).to.equal('timeout');

    const queued = await sim.transfer(call.id, { to: { campaignId: 'support' }, mode: 'blind' });
    // Support assigns automatically: b is the only agent with room on the phone.
    expect(queued.assignee).to.equal('b');
    expect(queued.campaign).to.equal('support');
  });

  it('conference: calls go to the room, the agent joins, mutes and removes; the room ends when empty', async () => {
    const { sim } = source();
    const a = (await sim.simulateInbound({ channel: 'phone', campaign: 'sales', clientId: '+59899100001' }))!;
    await sim.take(a.id);
    const room = await sim.sendToConference(a.id);
    expect(room.conferenceRoom).to.equal(true);
    const b = (await sim.simulateInbound({ channel: 'phone', campaign: 'sales', clientId: '+59899100002' }))!;
    await sim.take(b.id);
    await sim.sendToConference(b.id);
    expect((await sim.joinConference()).call?.state).to.equal('connected');
    await sim.simulateSpeaking(a.id, true);
    await sim.muteAll();
    const participants = await sim.conferenceParticipants();
    expect(participants.map((p) => [p.id, p.muted, p.speaking])).to.deep.equal([[a.id, true, true], [b.id, true, false]]);
    await sim.removeParticipant(a.id);
    expect((await sim.get(a.id))!.status).to.equal('finished');
    await sim.simulateHangup(b.id);
    expect(await sim.conferenceParticipants()).to.deep.equal([]);
    expect((await sim.get(room.id))!.status).to.equal('closed');
  });

  it('views filter the inbox by Contact Name; batch tags and deletes', async () => {
    const { sim } = source();
    const ana = (await sim.simulateInbound({ channel: 'webchat', campaign: 'sales', clientId: 'v1', preChat: { name: 'Ana Pérez' } }))!;
    const luis = (await sim.simulateInbound({ channel: 'webchat', campaign: 'sales', clientId: 'v2', preChat: { name: 'Luis' } }))!;
    const view = await sim.saveView({ name: 'Anas', public: false, filter: { match: 'all', conditions: [{ field: 'name', op: 'contains', value: 'ana' }] } });
    expect((await sim.list({ tab: 'pending', viewId: view.id })).map((i) => i.id)).to.deep.equal([ana.id]);
    expect((await sim.list({ tab: 'pending', filter: { match: 'all', conditions: [{ field: 'name', op: 'is not', value: 'Ana Pérez' }] } })).map((i) => i.id)).to.deep.equal([luis.id]);
    expect((await sim.views()).map((v) => v.name)).to.deep.equal(['Anas']);
    expect((await rejection(sim.saveView({ name: 'Bad', public: true, filter: { match: 'all', conditions: [{ field: 'nope', op: 'is', value: 'x' }] } }))).code).to.equal('invalid');
    await sim.batch([ana.id, luis.id], { tags: { add: ['vip'] } });
    expect((await sim.list({ tab: 'pending', filter: { match: 'all', conditions: [{ field: 'tags', op: 'is', value: 'vip' }] } }))).to.have.length(2);
    const removed: string[] = [];
    sim.watch((c) => c.type === 'removed' && removed.push(c.id));
    await sim.batch([luis.id], { delete: true });
    expect(removed).to.deep.equal([luis.id]);
    await sim.deleteView(view.id);
    expect(await sim.views()).to.deep.equal([]);
  });

  it('is deterministic from its seed, and traffic runs on the clock alone', async () => {
    async function day(seed: number) {
      const clock = manualClock();
      const sim = createSimulatedInteractionSource({
        agentId: 'me',
        campaigns: CAMPAIGNS,
        agents: [{ id: 'me', name: 'Me' }, { id: 'b', name: 'B' }],
        clock,
        seed,
        traffic: { inboundEveryMs: 5000 },
      });
      const log: string[] = [];
      sim.watch((c) => log.push(c.type === 'interaction' ? `${c.interaction.id}:${c.interaction.status}:${c.interaction.assignee ?? ''}` : c.type));
      for (let i = 0; i < 120; i++) {
        clock.tick(5000);
        // Let the traffic's awaited steps (contact look-ups, follow-ups) settle between ticks.
        for (let j = 0; j < 10; j++) await Promise.resolve();
      }
      sim.dispose();
      return { log, state: sim.state };
    }
    const one = await day(3);
    const two = await day(3);
    const other = await day(4);
    expect(one.log.length).to.be.greaterThan(50);
    expect(one.log).to.deep.equal(two.log);
    expect(other.log).to.not.deep.equal(one.log);
    const statuses = new Set([...one.state.interactions.values()].map((i) => i.status));
    // Customers arrived, the auto campaign assigned, other agents closed their work.
    expect([...statuses]).to.include.members(['pending', 'active', 'closed']);
  });

  it('without traffic nothing happens on its own', async () => {
    const { sim, clock } = source();
    const heard: InteractionChange[] = [];
    sim.watch((c) => heard.push(c));
    clock.tick(3_600_000);
    expect(heard).to.deep.equal([]);
  });
});
