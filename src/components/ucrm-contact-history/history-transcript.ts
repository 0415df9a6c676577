/**
 * A conversation as it was, read-only: who wrote what and when, the message
 * each one replied to, attachments and voice notes by name and size, and the
 * delivery state of what the agents sent. Text only: an email's HTML is
 * shown as its text, so nothing of it runs or loads.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Message } from '../../core/interactions/index.js';
import type { ContactHistoryStrings } from '../../i18n/strings/contact-history.js';
import type { Locale } from '../../i18n/localize.js';

export interface TranscriptContext {
  s: ContactHistoryStrings;
  locale: Locale;
  when(iso: string): string;
}

function plainText(message: Message): string {
  if (message.text) return message.text;
  if (!message.html) return '';
  // Parsed inert (no scripts, no loads) and read as text.
  return new DOMParser().parseFromString(message.html, 'text/html').body.textContent ?? '';
}

export function renderTranscript(messages: readonly Message[], c: TranscriptContext): TemplateResult {
  const s = c.s;
  if (!messages.length) return html`<p part="empty">${s.noMessages}</p>`;
  const byId = new Map(messages.map((m) => [m.id, m]));
  const size = new Intl.NumberFormat(c.locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  const seconds = new Intl.NumberFormat(c.locale, { maximumFractionDigits: 0 });
  return html`<ol part="messages">
    ${messages.map((m) => {
      const quoted = m.replyTo ? byId.get(m.replyTo) : undefined;
      const parts = ['message', `message-${m.direction}`, m.internal ? 'message-internal' : ''].filter(Boolean).join(' ');
      return html`<li part=${parts}>
        <p part="message-meta">
          <span part="message-author">${m.author.name}</span> · <time datetime=${m.at}>${c.when(m.at)}</time>
          ${m.internal ? html` · ${s.internal}` : nothing}
        </p>
        ${quoted ? html`<p part="message-quote">${s.replyTo(plainText(quoted) || quoted.attachments?.[0]?.name || '')}</p>` : nothing}
        ${m.subject ? html`<p part="message-subject"><strong>${m.subject}</strong></p>` : nothing}
        ${plainText(m) ? html`<p part="message-text">${plainText(m)}</p>` : nothing}
        ${(m.attachments ?? []).map((a) => html`<p part="message-attachment">${s.attachment(a.name, size.format(Math.max(1, a.size / 1000)))}</p>`)}
        ${m.voice ? html`<p part="message-attachment">${s.voice(seconds.format(m.voice.durationMs / 1000))}</p>` : nothing}
        ${m.direction === 'out' ? html`<p part="message-status">${s.status(m.status)}</p>` : nothing}
      </li>`;
    })}
  </ol>`;
}
