/**
 * The workspace service: every `InteractionSource` operation for the
 * authenticated agent, on the database, through the core lifecycle reducer
 * (`dispatch`). Commands are transactions: load the slice, step the reducer
 * (a rejection becomes a problem: `conflict` 409, a rule `invalid` 422,
 * `not-found` 404), write back under version guards, append the change
 * feed; a guard that lost a race retries on fresh data. Reads are plain
 * SQL. Nothing about interactions is kept in the process: several
 * processes on one database answer the same.
 */
import { randomUUID } from 'node:crypto';
import { CrmError } from '../../src/core/errors.js';
import {
  agentMessage,
  byNewestActivity,
  checkDraft,
  compileInteractionFilter,
  contactName,
  customerMessage,
  INTERACTION_FILTER_FIELDS,
  isOpenAt,
  lookUpCustomer,
  SELECTABLE_PRESENCES,
  stepWorkspace,
  type AgentInfo,
  type CallCommand,
  type ConferenceParticipant,
  type InboxTab,
  type Interaction,
  type InteractionEvent,
  type Message,
  type MessageAttachment,
  type MessageStatus,
  type Presence,
  type Rejection,
  type TransferMode,
  type TransferTo,
  type WorkspaceState,
} from '../../src/core/interactions/index.js';
import { validateFilter, type ContactFilter } from '../../src/core/filters/index.js';
import type { Campaign, Channel, Contact, Identity } from '../../src/core/types.js';
import type { DispositionInput, InboxView, ScheduledAttempt, SendDraft, TransferTargets } from '../../src/data/interactions/source.js';
import type { Db, Queryable } from '../db.js';
import { HttpProblem } from '../problems.js';
import { systemClock, type ServerClock } from './clock.js';
import { EventHub } from './hub.js';
import { AttemptTaken, attemptFor, cancelAttempt, claimAttempt, dropAttempt, dueAttempts, listAttempts, nextAttemptDue, storeAttempt } from './reschedule.js';
import { appendEvents, loadSlice, StaleWrite, writeChanges, type Slice, type SliceNeed } from './state-io.js';
import type { Viewer } from './visibility.js';

export interface WorkspaceContacts {
  findByIdentity(identity: Identity): Promise<Contact[]>;
  getContact(id: string): Promise<Contact | undefined>;
  listCampaigns(): Campaign[];
}

export interface WorkspaceOptions {
  db: Db;
  contacts: WorkspaceContacts;
  clock?: ServerClock;
  /** After an agent's last stream drops, how long before they are `disconnected` (default 45 s). */
  graceMs?: number;
  /** How often an open stream says its agent is alive (default 10 s; well under `graceMs`). */
  heartbeatMs?: number;
  /** How often the change feed is polled for other processes' writes (default 250 ms on PostgreSQL, 1 s on PGlite). */
  pollMs?: number;
  /** Answers outbound calls and receipts on its own (the demo's simulator mode). */
  simulateCarrier?: boolean;
}

export interface StartInput {
  channel: Channel;
  campaign: string;
  to: string;
  message?: string;
  template?: string;
  variables?: Record<string, string>;
  subject?: string;
  html?: string;
  cc?: string[];
  bcc?: string[];
}

export interface InboundInput {
  channel: Channel;
  campaign: string;
  clientId: string;
  text?: string;
  preChat?: Record<string, string>;
}

type Build = (now: number, slice: Slice) => InteractionEvent[];

/** What a message carries besides its text: stored uploads, as the message shows them. */
export interface SendMedia {
  attachments?: MessageAttachment[];
  voice?: NonNullable<Message['voice']>;
}

const ATTEMPTS = 8;
/** PostgreSQL's serialization failure and deadlock: the transaction is retried like a stale write. */
const RETRYABLE_SQLSTATE = new Set(['40001', '40P01']);

function refused(rejection: Rejection): HttpProblem {
  return new HttpProblem(rejection.code, () => rejection.message, rejection.code === 'invalid' ? { status: 422 } : {});
}

const rule = (message: string) => new HttpProblem('invalid', () => message, { status: 422 });
const notFound = (id: string) => new HttpProblem('not-found', () => `No interaction "${id}".`);

export class Workspace {
  readonly hub: EventHub;
  readonly clock: ServerClock;
  readonly graceMs: number;
  readonly heartbeatMs: number;
  private readonly db: Db;
  private readonly knownAgents = new Set<string>();

  constructor(private readonly options: WorkspaceOptions) {
    this.db = options.db;
    this.clock = options.clock ?? systemClock;
    this.graceMs = options.graceMs ?? 45_000;
    this.heartbeatMs = options.heartbeatMs ?? 10_000;
    this.hub = new EventHub(options.db, options.pollMs ?? (options.db.kind === 'postgres' ? 250 : 1000));
  }

  get campaigns(): readonly Campaign[] {
    return this.options.contacts.listCampaigns();
  }

  // ---- the one way state changes ------------------------------------------------

  /**
   * Steps the reducer over `build`'s events on a fresh slice and writes the
   * result, retrying when another process changed a row first. `extra` runs
   * in the same transaction (an idempotency key, the chosen presence).
   */
  async dispatch(need: Omit<SliceNeed, 'now'>, build: Build, extra?: (tx: Queryable, state: WorkspaceState) => Promise<void>): Promise<WorkspaceState> {
    for (let attempt = 1; ; attempt++) {
      try {
        const state = await this.db.transaction(async (tx) => {
          const now = this.clock.now();
          const slice = await loadSlice(tx, this.campaigns, { ...need, now });
          let state = slice.state;
          for (const event of build(now, slice)) {
            const outcome = stepWorkspace(state, event);
            if (outcome.rejection) throw refused(outcome.rejection);
            state = outcome.state;
          }
          const rows = await writeChanges(tx, slice, state);
          await extra?.(tx, state);
          await appendEvents(tx, rows);
          return state;
        });
        this.hub.wake();
        return state;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        const retry = error instanceof StaleWrite || (typeof code === 'string' && RETRYABLE_SQLSTATE.has(code));
        if (!retry || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  private async command(id: string, build: Build): Promise<Interaction> {
    const state = await this.dispatch({ ids: [id] }, build);
    const found = state.interactions.get(id);
    if (!found) throw notFound(id);
    return found;
  }

  /** Creates the agent's row the first time they call (available, every campaign, default capacity). */
  async ensureAgent(agent: string): Promise<void> {
    if (this.knownAgents.has(agent)) return;
    await this.db.query(
      `INSERT INTO ws_agents (id, name, presence, idle_since) VALUES ($1, $1, 'available', $2) ON CONFLICT (id) DO NOTHING`,
      [agent, this.clock.now()],
    );
    this.knownAgents.add(agent);
  }

  async viewer(agent: string): Promise<Viewer> {
    const [row] = await this.db.query<{ campaigns: string[] | null }>('SELECT campaigns FROM ws_agents WHERE id = $1', [agent]);
    return { id: agent, ...(row?.campaigns ? { campaigns: row.campaigns } : {}) };
  }

  // ---- reads ---------------------------------------------------------------------

  async get(id: string): Promise<Interaction | undefined> {
    const [row] = await this.db.query<{ data: Interaction }>('SELECT data FROM ws_interactions WHERE id = $1', [id]);
    return row?.data;
  }

  /**
   * The agent's inbox tab, newest activity first, narrowed by a filter and/or a view.
   * Pending also holds the transfers offered to the agent (core's `isTransferOfferedTo`).
   */
  async list(agent: string, tab: InboxTab, filter?: ContactFilter, viewId?: string): Promise<Interaction[]> {
    const viewer = await this.viewer(agent);
    const rows =
      tab === 'pending'
        ? await this.db.query<{ data: Interaction }>(
            `SELECT data FROM ws_interactions
             WHERE (status = 'pending' AND ($1::jsonb IS NULL OR $1::jsonb ? campaign))
                OR (data ? 'transfer' AND data->'transfer'->'target'->>'agentId' = $2 AND status = 'active' AND assignee <> $2)`,
            [viewer.campaigns ? JSON.stringify(viewer.campaigns) : null, agent],
          )
        : await this.db.query<{ data: Interaction }>(
            `SELECT data FROM ws_interactions WHERE assignee = $1 AND status IN ('active', 'finished')`,
            [agent],
          );
    let items = rows.map((row) => row.data).filter((i) => !i.conferenceRoom || i.assignee === agent);
    const filters = [filter, viewId ? (await this.view(agent, viewId)).filter : undefined].filter((f): f is ContactFilter => !!f);
    for (const f of filters) {
      let predicate: (interaction: Interaction) => boolean;
      try {
        predicate = compileInteractionFilter(f);
      } catch (error) {
        throw rule(error instanceof Error ? error.message : 'The filter is not valid.');
      }
      items = items.filter(predicate);
    }
    return items.sort(byNewestActivity);
  }

  /** Open interactions, most recently active first (the simulator picks from them). */
  async openInteractions(limit: number): Promise<Interaction[]> {
    const rows = await this.db.query<{ data: Interaction }>(
      `SELECT data FROM ws_interactions WHERE status IN ('pending', 'active') ORDER BY updated_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.data);
  }

  async history(contactId: string, limit: number, before?: string): Promise<Interaction[]> {
    const rows = await this.db.query<{ data: Interaction }>(
      `SELECT data FROM ws_interactions
       WHERE contact_id = $1 AND ($2::text IS NULL OR started_at < $2) AND NOT (data ? 'conferenceRoom')
       ORDER BY started_at DESC, id LIMIT $3`,
      [contactId, before ?? null, limit],
    );
    return rows.map((row) => row.data);
  }

  /**
   * A page of messages, oldest first: the newest `limit` before the message
   * id or ISO instant `before`. Reading their own conversation clears the
   * assignee's unread count.
   */
  async messages(agent: string, id: string, before: string | undefined, limit: number): Promise<Message[]> {
    const interaction = await this.get(id);
    if (!interaction) throw notFound(id);
    let position: string | null = null;
    let instant: string | null = null;
    if (before) {
      const [row] = await this.db.query<{ position: string }>('SELECT position::text AS position FROM ws_messages WHERE id = $1 AND interaction_id = $2', [
        before,
        id,
      ]);
      if (row) position = row.position;
      else instant = before;
    }
    const rows = await this.db.query<{ data: Message }>(
      `SELECT data FROM ws_messages
       WHERE interaction_id = $1 AND ($2::bigint IS NULL OR position < $2::bigint) AND ($3::text IS NULL OR data->>'at' < $3)
       ORDER BY position DESC LIMIT $4`,
      [id, position, instant, limit],
    );
    if (interaction.assignee === agent && interaction.unread > 0) {
      await this.dispatch({ ids: [id] }, (at) => [{ type: 'read', at, id, agentId: agent }]);
    }
    return rows.map((row) => row.data).reverse();
  }

  // ---- commands --------------------------------------------------------------------

  take(agent: string, id: string): Promise<Interaction> {
    return this.command(id, (at) => [{ type: 'take', at, id, agentId: agent }]);
  }

  async start(agent: string, draft: StartInput): Promise<Interaction> {
    const campaign = this.campaigns.find((c) => c.id === draft.campaign);
    if (!campaign) throw rule(`No campaign "${draft.campaign}".`);
    if (!campaign.outboundChannels.includes(draft.channel)) throw rule(`${campaign.name} cannot start ${draft.channel} interactions.`);
    const customer = await lookUpCustomer(this.options.contacts, draft.channel, draft.to, campaign.region ? { region: campaign.region } : {});
    const id = `int-${randomUUID()}`;
    const me = { id: agent, name: agent };
    const state = await this.dispatch({ ids: [id] }, (at, slice) => {
      const events: InteractionEvent[] = [
        {
          type: 'start',
          at,
          id,
          agentId: agent,
          channel: draft.channel,
          campaign: draft.campaign,
          clientId: draft.to,
          title: customer.title,
          ...(customer.contactId ? { contactId: customer.contactId } : {}),
        },
      ];
      if (draft.channel !== 'phone' && (draft.message !== undefined || draft.template || draft.html)) {
        const interaction: Interaction = { id, channel: draft.channel, campaign: draft.campaign, context: { channel: draft.channel }, status: 'active', startedAt: '', unread: 0 };
        const message = agentMessage({
          id: `msg-${randomUUID()}`,
          interaction,
          campaign,
          draft: {
            ...(draft.message !== undefined ? { text: draft.message } : {}),
            ...(draft.html ? { html: draft.html } : {}),
            ...(draft.subject ? { subject: draft.subject } : {}),
            ...(draft.cc ? { cc: draft.cc } : {}),
            ...(draft.bcc ? { bcc: draft.bcc } : {}),
            ...(draft.template ? { template: { id: draft.template, ...(draft.variables ? { variables: draft.variables } : {}) } } : {}),
          },
          agent: { ...me, name: slice.state.agents[agent]?.name ?? agent },
          at,
        });
        events.push({ type: 'message', at, message });
      }
      return events;
    });
    if (draft.channel === 'phone' && this.options.simulateCarrier) this.later(2000, () => this.answered(id));
    return state.interactions.get(id)!;
  }

  async linkContact(id: string, contactId: string): Promise<Interaction> {
    let title: string | undefined;
    try {
      const contact = await this.options.contacts.getContact(contactId);
      if (contact) title = contactName(contact) || undefined;
    } catch {
      // The link matters more than the name; the title stays as it was.
    }
    return this.command(id, (at) => [{ type: 'link-contact', at, id, contactId, ...(title ? { title } : {}) }]);
  }

  /**
   * Sends once per (agent, Idempotency-Key): a replay answers the message the first request made, as it is now.
   * `media`: the uploaded files and voice note it carries (attachment-routes.ts stored and checked them).
   */
  async send(agent: string, id: string, draft: SendDraft, key: string, media: SendMedia = {}): Promise<Message> {
    for (;;) {
      const earlier = await this.sentWith(agent, key);
      if (earlier) return earlier;
      const interaction = await this.get(id);
      if (!interaction) throw notFound(id);
      if (interaction.assignee !== agent || interaction.status === 'pending') {
        throw new HttpProblem('conflict', () => 'This interaction is not assigned to you.');
      }
      if (interaction.status !== 'active' && !draft.internal) {
        throw new HttpProblem('conflict', () => 'This interaction is finished: the customer can no longer be written to.');
      }
      const quoted = draft.replyTo
        ? await this.db.query<{ data: Message }>('SELECT data FROM ws_messages WHERE id = $1 AND interaction_id = $2', [draft.replyTo, id])
        : [];
      try {
        checkDraft(interaction, { ...draft, files: media.attachments, voice: media.voice }, quoted.map((row) => row.data));
      } catch (error) {
        if (error instanceof CrmError) throw rule(error.message);
        throw error;
      }
      const campaign = this.campaigns.find((c) => c.id === interaction.campaign);
      let message: Message | undefined;
      try {
        await this.dispatch(
          { ids: [id] },
          (at, slice) => {
            const current = slice.state.interactions.get(id);
            if (!current || current.assignee !== agent) throw new HttpProblem('conflict', () => 'This interaction is not assigned to you.');
            message = agentMessage({
              id: `msg-${randomUUID()}`,
              interaction: current,
              campaign,
              draft,
              agent: { id: agent, name: slice.state.agents[agent]?.name ?? agent },
              at,
              ...media,
            });
            return [{ type: 'message', at, message }];
          },
          async (tx) => {
            const claimed = await tx.query('INSERT INTO ws_sent_keys (agent, key, message_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key', [
              agent,
              key,
              message!.id,
            ]);
            if (!claimed.length) throw new KeyTaken();
          },
        );
      } catch (error) {
        if (error instanceof KeyTaken) continue; // a concurrent request with the same key won: answer its message
        throw error;
      }
      if (this.options.simulateCarrier && message!.status === 'sent') this.receipts(id, message!.id);
      return message!;
    }
  }

  private async sentWith(agent: string, key: string): Promise<Message | undefined> {
    const [row] = await this.db.query<{ data: Message }>(
      `SELECT m.data FROM ws_sent_keys k JOIN ws_messages m ON m.id = k.message_id WHERE k.agent = $1 AND k.key = $2`,
      [agent, key],
    );
    return row?.data;
  }

  call(agent: string, id: string, command: CallCommand): Promise<Interaction> {
    return this.command(id, (at) => [{ type: 'call-command', at, id, agentId: agent, command }]);
  }

  finish(agent: string, id: string): Promise<Interaction> {
    return this.command(id, (at) => [{ type: 'finish', at, id, agentId: agent }]);
  }

  close(agent: string, id: string): Promise<Interaction> {
    return this.command(id, (at) => [{ type: 'close', at, id, agentId: agent }]);
  }

  /** Saves the disposition; its `rescheduleAt` schedules (or moves) the next attempt in the same transaction, its absence cancels it. */
  async saveDisposition(agent: string, id: string, disposition: DispositionInput, close: boolean): Promise<Interaction> {
    const state = await this.dispatch(
      { ids: [id] },
      (at) => [{ type: 'save-disposition', at, id, agentId: agent, disposition, close }],
      async (tx, after) => {
        const saved = after.interactions.get(id);
        const attempt = saved && attemptFor(saved, agent, this.campaigns.find((c) => c.id === saved.campaign));
        if (attempt) await storeAttempt(tx, attempt);
        else await cancelAttempt(tx, id);
      },
    );
    const found = state.interactions.get(id);
    if (!found) throw notFound(id);
    return found;
  }

  /** The agent's rescheduled attempts still to come, soonest first. */
  scheduled(agent: string): Promise<ScheduledAttempt[]> {
    return listAttempts(this.db, agent);
  }

  /**
   * Starts the rescheduled attempts due now, each as `start` would, for
   * its agent. The claim of the row and the start commit together: of two
   * processes one starts it; the other's transaction rolls back.
   */
  async startDueAttempts(now: number): Promise<number> {
    let started = 0;
    for (const attempt of await dueAttempts(this.db, now, 50)) {
      const id = `int-${randomUUID()}`;
      try {
        await this.dispatch(
          { ids: [id] },
          (at) => [
            {
              type: 'start',
              at,
              id,
              agentId: attempt.agentId,
              channel: attempt.channel,
              campaign: attempt.campaign,
              clientId: attempt.clientId,
              ...(attempt.title ? { title: attempt.title } : {}),
              ...(attempt.contactId ? { contactId: attempt.contactId } : {}),
            },
          ],
          (tx) => claimAttempt(tx, attempt.id),
        );
      } catch (error) {
        if (error instanceof AttemptTaken) continue;
        // The reducer refused it (its campaign is gone): it never can start.
        if (error instanceof HttpProblem) {
          await dropAttempt(this.db, attempt.id);
          continue;
        }
        throw error;
      }
      started += 1;
      if (attempt.channel === 'phone' && this.options.simulateCarrier) this.later(2000, () => this.answered(id));
    }
    return started;
  }

  /** The next instant time-driven work is due (a rescheduled attempt, a transfer deadline, a wrap-up end), for the idle timer. */
  async nextDue(): Promise<number | undefined> {
    const [row] = await this.db.query<{ due: number | null }>(
      `SELECT least((SELECT min(deadline) FROM ws_interactions WHERE deadline IS NOT NULL),
                    (SELECT min(wrap_up_until) FROM ws_agents WHERE presence = 'wrap-up')) AS due`,
    );
    const attempt = await nextAttemptDue(this.db);
    const other = row?.due === null || row?.due === undefined ? undefined : Number(row.due);
    return attempt === undefined ? other : other === undefined ? attempt : Math.min(attempt, other);
  }

  async transferTargets(agent: string, id: string): Promise<TransferTargets> {
    const interaction = await this.get(id);
    if (!interaction) throw notFound(id);
    const rows = await this.db.query<{ id: string; name: string; presence: Presence }>('SELECT id, name, presence FROM ws_agents WHERE id <> $1 ORDER BY id', [agent]);
    const now = this.clock.now();
    const agents: AgentInfo[] = rows.map((row) => ({ id: row.id, name: row.name, presence: row.presence }));
    const campaigns = this.campaigns
      .filter((c) => c.channels.includes(interaction.channel))
      .map((c) => ({ id: c.id, name: c.name, open: isOpenAt(c.hours, now) }));
    return { agents, campaigns };
  }

  transfer(agent: string, id: string, to: TransferTo, mode: TransferMode): Promise<Interaction> {
    return this.command(id, (at) => [{ type: 'transfer', at, id, agentId: agent, to, mode }]);
  }

  /** The agent a transfer is offered to answers it (`conflict` when none waits or it is someone else's). */
  answerTransfer(agent: string, id: string, answer: 'accept' | 'decline'): Promise<Interaction> {
    return this.command(id, (at) => [{ type: 'transfer-answer', at, id, agentId: agent, answer }]);
  }

  completeTransfer(agent: string, id: string): Promise<Interaction> {
    return this.command(id, (at) => [{ type: 'transfer-complete', at, id, agentId: agent }]);
  }

  cancelTransfer(agent: string, id: string): Promise<Interaction> {
    return this.command(id, (at) => [{ type: 'transfer-cancel', at, id, agentId: agent }]);
  }

  // ---- the conference room (issue 21) -----------------------------------------------

  /** Sends an active call of the agent's into their room (made on the first call); answers the room, itself an interaction. */
  async sendToConference(agent: string, id: string): Promise<Interaction> {
    const fresh = `room-${randomUUID()}`;
    let roomId = fresh;
    const state = await this.dispatch({ ids: [id], roomOwner: agent }, (at, slice) => {
      roomId = slice.state.rooms[agent]?.id ?? fresh;
      return [{ type: 'conference-send', at, id, agentId: agent, roomId }];
    });
    return state.interactions.get(roomId)!;
  }

  async joinConference(agent: string): Promise<Interaction> {
    const state = await this.dispatch({ roomOwner: agent }, (at) => [{ type: 'conference-join', at, agentId: agent }]);
    return state.interactions.get(state.rooms[agent]!.id)!;
  }

  /** Who is in the agent's room, muted or speaking ([] without a room). */
  async conferenceParticipants(agent: string): Promise<ConferenceParticipant[]> {
    const [row] = await this.db.query<{ data: Interaction }>(
      `SELECT data FROM ws_interactions WHERE assignee = $1 AND status = 'active' AND data ? 'conferenceRoom'`,
      [agent],
    );
    return row?.data.participants ?? [];
  }

  async muteParticipant(agent: string, participantId: string, on: boolean): Promise<void> {
    await this.dispatch({ ids: [participantId], roomOwner: agent }, (at) => [{ type: 'participant', at, agentId: agent, participantId, muted: on }]);
  }

  /** Mutes every participant at once; the agent is not a participant, so stays unmuted. */
  async muteAll(agent: string): Promise<void> {
    await this.dispatch({ roomOwner: agent }, (at, slice) =>
      (slice.state.rooms[agent]?.participants ?? [])
        .filter((p) => !p.muted)
        .map((p) => ({ type: 'participant' as const, at, agentId: agent, participantId: p.id, muted: true })),
    );
  }

  /** Removes a participant: their call ends. */
  async removeParticipant(agent: string, participantId: string): Promise<void> {
    await this.dispatch({ ids: [participantId], roomOwner: agent }, (at) => [{ type: 'participant', at, agentId: agent, participantId, remove: true }]);
  }

  /** The carrier's side (test routes): a participant starts or stops speaking; the room's owner hears it on the change feed. */
  async participantSpeaking(participantId: string, on: boolean): Promise<ConferenceParticipant> {
    const state = await this.dispatch({ ids: [participantId] }, (at, slice) => {
      const room = Object.values(slice.state.rooms).find((r) => r.participants.some((p) => p.id === participantId));
      if (!room) throw new HttpProblem('not-found', () => `No conference participant "${participantId}".`);
      return [{ type: 'participant', at, agentId: room.owner, participantId, speaking: on }];
    });
    const participant = Object.values(state.rooms)
      .flatMap((room) => room.participants)
      .find((p) => p.id === participantId);
    if (!participant) throw new HttpProblem('not-found', () => `No conference participant "${participantId}".`);
    return participant;
  }

  // ---- presence --------------------------------------------------------------------

  async presence(agent: string): Promise<Presence> {
    const [row] = await this.db.query<{ presence: Presence }>('SELECT presence FROM ws_agents WHERE id = $1', [agent]);
    return row?.presence ?? 'disconnected';
  }

  /** The agent chooses available, busy or break (available also ends a wrap-up early); remembered for their next connection. */
  async setPresence(agent: string, presence: Presence): Promise<Presence> {
    if (!SELECTABLE_PRESENCES.includes(presence)) {
      throw rule(`An agent chooses ${SELECTABLE_PRESENCES.join(', ')}; ${presence} is set by the system.`);
    }
    const state = await this.dispatch(
      {},
      (at) => [{ type: 'presence', at, agentId: agent, presence }],
      async (tx) => {
        await tx.query('UPDATE ws_agents SET chosen = $2 WHERE id = $1', [agent, presence]);
      },
    );
    return state.agents[agent]?.presence ?? presence;
  }

  /** Any agent's presence, including wrap-up and disconnected (test routes, the simulator). */
  async setAgentPresence(agent: string, presence: Presence): Promise<void> {
    await this.dispatch({}, (at) => [{ type: 'presence', at, agentId: agent, presence }]);
  }

  /** A stream of the agent opened: alive now; back from `disconnected` to what they last chose. */
  async streamOpened(agent: string): Promise<void> {
    await this.ensureAgent(agent);
    const now = this.clock.now();
    const [row] = await this.db.query<{ presence: Presence; chosen: Presence }>(
      'UPDATE ws_agents SET seen_at = $2 WHERE id = $1 RETURNING presence, chosen',
      [agent, now],
    );
    if (row?.presence === 'disconnected') {
      await this.dispatch({}, (at, slice) =>
        slice.state.agents[agent]?.presence === 'disconnected' ? [{ type: 'presence', at, agentId: agent, presence: row.chosen }] : [],
      );
    }
  }

  /** Marks agents alive (their streams are open in this process). */
  async heartbeat(agents: readonly string[]): Promise<void> {
    if (agents.length) await this.db.query('UPDATE ws_agents SET seen_at = $2 WHERE id = ANY($1::text[])', [agents, this.clock.now()]);
  }

  /**
   * Time-driven work, run by any process: agents whose last stream has been
   * gone longer than the grace period become `disconnected`; due wrap-ups
   * and transfer deadlines take effect (a `tick`); due rescheduled attempts
   * start. `live` are the agents
   * with a stream open in this process (refreshed first, so they never
   * count as gone).
   */
  async maintain(live: readonly string[]): Promise<void> {
    await this.heartbeat(live);
    const now = this.clock.now();
    const gone = await this.db.query<{ id: string }>(
      `SELECT id FROM ws_agents WHERE presence <> 'disconnected' AND seen_at IS NOT NULL AND seen_at < $1`,
      [now - this.graceMs],
    );
    if (gone.length) {
      await this.dispatch({}, (at, slice) =>
        gone
          .map((row) => row.id)
          // Checked again in the transaction: a stream may have come back meanwhile.
          .filter((id) => (slice.seenAt.get(id) ?? Infinity) < at - this.graceMs && slice.state.agents[id]?.presence !== 'disconnected')
          .map((agentId) => ({ type: 'presence', at, agentId, presence: 'disconnected' as const })),
      );
    }
    const [due] = await this.db.query<{ due: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ws_agents WHERE presence = 'wrap-up' AND wrap_up_until <= $1)
           OR EXISTS (SELECT 1 FROM ws_interactions WHERE deadline IS NOT NULL AND deadline <= $1) AS due`,
      [now],
    );
    if (due?.due) await this.dispatch({}, (at) => [{ type: 'tick', at }]);
    await this.startDueAttempts(now);
  }

  /** Drops change-feed events older than `maxAgeMs` (a client that was away longer re-reads its inbox anyway). */
  async prune(maxAgeMs = 24 * 60 * 60_000): Promise<void> {
    await this.db.query(`DELETE FROM ws_events WHERE created_at < now() - ($1::float8 * interval '1 millisecond')`, [maxAgeMs]);
  }

  // ---- views and batch ----------------------------------------------------------------

  async views(agent: string): Promise<InboxView[]> {
    const rows = await this.db.query<{ data: InboxView }>('SELECT data FROM ws_views WHERE public OR agent = $1 ORDER BY position', [agent]);
    return rows.map((row) => row.data);
  }

  private async view(agent: string, id: string): Promise<InboxView> {
    const found = (await this.views(agent)).find((v) => v.id === id);
    if (!found) throw new HttpProblem('not-found', () => `No view "${id}".`);
    return found;
  }

  async saveView(agent: string, view: { id?: string; name: string; public: boolean; filter: ContactFilter }): Promise<InboxView> {
    const name = view.name.trim();
    if (!name) throw rule('A view needs a name.');
    const validation = validateFilter(view.filter, INTERACTION_FILTER_FIELDS);
    if (!validation.ok) throw rule(validation.expression?.message ?? 'A condition of the view is incomplete.');
    // One save at a time (a transaction-scoped lock): two saves of one new name cannot both pass the check.
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('ws_views'))`);
      const rows = await tx.query<{ data: InboxView }>('SELECT data FROM ws_views WHERE public OR agent = $1 ORDER BY position', [agent]);
      const visible = rows.map((row) => row.data);
      const existing = view.id ? visible.find((v) => v.id === view.id) : undefined;
      if (view.id && !existing) throw new HttpProblem('not-found', () => `No view "${view.id}".`);
      // 403 (a public view is visible, not the agent's); `conflict` as the simulated carrier says it.
      if (existing && existing.owner !== agent) throw new HttpProblem('conflict', () => 'Only its owner can change a view.', { status: 403 });
      if (visible.some((v) => v.id !== view.id && v.name.toLowerCase() === name.toLowerCase())) {
        throw new HttpProblem('conflict', () => `A view named "${name}" already exists.`);
      }
      const saved: InboxView = { id: existing?.id ?? `view-${randomUUID()}`, name, public: view.public, filter: view.filter, owner: agent };
      await tx.query(
        `INSERT INTO ws_views (id, agent, public, data) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (id) DO UPDATE SET public = EXCLUDED.public, data = EXCLUDED.data WHERE ws_views.agent = EXCLUDED.agent`,
        [saved.id, agent, saved.public, JSON.stringify(saved)],
      );
      return saved;
    });
  }

  async deleteView(agent: string, id: string): Promise<void> {
    const [row] = await this.db.query<{ agent: string; public: boolean }>('SELECT agent, public FROM ws_views WHERE id = $1', [id]);
    if (!row || (!row.public && row.agent !== agent)) throw new HttpProblem('not-found', () => `No view "${id}".`);
    if (row.agent !== agent) throw new HttpProblem('conflict', () => 'Only its owner can delete a view.', { status: 403 });
    await this.db.query('DELETE FROM ws_views WHERE id = $1 AND agent = $2', [id, agent]);
  }

  /** Tags or deletes the interactions of `ids` the agent can see (its Active ones and its campaigns' pending ones). */
  async batch(agent: string, ids: readonly string[], action: { tags?: { add?: string[]; remove?: string[] }; delete?: boolean }): Promise<void> {
    const viewer = await this.viewer(agent);
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM ws_interactions WHERE id = ANY($1::text[])
         AND (assignee = $2 OR (status = 'pending' AND ($3::jsonb IS NULL OR $3::jsonb ? campaign)))`,
      [ids, agent, viewer.campaigns ? JSON.stringify(viewer.campaigns) : null],
    );
    const known = rows.map((row) => row.id);
    if (!known.length) return;
    const clean = (tags?: string[]) => (tags ?? []).map((t) => t.trim()).filter(Boolean);
    await this.dispatch({ ids: known }, (at) => [
      ...(action.tags ? [{ type: 'tag' as const, at, ids: known, add: clean(action.tags.add), remove: clean(action.tags.remove) }] : []),
      ...(action.delete ? [{ type: 'delete' as const, at, ids: known }] : []),
    ]);
  }

  // ---- the carrier's side (test routes and the simulator) ---------------------------

  /** A customer reaches a campaign; undefined when the contact is blocked (the inbound reaches nobody). */
  async inbound(input: InboundInput): Promise<Interaction | undefined> {
    const campaign = this.campaigns.find((c) => c.id === input.campaign);
    if (!campaign) throw rule(`No campaign "${input.campaign}".`);
    const customer = await lookUpCustomer(this.options.contacts, input.channel, input.clientId, {
      ...(campaign.region ? { region: campaign.region } : {}),
      ...(input.preChat?.name ? { preChatName: input.preChat.name } : {}),
    });
    const id = `int-${randomUUID()}`;
    const state = await this.dispatch({ ids: [id] }, (at) => [
      {
        type: 'inbound',
        at,
        id,
        channel: input.channel,
        campaign: input.campaign,
        clientId: input.clientId,
        title: customer.title,
        ...(customer.contactId ? { contactId: customer.contactId } : {}),
        ...(input.preChat ? { preChat: input.preChat } : {}),
        ...(customer.blocked ? { blocked: true } : {}),
      },
      ...(input.text !== undefined && input.channel !== 'phone' && !customer.blocked
        ? [{ type: 'message' as const, at, message: customerMessage({ id: `msg-${randomUUID()}`, interactionId: id, name: customer.title, text: input.text, at }) }]
        : []),
    ]);
    return customer.blocked ? undefined : state.interactions.get(id);
  }

  /** The customer writes; on a closed interaction they start a new one (as carriers do). */
  async customerMessage(id: string, text: string): Promise<Message> {
    let interaction = await this.get(id);
    if (!interaction) throw notFound(id);
    if (interaction.status === 'closed') {
      const next = await this.inbound({ channel: interaction.channel, campaign: interaction.campaign, clientId: interaction.context.clientId ?? interaction.title ?? '' });
      if (!next) throw rule('The contact is blocked: the message reached nobody.');
      interaction = next;
    }
    const target = interaction;
    const message = customerMessage({
      id: `msg-${randomUUID()}`,
      interactionId: target.id,
      name: target.title ?? target.context.clientId ?? 'Customer',
      text,
      at: this.clock.now(),
    });
    await this.dispatch({ ids: [target.id] }, (at) => [{ type: 'message', at, message: { ...message, at: new Date(at).toISOString() } }]);
    return message;
  }

  async delivery(messageId: string, status: MessageStatus, error?: string): Promise<Message> {
    const [row] = await this.db.query<{ interaction_id: string }>('SELECT interaction_id FROM ws_messages WHERE id = $1', [messageId]);
    if (!row) throw new HttpProblem('not-found', () => `No message "${messageId}".`);
    const interactionId = row.interaction_id;
    const state = await this.dispatch({ ids: [interactionId], message: { interactionId, id: messageId } }, (at) => [
      { type: 'message-status', at, interactionId, messageId, status, ...(error ? { error } : {}) },
    ]);
    return state.messages.get(interactionId)!.find((m) => m.id === messageId)!;
  }

  hangup(id: string): Promise<Interaction> {
    return this.command(id, (at) => [{ type: 'call-ended', at, id }]);
  }

  async takeByOther(id: string, agent: string): Promise<Interaction> {
    await this.ensureAgent(agent);
    return this.take(agent, id);
  }

  /** Sets up an agent: name, capacity per channel, campaigns (test routes). */
  async configureAgent(agent: string, setup: { name?: string; capacity?: Record<string, number>; campaigns?: string[] | null; presence?: Presence }): Promise<void> {
    await this.ensureAgent(agent);
    await this.db.query(
      `UPDATE ws_agents SET name = COALESCE($2, name),
         capacity = CASE WHEN $3::boolean THEN $4::jsonb ELSE capacity END,
         campaigns = CASE WHEN $5::boolean THEN $6::jsonb ELSE campaigns END,
         version = version + 1
       WHERE id = $1`,
      [
        agent,
        setup.name ?? null,
        setup.capacity !== undefined,
        setup.capacity ? JSON.stringify(setup.capacity) : null,
        setup.campaigns !== undefined,
        setup.campaigns ? JSON.stringify(setup.campaigns) : null,
      ],
    );
    if (setup.presence) await this.setAgentPresence(agent, setup.presence);
  }

  private answered(id: string): Promise<unknown> {
    return this.dispatch({ ids: [id] }, (at, slice) => (slice.state.interactions.get(id)?.call?.state === 'ringing' ? [{ type: 'call-answered', at, id }] : []));
  }

  /** Simulator mode: the carrier delivers, then the customer reads. */
  private receipts(_interactionId: string, messageId: string): void {
    this.later(1500, () => this.delivery(messageId, 'delivered'));
    this.later(4000, () => this.delivery(messageId, 'read'));
  }

  /** Best effort, later, never keeping the process alive. */
  private later(ms: number, work: () => Promise<unknown>): void {
    setTimeout(() => void work().catch(() => undefined), ms).unref?.();
  }
}

class KeyTaken extends Error {}
