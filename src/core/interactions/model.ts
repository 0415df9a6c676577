/**
 * The interaction workspace's model (DESIGN.md, "The interaction workspace"):
 * what an `InteractionSource` reports and what the lifecycle reducer
 * (`reducer.ts`) folds. Plain data, no behaviour.
 */
import type { AttachmentCategory, ComposerRequest } from '../composer/index.js';
import type { Channel, InteractionContext } from '../types.js';

/** pending (unassigned) → active (assigned) → finished → closed. */
export type WorkStatus = 'pending' | 'active' | 'finished' | 'closed';

export type CallState = 'ringing' | 'connected' | 'held' | 'parked' | 'consulting' | 'conference' | 'ended';
export type SignalLevel = 'good' | 'fair' | 'poor';

export interface CallInfo {
  state: CallState;
  muted: boolean;
  signal: SignalLevel;
  /** The agent who parked the call: only they can unpark it. */
  parkedBy?: string;
}

export type TransferTo = { agentId: string } | { campaignId: string } | { number: string };
export type TransferMode = 'blind' | 'attended';

export interface TransferInfo {
  target: TransferTo;
  mode: TransferMode;
  /** ISO date-time after which an unanswered transfer returns to its sender. */
  deadline?: string;
  /** The agent who started it. */
  from?: string;
  /** Their name when they started it (what the target's inbox shows). */
  fromName?: string;
  /** The campaign it was in before a transfer to a campaign (it returns there on timeout or decline). */
  fromCampaign?: string;
  /** When the consulted agent accepted an attended transfer (it no longer times out; the sender completes or cancels it). */
  answeredAt?: string;
}

export interface SavedDispositionInfo {
  path: string[];
  comment?: string;
  rescheduleAt?: string;
  savedAt: string;
}

export interface Interaction {
  id: string;
  channel: Channel;
  campaign: string;
  context: InteractionContext;
  contactId?: string;
  status: WorkStatus;
  /** The agent it is assigned to (absent while pending). */
  assignee?: string;
  /** Inbound (the customer started it) or outbound (an agent did). */
  direction?: 'in' | 'out';
  /** ISO date-times. */
  startedAt: string;
  finishedAt?: string;
  /** Last activity (a message, a state change): the inbox sorts by it, newest first. */
  updatedAt?: string;
  unread: number;
  tags?: string[];
  /** A display name for the customer (contact name, pre-chat name, or the ClientID). */
  title?: string;
  preChat?: Record<string, string>;
  /** WhatsApp: after this instant only approved templates may be sent. */
  whatsappWindowEndsAt?: string;
  disposition?: SavedDispositionInfo;
  call?: CallInfo;
  transfer?: TransferInfo;
  /** How the last transfer ended (the transfer element reports it as `ucrm-transfer-ended`). */
  lastTransfer?: { outcome: TransferOutcome; at: string };
  /** An agent's conference room (seed 002): the room is itself an interaction. */
  conferenceRoom?: boolean;
  /**
   * A conference room's participants, who is muted and who is speaking: on
   * the room's interaction so every change (a voice starting) reaches its
   * watchers as an `interaction` change, without polling.
   */
  participants?: ConferenceParticipant[];
}

export type TransferOutcome = 'completed' | 'cancelled' | 'declined' | 'timeout';

export type MessageDirection = 'in' | 'out';
export type AuthorKind = 'customer' | 'agent' | 'bot' | 'system';
/** Meta's names: one grey check = sent, two grey = delivered, two blue = read. */
export type MessageStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed';

export interface MessageAttachment {
  name: string;
  type: string;
  size: number;
  url: string;
  category: AttachmentCategory;
}

export interface Message {
  id: string;
  interactionId: string;
  direction: MessageDirection;
  author: { kind: AuthorKind; name: string; id?: string };
  text?: string;
  html?: string;
  subject?: string;
  template?: { id: string; variables?: Record<string, string> };
  attachments?: MessageAttachment[];
  voice?: { url: string; durationMs: number };
  replyTo?: string;
  /** Visible to agents only. */
  internal?: boolean;
  status: MessageStatus;
  error?: string;
  at: string;
}

export type Presence = 'available' | 'busy' | 'break' | 'wrap-up' | 'disconnected';
export const PRESENCES: readonly Presence[] = ['available', 'busy', 'break', 'wrap-up', 'disconnected'];
/** What an agent may choose; wrap-up and disconnected are set by the source. */
export const SELECTABLE_PRESENCES: readonly Presence[] = ['available', 'busy', 'break'];

export type InboxTab = 'pending' | 'active';

export interface AgentInfo {
  id: string;
  name: string;
  presence: Presence;
}

/** A change an `InteractionSource` reports to its watchers. */
export type InteractionChange =
  | { type: 'interaction'; interaction: Interaction }
  | { type: 'removed'; id: string }
  | { type: 'message'; message: Message }
  /** `until`: when a wrap-up ends by itself (ISO date-time), absent otherwise. */
  | { type: 'presence'; agentId: string; presence: Presence; until?: string }
  /** Optional: who is viewing or typing in a conversation, where the source or channel reports it. */
  | { type: 'activity'; interactionId: string; who: ActivityActor; activity: ConversationActivity };

/** What someone is doing in a conversation: `idle` ends a `viewing` or `typing`. */
export type ConversationActivity = 'viewing' | 'typing' | 'idle';

/** An agent (with their id) or the customer, as an activity reports them. */
export interface ActivityActor {
  kind: 'agent' | 'customer';
  id?: string;
  name: string;
}

export type CallCommand =
  | { type: 'mute' | 'unmute' | 'hold' | 'resume' | 'park' | 'unpark' | 'hangup' }
  | { type: 'dtmf'; digits: string };

export interface ConferenceParticipant {
  id: string;
  name: string;
  muted: boolean;
  speaking: boolean;
}

/**
 * What `InteractionSource.start` takes: the composer's validated request
 * plus its files (the same shape as the `ucrm-interaction-start` event's
 * detail, declared here so data sources need not import the events module).
 */
export interface InteractionStartDraft extends ComposerRequest {
  attachments: { file: File; category: AttachmentCategory }[];
  voiceNote?: Blob;
}
