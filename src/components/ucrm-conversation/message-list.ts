/**
 * The scrolling message list (virtualized with @lit-labs/virtualizer, which
 * is imported on connection): it opens at the newest message, follows new
 * ones while the agent is at the end and counts them on a "new messages"
 * pill otherwise, asks for an older page near the top, and keeps the message
 * being read where it was while that page lands (anchored on a message, not
 * on a day separator that moves).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ConversationStrings } from '../../i18n/strings/conversation.js';
import { LazyChunk } from '../shared/lazy-chunk.js';
import type { Row } from './message-rows.js';
import { renderRow, type MessageViewContext } from './message-view.js';

type VirtualizerModule = typeof import('@lit-labs/virtualizer/virtualize.js');
type VirtualizerLike = {
  element(index: number): { scrollIntoView(options?: ScrollIntoViewOptions): void } | undefined;
  layoutComplete: Promise<void>;
};

/** Within this many pixels of the end, the list follows new messages. */
const BOTTOM_SLACK_PX = 48;
/** Within this many pixels of the top, the next older page is asked for. */
const TOP_SLACK_PX = 64;

export interface MessageListOptions {
  rows: () => readonly Row[];
  /** The list element in the host's shadow root. */
  element: () => HTMLElement | null;
  /** Whether an older page may be asked for now (there is one, and nothing is loading). */
  mayLoadOlder: () => boolean;
  loadOlder: () => void;
  /** An older page is on its way (the reading position is restored once it landed). */
  loadingOlder: () => boolean;
  /** The virtualizer's import failed. */
  failed: (error: unknown, retry: () => void) => void;
}

export interface MessageListView {
  s: ConversationStrings;
  loading: boolean;
  loadingOlder: boolean;
  /** No messages at all yet. */
  empty: boolean;
  context: () => MessageViewContext;
}

export class MessageList implements ReactiveController {
  /** Messages that arrived while the agent was reading further up. */
  unseen = 0;
  readonly virtualizer: LazyChunk<VirtualizerModule>;
  private atBottom = true;
  private stickToBottom = false;
  private anchor?: { key: string; offset: number };
  /** An older page is loading or the reading position is being restored: scrolling loads nothing more. */
  private restoring = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: MessageListOptions,
  ) {
    this.virtualizer = new LazyChunk<VirtualizerModule>(host, () => import('@lit-labs/virtualizer/virtualize.js'), { failed: options.failed });
    host.addController(this);
  }

  hostConnected(): void {
    this.virtualizer.with(() => undefined);
  }

  hostUpdated(): void {
    const list = this.options.element();
    if (this.stickToBottom && this.options.rows().length && this.virtualizer.module && list) {
      this.stickToBottom = false;
      void this.scrollToBottom();
    }
    const anchor = this.anchor;
    if (anchor && !this.options.loadingOlder() && list) {
      this.anchor = undefined;
      void this.keepAnchor(anchor);
    }
  }

  /** Another conversation: nothing unseen. */
  clear(): void {
    this.unseen = 0;
    this.host.requestUpdate();
  }

  /** Scroll to the newest message after the next render. */
  stick(): void {
    this.stickToBottom = true;
    this.host.requestUpdate();
  }

  /** A message arrived: followed when the agent is at the end (or `follow`), counted on the pill otherwise. */
  arrived(follow: boolean): void {
    if (follow || this.atBottom) this.stickToBottom = true;
    else this.unseen += 1;
    this.host.requestUpdate();
  }

  /** An older page is about to load: remember the message in view. */
  holdPosition(): void {
    this.restoring = true;
    this.anchor = this.findAnchor();
  }

  /** The older page landed (or `failed`): the position is restored after the render, if there is one to restore. */
  releasePosition(failed: boolean): void {
    if (failed) this.anchor = undefined;
    if (!this.anchor) this.restoring = false;
  }

  async scrollToBottom(): Promise<void> {
    const list = this.options.element();
    const rows = this.options.rows();
    if (!list || !rows.length) return;
    await this.reveal(rows.length - 1, 'end');
    list.scrollTop = list.scrollHeight;
    this.atBottom = true;
    if (this.unseen) {
      this.unseen = 0;
      this.host.requestUpdate();
    }
  }

  /** Scrolls a message into view and focuses it (a quote was activated). */
  async scrollToMessage(id: string): Promise<void> {
    const index = this.options.rows().findIndex((r) => r.key === id);
    if (index < 0) return;
    const item = await this.reveal(index, 'center');
    item?.querySelector<HTMLElement>('[part~="message"]')?.focus();
  }

  render(v: MessageListView): TemplateResult {
    return html`<div part="list-wrap" class="list-wrap">
      ${this.renderList(v)}
      ${this.unseen
        ? html`<button type="button" part="new-messages" @click=${() => void this.scrollToBottom()}>${v.s.newMessages(this.unseen)} ↓</button>`
        : nothing}
    </div>`;
  }

  private renderList(v: MessageListView): TemplateResult {
    const s = v.s;
    const virtualize = this.virtualizer.module?.virtualize;
    if ((v.loading && v.empty) || !virtualize) {
      return html`<div part="list" class="list" role="region" aria-label=${s.messages} aria-busy="true"><p part="loading" role="status">${s.loading}</p></div>`;
    }
    const rows = this.options.rows();
    if (!rows.length) {
      return html`<div part="list" class="list" role="region" aria-label=${s.messages}><p part="empty">${s.noMessages}</p></div>`;
    }
    const ctx = v.context();
    return html`${v.loadingOlder ? html`<p part="loading-older" role="status">${s.loadingOlder}</p>` : nothing}
      <div part="list" class="list" role="region" aria-label=${s.messages} tabindex="0" @scroll=${this.onScroll}>
        ${virtualize({
          items: rows as Row[],
          keyFunction: (row: Row) => row.key,
          renderItem: (row: Row) => html`<div class="item" data-key=${row.key}>${renderRow(row, ctx)}</div>`,
          scroller: true,
        })}
      </div>`;
  }

  // An arrow function: Lit calls event listeners with the host element as `this`.
  private readonly onScroll = (): void => {
    const list = this.options.element();
    if (!list) return;
    this.atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < BOTTOM_SLACK_PX;
    if (this.atBottom && this.unseen) {
      this.unseen = 0;
      this.host.requestUpdate();
    }
    if (list.scrollTop < TOP_SLACK_PX && !this.restoring && this.options.mayLoadOlder()) this.options.loadOlder();
  };

  private virtualizerOf(list: HTMLElement): VirtualizerLike | undefined {
    const ref = this.virtualizer.module?.virtualizerRef;
    return ref ? (list as unknown as Record<symbol, VirtualizerLike | undefined>)[ref] : undefined;
  }

  /** The first row in view and how far below the list's top it is. */
  private findAnchor(): { key: string; offset: number } | undefined {
    const list = this.options.element();
    if (!list) return undefined;
    const { top, bottom } = list.getBoundingClientRect();
    // A day's separator moves when older messages of that day arrive: anchor on a message.
    for (const item of list.querySelectorAll<HTMLElement>('.item:not([data-key^="day:"])')) {
      const rect = item.getBoundingClientRect();
      if (rect.bottom > top && rect.top < bottom) return { key: item.dataset.key!, offset: rect.top - top };
    }
    // Nothing rendered in view yet (the virtualizer catches up with a jump to the top): the oldest message is what is there.
    const first = this.options.rows().find((r) => r.kind !== 'day');
    return first ? { key: first.key, offset: 0 } : undefined;
  }

  /** Scrolls to the row `index` (through the virtualizer, which renders it first). */
  private async reveal(index: number, block: ScrollLogicalPosition): Promise<HTMLElement | undefined> {
    const list = this.options.element();
    if (!list) return undefined;
    const virtualizer = this.virtualizerOf(list);
    if (!virtualizer) return undefined;
    try {
      // Its layout exists once the first render is laid out.
      await virtualizer.layoutComplete;
      virtualizer.element(index)?.scrollIntoView({ block });
      await virtualizer.layoutComplete;
    } catch {
      // Disconnected meanwhile, or no layout yet: nothing to scroll.
      return undefined;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return list.querySelector<HTMLElement>(`.item[data-key="${CSS.escape(this.options.rows()[index]?.key ?? '')}"]`) ?? undefined;
  }

  private async keepAnchor(anchor: { key: string; offset: number }): Promise<void> {
    try {
      const index = this.options.rows().findIndex((r) => r.key === anchor.key);
      if (index < 0) return;
      const item = await this.reveal(index, 'start');
      const list = this.options.element();
      if (!item || !list) return;
      const offset = item.getBoundingClientRect().top - list.getBoundingClientRect().top;
      list.scrollTop += offset - anchor.offset;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    } finally {
      this.restoring = false;
    }
  }
}
