/**
 * Traffic for the demo: customers arrive on the campaigns' channels, answer
 * the agent, hang up; bots greet; other agents take, finish, disposition and
 * close their work; carriers send receipts. Everything runs on the source's
 * clock and the seeded PRNG, so a fake clock drives a whole day.
 */
import { mulberry32 } from '../../core/util/index.js';
import type { DispositionNode } from '../../core/types.js';
import type { InteractionChange } from '../../core/interactions/index.js';
import type { TimerSet } from './sim-clock.js';
import { clientIdFor, CUSTOMER_OPENERS, CUSTOMER_REPLIES, customerName } from './sim-content.js';
import type { SimulatedInteractionSource } from './simulated-source.js';

export interface TrafficOptions {
  /** Mean time between inbound interactions. */
  inboundEveryMs: number;
  /** Defaults to the source's seed. */
  seed?: number;
  /** No new inbound while this many wait in Pending (20 by default). */
  maxPending?: number;
  /** How long a simulated call lasts before the customer hangs up (60 s mean by default). */
  callLengthMs?: number;
  /** Mean time before a customer answers the agent (8 s by default). */
  replyAfterMs?: number;
  /** Other agents take, finish and close work (true by default). */
  otherAgents?: boolean;
}

function firstLeafPath(tree: readonly DispositionNode[] | undefined): string[] {
  const path: string[] = [];
  let level = tree;
  while (level?.length) {
    const node = level[0]!;
    path.push(node.id);
    level = node.children;
  }
  return path;
}

export function startTraffic(
  source: SimulatedInteractionSource,
  options: TrafficOptions,
  sourceSeed: number,
  timers: TimerSet,
): () => void {
  const random = mulberry32(options.seed ?? sourceSeed);
  const between = (mean: number) => mean * (0.5 + random());
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let stopped = false;
  const scheduled = new Set<string>();
  const later = (ms: number, action: () => Promise<unknown> | void) =>
    timers.after(ms, () => {
      if (stopped) return;
      // A race lost to the agent (already taken, already ended) is part of the simulation.
      void Promise.resolve()
        .then(action)
        .catch(() => undefined);
    });

  const arrive = () => {
    later(between(options.inboundEveryMs), async () => {
      arrive();
      if (source.state.pending.length >= (options.maxPending ?? 20)) return;
      const campaign = pick(source.campaigns.filter((c) => c.channels.length > 0));
      const channel = pick(campaign.channels);
      const clientId = clientIdFor(channel, campaign.region, random(), random());
      const preChat = channel === 'webchat' && chance(0.5) ? { name: customerName(random(), random()) } : undefined;
      await source.simulateInbound({
        channel,
        campaign: campaign.id,
        clientId,
        ...(channel === 'phone' ? {} : { text: pick(CUSTOMER_OPENERS) }),
        ...(preChat ? { preChat } : {}),
      });
    });
  };

  const onChange = (change: InteractionChange) => {
    if (change.type === 'message') {
      const message = change.message;
      if (message.direction !== 'out' || message.author.kind !== 'agent' || message.internal) return;
      if (message.status !== 'sent' || scheduled.has(message.id)) return;
      scheduled.add(message.id);
      later(between(1500), () => source.simulateDelivery(message.id, 'delivered'));
      later(between(5000), () => source.simulateDelivery(message.id, 'read'));
      if (chance(0.6)) {
        later(between(options.replyAfterMs ?? 8000), () => {
          const interaction = source.state.interactions.get(message.interactionId);
          if (interaction?.status !== 'active') return;
          return source.simulateCustomerMessage(interaction.id, { text: pick(CUSTOMER_REPLIES) });
        });
      }
      return;
    }
    if (change.type !== 'interaction') return;
    const interaction = change.interaction;
    const call = interaction.call;
    if (call?.state === 'connected' && !interaction.conferenceRoom && !scheduled.has(`hangup:${interaction.id}`)) {
      scheduled.add(`hangup:${interaction.id}`);
      later(between(options.callLengthMs ?? 60_000), () => {
        const now = source.state.interactions.get(interaction.id);
        if (now?.call && now.call.state !== 'ended' && now.call.state !== 'parked') return source.simulateHangup(interaction.id);
      });
    }
    if (interaction.status === 'pending' && call?.state === 'ringing' && !scheduled.has(`abandon:${interaction.id}`)) {
      scheduled.add(`abandon:${interaction.id}`);
      if (chance(0.3)) {
        later(between(120_000), () => {
          if (source.state.interactions.get(interaction.id)?.status === 'pending') return source.simulateHangup(interaction.id);
        });
      }
    }
    const target = interaction.transfer?.target;
    const key = `transfer:${interaction.id}:${interaction.transfer?.deadline ?? ''}`;
    if (target && 'agentId' in target && target.agentId !== source.agentId && !scheduled.has(key)) {
      scheduled.add(key);
      later(between(4000), () => source.simulateTransferAnswer(interaction.id, chance(0.75) ? 'accept' : 'decline'));
    }
  };
  const unwatch = source.watch(onChange);

  const otherAgents = () => {
    later(between(options.inboundEveryMs * 1.3), async () => {
      otherAgents();
      const state = source.state;
      const now = Date.parse(new Date(timers.clock.now()).toISOString());
      for (const agent of Object.values(state.agents)) {
        if (agent.id === source.agentId) continue;
        // Finish and close what has run long enough.
        for (const interaction of [...state.interactions.values()]) {
          if (interaction.assignee !== agent.id || interaction.conferenceRoom) continue;
          const age = now - Date.parse(interaction.updatedAt ?? interaction.startedAt);
          if (age < 45_000) continue;
          const campaign = state.campaigns[interaction.campaign];
          if (interaction.status === 'active') {
            if (interaction.call) await source.actAs(agent.id, { type: 'call-command', id: interaction.id, command: { type: 'hangup' } }).catch(() => undefined);
            else await source.actAs(agent.id, { type: 'finish', id: interaction.id }).catch(() => undefined);
          } else if (interaction.status === 'finished') {
            const path = firstLeafPath(campaign?.dispositions);
            await source
              .actAs(agent.id, path.length
                ? { type: 'save-disposition', id: interaction.id, disposition: { path, comment: 'Resolved.' }, close: true }
                : { type: 'close', id: interaction.id })
              .catch(() => undefined);
          }
        }
        // Now and then another agent hands a fresh chat to this one (the demo's incoming transfer offer).
        const me = state.agents[source.agentId];
        if (me?.presence === 'available' && chance(0.15)) {
          const handoff = [...state.interactions.values()].find(
            (i) => i.assignee === agent.id && i.status === 'active' && !i.transfer && !i.call && !i.conferenceRoom,
          );
          if (handoff) await source.simulateTransferFrom(handoff.id, agent.id).catch(() => undefined);
        }
        if (agent.presence !== 'available' || !chance(0.5)) continue;
        const next = source.state.pending
          .map((id) => source.state.interactions.get(id)!)
          .find((i) => i && !i.transfer && state.campaigns[i.campaign]?.assignment !== 'auto' && (!agent.campaigns || agent.campaigns.includes(i.campaign)));
        if (next) {
          await source.simulateTakeByOther(next.id, agent.id).catch(() => undefined);
          if (next.channel !== 'phone') await source.simulateAgentMessage(next.id, agent.id, 'Hola, ¿en qué te puedo ayudar?').catch(() => undefined);
        }
      }
    });
  };

  arrive();
  if (options.otherAgents !== false) otherAgents();
  return () => {
    stopped = true;
    unwatch();
  };
}
