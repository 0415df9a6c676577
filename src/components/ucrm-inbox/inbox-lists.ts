/**
 * The inbox's two lists as the source last described them, and how one
 * watched change moves an interaction between them. No DOM.
 */
import { byNewestActivity, inboxTabOf, type InboxTab, type Interaction, type InteractionChange } from '../../core/interactions/index.js';

export { byNewestActivity };

export interface InboxLists {
  pending: Interaction[];
  active: Interaction[];
}

/**
 * Which tab an interaction belongs in, or undefined when it leaves the
 * inbox (closed, or assigned to another agent). `agentId` is the agent
 * whose inbox this is; without it an assigned interaction counts as the
 * agent's only when it was already in their Active list (`wasActive`).
 */
export function tabOf(interaction: Interaction, agentId: string | undefined, wasActive: boolean): InboxTab | undefined {
  if (agentId) return inboxTabOf(interaction, agentId);
  if (interaction.status === 'pending') return interaction.assignee ? undefined : 'pending';
  return wasActive && interaction.status !== 'closed' ? 'active' : undefined;
}

/**
 * The lists after `change`. `unknownActive` is set when an assigned
 * interaction appeared that may be the agent's (no agent id to tell): the
 * caller re-reads the Active list from the source.
 */
export function applyChange(
  lists: InboxLists,
  change: InteractionChange,
  agentId: string | undefined,
): { lists: InboxLists; unknownActive: boolean } {
  if (change.type === 'removed') {
    return { lists: without(lists, change.id), unknownActive: false };
  }
  if (change.type !== 'interaction') return { lists, unknownActive: false };
  const next = change.interaction;
  const wasActive = lists.active.some((i) => i.id === next.id);
  const tab = tabOf(next, agentId, wasActive);
  const rest = without(lists, next.id);
  const unknownActive = !agentId && !tab && !wasActive && next.status !== 'closed' && next.status !== 'pending';
  if (!tab) return { lists: rest, unknownActive };
  return { lists: { ...rest, [tab]: [next, ...rest[tab]].sort(byNewestActivity) }, unknownActive: false };
}

/** The lists with `interaction` in the tab the source says (used after a take or a start). */
export function place(lists: InboxLists, interaction: Interaction, tab: InboxTab): InboxLists {
  const rest = without(lists, interaction.id);
  return { ...rest, [tab]: [interaction, ...rest[tab]].sort(byNewestActivity) };
}

export function without(lists: InboxLists, id: string): InboxLists {
  const drop = (list: Interaction[]) => (list.some((i) => i.id === id) ? list.filter((i) => i.id !== id) : list);
  const pending = drop(lists.pending);
  const active = drop(lists.active);
  return pending === lists.pending && active === lists.active ? lists : { pending, active };
}

/** What a row calls the customer: the source's title, else the ClientID, else the contact id. */
export function titleOf(interaction: Interaction): string {
  return interaction.title || interaction.context.clientId || interaction.contactId || interaction.id;
}
