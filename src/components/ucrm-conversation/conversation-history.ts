/**
 * The conversation's messages: the interaction and its newest page when it
 * opens, older pages on demand, live changes merged in, an index by id (for
 * quotes and replies) and the rows the list shows (day separators, messages
 * and the send queue's entries), rebuilt only when one of those changed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CrmError, isAborted } from '../../core/errors.js';
import { mergeMessages, type Interaction, type Message } from '../../core/interactions/index.js';
import type { InteractionSource } from '../../data/interactions/source.js';
import { buildRows, type Row } from './message-rows.js';
import type { QueuedMessage } from './send-queue.js';

export interface HistoryOptions {
  source: () => InteractionSource;
  interactionId: () => string | undefined;
  pageSize: () => number;
  /** The send queue's entries of a conversation (pending and failed messages). */
  queued: (interactionId: string) => readonly QueuedMessage[];
  /** Bumped whenever the send queue changed. */
  queueVersion: () => number;
  notFound: (id: string) => string;
  /** An older page is about to load / landed (the list holds the reading position meanwhile). */
  holdPosition: () => void;
  releasePosition: (failed: boolean) => void;
  failed: (operation: 'load-older', error: unknown, retry: () => void) => void;
}

export class ConversationHistory implements ReactiveController {
  messages: readonly Message[] = [];
  byId = new Map<string, Message>();
  loading = false;
  loadingOlder = false;
  hasOlder = false;
  private abort?: AbortController;
  private rowsCache: Row[] = [];
  private rowsFor?: [readonly Message[], number, string | undefined];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: HistoryOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  /** The signal of the conversation being opened (aborted when another one opens). */
  get signal(): AbortSignal | undefined {
    return this.abort?.signal;
  }

  /** The rows the list shows, oldest first. */
  get rows(): Row[] {
    const id = this.options.interactionId();
    const version = this.options.queueVersion();
    const rowsFor = this.rowsFor;
    if (!rowsFor || rowsFor[0] !== this.messages || rowsFor[1] !== version || rowsFor[2] !== id) {
      this.rowsCache = buildRows(this.messages, id ? this.options.queued(id) : []);
      this.rowsFor = [this.messages, version, id];
    }
    return this.rowsCache;
  }

  /** Forgets the messages shown and stops any load on its way. */
  clear(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.loading = false;
    this.messages = [];
    this.byId = new Map();
    this.hasOlder = false;
    this.host.requestUpdate();
  }

  /**
   * Reads the interaction (unless `known`) and its newest page, and calls
   * `opened` with the interaction as the page is shown (in the same task, so
   * the first render has both). Nothing happens when another conversation
   * opened meanwhile; rejects when it could not be read.
   */
  async open(id: string, known: Interaction | undefined, opened: (interaction: Interaction) => void): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const source = this.options.source();
    this.loading = true;
    this.host.requestUpdate();
    try {
      const [interaction, page] = await Promise.all([
        known ? Promise.resolve(known) : source.get(id, { signal: abort.signal }),
        source.messages(id, { limit: this.options.pageSize() }, { signal: abort.signal }),
      ]);
      if (abort.signal.aborted) return;
      if (!interaction) throw new CrmError('not-found', this.options.notFound(id));
      this.set(mergeMessages(this.messages, page));
      this.hasOlder = page.length >= this.options.pageSize();
      opened(interaction);
    } catch (error) {
      if (!isAborted(error) && !abort.signal.aborted) throw error;
    } finally {
      if (this.abort === abort) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  /** The page before the oldest message shown. */
  async older(): Promise<void> {
    const id = this.options.interactionId();
    const oldest = this.messages[0];
    if (!id || !oldest || this.loadingOlder || !this.hasOlder) return;
    this.loadingOlder = true;
    this.host.requestUpdate();
    this.options.holdPosition();
    let failed = false;
    try {
      const pageSize = this.options.pageSize();
      const page = await this.options.source().messages(id, { before: oldest.id, limit: pageSize });
      if (id !== this.options.interactionId()) return;
      this.hasOlder = page.length >= pageSize;
      this.set(mergeMessages(this.messages, page));
    } catch (error) {
      failed = true;
      this.options.failed('load-older', error, () => void this.older());
    } finally {
      this.loadingOlder = false;
      this.host.requestUpdate();
      // Without an anchor there is nothing to restore (the list restores it after the render otherwise).
      this.options.releasePosition(failed);
    }
  }

  /** Merges one message from the source; answers the version shown before, if it was shown. */
  merge(message: Message): Message | undefined {
    const known = this.byId.get(message.id);
    this.set(mergeMessages(this.messages, [message]), [message]);
    return known;
  }

  /** The list and its index by id; `changed` (what was merged) spares rebuilding the index of a long history. */
  private set(next: readonly Message[], changed?: readonly Message[]): void {
    if (next === this.messages) return;
    this.messages = next;
    if (changed && next.length - changed.length <= this.byId.size) {
      const byId = new Map(this.byId);
      for (const m of changed) byId.set(m.id, next.find((n) => n.id === m.id && n.status === m.status) ?? m);
      this.byId = byId;
    } else {
      this.byId = new Map(next.map((m) => [m.id, m]));
    }
    this.host.requestUpdate();
  }
}
