/**
 * The simulated carrier: an `InteractionSource` on the lifecycle reducer
 * (src/core/interactions), the embedded and library default (demo,
 * Storybook, tests). Deterministic: ids are counters and the traffic's
 * randomness comes from the seed; time comes from the injectable clock.
 * Without `traffic` nothing happens unless a driver method is called; with
 * it, customers, bots and other agents act on their own.
 */
import { CrmError, throwIfAborted } from '../../core/errors.js';
import {
  byNewestActivity,
  type ActivityActor,
  type ConversationActivity,
  compileInteractionFilter,
  createWorkspaceState,
  inboxTabOf,
  INTERACTION_FILTER_FIELDS,
  isOpenAt,
  nextDeadline,
  SELECTABLE_PRESENCES,
  stepWorkspace,
  type AgentInfo,
  type AgentSetup,
  type CallCommand,
  type Capacity,
  type ConferenceParticipant,
  type DroppedInbound,
  type Interaction,
  type InteractionChange,
  type InteractionEvent,
  type InteractionStartDraft,
  type Message,
  type MessageStatus,
  type Presence,
  type SignalLevel,
  type TransferMode,
  type TransferTo,
  type WorkspaceState,
} from '../../core/interactions/index.js';
import { validateFilter } from '../../core/filters/index.js';
import type { Campaign, Channel } from '../../core/types.js';
import type { CallOptions } from '../source.js';
import type { CallAdapter } from './call-adapter.js';
import { globalClock, TimerSet, type SimClock } from './sim-clock.js';
import { contactName, lookUpCustomer, type ContactLookup } from './sim-contacts.js';
import { changesBetween } from './sim-diff.js';
import { agentMessage, botMessage, checkDraft, customerMessage } from './sim-messages.js';
import { RescheduleQueue } from './sim-reschedule.js';
import { startTraffic, type TrafficOptions } from './sim-traffic.js';
import type {
  DispositionInput,
  InboxView,
  InteractionSource,
  ListOptions,
  ScheduledAttempt,
  SendDraft,
  TransferTargets,
} from './source.js';

export type { SimClock } from './sim-clock.js';
export type { TrafficOptions } from './sim-traffic.js';

export interface SimulatedSourceOptions {
  /** The agent this source acts as. */
  agentId: string;
  agentName?: string;
  campaigns: readonly Campaign[];
  /** Other agents (and, if listed, this one: its presence, capacity and campaigns). */
  agents?: readonly AgentSetup[];
  /** This agent's capacity per channel when `agents` does not list it. */
  capacity?: Capacity;
  seed?: number;
  clock?: SimClock;
  /** Customers, bots and other agents acting on their own (the demo). */
  traffic?: TrafficOptions;
  /** Knows blocked contacts and names (`findByIdentity`, and `getContact` for `linkContact`). */
  contacts?: ContactLookup;
  callAdapter?: CallAdapter;
  /** Delay of every command, on the clock (0 by default). */
  latencyMs?: number;
  /** An outbound call is answered this long after it starts (2 s by default). */
  answerAfterMs?: number;
  /**
   * Inbox views shared between simulators (two agents on one page): pass the
   * same `createSharedInboxViews()` to each. Without it the views are this
   * source's own.
   */
  sharedViews?: SharedInboxViews;
}

/** Inbox views held outside one source, so agents of different simulators see each other's public ones. */
export interface SharedInboxViews {
  list: InboxView[];
}

export function createSharedInboxViews(): SharedInboxViews {
  return { list: [] };
}

export interface SimulatedInboundInput {
  channel: Channel;
  campaign: string;
  clientId: string;
  text?: string;
  preChat?: Record<string, string>;
  /** The campaign's bot (or this one) greets the customer before the queue. */
  bot?: boolean | { name?: string; messages?: string[] };
}

const DEFAULT_BOT_LINES = ['Hi! I am the virtual assistant.', 'Connecting you with an agent…'];

export class SimulatedInteractionSource implements InteractionSource {
  readonly agentId: string;
  readonly #clock: SimClock;
  readonly #timers: TimerSet;
  readonly #listeners = new Set<(change: InteractionChange) => void>();
  readonly #options: SimulatedSourceOptions;
  readonly #messageOwner = new Map<string, string>();
  readonly #sentByKey = new Map<string, Message>();
  #state: WorkspaceState;
  readonly #viewStore: SharedInboxViews;
  readonly #reschedules: RescheduleQueue;
  #counter = 0;
  #deadline: { at: number; cancel: () => void } | undefined;
  #stopTraffic: (() => void) | undefined;
  #stopSignal: (() => void) | undefined;

  constructor(options: SimulatedSourceOptions) {
    this.#options = options;
    this.agentId = options.agentId;
    this.#clock = options.clock ?? globalClock;
    this.#timers = new TimerSet(this.#clock);
    this.#viewStore = options.sharedViews ?? createSharedInboxViews();
    this.#reschedules = new RescheduleQueue(this.#timers, (attempt) => this.#startAttempt(attempt));
    const agents = [...(options.agents ?? [])];
    if (!agents.some((a) => a.id === options.agentId)) {
      agents.unshift({
        id: options.agentId,
        name: options.agentName ?? options.agentId,
        ...(options.capacity ? { capacity: options.capacity } : {}),
      });
    }
    this.#state = createWorkspaceState({ campaigns: options.campaigns, agents, now: this.#clock.now() });
    this.#stopSignal = options.callAdapter?.onSignal((level) => {
      for (const interaction of this.#mine()) {
        if (interaction.call && interaction.call.state !== 'ended') this.#dispatch({ type: 'signal', at: this.#now(), id: interaction.id, level });
      }
    });
    if (options.traffic) this.#stopTraffic = startTraffic(this, options.traffic, options.seed ?? 1, this.#timers);
  }

  // ---- the state, for tests, the benchmark and the traffic --------------------

  /** The whole workspace state as the reducer holds it (read-only). */
  get state(): WorkspaceState {
    return this.#state;
  }

  get campaigns(): readonly Campaign[] {
    return Object.values(this.#state.campaigns);
  }

  /** Inbound that never reached an agent (blocked contacts), as system records. */
  dropped(): readonly DroppedInbound[] {
    return this.#state.dropped;
  }

  /** Stops the traffic and every timer. */
  dispose(): void {
    this.#stopTraffic?.();
    this.#stopSignal?.();
    this.#deadline?.cancel();
    this.#deadline = undefined;
    this.#timers.clear();
    this.#listeners.clear();
  }

  // ---- driver methods (DESIGN.md) --------------------------------------------

  /** A customer reaches a campaign; returns the interaction, or undefined when it was dropped (blocked contact). */
  async simulateInbound(input: SimulatedInboundInput): Promise<Interaction | undefined> {
    const campaign = this.#state.campaigns[input.campaign];
    if (!campaign) throw new CrmError('invalid', `No campaign "${input.campaign}".`);
    const customer = await lookUpCustomer(this.#options.contacts, input.channel, input.clientId, {
      ...(campaign.region ? { region: campaign.region } : {}),
      ...(input.preChat?.name ? { preChatName: input.preChat.name } : {}),
    });
    const id = this.#id('int');
    this.#dispatch({
      type: 'inbound',
      at: this.#now(),
      id,
      channel: input.channel,
      campaign: input.campaign,
      clientId: input.clientId,
      title: customer.title,
      ...(customer.contactId ? { contactId: customer.contactId } : {}),
      ...(input.preChat ? { preChat: input.preChat } : {}),
      ...(customer.blocked ? { blocked: true } : {}),
    });
    if (customer.blocked) return undefined;
    const bot = input.bot ?? (campaign.bot && input.channel !== 'phone' ? true : undefined);
    if (input.text !== undefined && input.channel !== 'phone') {
      this.#dispatchMessage(customerMessage({ id: this.#id('msg'), interactionId: id, name: customer.title, text: input.text, at: this.#now() }));
    }
    if (bot) {
      const name = (typeof bot === 'object' && bot.name) || campaign.bot?.name || 'Bot';
      const lines = (typeof bot === 'object' && bot.messages) || DEFAULT_BOT_LINES;
      for (const text of lines) {
        this.#dispatchMessage(botMessage({ id: this.#id('msg'), interactionId: id, name, text, at: this.#now() }));
      }
    }
    return this.#state.interactions.get(id);
  }

  /**
   * The customer writes. On a closed interaction the customer starts a new
   * one (as carriers do); the message returned belongs to it.
   */
  async simulateCustomerMessage(id: string, input: { text?: string; files?: File[]; replyTo?: string }): Promise<Message> {
    let interaction = this.#require(id);
    if (interaction.status === 'closed') {
      const next = await this.simulateInbound({
        channel: interaction.channel,
        campaign: interaction.campaign,
        clientId: interaction.context.clientId ?? interaction.title ?? '',
      });
      if (!next) throw new CrmError('invalid', 'The contact is blocked: the message reached nobody.');
      interaction = next;
    }
    const message = customerMessage({
      id: this.#id('msg'),
      interactionId: interaction.id,
      name: interaction.title ?? interaction.context.clientId ?? 'Customer',
      ...input,
      at: this.#now(),
    });
    this.#dispatchMessage(message);
    return message;
  }

  /**
   * Someone else's activity on a conversation, as a channel or another agent's
   * desk reports it: the customer typing, another agent viewing or typing.
   */
  async simulateActivity(interactionId: string, who: ActivityActor, activity: ConversationActivity): Promise<void> {
    this.#require(interactionId);
    this.#emit({ type: 'activity', interactionId, who, activity });
  }

  /** A carrier receipt for an outbound message. */
  async simulateDelivery(messageId: string, status: MessageStatus, error?: string): Promise<Message> {
    const interactionId = this.#messageOwner.get(messageId);
    if (!interactionId) throw new CrmError('not-found', `No message "${messageId}".`);
    this.#dispatch({ type: 'message-status', at: this.#now(), interactionId, messageId, status, ...(error ? { error } : {}) });
    return this.#state.messages.get(interactionId)!.find((m) => m.id === messageId)!;
  }

  /** The customer hangs up. */
  async simulateHangup(id: string): Promise<Interaction> {
    this.#dispatch({ type: 'call-ended', at: this.#now(), id });
    return this.#require(id);
  }

  /** Another agent takes a pending interaction (a race with this agent's `take`). */
  async simulateTakeByOther(id: string, agentId: string): Promise<Interaction> {
    this.#dispatch({ type: 'take', at: this.#now(), id, agentId });
    return this.#require(id);
  }

  /**
   * The agent a transfer is offered to (another agent on this carrier)
   * answers it; `none` is "nobody answers" (the transfer times out).
   * `agentId` defaults to the transfer's target; this agent answers its own
   * offers with `answerTransfer`.
   */
  async simulateTransferAnswer(id: string, answer: 'accept' | 'decline' | 'none', agentId?: string): Promise<Interaction> {
    const target = this.#require(id).transfer?.target;
    const answering = agentId ?? (target && 'agentId' in target ? target.agentId : '');
    this.#dispatch({ type: 'transfer-answer', at: this.#now(), id, agentId: answering, answer });
    return this.#require(id);
  }

  /**
   * Another agent transfers one of their active interactions to this agent
   * (the demo's traffic; tests): an offer in this agent's Pending until it
   * is answered or times out.
   */
  async simulateTransferFrom(id: string, fromAgentId: string, mode: TransferMode = 'blind'): Promise<Interaction> {
    this.#dispatch({ type: 'transfer', at: this.#now(), id, agentId: fromAgentId, to: { agentId: this.agentId }, mode });
    return this.#require(id);
  }

  async simulateSpeaking(participantId: string, on: boolean): Promise<ConferenceParticipant> {
    const room = Object.values(this.#state.rooms).find((r) => r.participants.some((p) => p.id === participantId));
    if (!room) throw new CrmError('not-found', `No conference participant "${participantId}".`);
    this.#dispatch({ type: 'participant', at: this.#now(), agentId: room.owner, participantId, speaking: on });
    return this.#state.rooms[room.owner]!.participants.find((p) => p.id === participantId)!;
  }

  async setSignal(id: string, level: SignalLevel): Promise<Interaction> {
    this.#dispatch({ type: 'signal', at: this.#now(), id, level });
    return this.#require(id);
  }

  /** Any agent's presence, including wrap-up and disconnected (which agents cannot choose). */
  async setAgentPresence(agentId: string, presence: Presence): Promise<Presence> {
    this.#dispatch({ type: 'presence', at: this.#now(), agentId, presence });
    return this.#state.agents[agentId]!.presence;
  }

  /** Another agent (or this one) acts: finish, disposition, close — what the traffic's agents do. */
  async actAs(agentId: string, event: DistributiveOmit<Extract<InteractionEvent, { agentId: string }>, 'at' | 'agentId'>): Promise<Interaction | undefined> {
    this.#dispatch({ ...event, at: this.#now(), agentId } as InteractionEvent);
    return 'id' in event ? this.#state.interactions.get(event.id) : undefined;
  }

  /** An outbound message of another agent (the traffic), or of this one without the checks of `send`. */
  async simulateAgentMessage(id: string, agentId: string, text: string): Promise<Message> {
    const interaction = this.#require(id);
    const agent = this.#state.agents[agentId];
    const message = agentMessage({
      id: this.#id('msg'),
      interaction,
      campaign: this.#state.campaigns[interaction.campaign],
      draft: { text },
      agent: { id: agentId, name: agent?.name ?? agentId },
      at: this.#now(),
    });
    this.#dispatchMessage(message);
    return message;
  }

  // ---- InteractionSource ------------------------------------------------------

  async list(options: ListOptions): Promise<Interaction[]> {
    await this.#enter(options);
    const campaigns = this.#state.agents[this.agentId]?.campaigns;
    let matches = (interaction: Interaction) => inboxTabOf(interaction, this.agentId, campaigns) === options.tab;
    const filter = options.filter ?? (options.viewId ? this.#visibleViews().find((v) => v.id === options.viewId)?.filter : undefined);
    if (options.viewId && !filter) throw new CrmError('not-found', `No view "${options.viewId}".`);
    if (filter) {
      const predicate = compileInteractionFilter(filter);
      const inTab = matches;
      matches = (interaction) => inTab(interaction) && predicate(interaction);
    }
    return [...this.#state.interactions.values()].filter(matches).sort(byNewestActivity);
  }

  async get(id: string, options?: CallOptions): Promise<Interaction | undefined> {
    await this.#enter(options);
    return this.#state.interactions.get(id);
  }

  async history(query: { contactId: string; limit?: number; before?: string }, options?: CallOptions): Promise<Interaction[]> {
    await this.#enter(options);
    const limit = query.limit ?? 50;
    return [...this.#state.interactions.values()]
      .filter((i) => i.contactId === query.contactId && !i.conferenceRoom && (!query.before || i.startedAt < query.before))
      .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0))
      .slice(0, limit);
  }

  watch(listener: (change: InteractionChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async take(id: string, options?: CallOptions): Promise<Interaction> {
    await this.#enter(options);
    this.#dispatch({ type: 'take', at: this.#now(), id, agentId: this.agentId });
    return this.#require(id);
  }

  async start(draft: InteractionStartDraft, options?: CallOptions): Promise<Interaction> {
    await this.#enter(options);
    const campaign = this.#state.campaigns[draft.campaign];
    if (!campaign) throw new CrmError('invalid', `No campaign "${draft.campaign}".`);
    if (!campaign.outboundChannels.includes(draft.channel)) {
      throw new CrmError('invalid', `${campaign.name} cannot start ${draft.channel} interactions.`);
    }
    const customer = await lookUpCustomer(this.#options.contacts, draft.channel, draft.to, campaign.region ? { region: campaign.region } : {});
    throwIfAborted(options?.signal);
    const id = this.#id('int');
    this.#dispatch({
      type: 'start',
      at: this.#now(),
      id,
      agentId: this.agentId,
      channel: draft.channel,
      campaign: draft.campaign,
      clientId: draft.to,
      title: customer.title,
      ...(customer.contactId ? { contactId: customer.contactId } : {}),
    });
    if (draft.channel === 'phone') {
      this.#timers.after(this.#options.answerAfterMs ?? 2000, () => this.#quietly({ type: 'call-answered', at: this.#now(), id }));
    } else {
      const files = draft.attachments.map((a) => a.file);
      const message = agentMessage({
        id: this.#id('msg'),
        interaction: this.#require(id),
        campaign,
        draft: {
          ...(draft.message !== undefined ? { text: draft.message } : {}),
          ...(draft.html ? { html: draft.html } : {}),
          ...(draft.subject ? { subject: draft.subject } : {}),
          ...(draft.cc ? { cc: draft.cc } : {}),
          ...(draft.bcc ? { bcc: draft.bcc } : {}),
          ...(draft.template ? { template: { id: draft.template, ...(draft.variables ? { variables: draft.variables } : {}) } } : {}),
          ...(files.length ? { files } : {}),
          ...(draft.voiceNote ? { voice: draft.voiceNote } : {}),
        },
        agent: this.#me(),
        at: this.#now(),
      });
      this.#dispatchMessage(message);
    }
    return this.#require(id);
  }

  async linkContact(id: string, contactId: string, options?: CallOptions): Promise<Interaction> {
    await this.#enter(options);
    let title: string | undefined;
    try {
      const contact = await this.#options.contacts?.getContact?.(contactId);
      if (contact) title = contactName(contact) || undefined;
    } catch {
      // The link matters more than the name; the title stays as it was.
    }
    this.#dispatch({ type: 'link-contact', at: this.#now(), id, contactId, ...(title ? { title } : {}) });
    return this.#require(id);
  }

  /**
   * A page of messages, oldest first within the page: the newest `limit`
   * (50) before the message id or ISO instant `before`. Reading its own
   * conversation clears the agent's unread count.
   */
  async messages(id: string, query: { before?: string; limit?: number } = {}, options?: CallOptions): Promise<Message[]> {
    await this.#enter(options);
    const interaction = this.#require(id);
    const all = this.#state.messages.get(id) ?? [];
    let end = all.length;
    if (query.before) {
      const index = all.findIndex((m) => m.id === query.before);
      end = index >= 0 ? index : all.filter((m) => m.at < query.before!).length;
    }
    const page = all.slice(Math.max(0, end - (query.limit ?? 50)), end);
    if (interaction.assignee === this.agentId && interaction.unread > 0) {
      this.#dispatch({ type: 'read', at: this.#now(), id, agentId: this.agentId });
    }
    return page;
  }

  async send(id: string, draft: SendDraft, options: CallOptions & { idempotencyKey: string }): Promise<Message> {
    await this.#enter(options);
    const earlier = this.#sentByKey.get(options.idempotencyKey);
    if (earlier) return this.#currentMessage(earlier);
    const interaction = this.#require(id);
    if (interaction.assignee !== this.agentId || interaction.status === 'pending') {
      throw new CrmError('conflict', 'This interaction is not assigned to you.');
    }
    if (interaction.status !== 'active' && !draft.internal) {
      throw new CrmError('conflict', 'This interaction is finished: the customer can no longer be written to.');
    }
    checkDraft(interaction, draft, this.#state.messages.get(id) ?? []);
    const message = agentMessage({
      id: this.#id('msg'),
      interaction,
      campaign: this.#state.campaigns[interaction.campaign],
      draft,
      agent: this.#me(),
      at: this.#now(),
    });
    this.#sentByKey.set(options.idempotencyKey, message);
    this.#dispatchMessage(message);
    return message;
  }

  /** This agent's activity, told to every watcher (other agents' desks on the same carrier). */
  async reportActivity(id: string, activity: ConversationActivity, options?: CallOptions): Promise<void> {
    await this.#enter(options);
    this.#require(id);
    this.#emit({ type: 'activity', interactionId: id, who: { kind: 'agent', ...this.#me() }, activity });
  }

  async call(id: string, command: CallCommand, options?: CallOptions): Promise<Interaction> {
    await this.#enter(options);
    this.#dispatch({ type: 'call-command', at: this.#now(), id, agentId: this.agentId, command });
    await this.#toAdapter(command);
    return this.#require(id);
  }

  async transferTargets(id: string, options?: CallOptions): Promise<TransferTargets> {
    await this.#enter(options);
    const interaction = this.#require(id);
    const now = this.#now();
    const agents: AgentInfo[] = Object.values(this.#state.agents)
      .filter((a) => a.id !== this.agentId)
      .map((a) => ({ id: a.id, name: a.name, presence: a.presence }));
    const campaigns = Object.values(this.#state.campaigns)
      .filter((c) => c.channels.includes(interaction.channel))
      .map((c) => ({ id: c.id, name: c.name, open: isOpenAt(c.hours, now) }));
    return { agents, campaigns };
  }

  async transfer(id: string, request: { to: TransferTo; mode: TransferMode }, options?: CallOptions): Promise<Interaction> {
    await this.#enter(options);
    this.#dispatch({ type: 'transfer', at: this.#now(), id, agentId: this.agentId, to: request.to, mode: request.mode });
    return this.#require(id);
  }

  /** This agent answers a transfer offered to them (an interaction in their Pending with `transfer.target.agentId` theirs). */
  async answerTransfer(id: string, answer: 'accept' | 'decline', options?: CallOptions): Promise<Interaction> {
    await this.#enter(options);
    this.#dispatch({ type: 'transfer-answer', at: this.#now(), id, agentId: this.agentId, answer });
    return this.#require(id);
  }

  async completeTransfer(id: string, options?: CallOptions): Promise<Interaction> {
    await this.#enter(options);
    this.#dispatch({ type: 'transfer-complete', at: this.#now(), id, agentId: this.agentId });
    return this.#require(id);
  }

  async cancelTransfer(id: string, options?: CallOptions): Promise<Interaction> {
    await this.#enter(options);
    this.#dispatch({ type: 'transfer-cancel', at: this.#now(), id, agentId: this.agentId });
    return this.#require(id);
  }

  /** Sends a call to the agent's conference room; returns the room (itself an interaction). */
  async sendToConference(id: string, options?: CallOptions): Promise<Interaction> {
    await this.#enter(options);
    const roomId = this.#state.rooms[this.agentId]?.id ?? this.#id('room');
    this.#dispatch({ type: 'conference-send', at: this.#now(), id, agentId: this.agentId, roomId });
    return this.#require(roomId);
  }

  async joinConference(options?: CallOptions): Promise<Interaction> {
    await this.#enter(options);
    this.#dispatch({ type: 'conference-join', at: this.#now(), agentId: this.agentId });
    return this.#require(this.#state.rooms[this.agentId]!.id);
  }

  async conferenceParticipants(options?: CallOptions): Promise<ConferenceParticipant[]> {
    await this.#enter(options);
    return [...(this.#state.rooms[this.agentId]?.participants ?? [])];
  }

  async muteParticipant(participantId: string, on: boolean, options?: CallOptions): Promise<void> {
    await this.#enter(options);
    this.#dispatch({ type: 'participant', at: this.#now(), agentId: this.agentId, participantId, muted: on });
  }

  /** Mutes every participant; the agent is not a participant, so stays unmuted. */
  async muteAll(options?: CallOptions): Promise<void> {
    await this.#enter(options);
    for (const participant of this.#state.rooms[this.agentId]?.participants ?? []) {
      if (!participant.muted) {
        this.#dispatch({ type: 'participant', at: this.#now(), agentId: this.agentId, participantId: participant.id, muted: true });
      }
    }
  }

  async removeParticipant(participantId: string, options?: CallOptions): Promise<void> {
    await this.#enter(options);
    this.#dispatch({ type: 'participant', at: this.#now(), agentId: this.agentId, participantId, remove: true });
  }

  async saveDisposition(id: string, disposition: DispositionInput, options: CallOptions & { close: boolean }): Promise<Interaction> {
    await this.#enter(options);
    this.#dispatch({
      type: 'save-disposition',
      at: this.#now(),
      id,
      agentId: this.agentId,
      disposition,
      close: options.close,
    });
    const saved = this.#require(id);
    if (saved.disposition?.rescheduleAt) this.#reschedules.schedule(saved, this.agentId, this.#attemptChannel(saved), this.#now());
    else this.#reschedules.cancel(id);
    return saved;
  }

  /** The agent's rescheduled attempts still to come, soonest first. */
  async scheduled(options?: CallOptions): Promise<ScheduledAttempt[]> {
    await this.#enter(options);
    return this.#reschedules.list(this.agentId);
  }

  async finish(id: string, options?: CallOptions): Promise<Interaction> {
    await this.#enter(options);
    this.#dispatch({ type: 'finish', at: this.#now(), id, agentId: this.agentId });
    return this.#require(id);
  }

  async close(id: string, options?: CallOptions): Promise<Interaction> {
    await this.#enter(options);
    this.#dispatch({ type: 'close', at: this.#now(), id, agentId: this.agentId });
    return this.#require(id);
  }

  /** The agent chooses available, busy or break; choosing available also ends a wrap-up early. */
  async setPresence(presence: Presence, options?: CallOptions): Promise<Presence> {
    await this.#enter(options);
    if (!SELECTABLE_PRESENCES.includes(presence)) {
      throw new CrmError('invalid', `An agent chooses ${SELECTABLE_PRESENCES.join(', ')}; ${presence} is set by the system.`);
    }
    this.#dispatch({ type: 'presence', at: this.#now(), agentId: this.agentId, presence });
    return this.#state.agents[this.agentId]!.presence;
  }

  async presence(options?: CallOptions): Promise<Presence> {
    await this.#enter(options);
    return this.#state.agents[this.agentId]?.presence ?? 'disconnected';
  }

  async views(options?: CallOptions): Promise<InboxView[]> {
    await this.#enter(options);
    return this.#visibleViews().map((v) => structuredClone(v));
  }

  async saveView(view: Omit<InboxView, 'id' | 'owner'> & { id?: string }, options?: CallOptions): Promise<InboxView> {
    await this.#enter(options);
    const name = view.name.trim();
    if (!name) throw new CrmError('invalid', 'A view needs a name.');
    const validation = validateFilter(view.filter, INTERACTION_FILTER_FIELDS);
    if (!validation.ok) throw new CrmError('invalid', validation.expression?.message ?? 'A condition of the view is incomplete.');
    const existing = view.id ? this.#viewStore.list.find((v) => v.id === view.id) : undefined;
    if (view.id && !existing) throw new CrmError('not-found', `No view "${view.id}".`);
    if (existing && existing.owner !== this.agentId) throw new CrmError('conflict', 'Only its owner can change a view.');
    if (this.#visibleViews().some((v) => v.id !== view.id && v.name.toLowerCase() === name.toLowerCase())) {
      throw new CrmError('conflict', `A view named "${name}" already exists.`);
    }
    const saved: InboxView = {
      id: existing?.id ?? this.#id('view'),
      name,
      public: view.public,
      filter: structuredClone(view.filter),
      owner: this.agentId,
    };
    this.#viewStore.list = existing ? this.#viewStore.list.map((v) => (v.id === saved.id ? saved : v)) : [...this.#viewStore.list, saved];
    return structuredClone(saved);
  }

  async deleteView(id: string, options?: CallOptions): Promise<void> {
    await this.#enter(options);
    const existing = this.#viewStore.list.find((v) => v.id === id);
    if (!existing) throw new CrmError('not-found', `No view "${id}".`);
    if (existing.owner !== this.agentId) throw new CrmError('conflict', 'Only its owner can delete a view.');
    this.#viewStore.list = this.#viewStore.list.filter((v) => v.id !== id);
  }

  async batch(ids: string[], action: { tags?: { add?: string[]; remove?: string[] }; delete?: true }, options?: CallOptions): Promise<void> {
    await this.#enter(options);
    const known = ids.filter((id) => this.#state.interactions.get(id));
    if (action.tags) {
      const clean = (tags?: string[]) => (tags ?? []).map((t) => t.trim()).filter(Boolean);
      this.#dispatch({ type: 'tag', at: this.#now(), ids: known, add: clean(action.tags.add), remove: clean(action.tags.remove) });
    }
    if (action.delete) this.#dispatch({ type: 'delete', at: this.#now(), ids: known });
  }

  // ---- internals ----------------------------------------------------------------

  /** Outbound Hub attempts are calls when the campaign dials out, else the interaction's own channel. */
  #attemptChannel(interaction: Interaction): Channel {
    const outbound = this.#state.campaigns[interaction.campaign]?.outboundChannels ?? [];
    return outbound.includes('phone') ? 'phone' : interaction.channel;
  }

  /** A rescheduled attempt is due: the outbound interaction starts for its agent (a call rings, then is answered). */
  #startAttempt(attempt: ScheduledAttempt): void {
    const id = this.#id('int');
    this.#quietly({
      type: 'start',
      at: this.#now(),
      id,
      agentId: attempt.agentId,
      channel: attempt.channel,
      campaign: attempt.campaign,
      clientId: attempt.clientId,
      ...(attempt.title ? { title: attempt.title } : {}),
      ...(attempt.contactId ? { contactId: attempt.contactId } : {}),
    });
    if (attempt.channel === 'phone' && this.#state.interactions.get(id)) {
      this.#timers.after(this.#options.answerAfterMs ?? 2000, () => this.#quietly({ type: 'call-answered', at: this.#now(), id }));
    }
  }

  #now(): number {
    return this.#clock.now();
  }

  #id(prefix: string): string {
    this.#counter += 1;
    return `${prefix}-${this.#counter}`;
  }

  #me(): { id: string; name: string } {
    const me = this.#state.agents[this.agentId];
    return { id: this.agentId, name: me?.name ?? this.agentId };
  }

  #mine(): Interaction[] {
    return [...this.#state.interactions.values()].filter((i) => i.assignee === this.agentId && i.status === 'active');
  }

  #visibleViews(): InboxView[] {
    return this.#viewStore.list.filter((v) => v.public || v.owner === this.agentId);
  }

  async #enter(options?: CallOptions): Promise<void> {
    throwIfAborted(options?.signal);
    await this.#timers.sleep(this.#options.latencyMs ?? 0);
    throwIfAborted(options?.signal);
  }

  #require(id: string): Interaction {
    const found = this.#state.interactions.get(id);
    if (!found) throw new CrmError('not-found', `No interaction "${id}".`);
    return found;
  }

  #currentMessage(message: Message): Message {
    return this.#state.messages.get(message.interactionId)?.find((m) => m.id === message.id) ?? message;
  }

  #dispatchMessage(message: Message): void {
    // Known before watchers hear of it, so a watcher may answer with a receipt at once.
    this.#messageOwner.set(message.id, message.interactionId);
    try {
      this.#dispatch({ type: 'message', at: this.#now(), message });
    } catch (error) {
      this.#messageOwner.delete(message.id);
      throw error;
    }
  }

  /** Runs an event through the reducer; throws its rejection as a `CrmError`; tells every watcher what changed. */
  #dispatch(event: InteractionEvent): void {
    const before = this.#state;
    const outcome = stepWorkspace(before, event);
    if (outcome.rejection) throw new CrmError(outcome.rejection.code, outcome.rejection.message);
    this.#state = outcome.state;
    this.#scheduleDeadline();
    for (const change of changesBetween(before, outcome.state)) this.#emit(change);
  }

  /** For timers: a refusal there (e.g. the call already ended) is not anyone's error. */
  #quietly(event: InteractionEvent): void {
    try {
      this.#dispatch(event);
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
    }
  }

  #emit(change: InteractionChange): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(change);
      } catch (error) {
        // One broken watcher must not keep the others (or the source) from the change.
        (globalThis.reportError ?? console.error)(error);
      }
    }
  }

  /** One timer for the next wrap-up end or transfer timeout. */
  #scheduleDeadline(): void {
    const at = nextDeadline(this.#state);
    if (this.#deadline?.at === at) return;
    this.#deadline?.cancel();
    this.#deadline = undefined;
    if (at === undefined) return;
    const cancel = this.#timers.after(at - this.#now(), () => {
      this.#deadline = undefined;
      this.#quietly({ type: 'tick', at: Math.max(at, this.#now()) });
    });
    this.#deadline = { at, cancel };
  }

  async #toAdapter(command: CallCommand): Promise<void> {
    const adapter = this.#options.callAdapter;
    if (!adapter) return;
    switch (command.type) {
      case 'mute':
      case 'unmute':
        return adapter.mute(command.type === 'mute');
      case 'hold':
      case 'park':
        return adapter.hold(true);
      case 'resume':
      case 'unpark':
        return adapter.hold(false);
      case 'hangup':
        return adapter.hangup();
      case 'dtmf':
        return adapter.dtmf(command.digits);
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The simulated carrier (DESIGN.md): deterministic from `seed`, on an injectable `clock`. */
export function createSimulatedInteractionSource(options: SimulatedSourceOptions): SimulatedInteractionSource {
  return new SimulatedInteractionSource(options);
}
