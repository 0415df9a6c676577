/**
 * `GET /interactions/events`: the agent's changes as Server-Sent Events.
 * Each event carries `id: <seq>` from the database's change feed; a client
 * that reconnects with `Last-Event-ID` first gets every event after it
 * (catch-up from the table), then the live feed, each sent once. Then an
 * `event: ready` whose id is where the stream stands (so a client that saw
 * no events still has a Last-Event-ID). Comments keep idle connections
 * alive through proxies. Only events the agent may see are sent
 * (visibility.ts).
 *
 * The open streams of this process are registered: they keep their agents
 * alive for presence (a heartbeat well inside the grace period), a test
 * route can cut them, and a draining server ends them so clients reconnect
 * to another process.
 */
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { Env } from '../http.js';
import type { FeedEvent } from './hub.js';
import { visibleTo, type Viewer } from './visibility.js';
import type { Workspace } from './workspace.js';

interface OpenStream {
  agent: string;
  /** The test scope (X-Test-Scope) it was opened with, so a test cuts only its own streams. */
  scope: string;
  cut(): void;
}

export interface StreamOptions {
  /** Comment lines on an idle stream (default 15 s). */
  keepAliveMs?: number;
  /** True once the server is shutting down: streams end so clients reconnect elsewhere. */
  draining?: () => boolean;
}

export class StreamRegistry {
  private readonly open = new Set<OpenStream>();

  add(stream: OpenStream): () => void {
    this.open.add(stream);
    return () => this.open.delete(stream);
  }

  /** The agents with a stream open here. */
  agents(): string[] {
    return [...new Set([...this.open].map((s) => s.agent))];
  }

  get size(): number {
    return this.open.size;
  }

  /** Ends the streams of a test scope (and of one agent, when given); answers how many. */
  cut(scope: string, agent?: string): number {
    let count = 0;
    for (const stream of [...this.open]) {
      if (stream.scope !== scope || (agent !== undefined && stream.agent !== agent)) continue;
      stream.cut();
      count++;
    }
    return count;
  }
}

const VIEWER_REFRESH_MS = 30_000;
const PAGE = 500;

async function send(stream: SSEStreamingApi, event: FeedEvent): Promise<void> {
  await stream.writeSSE({ id: String(event.seq), event: event.kind, data: JSON.stringify(event.data) });
}

export function eventStream(
  c: Context<Env>,
  workspace: Workspace,
  registry: StreamRegistry,
  lastEventId: number | undefined,
  options: StreamOptions = {},
): Response {
  const agent = c.get('agent');
  const scope = c.req.header('x-test-scope') ?? '';
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  const draining = options.draining ?? (() => false);
  c.header('cache-control', 'no-store');
  c.header('x-accel-buffering', 'no'); // nginx: do not buffer the stream
  return streamSSE(
    c,
    async (stream) => {
      const queue: FeedEvent[] = [];
      let closed = false;
      let wake: (() => void) | undefined;
      const notify = () => {
        wake?.();
        wake = undefined;
      };
      const unsubscribe = workspace.hub.subscribe((events) => {
        queue.push(...events);
        notify();
      });
      const unregister = registry.add({
        agent,
        scope,
        cut: () => {
          closed = true;
          notify();
        },
      });
      stream.onAbort(() => {
        closed = true;
        notify();
      });
      try {
        await workspace.streamOpened(agent);
        let viewer: Viewer = await workspace.viewer(agent);
        let viewerAt = Date.now();
        const latest = await workspace.hub.latest();
        // An id from the future (another database, a typo) would skip events: start from now instead.
        let cursor = lastEventId !== undefined && lastEventId <= latest ? lastEventId : latest;
        for (;;) {
          const page = await workspace.hub.readSince(cursor, PAGE);
          for (const event of page) {
            cursor = event.seq;
            if (visibleTo(viewer, event)) await send(stream, event);
          }
          if (page.length < PAGE) break;
        }
        await stream.writeSSE({ id: String(cursor), event: 'ready', data: JSON.stringify({ seq: cursor }) });
        let idleSince = Date.now();
        while (!closed && !draining()) {
          if (!queue.length) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, Math.min(keepAliveMs, 1000));
            });
            if (!queue.length) {
              if (!closed && Date.now() - idleSince >= keepAliveMs) {
                await stream.write(': keep-alive\n\n');
                idleSince = Date.now();
              }
              continue;
            }
          }
          if (Date.now() - viewerAt > VIEWER_REFRESH_MS) {
            viewer = await workspace.viewer(agent);
            viewerAt = Date.now();
          }
          for (const event of queue.splice(0)) {
            if (event.seq <= cursor) continue; // already sent by the catch-up
            cursor = event.seq;
            if (visibleTo(viewer, event)) await send(stream, event);
          }
          idleSince = Date.now();
        }
      } catch {
        // The client went away mid-write, or the database did: the client reconnects with its Last-Event-ID.
      } finally {
        unsubscribe();
        unregister();
        // The grace period starts now (unless another stream of the agent is still open somewhere).
        await workspace.heartbeat([agent]).catch(() => undefined);
      }
    },
  );
}
