/**
 * The list the virtualizer shows: day separators, the source's messages and
 * the messages still in the send queue (pending, unsent, refused), oldest
 * first. Built once per change of its inputs, not per render (5,000 messages).
 */
import type { Message } from '../../core/interactions/index.js';
import type { QueuedMessage } from './send-queue.js';

export type Row =
  | { kind: 'day'; key: string; at: string }
  | { kind: 'message'; key: string; message: Message }
  | { kind: 'queued'; key: string; entry: QueuedMessage };

/** The local calendar day of an ISO instant (the agent's time zone), as a key. */
export function dayKey(at: string): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

export function buildRows(messages: readonly Message[], queued: readonly QueuedMessage[]): Row[] {
  const rows: Row[] = [];
  let day = '';
  const push = (at: string) => {
    const key = dayKey(at);
    if (key !== day) {
      day = key;
      rows.push({ kind: 'day', key: `day:${key}`, at });
    }
  };
  for (const message of messages) {
    push(message.at);
    rows.push({ kind: 'message', key: message.id, message });
  }
  for (const entry of queued) {
    push(entry.at);
    rows.push({ kind: 'queued', key: `q:${entry.key}`, entry });
  }
  return rows;
}
