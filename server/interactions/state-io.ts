/**
 * The lifecycle reducer (src/core/interactions) on a database: a command
 * loads the slice of the workspace its event can touch into a
 * `WorkspaceState`, the core reducer steps it, and what changed (found by
 * reference, as the simulated carrier finds it) is written back under
 * version guards, with one change-feed event per change. The rules live in
 * the reducer only; this file decides what is read and written.
 *
 * The slice: the event's interactions, the head of the Pending queue of
 * auto-assigned campaigns, interactions whose transfer deadline is due,
 * every agent, the conference rooms the event can touch (the acting
 * agent's, and those of any of its interactions, with all their
 * participants' calls; a room is its interaction, which carries the
 * participants), and — for capacity — a stub for every interaction that
 * occupies an agent (id, channel, assignee only; the reducer never
 * changes those for the events the server accepts, so they are never
 * written back).
 */
import {
  occupiesCapacity,
  type AgentState,
  type ConferenceRoom,
  type Interaction,
  type InteractionChange,
  type Message,
  type WorkspaceState,
} from '../../src/core/interactions/index.js';
import type { Campaign, Channel } from '../../src/core/types.js';
import { changesBetween } from '../../src/data/interactions/sim-diff.js';
import type { Queryable } from '../db.js';

/** A version guard failed: another process changed a row first. The command is retried on fresh data. */
export class StaleWrite extends Error {}

export interface Slice {
  state: WorkspaceState;
  /** Row versions of the fully loaded interactions (stubs are absent). */
  versions: Map<string, number>;
  agentVersions: Map<string, number>;
  /** When each agent's stream was last alive (ms), when known. */
  seenAt: Map<string, number>;
}

export interface SliceNeed {
  ids?: readonly string[];
  /** A message whose status changes: its interaction's list holds just it. */
  message?: { interactionId: string; id: string };
  /** The agent whose conference room the event acts on. */
  roomOwner?: string;
  now: number;
}

interface InteractionRow {
  id: string;
  version: number;
  data: Interaction;
}

interface AgentRow {
  id: string;
  name: string;
  presence: AgentState['presence'];
  capacity: AgentState['capacity'] | null;
  campaigns: string[] | null;
  idle_since: number;
  wrap_up_until: number | null;
  seen_at: number | null;
  version: number;
}

/** The Pending queue head loaded for auto-assign: later arrivals wait for the next command anyway. */
const QUEUE_HEAD = 100;

export function agentFromRow(row: AgentRow): AgentState {
  return {
    id: row.id,
    name: row.name,
    presence: row.presence,
    ...(row.capacity ? { capacity: row.capacity } : {}),
    ...(row.campaigns ? { campaigns: row.campaigns } : {}),
    idleSince: Number(row.idle_since),
    ...(row.wrap_up_until !== null ? { wrapUpUntil: Number(row.wrap_up_until) } : {}),
  };
}

export const AGENT_COLUMNS = 'id, name, presence, capacity, campaigns, idle_since, wrap_up_until, seen_at, version';

export async function loadSlice(q: Queryable, campaigns: readonly Campaign[], need: SliceNeed): Promise<Slice> {
  const auto = campaigns.filter((c) => c.assignment === 'auto').map((c) => c.id);
  // One after the other: a transaction is one connection.
  const agentRows = await q.query<AgentRow>(`SELECT ${AGENT_COLUMNS} FROM ws_agents`);
  const roomRows = await q.query<{ id: string; assignee: string; data: Interaction }>(
    `SELECT id, assignee, data FROM ws_interactions
     WHERE status = 'active' AND data ? 'conferenceRoom'
       AND (assignee = $1 OR id = ANY($2::text[])
            OR EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(data->'participants', '[]'::jsonb)) p WHERE p->>'id' = ANY($2::text[])))`,
    [need.roomOwner ?? null, [...new Set(need.ids ?? [])]],
  );
  const rooms: Record<string, ConferenceRoom> = {};
  for (const row of roomRows) {
    const participants = row.data.participants ?? [];
    rooms[row.assignee] = { id: row.id, owner: row.assignee, joined: row.data.call?.state === 'connected', participants };
  }
  const ids = [...new Set([...(need.ids ?? []), ...Object.values(rooms).flatMap((room) => [room.id, ...room.participants.map((p) => p.id)])])];
  const targetRows = await q.query<InteractionRow & { queued: string }>(
    `SELECT id, version, data, queued::text AS queued FROM ws_interactions
     WHERE id = ANY($1::text[]) OR (deadline IS NOT NULL AND deadline <= $2)`,
    [ids, need.now],
  );
  const queueRows = auto.length
    ? await q.query<InteractionRow & { queued: string }>(
        `SELECT id, version, data, queued::text AS queued FROM ws_interactions
         WHERE status = 'pending' AND campaign = ANY($1::text[]) ORDER BY queued LIMIT ${QUEUE_HEAD}`,
        [auto],
      )
    : [];
  const stubRows = await q.query<{ id: string; assignee: string; channel: Channel }>(
    'SELECT id, assignee, channel FROM ws_interactions WHERE occupies',
  );
  const interactions = new Map<string, Interaction>();
  const versions = new Map<string, number>();
  const queued: { id: string; queued: bigint }[] = [];
  for (const row of [...targetRows, ...queueRows]) {
    if (versions.has(row.id)) continue;
    interactions.set(row.id, row.data);
    versions.set(row.id, row.version);
    if (row.data.status === 'pending') queued.push({ id: row.id, queued: BigInt(row.queued) });
  }
  for (const stub of stubRows) {
    if (interactions.has(stub.id)) continue;
    interactions.set(stub.id, {
      id: stub.id,
      channel: stub.channel,
      campaign: '',
      context: { channel: stub.channel },
      status: 'active',
      assignee: stub.assignee,
      startedAt: '',
      unread: 0,
    });
  }
  const messages = new Map<string, readonly Message[]>();
  if (need.message) {
    const rows = await q.query<{ data: Message }>('SELECT data FROM ws_messages WHERE id = $1 AND interaction_id = $2', [
      need.message.id,
      need.message.interactionId,
    ]);
    if (rows.length) messages.set(need.message.interactionId, [rows[0]!.data]);
  }
  const agents: Record<string, AgentState> = {};
  const agentVersions = new Map<string, number>();
  const seenAt = new Map<string, number>();
  for (const row of agentRows) {
    agents[row.id] = agentFromRow(row);
    agentVersions.set(row.id, row.version);
    if (row.seen_at !== null) seenAt.set(row.id, Number(row.seen_at));
  }
  const byId: Record<string, Campaign> = {};
  for (const campaign of campaigns) byId[campaign.id] = campaign;
  queued.sort((a, b) => (a.queued < b.queued ? -1 : a.queued > b.queued ? 1 : 0));
  return {
    state: { interactions, messages, pending: queued.map((p) => p.id), agents, campaigns: byId, rooms, dropped: [] },
    versions,
    agentVersions,
    seenAt,
  };
}

/** One change-feed row: the change and who may see it (server/interactions/visibility.ts). */
export interface EventRow {
  kind: InteractionChange['type'];
  campaign: string | null;
  assignee: string | null;
  prev_assignee: string | null;
  pendingish: boolean;
  /** The agent a transfer of the interaction is offered to, before or after this change (they see the offer come and go). */
  offered_to?: string | null;
  data: InteractionChange;
}

function interactionColumns(interaction: Interaction) {
  const deadline = interaction.transfer?.deadline ? Date.parse(interaction.transfer.deadline) : NaN;
  return [
    interaction.status,
    interaction.assignee ?? null,
    interaction.campaign,
    interaction.channel,
    interaction.contactId ?? null,
    interaction.startedAt,
    interaction.updatedAt ?? interaction.startedAt,
    occupiesCapacity(interaction),
    Number.isFinite(deadline) ? deadline : null,
    JSON.stringify(interaction),
  ];
}

const expectOne = (rows: unknown[]) => {
  if (rows.length !== 1) throw new StaleWrite();
};

/**
 * Writes what the reducer changed between `slice.state` and `after`, and
 * answers the change-feed rows. Throws `StaleWrite` when a guarded row
 * moved under it. Agents first, then interactions, each in id order, so
 * two processes lock rows in the same order.
 */
export async function writeChanges(q: Queryable, slice: Slice, after: WorkspaceState): Promise<EventRow[]> {
  const before = slice.state;
  if (before === after) return [];
  for (const id of Object.keys(after.agents).sort()) {
    const agent = after.agents[id]!;
    if (before.agents[id] === agent) continue;
    const values = [id, agent.name, agent.presence, agent.idleSince, agent.wrapUpUntil ?? null];
    if (slice.agentVersions.has(id)) {
      expectOne(
        await q.query(
          `UPDATE ws_agents SET name = $2, presence = $3, idle_since = $4, wrap_up_until = $5, version = version + 1
           WHERE id = $1 AND version = $6 RETURNING id`,
          [...values, slice.agentVersions.get(id)],
        ),
      );
    } else {
      expectOne(
        await q.query(
          `INSERT INTO ws_agents (id, name, presence, idle_since, wrap_up_until) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          values,
        ),
      );
    }
  }
  if (before.interactions !== after.interactions) {
    for (const id of [...after.interactions.keys()].sort()) {
      const interaction = after.interactions.get(id)!;
      const old = before.interactions.get(id);
      if (old === interaction) continue;
      const columns = interactionColumns(interaction);
      if (old) {
        if (!slice.versions.has(id)) throw new Error(`The reducer changed a capacity stub (${id}).`);
        // A take (or auto-assign) is one conditional UPDATE: of two agents, one finds the row still unassigned.
        const claim = old.status === 'pending' && interaction.assignee ? ' AND assignee IS NULL AND status = $13' : '';
        expectOne(
          await q.query(
            `UPDATE ws_interactions SET status = $2, assignee = $3, campaign = $4, channel = $5, contact_id = $6,
               started_at = $7, updated_at = $8, occupies = $9, deadline = $10, data = $11::jsonb, version = version + 1
             WHERE id = $1 AND version = $12${claim} RETURNING id`,
            [id, ...columns, slice.versions.get(id), ...(claim ? ['pending'] : [])],
          ),
        );
      } else {
        expectOne(
          await q.query(
            `INSERT INTO ws_interactions (id, status, assignee, campaign, channel, contact_id, started_at, updated_at, occupies, deadline, data)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
            [id, ...columns],
          ),
        );
      }
    }
    for (const id of [...before.interactions.keys()].sort()) {
      if (after.interactions.has(id) || !slice.versions.has(id)) continue;
      expectOne(await q.query('DELETE FROM ws_interactions WHERE id = $1 AND version = $2 RETURNING id', [id, slice.versions.get(id)]));
      await q.query('DELETE FROM ws_messages WHERE interaction_id = $1', [id]);
    }
  }
  if (before.messages !== after.messages) {
    for (const [interactionId, list] of after.messages) {
      const old = before.messages.get(interactionId) ?? [];
      if (old === list) continue;
      for (const message of list) {
        if (old.includes(message)) continue;
        const known = old.some((m) => m.id === message.id);
        await q.query(
          known
            ? 'UPDATE ws_messages SET data = $3::jsonb WHERE id = $1 AND interaction_id = $2'
            : 'INSERT INTO ws_messages (id, interaction_id, data) VALUES ($1, $2, $3::jsonb)',
          [message.id, interactionId, JSON.stringify(message)],
        );
      }
    }
  }
  for (const dropped of after.dropped.slice(before.dropped.length)) {
    await q.query('INSERT INTO ws_dropped (id, data) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO NOTHING', [dropped.id, JSON.stringify(dropped)]);
  }
  return changesBetween(before, after).map((change) => eventRow(change, before, after));
}

function eventRow(change: InteractionChange, before: WorkspaceState, after: WorkspaceState): EventRow {
  const id = change.type === 'interaction' ? change.interaction.id : change.type === 'removed' ? change.id : change.type === 'message' ? change.message.interactionId : undefined;
  if (id === undefined) return { kind: change.type, campaign: null, assignee: null, prev_assignee: null, pendingish: false, data: change };
  const old = before.interactions.get(id);
  const now = after.interactions.get(id);
  return {
    kind: change.type,
    campaign: (now ?? old)?.campaign ?? null,
    assignee: now?.assignee ?? null,
    prev_assignee: old?.assignee ?? null,
    pendingish: old?.status === 'pending' || now?.status === 'pending',
    offered_to: offeredTo(now) ?? offeredTo(old) ?? null,
    data: change,
  };
}

function offeredTo(interaction: Interaction | undefined): string | undefined {
  const target = interaction?.transfer?.target;
  return target && 'agentId' in target ? target.agentId : undefined;
}

/** Appends change-feed rows; the counter's row lock (held to commit) keeps sequence order = commit order. */
export async function appendEvents(q: Queryable, rows: readonly EventRow[]): Promise<number | undefined> {
  if (!rows.length) return undefined;
  const [{ last }] = (await q.query<{ last: number }>('UPDATE ws_event_seq SET last = last + $1 WHERE id = 1 RETURNING last::float8 AS last', [
    rows.length,
  ])) as [{ last: number }];
  const first = last - rows.length + 1;
  await q.query(
    `INSERT INTO ws_events (seq, kind, campaign, assignee, prev_assignee, pendingish, offered_to, data)
     SELECT x.seq, x.kind, x.campaign, x.assignee, x.prev_assignee, x.pendingish, x.offered_to, x.data
     FROM jsonb_to_recordset($1::jsonb)
       AS x(seq bigint, kind text, campaign text, assignee text, prev_assignee text, pendingish boolean, offered_to text, data jsonb)`,
    [JSON.stringify(rows.map((row, index) => ({ ...row, seq: first + index })))],
  );
  return last;
}
