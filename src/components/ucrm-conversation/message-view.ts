/**
 * One row of the message list: a day separator, a message (author, time,
 * text or email body, attachments, voice, the quote it replies to, its
 * ticks, the reply action) or a message still in the send queue (pending, or
 * failed with its reason and Retry). Everything from a customer is text
 * (Lit escapes it); an email body is sanitized HTML.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { quoteOf, type Message, type MessageAttachment, type QuoteSummary } from '../../core/interactions/index.js';
import type { SendDraft } from '../../data/interactions/source.js';
import type { ConversationStrings } from '../../i18n/strings/conversation.js';
import type { Row } from './message-rows.js';
import { renderTick } from './message-ticks.js';
import type { QueuedMessage } from './send-queue.js';

export interface MessageViewContext {
  s: ConversationStrings;
  time: Intl.DateTimeFormat;
  size: Intl.NumberFormat;
  dayLabel: (at: string) => string;
  /** Messages by id, for quotes. */
  byId: ReadonlyMap<string, Message>;
  /** The email sanitizer, once loaded (bodies show as text until then). */
  clean?: (html: string) => string;
  canQuote: (message: Message) => boolean;
  /** A failed message the agent can send again (its text or template). */
  canResend: (message: Message) => boolean;
  onReply: (message: Message) => void;
  onRetry: (key: string) => void;
  onResend: (message: Message) => void;
  onQuote: (id: string) => void;
}

export function renderRow(row: Row, c: MessageViewContext): TemplateResult {
  if (row.kind === 'day') {
    return html`<div class="row day" part="day-separator" role="separator" aria-label=${c.dayLabel(row.at)}>
      <span>${c.dayLabel(row.at)}</span>
    </div>`;
  }
  if (row.kind === 'queued') return renderQueued(row.entry, c);
  return renderMessage(row.message, c);
}

function authorName(message: Message, s: ConversationStrings): string {
  if (message.author.kind === 'bot') return s.bot(message.author.name);
  if (message.author.kind === 'system') return s.system;
  return message.author.name || (message.author.kind === 'customer' ? s.customer : s.you);
}

function renderMessage(m: Message, c: MessageViewContext): TemplateResult {
  const s = c.s;
  if (m.author.kind === 'system') {
    return html`<div class="row system" part="message system-message" data-id=${m.id}><p>${m.text ?? ''}</p></div>`;
  }
  const side = m.direction === 'in' ? 'in' : 'out';
  const who = authorName(m, s);
  const quotable = c.canQuote(m);
  const time = c.time.format(new Date(m.at));
  return html`<div class="row ${side}" data-id=${m.id}>
    <article
      part="message message-${side} message-${m.author.kind}${m.internal ? ' internal' : ''}"
      class="bubble ${m.internal ? 'internal' : ''}"
      data-status=${m.status}
      aria-label=${`${who}, ${time}`}
    >
      <header part="message-header">
        <span part="author">${who}</span>
        ${m.internal ? html`<span part="internal-badge">${s.internalNote}</span>` : nothing}
      </header>
      ${m.replyTo ? renderQuoteOf(m.replyTo, c) : nothing} ${renderBody(m, c)}
      <footer part="message-footer">
        <time part="time" datetime=${m.at}>${time}</time>
        ${m.direction === 'out' && m.author.kind === 'agent' && !m.internal ? renderTick(m.status, s.statusName(m.status)) : nothing}
      </footer>
      ${m.status === 'failed'
        ? html`<p part="message-error" role="alert">
            ${s.failedReason(m.error ?? s.statusName('failed'))}
            ${c.canResend(m) ? html`<button type="button" part="retry-button" @click=${() => c.onResend(m)}>${s.retry}</button>` : nothing}
          </p>`
        : nothing}
      ${quotable
        ? html`<button type="button" part="reply-button" class="reply" aria-label=${s.replyTo(who)} @click=${() => c.onReply(m)}>
            <span aria-hidden="true">↩</span><span class="label">${s.reply}</span>
          </button>`
        : nothing}
    </article>
  </div>`;
}

function renderBody(m: Pick<Message, 'subject' | 'html' | 'text' | 'attachments' | 'voice'>, c: MessageViewContext): TemplateResult {
  return html`${m.subject ? html`<p part="subject">${m.subject}</p>` : nothing}
  ${m.html
    ? c.clean
      ? html`<div part="email-body">${unsafeHTML(c.clean(m.html))}</div>`
      : html`<p part="text">${m.text ?? ''}</p>`
    : m.text
      ? html`<p part="text">${m.text}</p>`
      : nothing}
  ${m.attachments?.length ? html`<ul part="attachments" aria-label=${c.s.attachment('')}>${m.attachments.map((a) => renderAttachment(a, c))}</ul>` : nothing}
  ${m.voice ? html`<audio part="voice" controls preload="none" src=${m.voice.url} aria-label=${c.s.voiceNote}></audio>` : nothing}`;
}

function renderAttachment(a: MessageAttachment, c: MessageViewContext): TemplateResult {
  const size = c.size.format(a.size / 1_000_000);
  const preview =
    a.category === 'image' && a.type.startsWith('image/')
      ? html`<img part="attachment-preview" src=${a.url} alt="" loading="lazy" />`
      : a.category === 'video'
        ? html`<video part="attachment-preview" src=${a.url} preload="metadata" controls aria-label=${a.name}></video>`
        : a.category === 'audio'
          ? html`<audio part="attachment-preview" src=${a.url} preload="none" controls aria-label=${a.name}></audio>`
          : nothing;
  return html`<li part="attachment" data-category=${a.category}>
    ${preview}
    <a part="attachment-link" href=${a.url} target="_blank" rel="noopener" download=${a.name}>${a.name}</a>
    <span part="attachment-size">${size}</span>
  </li>`;
}

/** The quote above a reply: the original message when it is loaded. */
function renderQuoteOf(id: string, c: MessageViewContext): TemplateResult {
  const original = c.byId.get(id);
  if (!original) return html`<p part="quote quote-missing">${c.s.quoteMissing}</p>`;
  return renderQuote(quoteOf(original), c.s, () => c.onQuote(id));
}

/** A quote: its author (a bot's own name), its text, or its file's preview and name. */
export function renderQuote(q: QuoteSummary, s: ConversationStrings, onClick?: () => void): TemplateResult {
  const who = q.authorKind === 'bot' ? s.bot(q.author) : q.author;
  const body = html`${q.text ? html`<span part="quote-text">${q.text}</span>` : nothing}
    ${q.attachment
      ? html`<span part="quote-file">
          ${q.attachment.category === 'image' && q.attachment.type.startsWith('image/')
            ? html`<img part="quote-preview" src=${q.attachment.url} alt="" />`
            : nothing}
          <span part="quote-file-name">${q.attachment.name}</span>
        </span>`
      : nothing}
    ${q.voice ? html`<span part="quote-text">${s.voiceNote}</span>` : nothing}`;
  // The button is named by what it shows after a hidden "In reply to <author>" (which says the shown
  // author): an aria-label would hide the quoted text from its name, and speech users say what they see.
  return onClick
    ? html`<button type="button" part="quote" class="quote" @click=${onClick}>
        <span class="visually-hidden">${s.quoteOf(who)}</span><span part="quote-author" aria-hidden="true">${who}</span>
        ${body}
      </button>`
    : html`<div part="quote" class="quote" role="note" aria-label=${s.quoteOf(who)}>
        <span part="quote-author">${who}</span>
        ${body}
      </div>`;
}

function draftText(d: SendDraft): string | undefined {
  return d.text ?? (d.html ? d.html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() : undefined);
}

function renderQueued(e: QueuedMessage, c: MessageViewContext): TemplateResult {
  const s = c.s;
  const d = e.draft;
  const text = draftText(d);
  const failed = e.state !== 'sending';
  const reason =
    e.failure?.kind === 'refused' ? s.refused(e.failure.message) : e.failure?.message === 'offline' ? s.offline : s.notSent;
  return html`<div class="row out" data-key=${e.key}>
    <article part="message message-out message-queued${d.internal ? ' internal' : ''}" class="bubble ${d.internal ? 'internal' : ''}" data-state=${e.state}>
      <header part="message-header"><span part="author">${s.you}</span>
        ${d.internal ? html`<span part="internal-badge">${s.internalNote}</span>` : nothing}</header>
      ${d.replyTo ? renderQuoteOf(d.replyTo, c) : nothing}
      ${d.subject ? html`<p part="subject">${d.subject}</p>` : nothing}
      ${text ? html`<p part="text">${text}</p>` : nothing}
      ${d.files?.length ? html`<ul part="attachments">${d.files.map((f) => html`<li part="attachment">${f.name}</li>`)}</ul>` : nothing}
      ${d.voice ? html`<p part="text">${s.voiceNote}</p>` : nothing}
      <footer part="message-footer">
        <time part="time" datetime=${e.at}>${c.time.format(new Date(e.at))}</time>
        ${renderTick(failed ? 'failed' : 'pending', failed ? s.statusName('failed') : s.statusName('pending'))}
      </footer>
      ${failed
        ? html`<p part="message-error" role="alert" data-kind=${e.state}>
            ${reason} <button type="button" part="retry-button" @click=${() => c.onRetry(e.key)}>${s.retry}</button>
          </p>`
        : nothing}
    </article>
  </div>`;
}
