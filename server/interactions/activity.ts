/**
 * Who is viewing or typing in a conversation (issue 20, "two agents, one
 * conversation"): `POST /interactions/{id}/activity {activity}` records the
 * agent's activity in `ws_activity` and appends an `activity` change to the
 * feed, which the SSE stream serves to the interaction's assignee and its
 * campaign's members (a supervisor, a shared inbox). Nothing is kept in the
 * process: several processes on one database answer the same.
 *
 * Expiry, so a dropped client never "types" forever: a `typing` not renewed
 * within `TYPING_TTL_MS` falls back to `viewing`; an agent whose event stream
 * has been gone longer than the presence grace period stops viewing (an
 * `idle` change). Both run with the workspace's time-driven work.
 */
import type { ConversationActivity, Interaction } from '../../src/core/interactions/index.js';
import type { Db } from '../db.js';
import type { ServerClock } from './clock.js';
import type { EventHub } from './hub.js';
import { appendEvents, type EventRow } from './state-io.js';

export const ACTIVITY_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS ws_activity (
     interaction_id text NOT NULL,
     agent text NOT NULL,
     activity text NOT NULL,
     campaign text NOT NULL,
     at double precision NOT NULL,
     PRIMARY KEY (interaction_id, agent)
   )`,
];

/** A typing agent's client renews it every few seconds; unrenewed this long, they are only viewing. */
export const TYPING_TTL_MS = 10_000;

interface ActivityRow {
  interaction_id: string;
  agent: string;
  name: string;
  campaign: string;
  assignee: string | null;
}

function change(row: ActivityRow, activity: ConversationActivity): EventRow {
  return {
    kind: 'activity',
    campaign: row.campaign,
    assignee: row.assignee,
    prev_assignee: null,
    // Campaign members see it too, as they see a pending interaction: a supervisor or a shared inbox.
    pendingish: true,
    data: { type: 'activity', interactionId: row.interaction_id, who: { kind: 'agent', id: row.agent, name: row.name }, activity },
  };
}

export class ActivityBoard {
  constructor(
    private readonly db: Db,
    private readonly hub: EventHub,
    private readonly clock: ServerClock,
  ) {}

  /** The agent's activity on `interaction`, told to the others through the change feed. */
  async report(agent: string, interaction: Interaction, activity: ConversationActivity): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      if (activity === 'idle') {
        await tx.query('DELETE FROM ws_activity WHERE interaction_id = $1 AND agent = $2', [interaction.id, agent]);
      } else {
        await tx.query(
          `INSERT INTO ws_activity (interaction_id, agent, activity, campaign, at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (interaction_id, agent) DO UPDATE SET activity = EXCLUDED.activity, at = EXCLUDED.at`,
          [interaction.id, agent, activity, interaction.campaign, now],
        );
      }
      const [named] = await tx.query<{ name: string }>('SELECT name FROM ws_agents WHERE id = $1', [agent]);
      const row: ActivityRow = {
        interaction_id: interaction.id,
        agent,
        name: named?.name ?? agent,
        campaign: interaction.campaign,
        assignee: interaction.assignee ?? null,
      };
      await appendEvents(tx, [change(row, activity)]);
    });
    this.hub.wake();
  }

  /**
   * Typing not renewed since `now - TYPING_TTL_MS` becomes viewing; the
   * activity of agents whose stream is gone (`seen_at` older than `graceMs`;
   * one never seen: `graceMs` after their report) ends. Answers how many changed.
   */
  async expire(graceMs: number): Promise<number> {
    const now = this.clock.now();
    const select = `SELECT a.interaction_id, a.agent, COALESCE(g.name, a.agent) AS name, a.campaign, i.assignee
       FROM ws_activity a LEFT JOIN ws_agents g ON g.id = a.agent LEFT JOIN ws_interactions i ON i.id = a.interaction_id`;
    const gone = await this.db.query<ActivityRow>(
      `${select} WHERE COALESCE(g.seen_at, a.at) < $1 OR i.id IS NULL OR i.status = 'closed'`,
      [now - graceMs],
    );
    const stale = await this.db.query<ActivityRow>(`${select} WHERE a.activity = 'typing' AND a.at < $1`, [now - TYPING_TTL_MS]);
    const goneKeys = new Set(gone.map((r) => `${r.interaction_id}\n${r.agent}`));
    const quiet = stale.filter((r) => !goneKeys.has(`${r.interaction_id}\n${r.agent}`));
    if (!gone.length && !quiet.length) return 0;
    let changed = 0;
    await this.db.transaction(async (tx) => {
      const rows: EventRow[] = [];
      for (const row of gone) {
        // Deleted only if still there: another process may have expired it first.
        const deleted = await tx.query('DELETE FROM ws_activity WHERE interaction_id = $1 AND agent = $2 RETURNING agent', [row.interaction_id, row.agent]);
        if (deleted.length) rows.push(change(row, 'idle'));
      }
      for (const row of quiet) {
        const updated = await tx.query(
          `UPDATE ws_activity SET activity = 'viewing' WHERE interaction_id = $1 AND agent = $2 AND activity = 'typing' AND at < $3 RETURNING agent`,
          [row.interaction_id, row.agent, now - TYPING_TTL_MS],
        );
        if (updated.length) rows.push(change(row, 'viewing'));
      }
      changed = rows.length;
      await appendEvents(tx, rows);
    });
    if (changed) this.hub.wake();
    return changed;
  }
}
