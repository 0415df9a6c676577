/**
 * Saved views and who they belong to. A view belongs to the authenticated
 * agent who saved it (`views.agent`): the listing shows public views plus
 * the caller's own private ones; only that agent replaces or deletes it
 * (another agent's private view is a 404, it is not theirs to know about;
 * another agent's public view is a 403). `owner` stays what the client
 * sent (default: the agent) and `GET /views?owner=` narrows the caller's
 * private views to it, so one shared development token still separates the
 * agents of a directory's `agent-id`.
 */
import { randomUUID } from 'node:crypto';
import type { StoredView } from '../src/data/source.js';
import type { Db } from './db.js';
import { HttpProblem } from './problems.js';

type ViewInput = Omit<StoredView, 'id'>;

interface ViewRow {
  agent: string | null;
  public: boolean;
}

export class ViewStore {
  constructor(private readonly db: Db) {}

  /** Public views, then the caller's private ones (all, or those of `owner`), oldest first. */
  async list(agent: string, owner?: string): Promise<StoredView[]> {
    const rows = await this.db.query<{ data: StoredView }>(
      `SELECT data FROM views
       WHERE public
          OR (agent = $1 AND ($2::text IS NULL OR owner = $2))
          OR (agent IS NULL AND owner = $2) -- saved before views had an agent
       ORDER BY position`,
      [agent, owner ?? null],
    );
    return rows.map((row) => row.data);
  }

  /** Throws unless `agent` may change the existing view `id` (a view saved before agents: anyone). */
  private async checkOwner(id: string, agent: string): Promise<ViewRow | undefined> {
    const [row] = await this.db.query<ViewRow>('SELECT agent, public FROM views WHERE id = $1', [id]);
    if (!row || row.agent === null || row.agent === agent) return row;
    if (!row.public) throw new HttpProblem('not-found', (m) => m.viewNotFound(id));
    throw new HttpProblem('unauthorized', (m) => m.viewNotYours, { status: 403 });
  }

  /** Creates (no id) or replaces a view of the caller's. */
  async save(agent: string, view: ViewInput, id?: string): Promise<StoredView> {
    const name = view.name.trim();
    if (!name) throw new HttpProblem('invalid', (m) => m.viewName);
    if (id) await this.checkOwner(id, agent);
    const stored: StoredView = { ...view, name, owner: view.owner ?? agent, id: id ?? randomUUID() };
    // The WHERE guards a race with another agent saving the same new id: it then changes nothing.
    const written = await this.db.query(
      `INSERT INTO views (id, owner, agent, public, data) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (id) DO UPDATE SET owner = EXCLUDED.owner, agent = EXCLUDED.agent, public = EXCLUDED.public, data = EXCLUDED.data
       WHERE views.agent IS NULL OR views.agent = EXCLUDED.agent
       RETURNING id`,
      [stored.id, stored.owner, agent, stored.public, JSON.stringify(stored)],
    );
    if (!written.length) throw new HttpProblem('unauthorized', (m) => m.viewNotYours, { status: 403 });
    return stored;
  }

  /** Deletes a view of the caller's; an unknown id is not an error (deletes are retried). */
  async delete(agent: string, id: string): Promise<void> {
    await this.checkOwner(id, agent);
    await this.db.query('DELETE FROM views WHERE id = $1 AND (agent IS NULL OR agent = $2)', [id, agent]);
  }
}
