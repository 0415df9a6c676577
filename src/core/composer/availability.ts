/**
 * Which channels and campaigns an agent may start an outbound interaction
 * on: a campaign must enable the channel for outbound, and the agent must be
 * a member of it with outbound permission on that channel.
 */
import type { Campaign, Channel } from '../types.js';

/** The channels the composer can start (the order it offers them in). */
export const COMPOSER_CHANNELS = ['phone', 'whatsapp', 'sms', 'email'] as const;
export type ComposerChannel = (typeof COMPOSER_CHANNELS)[number];

export function isComposerChannel(value: unknown): value is ComposerChannel {
  return (COMPOSER_CHANNELS as readonly unknown[]).includes(value);
}

/** One campaign the agent belongs to, and the channels they may start interactions on in it. */
export interface AgentMembership {
  id: string;
  outbound: Channel[];
}

/**
 * The agent using the composer. Without an agent the host is taken to have
 * filtered the campaigns already: every outbound channel is offered.
 */
export interface ComposerAgent {
  id: string;
  campaigns: AgentMembership[];
}

export function isPermitted(campaign: Campaign, channel: Channel, agent?: ComposerAgent): boolean {
  if (!campaign.outboundChannels.includes(channel)) return false;
  if (!agent) return true;
  return agent.campaigns.some((m) => m.id === campaign.id && m.outbound.includes(channel));
}

/** Campaigns offered for `channel`, in the source's order. */
export function campaignsFor(campaigns: readonly Campaign[], channel: Channel, agent?: ComposerAgent): Campaign[] {
  return campaigns.filter((campaign) => isPermitted(campaign, channel, agent));
}

/** Why no channel is offered, so the agent sees a reason rather than an empty menu. */
export type UnavailableReason =
  /** The source has no campaign at all. */
  | 'no-campaigns'
  /** The agent is not a member of any campaign. */
  | 'no-membership'
  /** No campaign the agent belongs to enables an outbound channel the composer starts. */
  | 'no-outbound-channels'
  /** Campaigns enable channels, but the agent has no outbound permission in them. */
  | 'no-permission';

export type Availability =
  | { ok: true; channels: ComposerChannel[] }
  | { ok: false; reason: UnavailableReason };

export function availableChannels(campaigns: readonly Campaign[], agent?: ComposerAgent): Availability {
  if (campaigns.length === 0) return { ok: false, reason: 'no-campaigns' };
  const member = agent ? campaigns.filter((c) => agent.campaigns.some((m) => m.id === c.id)) : campaigns;
  if (member.length === 0) return { ok: false, reason: 'no-membership' };
  const enabled = COMPOSER_CHANNELS.filter((channel) => member.some((c) => c.outboundChannels.includes(channel)));
  if (enabled.length === 0) return { ok: false, reason: 'no-outbound-channels' };
  const channels = enabled.filter((channel) => member.some((c) => isPermitted(c, channel, agent)));
  return channels.length ? { ok: true, channels } : { ok: false, reason: 'no-permission' };
}
