/**
 * Safe sending (issue 20): every message gets an idempotency key when the
 * agent presses Send and keeps it for good. Until the source answers, the
 * message is an entry here (shown as pending). A send that fails stays here
 * with its reason: `unsent` when it may never have left the page (offline, a
 * network error), `refused` when the source or channel said no. Retry sends
 * the same draft with the same key, so a send that did arrive (its answer
 * lost) is answered with the message already made, never a second one.
 * DOM-free: the element and the benchmark drive it alike.
 */
import { classifySendError, type Message, type SendFailure } from '../../core/interactions/index.js';
import type { InteractionSource, SendDraft } from '../../data/interactions/source.js';

export type QueueState = 'sending' | 'unsent' | 'refused';

export interface QueuedMessage {
  key: string;
  interactionId: string;
  draft: SendDraft;
  state: QueueState;
  /** When the agent pressed Send (ISO). */
  at: string;
  failure?: SendFailure;
  attempts: number;
}

export interface SendQueueOptions {
  source: () => InteractionSource;
  now: () => number;
  /** Whether the browser says it is online (a send while offline is `unsent` without trying). */
  online?: () => boolean;
  /** Something in the queue changed. */
  changed: () => void;
  /** The source accepted a message (first time only, not on a replayed key). */
  accepted: (message: Message, entry: QueuedMessage) => void;
  /** Makes a fresh key (crypto.randomUUID by default). */
  newKey?: () => string;
}

export class SendQueue {
  private readonly entries = new Map<string, QueuedMessage>();
  /** Keys the source accepted: a late second answer for one is not a new message. */
  private readonly done = new Set<string>();

  constructor(private readonly options: SendQueueOptions) {}

  /** The entries of one conversation, in the order they were sent. */
  of(interactionId: string): QueuedMessage[] {
    return [...this.entries.values()].filter((e) => e.interactionId === interactionId);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Queues and sends a draft; resolves with the source's message, or undefined when it failed (the entry stays). */
  send(interactionId: string, draft: SendDraft, key?: string): Promise<Message | undefined> {
    const entry: QueuedMessage = {
      key: key ?? this.options.newKey?.() ?? crypto.randomUUID(),
      interactionId,
      draft,
      state: 'sending',
      at: new Date(this.options.now()).toISOString(),
      attempts: 0,
    };
    if (this.done.has(entry.key) || this.entries.has(entry.key)) return Promise.resolve(undefined);
    this.entries.set(entry.key, entry);
    return this.attempt(entry);
  }

  /** Sends a failed entry again, with its own key. */
  retry(key: string): Promise<Message | undefined> {
    const entry = this.entries.get(key);
    if (!entry || entry.state === 'sending') return Promise.resolve(undefined);
    return this.attempt(entry);
  }

  /** Retries every `unsent` entry (the browser is back online). */
  retryUnsent(): void {
    for (const entry of [...this.entries.values()]) if (entry.state === 'unsent') void this.retry(entry.key);
  }

  /** Drops a failed entry the agent chose to discard. */
  discard(key: string): void {
    const entry = this.entries.get(key);
    if (entry && entry.state !== 'sending') {
      this.entries.delete(key);
      this.options.changed();
    }
  }

  private async attempt(entry: QueuedMessage): Promise<Message | undefined> {
    this.update(entry, { state: 'sending', attempts: entry.attempts + 1, failure: undefined });
    if (this.options.online && !this.options.online()) {
      this.update(entry, { state: 'unsent', failure: { kind: 'unsent', message: 'offline' } });
      return undefined;
    }
    try {
      const message = await this.options.source().send(entry.interactionId, entry.draft, { idempotencyKey: entry.key });
      this.entries.delete(entry.key);
      const first = !this.done.has(entry.key);
      this.done.add(entry.key);
      this.options.changed();
      if (first) this.options.accepted(message, entry);
      return message;
    } catch (error) {
      if (this.entries.get(entry.key) !== entry) return undefined;
      const failure = classifySendError(error, this.options.online?.() ?? true);
      this.update(entry, { state: failure.kind, failure });
      return undefined;
    }
  }

  private update(entry: QueuedMessage, patch: Partial<QueuedMessage>): void {
    Object.assign(entry, patch);
    if (patch.failure === undefined) delete entry.failure;
    this.options.changed();
  }
}
