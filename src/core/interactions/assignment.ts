/**
 * Fair auto-assign (issue 18): an interaction of an `assignment: 'auto'`
 * campaign goes to the eligible agent with the most free capacity on its
 * channel, the longest idle first among equals (then by id, so the result is
 * deterministic). When nobody has room it waits in Pending and is assigned,
 * in arrival order, as soon as capacity frees.
 */
import type { Channel } from '../types.js';
import { freeCapacity, type Loads } from './capacity.js';
import type { Interaction } from './model.js';
import type { AgentState, WorkspaceState } from './state.js';

/** Whether an agent may receive an interaction of this channel and campaign by auto-assign. */
export function canReceive(agent: AgentState, channel: Channel, campaign: string): boolean {
  if (agent.campaigns && !agent.campaigns.includes(campaign)) return false;
  // Wrap-up (phone only) holds back inbound calls; chats still arrive.
  if (agent.presence === 'wrap-up') return channel !== 'phone';
  return agent.presence === 'available';
}

/** Whether `a` comes before `b` in the fairness order: more free capacity, then longest idle, then id. */
export function fairer(a: { free: number; agent: AgentState }, b: { free: number; agent: AgentState }): boolean {
  if (a.free !== b.free) return a.free > b.free;
  if (a.agent.idleSince !== b.agent.idleSince) return a.agent.idleSince < b.agent.idleSince;
  return a.agent.id < b.agent.id;
}

/** The agent an interaction should go to, or undefined when everyone eligible is full. */
export function pickAgent(
  agents: Readonly<Record<string, AgentState>>,
  loads: Loads,
  interaction: Pick<Interaction, 'channel' | 'campaign'>,
): AgentState | undefined {
  let best: { free: number; agent: AgentState } | undefined;
  for (const agent of Object.values(agents)) {
    if (!canReceive(agent, interaction.channel, interaction.campaign)) continue;
    const free = freeCapacity(loads, agent, interaction.channel);
    if (free <= 0) continue;
    const candidate = { free, agent };
    if (!best || fairer(candidate, best)) best = candidate;
  }
  return best?.agent;
}

/** Whether the campaign's interactions are assigned automatically (a campaign without `assignment` is manual). */
export function isAutoAssigned(state: Pick<WorkspaceState, 'campaigns'>, campaignId: string): boolean {
  return state.campaigns[campaignId]?.assignment === 'auto';
}
