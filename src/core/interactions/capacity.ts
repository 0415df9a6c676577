/**
 * Capacity: how many interactions of a channel an agent handles at once
 * (e.g. 1 call, 3 chats per chat channel). What counts is the agent's live
 * work: active interactions of that channel, except calls waiting in parking
 * or sent to the conference room (the line is free for another call) and
 * conference rooms themselves.
 */
import type { Channel } from '../types.js';
import type { Interaction } from './model.js';
import type { AgentState, Capacity, WorkspaceState } from './state.js';

export const DEFAULT_CAPACITY: Readonly<Capacity> & { text: number } = { phone: 1, text: 3 };

export function capacityFor(agent: Pick<AgentState, 'capacity'> | undefined, channel: Channel): number {
  return agent?.capacity?.[channel] ?? (channel === 'phone' ? DEFAULT_CAPACITY.phone! : DEFAULT_CAPACITY.text);
}

/** Whether an interaction occupies its assignee's capacity right now. */
export function occupiesCapacity(interaction: Interaction): boolean {
  if (interaction.status !== 'active' || !interaction.assignee || interaction.conferenceRoom) return false;
  const state = interaction.call?.state;
  return state !== 'parked' && state !== 'conference' && state !== 'ended';
}

/** Live load per agent and channel: `loads[agentId][channel]`. */
export type Loads = Record<string, Partial<Record<Channel, number>>>;

export function computeLoads(state: Pick<WorkspaceState, 'interactions'>): Loads {
  const loads: Loads = {};
  for (const interaction of [...state.interactions.values()]) {
    if (!occupiesCapacity(interaction)) continue;
    const perChannel = (loads[interaction.assignee!] ??= {});
    perChannel[interaction.channel] = (perChannel[interaction.channel] ?? 0) + 1;
  }
  return loads;
}

export function loadOf(loads: Loads, agentId: string, channel: Channel): number {
  return loads[agentId]?.[channel] ?? 0;
}

/** Free capacity of one channel; never negative. */
export function freeCapacity(loads: Loads, agent: AgentState, channel: Channel): number {
  return Math.max(0, capacityFor(agent, channel) - loadOf(loads, agent.id, channel));
}
