/**
 * How `<ucrm-interaction-view>` reads its situation: which interaction to
 * show, whether it is a new one, what state the resolution leaves the view
 * in, and what the live region says about it. Pure functions; no DOM.
 */
import type { Contact, InteractionContext, MatchReason, ViewState } from '../../core/types.js';
import type { Resolution } from '../../data/source.js';
import type { interactionViewStrings } from '../../i18n/strings/interaction-view.js';

type ViewStrings = (typeof interactionViewStrings)['en'];

/** The contact card the view shows: `reduced` (the pop's first paint) or `full`. */
export type InteractionViewMode = 'reduced' | 'full';

/** A settled resolution, and the contact `auto-create` made for it. */
export interface Outcome {
  context?: InteractionContext;
  resolution: Resolution;
  created?: Contact;
}

/** A contact the agent picked (a candidate, a search result) or created. */
export interface Selection {
  contact: Contact;
  reason?: MatchReason;
}

export interface ContextSources {
  followStore: boolean;
  store?: InteractionContext;
  interaction?: InteractionContext;
  contactId?: string;
  clientId?: string;
  channel?: InteractionContext['channel'];
  campaign?: string;
}

/** The interaction to show: the property, else the attributes, else the store; with `follow-store`, the store. */
export function chooseContext(from: ContextSources): InteractionContext | undefined {
  if (from.followStore) return from.store;
  if (from.interaction) return from.interaction;
  const contactId = from.contactId?.trim() || undefined;
  const clientId = from.clientId?.trim() || undefined;
  if (!contactId && !clientId) return from.store;
  return { contactId, clientId, channel: from.channel ?? 'phone', campaign: from.campaign?.trim() || undefined };
}

/** Equal for the same interaction: a new context object for it is not a new pop. */
export function contextKey(context: InteractionContext | undefined): string {
  return context ? JSON.stringify([context.contactId, context.clientId, context.channel, context.campaign, context.interactionId]) : '';
}

/** The state below any search or error: what the resolution (or the agent's pick) settled on. */
export function settledState(selected: Selection | undefined, outcome: Outcome | undefined): ViewState {
  if (selected) return 'contact';
  const resolved = outcome?.resolution.state;
  if (!resolved || resolved === 'idle') return 'idle';
  return resolved === 'invalid' ? 'create' : resolved;
}

/** What the polite live region says when a resolution settles in `state`. */
export function settledAnnouncement(s: ViewStrings, state: ViewState, outcome: Outcome): string {
  if (outcome.created) return s.announceCreated;
  switch (state) {
    case 'contact':
      return s.announceContact;
    case 'candidates':
      return s.announceCandidates(outcome.resolution.candidates?.length ?? 0);
    case 'create':
      return outcome.resolution.state === 'invalid' ? s.announceInvalid : s.announceCreate;
    default:
      return s.announceIdle;
  }
}
