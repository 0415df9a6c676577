/**
 * Which inbox tab an interaction belongs to for one agent (the seed's two
 * tabs): Pending = unassigned, of the agent's campaigns, and a transfer
 * offered to the agent (waiting for their answer); Active = assigned to the
 * agent, including finished-but-not-closed. Closed ones leave the inbox.
 * The source's `list` and an inbox applying live changes use the same rule.
 */
import type { InboxTab, Interaction } from './model.js';
import { isTransferOfferedTo } from './transfer-rules.js';

export function inboxTabOf(
  interaction: Pick<Interaction, 'status' | 'assignee' | 'campaign' | 'transfer'>,
  agentId: string,
  campaigns?: readonly string[],
): InboxTab | undefined {
  if (isTransferOfferedTo(interaction, agentId)) return 'pending';
  if (interaction.status === 'pending') {
    return !campaigns || campaigns.includes(interaction.campaign) ? 'pending' : undefined;
  }
  if ((interaction.status === 'active' || interaction.status === 'finished') && interaction.assignee === agentId) {
    return 'active';
  }
  return undefined;
}

/** Newest activity first (the inbox's order); ties by id so the order is stable. */
export function byNewestActivity(a: Interaction, b: Interaction): number {
  const ta = a.updatedAt ?? a.startedAt;
  const tb = b.updatedAt ?? b.startedAt;
  if (ta !== tb) return ta < tb ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
