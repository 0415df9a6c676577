/**
 * A Server-Sent Events parser (the WHATWG "event stream interpretation"),
 * for reading `text/event-stream` from a `fetch` body: EventSource itself
 * cannot send an Authorization header. Chunks may split lines anywhere
 * (a CR at a chunk's end followed by LF in the next is one line break).
 * `id` persists across events, like EventSource's `lastEventId`; an `id`
 * line counts even in a block without data (which dispatches nothing).
 */
export interface SseEvent {
  /** The last event id seen so far (this block's, or an earlier one's). */
  id: string | undefined;
  /** `message` unless the block named one. */
  event: string;
  data: string;
}

export class SseParser {
  lastEventId: string | undefined;
  /** The server's `retry:` hint in ms, when it sent one. */
  retry: number | undefined;
  private buffer = '';
  private data: string[] = [];
  private type = '';
  private started = false;
  private pendingCR = false;

  constructor(private readonly onEvent: (event: SseEvent) => void) {}

  feed(chunk: string): void {
    if (!this.started && chunk.length) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    // A CR that ended the last chunk: a LF opening this one belongs to it.
    if (this.pendingCR && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.pendingCR = false;
    this.buffer += chunk;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const char = this.buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      this.line(this.buffer.slice(start, i));
      if (char === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.pendingCR = true;
        }
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  /** Forgets a half-read block (a new connection starts clean); keeps `lastEventId`. */
  reset(): void {
    this.buffer = '';
    this.data = [];
    this.type = '';
    this.pendingCR = false;
    this.started = false;
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return; // a comment (keep-alive)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.type = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
    }
  }

  private dispatch(): void {
    const data = this.data;
    const type = this.type;
    this.data = [];
    this.type = '';
    if (!data.length) return;
    this.onEvent({ id: this.lastEventId, event: type || 'message', data: data.join('\n') });
  }
}
