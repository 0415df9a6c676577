/**
 * The inbox's lists as the source last described them — Pending, Active,
 * and the transfers offered to the agent (which the source lists in
 * Pending; the inbox shows them apart, above the tabs) — and how one
 * watched change moves an interaction between them. No DOM.
 */
import {
  byNewestActivity,
  inboxTabOf,
  isTransferOfferedTo,
  type InboxTab,
  type Interaction,
  type InteractionChange,
} from '../../core/interactions/index.js';

export { byNewestActivity };

export interface InboxLists {
  pending: Interaction[];
  active: Interaction[];
  /** Transfers offered to this agent, waiting for Accept or Decline (oldest first: the first to time out). */
  offers: Interaction[];
}

/** Where the inbox keeps an interaction: a tab, or the offers above them. */
export type InboxPlace = InboxTab | 'offers';

/**
 * Of what the source listed as Pending, the transfers offered to the agent.
 * Without an agent id: a listed interaction that is someone's, with a
 * transfer to an agent (the source lists only those offered to its agent).
 */
export function isOffer(interaction: Interaction, agentId: string | undefined): boolean {
  if (agentId) return isTransferOfferedTo(interaction, agentId);
  const target = interaction.transfer?.target;
  return interaction.status === 'active' && !!target && 'agentId' in target;
}

/** The source's Pending list split into the Pending tab and the offers. */
export function splitPending(pending: readonly Interaction[], agentId: string | undefined): Pick<InboxLists, 'pending' | 'offers'> {
  const offers = pending.filter((i) => isOffer(i, agentId));
  return { pending: pending.filter((i) => !offers.includes(i)).sort(byNewestActivity), offers: offers.sort(byOldestActivity) };
}

function byOldestActivity(a: Interaction, b: Interaction): number {
  return byNewestActivity(b, a);
}

/**
 * Which tab an interaction belongs in, or undefined when it leaves the
 * inbox (closed, or assigned to another agent). `agentId` is the agent
 * whose inbox this is; without it an assigned interaction counts as the
 * agent's only when it was already in their Active list (`wasActive`).
 */
export function tabOf(interaction: Interaction, agentId: string | undefined, wasActive: boolean, wasOffer = false): InboxPlace | undefined {
  if (agentId) return isTransferOfferedTo(interaction, agentId) ? 'offers' : inboxTabOf(interaction, agentId);
  // Without an agent id an offer is known from the source's list; it stays one while its transfer lasts.
  if (wasOffer) return interaction.transfer ? 'offers' : undefined;
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
  const wasOffer = lists.offers.some((i) => i.id === next.id);
  const tab = tabOf(next, agentId, wasActive, wasOffer);
  const rest = without(lists, next.id);
  const unknownActive = !agentId && !tab && !wasActive && next.status !== 'closed' && next.status !== 'pending';
  if (!tab) return { lists: rest, unknownActive };
  if (tab === 'offers') return { lists: { ...rest, offers: [...rest.offers, next].sort(byOldestActivity) }, unknownActive: false };
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
  const offers = drop(lists.offers);
  return pending === lists.pending && active === lists.active && offers === lists.offers ? lists : { pending, active, offers };
}

/** What a row calls the customer: the source's title, else the ClientID, else the contact id. */
export function titleOf(interaction: Interaction): string {
  return interaction.title || interaction.context.clientId || interaction.contactId || interaction.id;
}
