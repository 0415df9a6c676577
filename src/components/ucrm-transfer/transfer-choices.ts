/**
 * What the transfer dialog offers (seed 002), as pure rules: destinations
 * by channel, which agents are valid, how a target is named, and the
 * external number's check. No DOM.
 */
import { normalizeIdentity } from '../../core/identity/index.js';
import type { AgentInfo, Interaction, TransferTo } from '../../core/interactions/index.js';
import type { TransferTargets } from '../../data/interactions/source.js';

export type DestinationKind = 'agent' | 'campaign' | 'number';

/** Phone: agent, campaign or external number; text channels: agent or campaign. */
export function destinationKinds(interaction: Interaction | undefined): DestinationKind[] {
  return interaction?.channel === 'phone' ? ['agent', 'campaign', 'number'] : ['agent', 'campaign'];
}

/** A valid agent is connected with no status or break: available. */
export const isValidAgent = (agent: AgentInfo): boolean => agent.presence === 'available';

/** The typed number in E.164, or undefined when it is not a phone number. */
export function checkNumber(raw: string, defaultRegion?: string): string | undefined {
  const result = normalizeIdentity('phone', raw, defaultRegion ? { defaultRegion } : undefined);
  return result.ok ? result.identity.value : undefined;
}

/** A target in words, through the catalog's three forms. */
export function targetLabel(
  to: TransferTo,
  targets: TransferTargets | undefined,
  words: { agent(name: string): string; campaign(name: string): string; number(n: string): string },
): string {
  if ('agentId' in to) return words.agent(targets?.agents.find((a) => a.id === to.agentId)?.name ?? to.agentId);
  if ('campaignId' in to) return words.campaign(targets?.campaigns.find((c) => c.id === to.campaignId)?.name ?? to.campaignId);
  return words.number(to.number);
}
