/**
 * The REST interaction source's live feed: one `fetch`-streamed
 * `GET /interactions/events` per source while anyone watches (EventSource
 * cannot send the bearer token). It reconnects with backoff and
 * `Last-Event-ID`, so the server replays exactly what was missed; and on
 * every (re)connection, once the server says it is `ready`, it reads both
 * inbox tabs again and reports them, plus the current state of anything it
 * had reported open that is no longer listed — the best-known inboxes go
 * stale exactly across a reconnection (events pruned, a server restored).
 * Events that arrive meanwhile wait in the stream and are reported after.
 */
import type { Interaction, InteractionChange } from '../../core/interactions/index.js';
import { SseParser } from './sse-parser.js';

const CHANGE_TYPES = new Set<string>(['interaction', 'removed', 'message', 'presence', 'activity']);

export interface EventFeedOptions {
  url: string;
  fetch: typeof fetch;
  headers: () => Promise<Record<string, string>>;
  /** Both tabs and a single interaction, read again on every connection. */
  list: (tab: 'pending' | 'active') => Promise<Interaction[]>;
  get: (id: string) => Promise<Interaction | undefined>;
  initialMs: number;
  maxMs: number;
}

export class EventFeed {
  private readonly listeners = new Set<(change: InteractionChange) => void>();
  private controller: AbortController | undefined;
  private running = false;
  private lastEventId: string | undefined;
  /** Interactions reported open: checked again after a reconnection if no longer listed. */
  private open = new Set<string>();

  constructor(private readonly options: EventFeedOptions) {}

  watch(listener: (change: InteractionChange) => void): () => void {
    this.listeners.add(listener);
    if (!this.running) void this.run();
    return () => {
      this.listeners.delete(listener);
      if (!this.listeners.size) this.controller?.abort();
    };
  }

  private emit(change: InteractionChange): void {
    if (change.type === 'interaction') {
      if (change.interaction.status === 'closed') this.open.delete(change.interaction.id);
      else this.open.add(change.interaction.id);
    } else if (change.type === 'removed') {
      this.open.delete(change.id);
    }
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        // One broken watcher must not keep the others from the change.
        (globalThis.reportError ?? console.error)(error);
      }
    }
  }

  private async run(): Promise<void> {
    this.running = true;
    let delay = this.options.initialMs;
    try {
      while (this.listeners.size) {
        const controller = new AbortController();
        this.controller = controller;
        try {
          if (await this.connect(controller.signal)) delay = this.options.initialMs;
        } catch {
          // Refused, unreachable, cut: try again after the backoff.
        }
        if (!this.listeners.size) return;
        await sleep(delay * (0.5 + Math.random() / 2), controller.signal);
        delay = Math.min(delay * 2, this.options.maxMs);
      }
    } finally {
      this.running = false;
      this.controller = undefined;
    }
  }

  /** One connection, until it ends; true when it got as far as `ready`. */
  private async connect(signal: AbortSignal): Promise<boolean> {
    const headers = await this.options.headers();
    const response = await this.options.fetch(this.options.url, {
      headers: { ...headers, accept: 'text/event-stream', ...(this.lastEventId !== undefined ? { 'last-event-id': this.lastEventId } : {}) },
      cache: 'no-store',
      signal,
    });
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      throw new Error(`event stream answered ${response.status}`);
    }
    let ready = false;
    const queue: { event: string; data: string; id: string | undefined }[] = [];
    const parser = new SseParser((event) => queue.push(event));
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return ready;
        parser.feed(value);
        for (const event of queue.splice(0)) {
          if (event.event === 'ready') {
            ready = true;
            await this.resync();
          } else if (CHANGE_TYPES.has(event.event)) {
            this.emit(JSON.parse(event.data) as InteractionChange);
          }
          // Only now: an event is acknowledged (Last-Event-ID) once it has been reported.
          this.lastEventId = event.id ?? this.lastEventId;
        }
        // An id-only block (no data) still moves the stream's position.
        if (parser.lastEventId !== undefined && !queue.length) this.lastEventId = parser.lastEventId;
      }
    } finally {
      reader.cancel().catch(() => undefined);
    }
  }

  /** Reports both tabs as they are now, and what became of interactions reported open before. */
  private async resync(): Promise<void> {
    const [pending, active] = await Promise.all([this.options.list('pending'), this.options.list('active')]);
    const listed = new Set<string>();
    for (const interaction of [...pending, ...active]) {
      listed.add(interaction.id);
      this.emit({ type: 'interaction', interaction });
    }
    for (const id of [...this.open]) {
      if (listed.has(id)) continue;
      const current = await this.options.get(id);
      this.emit(current ? { type: 'interaction', interaction: current } : { type: 'removed', id });
      // Known now: no longer in this agent's inbox; not checked again.
      this.open.delete(id);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
