/**
 * What `<ucrm-contact-card>` adds in its `full` view: the contact's
 * properties and notes. Loaded on demand: a screen pop first paints the
 * reduced view (name, identities, sections), and these come when a full
 * view asks for them (see `ucrm-contact-card.ts`).
 */
import { css, html, type TemplateResult } from 'lit';
import type { Contact, Note } from '../../core/types.js';
import type { ContactStrings } from '../../i18n/strings/contact.js';

/** What the full view renders with, handed over by the card. */
export interface FullViewContext {
  s: ContactStrings;
  /** A lead stage as the card shows it. */
  stage: (stage: string) => string;
  /** An instant in the agent's language, or undefined when it does not parse. */
  dateTime: (iso: string) => string | undefined;
}

export function renderProperties(contact: Contact, c: FullViewContext): TemplateResult {
  const s = c.s;
  const date = (iso: string) => html`<time datetime=${iso}>${c.dateTime(iso) ?? iso}</time>`;
  const row = (label: string, value: unknown) =>
    html`<div>
      <dt>${label}</dt>
      <dd class=${value === undefined ? 'muted' : ''}>${value ?? s.notSet}</dd>
    </div>`;
  return html`<dl part="properties" aria-label=${s.properties}>
    ${row(s.owner, contact.owner || undefined)}
    ${row(s.leadStage, contact.leadStage ? c.stage(contact.leadStage) : undefined)}
    ${row(s.blocked, contact.blocked ? s.yes : s.no)} ${row(s.unsubscribed, contact.unsubscribed ? s.yes : s.no)}
    ${row(s.createdAt, contact.createdAt ? date(contact.createdAt) : undefined)}
    ${row(s.updatedAt, contact.updatedAt ? date(contact.updatedAt) : undefined)}
  </dl>`;
}

/** The notes, newest first. */
export function renderNotes(notes: Note[], c: FullViewContext): TemplateResult {
  const s = c.s;
  const sorted = [...notes].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  return html`<section part="notes" aria-labelledby="notes-title">
    <h3 id="notes-title">${s.notes}</h3>
    ${sorted.length === 0
      ? html`<p class="muted">${s.noNotes}</p>`
      : html`<ul>
          ${sorted.map((note) => {
            const time = c.dateTime(note.createdAt) ?? note.createdAt;
            return html`<li part="note">
              <p part="note-text">${note.text}</p>
              <p part="note-meta">${note.author ? s.noteBy(note.author, time) : time}</p>
            </li>`;
          })}
        </ul>`}
  </section>`;
}

/** The contact's interactions (`<ucrm-contact-history>`, its own chunk, loaded when first drawn). */
export { renderContactHistory } from '../ucrm-contact-history/history-mount.js';

/** Added to the card's shadow root when this chunk arrives. */
export const fullViewStyles = css`
  @layer ucrm {
    h3 {
      margin: 0 0 var(--_space);
      font-size: 1rem;
    }
    [part~='notes'] ul {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    [part~='note'] {
      padding: var(--_space);
      background: var(--_bg-alt);
      border-radius: var(--_radius);
    }
    [part~='note'] p {
      margin: 0;
    }
    [part~='note-text'] {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    [part~='note-meta'] {
      color: var(--_muted);
      font-size: 0.75rem;
    }
  }
`;
