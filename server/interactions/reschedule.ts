/**
 * Reschedule on the reference server (issue 19; seed 002, Outbound Hub): a
 * disposition's `rescheduleAt` becomes a row of `ws_scheduled_attempts`,
 * written in the disposition's own transaction, one per interaction (saving
 * again moves it, a double submit schedules once), listed for its agent. At
 * its time any process may start the attempt: the start and the delete of
 * the row are one transaction, and the row is claimed with `FOR UPDATE SKIP
 * LOCKED`, so of several processes exactly one starts it, and a process that
 * dies half-way leaves the row for the next. The same rules as the
 * simulated carrier's (src/data/interactions/sim-reschedule.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Interaction } from '../../src/core/interactions/index.js';
import type { Campaign } from '../../src/core/types.js';
import type { ScheduledAttempt } from '../../src/data/interactions/source.js';
import type { Queryable } from '../db.js';

export const RESCHEDULE_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS ws_scheduled_attempts (
     id text PRIMARY KEY,
     interaction_id text NOT NULL UNIQUE,
     agent text NOT NULL,
     due double precision NOT NULL,
     data jsonb NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS ws_scheduled_attempts_due ON ws_scheduled_attempts (due)`,
  `CREATE INDEX IF NOT EXISTS ws_scheduled_attempts_agent ON ws_scheduled_attempts (agent, due)`,
];

/** Another process started (or is starting) the attempt: this transaction rolls back. */
export class AttemptTaken extends Error {}

/** Outbound Hub attempts are calls when the campaign dials out, else the interaction's own channel (as the simulator). */
function attemptChannel(interaction: Interaction, campaign: Campaign | undefined): Interaction['channel'] {
  return campaign?.outboundChannels.includes('phone') ? 'phone' : interaction.channel;
}

/** The attempt `interaction`'s saved disposition asks for, or undefined (no `rescheduleAt`, or one that does not parse). */
export function attemptFor(interaction: Interaction, agentId: string, campaign: Campaign | undefined): ScheduledAttempt | undefined {
  const at = interaction.disposition?.rescheduleAt;
  const due = at ? Date.parse(at) : NaN;
  if (!at || !Number.isFinite(due)) return undefined;
  return {
    id: `attempt-${randomUUID()}`,
    interactionId: interaction.id,
    campaign: interaction.campaign,
    channel: attemptChannel(interaction, campaign),
    clientId: interaction.context.clientId ?? interaction.title ?? '',
    ...(interaction.contactId ? { contactId: interaction.contactId } : {}),
    ...(interaction.title ? { title: interaction.title } : {}),
    agentId,
    at: new Date(due).toISOString(),
  };
}

/** Schedules `attempt`, or moves the one its interaction already has (one per interaction). */
export async function storeAttempt(q: Queryable, attempt: ScheduledAttempt): Promise<void> {
  await q.query(
    `INSERT INTO ws_scheduled_attempts (id, interaction_id, agent, due, data) VALUES ($1, $2, $3, $4, $5::jsonb)
     ON CONFLICT (interaction_id) DO UPDATE SET id = EXCLUDED.id, agent = EXCLUDED.agent, due = EXCLUDED.due, data = EXCLUDED.data`,
    [attempt.id, attempt.interactionId, attempt.agentId, Date.parse(attempt.at), JSON.stringify(attempt)],
  );
}

export async function cancelAttempt(q: Queryable, interactionId: string): Promise<void> {
  await q.query('DELETE FROM ws_scheduled_attempts WHERE interaction_id = $1', [interactionId]);
}

/** The agent's attempts still to come, soonest first. */
export async function listAttempts(q: Queryable, agent: string): Promise<ScheduledAttempt[]> {
  const rows = await q.query<{ data: ScheduledAttempt }>('SELECT data FROM ws_scheduled_attempts WHERE agent = $1 ORDER BY due, id', [agent]);
  return rows.map((row) => row.data);
}

/** Attempts due at `now`, soonest first (candidates: each is claimed when started). */
export async function dueAttempts(q: Queryable, now: number, limit: number): Promise<ScheduledAttempt[]> {
  const rows = await q.query<{ data: ScheduledAttempt }>(`SELECT data FROM ws_scheduled_attempts WHERE due <= $1 ORDER BY due, id LIMIT ${limit}`, [now]);
  return rows.map((row) => row.data);
}

/** When the soonest attempt is due (epoch ms), if any. */
export async function nextAttemptDue(q: Queryable): Promise<number | undefined> {
  const [row] = await q.query<{ due: number | null }>('SELECT min(due) AS due FROM ws_scheduled_attempts');
  return row?.due === null || row?.due === undefined ? undefined : Number(row.due);
}

/**
 * Takes the attempt off the table inside the transaction that starts it;
 * throws `AttemptTaken` when another process holds or already removed it.
 */
export async function claimAttempt(q: Queryable, id: string): Promise<void> {
  const rows = await q.query(
    `DELETE FROM ws_scheduled_attempts WHERE id = (SELECT id FROM ws_scheduled_attempts WHERE id = $1 FOR UPDATE SKIP LOCKED) RETURNING id`,
    [id],
  );
  if (rows.length !== 1) throw new AttemptTaken();
}

/** An attempt that can never start (its campaign is gone): dropped so it is not tried forever. */
export async function dropAttempt(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM ws_scheduled_attempts WHERE id = $1', [id]);
}
