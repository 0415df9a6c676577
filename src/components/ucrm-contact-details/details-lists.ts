/**
 * The list parts of `<ucrm-contact-details>`: identities per channel, tags
 * with suggestions, notes, and the potential duplicates prompt. Stateless
 * renderers: the element owns every value typed and passes it back in.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { formatPhone } from '../../core/identity/index.js';
import { foldForMatch } from '../../core/filters/index.js';
import type { PotentialDuplicate } from '../../core/merge/index.js';
import { IDENTITY_KINDS, type Contact, type Identity, type IdentityKind } from '../../core/types.js';
import type { Locale } from '../../i18n/localize.js';
import type { contactDetailsStrings } from '../../i18n/strings/contact-details.js';
import type { ContactStrings } from '../../i18n/strings/contact.js';
import { formatDateTime } from '../shared/field-value.js';
import { renderFormField } from '../shared/form-field.js';

type Strings = (typeof contactDetailsStrings)['en'];

/** A text input with its error, as the element keeps it. */
export interface TypedValue {
  text: string;
  error: string;
}

const identityText = (identity: Identity) =>
  identity.kind === 'phone' ? formatPhone(identity.value) : identity.value;

export const contactName = (contact: Contact, card: ContactStrings) =>
  `${contact.firstName} ${contact.lastName}`.trim() || card.unnamed;

const onText = (set: (text: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);


export interface IdentitiesContext {
  contact: Contact;
  s: Strings;
  card: ContactStrings;
  kind: IdentityKind;
  value: TypedValue;
  busy: boolean;
  setKind: (kind: IdentityKind) => void;
  setText: (text: string) => void;
  add: () => void;
  remove: (identity: Identity) => void;
}

export function renderIdentities(ctx: IdentitiesContext): TemplateResult {
  const { s, card, contact } = ctx;
  const kinds = IDENTITY_KINDS.filter((kind) => contact.identities.some((i) => i.kind === kind));
  return html`<section part="identities" aria-labelledby="identities-title">
    <h3 id="identities-title">${s.identitiesTitle}</h3>
    ${kinds.length
      ? kinds.map(
          (kind) => html`<h4 part="identity-kind">${card[kind]}</h4>
            <ul part="identity-list">
              ${contact.identities
                .filter((i) => i.kind === kind)
                .map(
                  (identity) => html`<li part="identity">
                    <span>${identityText(identity)}</span>
                    <button
                      type="button"
                      part="remove-identity"
                      ?disabled=${ctx.busy}
                      aria-label=${s.removeIdentity(identityText(identity))}
                      @click=${() => ctx.remove(identity)}
                    >
                      ×
                    </button>
                  </li>`,
                )}
            </ul>`,
        )
      : html`<p part="empty-identities">${s.noIdentities}</p>`}
    <form
      part="add-identity"
      class="inline-form"
      @submit=${(e: Event) => {
        e.preventDefault();
        ctx.add();
      }}
    >
      ${renderFormField({
        id: 'identity-kind',
        label: s.identityKind,
        control: (aria) =>
          html`<select
            id=${aria.id}
            part="identity-kind-select"
            .value=${live(ctx.kind)}
            @change=${(e: Event) => ctx.setKind((e.target as HTMLSelectElement).value as IdentityKind)}
          >
            ${IDENTITY_KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === ctx.kind}>${card[kind]}</option>`)}
          </select>`,
      })}
      ${renderFormField({
        id: 'identity',
        label: s.identityValue,
        error: ctx.value.error,
        alert: true,
        control: (aria) =>
          html`<input
            id=${aria.id}
            part="identity-input"
            autocomplete="off"
            type=${ctx.kind === 'phone' ? 'tel' : ctx.kind === 'email' ? 'email' : 'text'}
            .value=${live(ctx.value.text)}
            aria-invalid=${ifDefined(aria.invalid)}
            aria-describedby=${ifDefined(aria.describedBy)}
            @input=${onText(ctx.setText)}
          />`,
      })}
      <button type="submit" part="add-identity-button" ?disabled=${ctx.busy}>${s.addIdentity}</button>
    </form>
  </section>`;
}

export interface TagsContext {
  contact: Contact;
  s: Strings;
  suggestions: readonly string[];
  value: TypedValue;
  busy: boolean;
  setText: (text: string) => void;
  add: () => void;
  remove: (tag: string) => void;
}

export function renderTags(ctx: TagsContext): TemplateResult {
  const { s, contact } = ctx;
  const have = new Set(contact.tags.map(foldForMatch));
  const offered = ctx.suggestions.filter((tag) => !have.has(foldForMatch(tag)));
  return html`<section part="tags" aria-labelledby="tags-title">
    <h3 id="tags-title">${s.tagsTitle}</h3>
    ${contact.tags.length
      ? html`<ul part="tag-list">
          ${contact.tags.map(
            (tag) => html`<li part="tag">
              <span>${tag}</span>
              <button
                type="button"
                part="remove-tag"
                ?disabled=${ctx.busy}
                aria-label=${s.removeTag(tag)}
                @click=${() => ctx.remove(tag)}
              >
                ×
              </button>
            </li>`,
          )}
        </ul>`
      : html`<p part="empty-tags">${s.noTags}</p>`}
    <form
      part="add-tag"
      class="inline-form"
      @submit=${(e: Event) => {
        e.preventDefault();
        ctx.add();
      }}
    >
      ${renderFormField({
        id: 'tag',
        label: s.newTag,
        error: ctx.value.error,
        alert: true,
        control: (aria) =>
          html`<input
            id=${aria.id}
            part="tag-input"
            list="tag-suggestions"
            autocomplete="off"
            .value=${live(ctx.value.text)}
            aria-invalid=${ifDefined(aria.invalid)}
            aria-describedby=${ifDefined(aria.describedBy)}
            @input=${onText(ctx.setText)}
          />`,
        after: html`<datalist id="tag-suggestions" part="tag-suggestions">
          ${offered.map((tag) => html`<option value=${tag}></option>`)}
        </datalist>`,
      })}
      <button type="submit" part="add-tag-button" ?disabled=${ctx.busy}>${s.addTag}</button>
    </form>
  </section>`;
}

export interface NotesContext {
  contact: Contact;
  s: Strings;
  card: ContactStrings;
  locale: Locale;
  value: TypedValue;
  busy: boolean;
  setText: (text: string) => void;
  add: () => void;
}

export function renderNotes(ctx: NotesContext): TemplateResult {
  const { s, card, contact } = ctx;
  // Newest first: the latest context is what the agent needs.
  const notes = [...contact.notes].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return html`<section part="notes" aria-labelledby="notes-title">
    <h3 id="notes-title">${s.notesTitle}</h3>
    <form
      part="add-note"
      @submit=${(e: Event) => {
        e.preventDefault();
        ctx.add();
      }}
    >
      ${renderFormField({
        id: 'note',
        label: s.newNote,
        error: ctx.value.error,
        alert: true,
        control: (aria) =>
          html`<textarea
            id=${aria.id}
            part="note-input"
            rows="3"
            .value=${live(ctx.value.text)}
            aria-invalid=${ifDefined(aria.invalid)}
            aria-describedby=${ifDefined(aria.describedBy)}
            @input=${onText(ctx.setText)}
          ></textarea>`,
      })}
      <button type="submit" part="add-note-button" ?disabled=${ctx.busy}>${s.addNote}</button>
    </form>
    ${notes.length
      ? html`<ul part="note-list">
          ${notes.map(
            (note) => html`<li part="note">
              <p part="note-text">${note.text}</p>
              <p part="note-meta">
                <time datetime=${note.createdAt}
                  >${card.noteBy(note.author ?? s.unknownAuthor, formatDateTime(note.createdAt, ctx.locale) ?? note.createdAt)}</time
                >
              </p>
            </li>`,
          )}
        </ul>`
      : html`<p part="empty-notes">${card.noNotes}</p>`}
  </section>`;
}

export function renderDuplicates(
  duplicates: readonly PotentialDuplicate[],
  s: Strings,
  card: ContactStrings,
  merge: () => void,
): TemplateResult | typeof nothing {
  if (!duplicates.length) return nothing;
  return html`<section part="duplicates" aria-labelledby="duplicates-title">
    <h3 id="duplicates-title">${s.duplicates(duplicates.length)}</h3>
    <ul>
      ${duplicates.map(
        (d) => html`<li part="duplicate">
          ${contactName(d.contact, card)} —
          ${s.duplicateReason(d.reason, d.identity ? identityText(d.identity) : '')}
        </li>`,
      )}
    </ul>
    <button type="button" part="merge-duplicates" @click=${merge}>${s.mergeDuplicates}</button>
  </section>`;
}
