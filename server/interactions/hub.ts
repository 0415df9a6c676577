/**
 * One reader of the change feed per process: it polls `ws_events` by
 * sequence while any stream of this process is open and hands each new
 * batch to them. A write made by this process wakes it at once; a write
 * made by another process sharing the database is seen at the next poll
 * (`pollMs`). Each stream catches up from its own `Last-Event-ID` with
 * `readSince` and then skips what it has already sent, so nothing is lost
 * or doubled between the catch-up and the live feed.
 */
import type { InteractionChange } from '../../src/core/interactions/index.js';
import type { Queryable } from '../db.js';
import type { EventRow } from './state-io.js';

export interface FeedEvent extends Omit<EventRow, 'data'> {
  seq: number;
  data: InteractionChange;
}

type Subscriber = (events: readonly FeedEvent[]) => void;

const PAGE = 500;

export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private running = false;
  private wakeUp: (() => void) | undefined;
  private woken = false;

  constructor(
    private readonly db: Queryable,
    private readonly pollMs: number,
  ) {}

  /** The last sequence number written (0 before any event). */
  async latest(): Promise<number> {
    const [row] = await this.db.query<{ last: number }>('SELECT last::float8 AS last FROM ws_event_seq WHERE id = 1');
    return row ? Number(row.last) : 0;
  }

  /** Events after `seq`, oldest first, at most `limit`. */
  async readSince(seq: number, limit = PAGE): Promise<FeedEvent[]> {
    const rows = await this.db.query<FeedEvent>(
      `SELECT seq::float8 AS seq, kind, campaign, assignee, prev_assignee, pendingish, offered_to, data
       FROM ws_events WHERE seq > $1 ORDER BY seq LIMIT ${Math.max(1, Math.min(limit, 5000))}`,
      [seq],
    );
    return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    if (!this.running) void this.loop();
    return () => this.subscribers.delete(subscriber);
  }

  /** Something was written here: read now instead of at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    this.running = true;
    try {
      let cursor = await this.latest();
      while (this.subscribers.size) {
        this.woken = false;
        let events: FeedEvent[] = [];
        try {
          events = await this.readSince(cursor);
        } catch {
          // The database is away (or closed): the streams stay, the next poll tries again.
        }
        if (events.length) {
          cursor = events[events.length - 1]!.seq;
          for (const subscriber of [...this.subscribers]) subscriber(events);
          if (events.length === PAGE) continue;
        }
        if (!this.woken) await this.sleep();
      }
    } catch {
      // latest() failed: the next subscription starts the loop again.
    } finally {
      this.running = false;
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }
}
