/**
 * Who may see a change-feed event (the SSE stream serves an agent only
 * these): presence is everyone's; an interaction's changes and messages go
 * to its assignee (and to the one it had before, so a transfer away or a
 * close leaves their inbox), and — while it is or just was pending — to
 * the members of its campaign, so another agent's take removes it from
 * their Pending at once; and to the agent a transfer of it is offered to,
 * while the offer stands and on the change that ends it (accepted,
 * declined, cancelled, timed out), so it enters and leaves their Pending.
 * A blocked contact's inbound makes no event at all.
 */
import type { EventRow } from './state-io.js';

export interface Viewer {
  id: string;
  /** Campaigns the agent belongs to; undefined means every campaign. */
  campaigns?: readonly string[];
}

export function visibleTo(
  viewer: Viewer,
  row: Pick<EventRow, 'kind' | 'campaign' | 'assignee' | 'prev_assignee' | 'pendingish' | 'offered_to'>,
): boolean {
  if (row.kind === 'presence') return true;
  if (row.assignee === viewer.id || row.prev_assignee === viewer.id) return true;
  // Interaction changes only: the offer, not the conversation's messages or who is typing.
  if (row.offered_to === viewer.id && row.kind === 'interaction') return true;
  if (!row.pendingish) return false;
  return !viewer.campaigns || (row.campaign !== null && viewer.campaigns.includes(row.campaign));
}
