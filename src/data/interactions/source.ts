/**
 * `InteractionSource`: the authority on interaction state (DESIGN.md, "The
 * interaction workspace"). Elements send commands and show what the source
 * answers; they never keep an optimistic guess. Every method is async,
 * takes `{signal}` last where it reads, and fails with `CrmError`
 * (`conflict` for a lost take or a refused command, `invalid` for a rule,
 * with a human message).
 */
import type { ContactFilter, SavedView } from '../../core/filters/index.js';
import type {
  AgentInfo,
  CallCommand,
  ConferenceParticipant,
  ConversationActivity,
  InboxTab,
  InteractionStartDraft,
  Interaction,
  InteractionChange,
  Message,
  Presence,
  TransferTo,
  TransferMode,
} from '../../core/interactions/index.js';
import type { CallOptions } from '../source.js';

export interface ListOptions extends CallOptions {
  tab: InboxTab;
  filter?: ContactFilter;
  viewId?: string;
}

export interface SendDraft {
  text?: string;
  html?: string;
  subject?: string;
  cc?: string[];
  bcc?: string[];
  template?: { id: string; variables?: Record<string, string> };
  files?: File[];
  voice?: Blob;
  replyTo?: string;
  internal?: boolean;
}

export interface DispositionInput {
  path: string[];
  comment?: string;
  rescheduleAt?: string;
}

export interface TransferTargets {
  agents: AgentInfo[];
  campaigns: { id: string; name: string; open: boolean }[];
}

export interface InteractionSource {
  /**
   * The agent this source acts as, once it knows: the id other agents see as
   * `assignee`, `parkedBy` or a transfer's `from`. Elements use it to tell
   * "mine" from "someone else's" when no `agent-id` attribute says so.
   */
  readonly agentId?: string;
  list(options: ListOptions): Promise<Interaction[]>;
  get(id: string, options?: CallOptions): Promise<Interaction | undefined>;
  history(query: { contactId: string; limit?: number; before?: string }, options?: CallOptions): Promise<Interaction[]>;
  /** Calls `listener` for every change until the returned function is called. */
  watch(listener: (change: InteractionChange) => void): () => void;

  take(id: string, options?: CallOptions): Promise<Interaction>;
  start(draft: InteractionStartDraft, options?: CallOptions): Promise<Interaction>;
  linkContact(id: string, contactId: string, options?: CallOptions): Promise<Interaction>;

  messages(id: string, query?: { before?: string; limit?: number }, options?: CallOptions): Promise<Message[]>;
  send(id: string, draft: SendDraft, options: CallOptions & { idempotencyKey: string }): Promise<Message>;
  /**
   * Optional: tells the other agents on this conversation that this one is
   * viewing it, typing, or gone (they hear it as an `activity` change).
   * Sources without it simply show no one.
   */
  reportActivity?(id: string, activity: ConversationActivity): Promise<void>;

  call(id: string, command: CallCommand, options?: CallOptions): Promise<Interaction>;
  transferTargets(id: string, options?: CallOptions): Promise<TransferTargets>;
  transfer(id: string, request: { to: TransferTo; mode: TransferMode }, options?: CallOptions): Promise<Interaction>;
  /**
   * The agent answers a transfer offered to them — one listed in their
   * Pending tab whose `transfer.target` is `{agentId}` of this agent (see
   * `isTransferOfferedTo`). `accept` of a blind transfer makes it theirs
   * (Active); of an attended one, it says they are on the consultation (no
   * timeout any more; the sender completes or cancels it). `decline` returns
   * it to the sender (`lastTransfer.outcome: 'declined'`).
   *
   * Fails with `conflict` when there is no transfer waiting any more
   * (answered, cancelled, timed out meanwhile) or it is offered to someone else.
   */
  answerTransfer(id: string, answer: 'accept' | 'decline', options?: CallOptions): Promise<Interaction>;
  completeTransfer(id: string, options?: CallOptions): Promise<Interaction>;
  cancelTransfer(id: string, options?: CallOptions): Promise<Interaction>;

  sendToConference(id: string, options?: CallOptions): Promise<Interaction>;
  joinConference(options?: CallOptions): Promise<Interaction>;
  conferenceParticipants(options?: CallOptions): Promise<ConferenceParticipant[]>;
  muteParticipant(participantId: string, on: boolean, options?: CallOptions): Promise<void>;
  muteAll(options?: CallOptions): Promise<void>;
  removeParticipant(participantId: string, options?: CallOptions): Promise<void>;

  saveDisposition(id: string, disposition: DispositionInput, options: CallOptions & { close: boolean }): Promise<Interaction>;
  finish(id: string, options?: CallOptions): Promise<Interaction>;
  close(id: string, options?: CallOptions): Promise<Interaction>;

  setPresence(presence: Presence, options?: CallOptions): Promise<Presence>;
  presence(options?: CallOptions): Promise<Presence>;

  /** Inbox views (seed 004): private to their agent unless `public`. */
  views(options?: CallOptions): Promise<InboxView[]>;
  saveView(view: Omit<InboxView, 'id' | 'owner'> & { id?: string }, options?: CallOptions): Promise<InboxView>;
  deleteView(id: string, options?: CallOptions): Promise<void>;
  batch(ids: string[], action: { tags?: { add?: string[]; remove?: string[] }; delete?: true }, options?: CallOptions): Promise<void>;
  /**
   * The agent's rescheduled attempts still to come (a disposition's
   * `rescheduleAt`), soonest first. At its time the source starts the
   * outbound attempt (an `interaction` change) and drops it from this list.
   * Optional: a source without reschedule support lists nothing.
   */
  scheduled?(options?: CallOptions): Promise<ScheduledAttempt[]>;
}

/** A future outbound attempt stored from a Reschedule disposition (seed 002, Outbound Hub). */
export interface ScheduledAttempt {
  id: string;
  /** The interaction whose disposition scheduled it. */
  interactionId: string;
  campaign: string;
  channel: Interaction['channel'];
  /** Who is called (the interaction's ClientID). */
  clientId: string;
  contactId?: string;
  title?: string;
  /** The agent the attempt is started for. */
  agentId: string;
  /** ISO date-time the attempt starts at. */
  at: string;
}

/** A named inbox view: the directory's `SavedView` shape over interactions, with its owner. */
export type InboxView = SavedView & { owner?: string };
