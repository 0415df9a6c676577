/**
 * The workspace state the lifecycle reducer folds: every interaction (closed
 * ones stay for the contact's history), their messages, the Pending queue in
 * arrival order, the agents with presence, capacity and idle-since, the
 * campaigns' rules, conference rooms, and the record of inbound that was
 * dropped (blocked contacts). Plain, immutable data: the reducer returns a
 * new object for whatever it changes and keeps the rest, so a caller can
 * find what changed by reference.
 */
import type { Campaign, Channel } from '../types.js';
import type { ConferenceParticipant, Interaction, Message, Presence } from './model.js';

/** How many interactions of a channel an agent handles at once. */
export type Capacity = Partial<Record<Channel, number>>;

export interface AgentState {
  id: string;
  name: string;
  presence: Presence;
  /** Per channel; channels not listed use `DEFAULT_CAPACITY`. */
  capacity?: Capacity;
  /** Campaigns the agent belongs to; undefined means every campaign. */
  campaigns?: readonly string[];
  /** Epoch ms since when the agent has had no new work: auto-assign prefers the longest idle. */
  idleSince: number;
  /** Epoch ms at which a wrap-up ends (absent: it lasts until the agent ends it). */
  wrapUpUntil?: number;
}

/** An agent's own conference room (seed 002): the room is itself an interaction. */
export interface ConferenceRoom {
  /** The room's interaction id. */
  id: string;
  owner: string;
  joined: boolean;
  participants: readonly ConferenceParticipant[];
}

/** Inbound that never reached an agent, kept as a system record (never listed). */
export interface DroppedInbound {
  id: string;
  channel: Channel;
  campaign: string;
  clientId: string;
  contactId?: string;
  reason: 'blocked';
  at: string;
}

export interface WorkspaceState {
  /**
   * Maps, copied on write: cheaper to copy and iterate than objects with
   * hundreds of keys (the inbox benchmark keeps 500 open).
   */
  interactions: ReadonlyMap<string, Interaction>;
  /** Oldest first, per interaction. */
  messages: ReadonlyMap<string, readonly Message[]>;
  /** Unassigned interactions in arrival order (the queue auto-assign serves first come, first served). */
  pending: readonly string[];
  agents: Readonly<Record<string, AgentState>>;
  campaigns: Readonly<Record<string, Campaign>>;
  rooms: Readonly<Record<string, ConferenceRoom>>;
  dropped: readonly DroppedInbound[];
}

export interface AgentSetup {
  id: string;
  name?: string;
  presence?: Presence;
  capacity?: Capacity;
  campaigns?: readonly string[];
}

/** A fresh workspace: no interactions, the agents idle since `now`. */
export function createWorkspaceState(setup: {
  campaigns: readonly Campaign[];
  agents: readonly AgentSetup[];
  now: number;
}): WorkspaceState {
  const agents: Record<string, AgentState> = {};
  for (const agent of setup.agents) {
    agents[agent.id] = {
      id: agent.id,
      name: agent.name ?? agent.id,
      presence: agent.presence ?? 'available',
      ...(agent.capacity ? { capacity: agent.capacity } : {}),
      ...(agent.campaigns ? { campaigns: agent.campaigns } : {}),
      idleSince: setup.now,
    };
  }
  const campaigns: Record<string, Campaign> = {};
  for (const campaign of setup.campaigns) campaigns[campaign.id] = campaign;
  return { interactions: new Map(), messages: new Map(), pending: [], agents, campaigns, rooms: {}, dropped: [] };
}

export const isoAt = (at: number): string => new Date(at).toISOString();

export function putInteraction(state: WorkspaceState, interaction: Interaction): WorkspaceState {
  return { ...state, interactions: new Map(state.interactions).set(interaction.id, interaction) };
}

export function putAgent(state: WorkspaceState, agent: AgentState): WorkspaceState {
  return { ...state, agents: { ...state.agents, [agent.id]: agent } };
}

export function withoutPending(state: WorkspaceState, id: string): WorkspaceState {
  return state.pending.includes(id) ? { ...state, pending: state.pending.filter((p) => p !== id) } : state;
}
