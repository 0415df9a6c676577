/**
 * The interaction workspace's tables (issue 18). An interaction, a message,
 * a view is one JSONB document in the API's shape, with the columns the
 * queries filter on beside it (kept in step by server/interactions/state-io.ts).
 *
 * - `ws_interactions.version` guards every write (optimistic concurrency
 *   across processes); `queued` is the arrival order the Pending queue is
 *   served in; `occupies` says the row counts against its assignee's
 *   capacity (core's `occupiesCapacity`), so loads are an indexed read.
 * - `ws_events` is the change feed the Server-Sent Events stream serves:
 *   `seq` comes from the one-row counter `ws_event_seq`, updated last in
 *   each writing transaction, so its row lock makes sequence order commit
 *   order (a reader that saw seq N never later finds an N-1 committing).
 *   The visibility columns say who may see each event.
 * - `ws_agents` holds presence as state (not as a connection): `seen_at`
 *   is when a stream of the agent was last alive, `chosen` what the agent
 *   last chose (restored when they connect again after `disconnected`).
 */
import { ACTIVITY_SCHEMA } from './activity.js';
import { ATTACHMENT_SCHEMA } from './attachments.js';
import { RESCHEDULE_SCHEMA } from './reschedule.js';

export const WORKSPACE_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS ws_interactions (
     id text PRIMARY KEY,
     status text NOT NULL,
     assignee text,
     campaign text NOT NULL,
     channel text NOT NULL,
     contact_id text,
     started_at text NOT NULL,
     updated_at text NOT NULL,
     occupies boolean NOT NULL DEFAULT false,
     deadline double precision,
     queued bigserial,
     version integer NOT NULL DEFAULT 0,
     data jsonb NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS ws_interactions_pending ON ws_interactions (campaign, queued) WHERE status = 'pending'`,
  `CREATE INDEX IF NOT EXISTS ws_interactions_assigned ON ws_interactions (assignee) WHERE status IN ('active', 'finished')`,
  `CREATE INDEX IF NOT EXISTS ws_interactions_occupying ON ws_interactions (assignee) WHERE occupies`,
  `CREATE INDEX IF NOT EXISTS ws_interactions_contact ON ws_interactions (contact_id, started_at)`,
  `CREATE INDEX IF NOT EXISTS ws_interactions_deadline ON ws_interactions (deadline) WHERE deadline IS NOT NULL`,
  // Open conference rooms (a room is an interaction carrying its participants): every command looks for the ones it touches.
  `CREATE INDEX IF NOT EXISTS ws_interactions_rooms ON ws_interactions (assignee) WHERE status = 'active' AND data ? 'conferenceRoom'`,
  // Transfers offered to an agent (issue 21): listed in the target's Pending.
  `CREATE INDEX IF NOT EXISTS ws_interactions_offers ON ws_interactions ((data->'transfer'->'target'->>'agentId')) WHERE data ? 'transfer'`,
  `CREATE TABLE IF NOT EXISTS ws_messages (
     id text PRIMARY KEY,
     interaction_id text NOT NULL,
     position bigserial,
     data jsonb NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS ws_messages_interaction ON ws_messages (interaction_id, position)`,
  // A replayed send (same agent, same Idempotency-Key) answers the message it made.
  `CREATE TABLE IF NOT EXISTS ws_sent_keys (
     agent text NOT NULL,
     key text NOT NULL,
     message_id text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (agent, key)
   )`,
  `CREATE TABLE IF NOT EXISTS ws_agents (
     id text PRIMARY KEY,
     name text NOT NULL,
     presence text NOT NULL,
     chosen text NOT NULL DEFAULT 'available',
     capacity jsonb,
     campaigns jsonb,
     idle_since double precision NOT NULL,
     wrap_up_until double precision,
     seen_at double precision,
     version integer NOT NULL DEFAULT 0
   )`,
  // Inbound that reached nobody (blocked contacts): a system record, never listed.
  `CREATE TABLE IF NOT EXISTS ws_dropped (id text PRIMARY KEY, data jsonb NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ws_views (
     id text PRIMARY KEY,
     agent text NOT NULL,
     public boolean NOT NULL,
     position bigserial,
     data jsonb NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS ws_event_seq (id integer PRIMARY KEY CHECK (id = 1), last bigint NOT NULL)`,
  `INSERT INTO ws_event_seq (id, last) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`,
  `CREATE TABLE IF NOT EXISTS ws_events (
     seq bigint PRIMARY KEY,
     kind text NOT NULL,
     campaign text,
     assignee text,
     prev_assignee text,
     pendingish boolean NOT NULL DEFAULT false,
     offered_to text,
     data jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  // The agent a transfer is (or was, until this change) offered to sees the change (issue 21): visibility.ts.
  `ALTER TABLE ws_events ADD COLUMN IF NOT EXISTS offered_to text`,
  // Rescheduled outbound attempts (issue 19): reschedule.ts.
  ...RESCHEDULE_SCHEMA,
  // Conversation media and who is viewing/typing (issue 20): attachments.ts, activity.ts.
  ...ATTACHMENT_SCHEMA,
  ...ACTIVITY_SCHEMA,
];
