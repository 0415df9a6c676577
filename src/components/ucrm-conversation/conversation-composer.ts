/**
 * The conversation's composer: reply or internal note, the quote being
 * answered, a template with its variables and live preview, free text
 * (Enter sends, Shift+Enter breaks the line) or, for email, subject, CC/BCC
 * and the rich-text editor of `<ucrm-new-interaction>`, the emoji picker,
 * attachments by category and voice messages. The element keeps the state;
 * this draws it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import {
  ATTACHMENT_EXTENSIONS,
  fillTemplate,
  templateVariables,
  type AttachmentCategory,
} from '../../core/composer/index.js';
import type { ComposeMode, QuoteSummary } from '../../core/interactions/index.js';
import type { Channel, MessageTemplate } from '../../core/types.js';
import type { AttachmentInfo } from '../../events.js';
import type { ComposerStrings } from '../../i18n/strings/composer.js';
import type { ConversationStrings } from '../../i18n/strings/conversation.js';
import type { ConversationDraft } from '../../state/conversation-drafts.js';
import { renderFormField } from '../shared/form-field.js';
import type { AddressChips } from '../ucrm-new-interaction/address-chips.js';
import type { EmailBodyController } from '../ucrm-new-interaction/email-body-controller.js';
import type { VoiceRecorderController } from '../ucrm-new-interaction/voice-recorder.js';
import { renderQuote } from './message-view.js';

const CATEGORIES: readonly AttachmentCategory[] = ['image', 'video', 'document', 'audio'];

export interface ComposerView {
  s: ConversationStrings;
  cs: ComposerStrings;
  channel: Channel;
  draft: ConversationDraft;
  /** Whether the agent writes to the customer, only notes, or nothing. */
  access: 'full' | 'notes' | 'none';
  /** Why the agent cannot write to the customer (finished, someone else's). */
  accessNote?: string;
  mode: ComposeMode;
  windowNote?: string;
  templates: readonly MessageTemplate[];
  template?: MessageTemplate;
  missing: readonly string[];
  quote?: QuoteSummary;
  files: readonly AttachmentInfo[];
  previews: ReadonlyMap<File, string>;
  rejections: readonly string[];
  attachments: boolean;
  voiceAllowed: boolean;
  voice: VoiceRecorderController;
  voiceNote?: string;
  voiceError?: string;
  categoriesOpen: boolean;
  emojiOpen: boolean;
  emojiLoading: boolean;
  emojiFailed: boolean;
  emailChips?: AddressChips;
  emailBody?: EmailBodyController;
  formError?: string;
  busy: boolean;
  update(patch: Partial<ConversationDraft>): void;
  /** One template variable (merged with the others as they are at the event, not at the render). */
  setVariable(name: string, value: string): void;
  onKeydown(event: KeyboardEvent): void;
  onInput(event: Event): void;
  onSend(): void;
  onCancelReply(): void;
  onToggleCategories(): void;
  onPickCategory(category: AttachmentCategory): void;
  onFiles(category: AttachmentCategory, files: File[]): void;
  onRemoveFile(index: number): void;
  onToggleEmoji(): void;
}

export function renderComposer(v: ComposerView): TemplateResult {
  const s = v.s;
  if (v.access === 'none') return html`<p part="composer-note" role="note">${v.accessNote}</p>`;
  const internal = v.access === 'notes' || !!v.draft.internal;
  const templatesOnly = !internal && v.mode.kind === 'templates-only';
  const email = v.channel === 'email' && !internal;
  return html`<form part="composer" aria-label=${s.composer} @submit=${(e: Event) => (e.preventDefault(), v.onSend())}>
    ${v.access === 'notes' ? html`<p part="composer-note" role="note">${v.accessNote}</p>` : renderModeSwitch(v)}
    ${templatesOnly
      ? html`<p id="window-note" part="window-note" role="note">
          ${v.mode.kind === 'templates-only' && v.mode.reason === 'first-message' ? s.firstMessageTemplate : s.windowClosed}
        </p>`
      : !internal && v.windowNote
        ? html`<p part="window-time">${v.windowNote}</p>`
        : nothing}
    ${v.quote && !internal
      ? html`<div part="reply-quote" role="group" aria-label=${s.replyingTo(v.quote.author)}>
          ${renderQuote(v.quote, s)}
          <button type="button" part="cancel-reply" aria-label=${s.cancelReply} @click=${v.onCancelReply}>×</button>
        </div>`
      : nothing}
    ${email && v.emailChips ? renderEmailHead(v) : nothing}
    ${!internal && v.templates.length ? renderTemplates(v, templatesOnly) : nothing}
    ${email && v.emailBody ? renderEmailBody(v) : renderText(v, internal, templatesOnly)}
    ${v.files.length ? renderFiles(v) : nothing}
    ${v.rejections.length
      ? html`<div part="rejections" role="alert"><ul>${v.rejections.map((r) => html`<li>${r}</li>`)}</ul></div>`
      : nothing}
    ${renderVoice(v)}
    ${v.formError ? html`<p part="composer-error" role="alert">${v.formError}</p>` : nothing}
    <div part="composer-actions">
      ${!email ? html`<button type="button" part="emoji-button" aria-expanded=${v.emojiOpen ? 'true' : 'false'} @click=${v.onToggleEmoji}>
        <span aria-hidden="true">☺</span><span class="visually-hidden">${s.emoji}</span>
      </button>` : nothing}
      ${v.attachments && !internal ? renderAttach(v) : nothing}
      ${v.voiceAllowed && !internal ? renderRecordButton(v) : nothing}
      <button type="submit" part="send-button" ?disabled=${v.busy}>${internal ? s.sendNote : s.send}</button>
    </div>
    ${v.emojiOpen
      ? html`<div part="emoji-popover" role="group" aria-label=${s.emojiPicker}>
          ${v.emojiFailed ? html`<p role="alert">${s.emojiFailed}</p>` : v.emojiLoading ? html`<p role="status">${s.emojiLoading}</p>` : nothing}
          <div class="emoji-mount"></div>
        </div>`
      : nothing}
  </form>`;
}

function renderModeSwitch(v: ComposerView): TemplateResult {
  const s = v.s;
  const internal = !!v.draft.internal;
  const option = (value: boolean, label: string) => html`<label part="mode-option">
    <input type="radio" name="mode" .checked=${live(internal === value)} @change=${() => v.update({ internal: value || undefined })} />
    ${label}
  </label>`;
  return html`<fieldset part="mode">
    <legend class="visually-hidden">${s.mode}</legend>
    ${option(false, s.modeReply)} ${option(true, s.modeNote)}
  </fieldset>`;
}

function renderText(v: ComposerView, internal: boolean, templatesOnly: boolean): TemplateResult | typeof nothing {
  const s = v.s;
  // A chosen template replaces the free text (its preview shows what is sent).
  if (!internal && v.template) return nothing;
  return html`<div part="field text-field">
    <label for="message" class="visually-hidden">${internal ? s.internalNote : s.message}</label>
    <textarea
      id="message"
      part="input message-input${internal ? ' note-input' : ''}"
      rows="2"
      placeholder=${internal ? s.notePlaceholder : s.messagePlaceholder}
      ?readonly=${templatesOnly}
      aria-disabled=${templatesOnly ? 'true' : 'false'}
      aria-describedby=${ifDefined(templatesOnly ? 'window-note' : internal ? 'note-hint' : undefined)}
      .value=${live(v.draft.message ?? '')}
      @keydown=${v.onKeydown}
      @input=${v.onInput}
    ></textarea>
    ${internal ? html`<p id="note-hint" part="hint">${s.internalHint}</p>` : nothing}
  </div>`;
}

function renderTemplates(v: ComposerView, required: boolean): TemplateResult {
  const s = v.s;
  const whatsapp = v.channel === 'whatsapp';
  return html`${renderFormField({
      id: 'template',
      label: s.template,
      fieldPart: 'field template-field',
      control: (aria) => html`<select
        id=${aria.id}
        part="input template-select"
        aria-describedby=${ifDefined(required ? 'window-note' : aria.describedBy)}
        @change=${(e: Event) => v.update({ templateId: (e.target as HTMLSelectElement).value || undefined })}
      >
        <option value="" ?selected=${!v.template}>${s.noTemplate}</option>
        ${v.templates.map((t) => {
          const refused = whatsapp && t.approved !== true;
          return html`<option value=${t.id} ?disabled=${refused} ?selected=${t.id === v.template?.id}>${refused ? s.notApproved(t.name) : t.name}</option>`;
        })}
      </select>`,
    })}
    ${v.template ? renderVariables(v, v.template) : nothing}`;
}

function renderVariables(v: ComposerView, template: MessageTemplate): TemplateResult {
  const s = v.s;
  const values = v.draft.variables ?? {};
  const names = templateVariables(template.body);
  const missing = new Set(v.missing);
  const onInput = (name: string) => (e: Event) => v.setVariable(name, (e.target as HTMLInputElement).value);
  return html`<fieldset part="variables">
    <legend>${names.length ? s.variables : s.preview}</legend>
    ${names.map((name) =>
      renderFormField({
        id: `var-${name}`,
        label: s.variable(name),
        invalid: missing.has(name),
        fieldPart: 'field variable-field',
        control: (aria) => html`<input
          id=${aria.id}
          part="input variable"
          .value=${live(values[name] ?? '')}
          aria-invalid=${ifDefined(aria.invalid)}
          @input=${onInput(name)}
          @keydown=${v.onKeydown}
        />`,
      }),
    )}
    <div part="preview" role="group" aria-label=${s.preview}>
      <p part="preview-text">${fillTemplate(template.body, values)}</p>
    </div>
    <button type="button" part="remove-template" @click=${() => v.update({ templateId: undefined, variables: undefined })}>${s.removeTemplate}</button>
  </fieldset>`;
}

function renderEmailHead(v: ComposerView): TemplateResult {
  const s = v.s;
  return html`${renderFormField({
      id: 'subject',
      label: s.subject,
      fieldPart: 'field subject-field',
      control: (aria) => html`<input
        id=${aria.id}
        part="input subject"
        .value=${live(v.draft.subject ?? '')}
        @input=${(e: Event) => v.update({ subject: (e.target as HTMLInputElement).value })}
      />`,
    })}
    ${v.emailChips!.render('cc')} ${v.emailChips!.render('bcc')}`;
}

function renderEmailBody(v: ComposerView): TemplateResult {
  const cs = v.cs;
  return renderFormField({
    id: 'body',
    label: cs.body,
    group: true,
    fieldPart: 'field body-field',
    control: () =>
      html`${v.emailBody!.renderToolbar(cs, 'block-type') ?? html`<p part="loading" role="status">${cs.loadingEditor}</p>`}
        <div part="editor"></div>`,
  });
}

function renderFiles(v: ComposerView): TemplateResult {
  return html`<ul part="attachment-list" aria-label=${v.cs.attachments}>
    ${v.files.map((a, index) => {
      const preview = v.previews.get(a.file);
      return html`<li part="attachment" data-category=${a.category}>
        ${preview ? html`<img part="attachment-preview" src=${preview} alt="" />` : nothing}
        <span part="attachment-name">${a.file.name}</span>
        <button type="button" part="attachment-remove" aria-label=${v.cs.removeAttachment(a.file.name)} @click=${() => v.onRemoveFile(index)}>×</button>
      </li>`;
    })}
  </ul>`;
}

function renderAttach(v: ComposerView): TemplateResult {
  const s = v.s;
  return html`<div part="attach">
    <button type="button" part="attach-button" aria-expanded=${v.categoriesOpen ? 'true' : 'false'} aria-controls="categories" @click=${v.onToggleCategories}>
      <span aria-hidden="true">📎</span><span class="visually-hidden">${s.attach}</span>
    </button>
    <div id="categories" part="categories" role="group" aria-label=${s.attachCategory} ?hidden=${!v.categoriesOpen}>
      ${CATEGORIES.map(
        (category) => html`<button type="button" part="category-button" data-category=${category} @click=${() => v.onPickCategory(category)}>
            ${s.category(category)}
          </button>
          <input
            type="file"
            multiple
            hidden
            tabindex="-1"
            part="file-input"
            data-category=${category}
            accept=${ATTACHMENT_EXTENSIONS[category].map((e) => `.${e}`).join(',')}
            @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              const files = [...(input.files ?? [])];
              input.value = '';
              v.onFiles(category, files);
            }}
          />`,
      )}
    </div>
  </div>`;
}

function renderRecordButton(v: ComposerView): TemplateResult {
  const cs = v.cs;
  const recording = v.voice.state === 'recording' || v.voice.state === 'requesting';
  return recording
    ? html`<button type="button" part="voice-stop" @click=${() => v.voice.stop()}>
        <span aria-hidden="true">■</span><span class="visually-hidden">${cs.stop}</span>
      </button>`
    : html`<button type="button" part="voice-record" @click=${() => void v.voice.record()}>
        <span aria-hidden="true">🎤</span><span class="visually-hidden">${cs.record}</span>
      </button>`;
}

function renderVoice(v: ComposerView): TemplateResult | typeof nothing {
  const cs = v.cs;
  const voice = v.voice;
  if (!v.voiceAllowed) return nothing;
  const recording = voice.state === 'recording' || voice.state === 'requesting';
  return html`<div part="voice" role="group" aria-label=${cs.voice}>
    ${recording ? html`<p part="voice-status" role="status">${cs.recording}</p>` : nothing}
    ${voice.state === 'recorded' && voice.url
      ? html`<audio part="voice-preview" controls src=${voice.url} aria-label=${cs.voice}></audio>
          <button type="button" part="voice-discard" @click=${() => voice.discard()}>
            <span aria-hidden="true">🗑</span><span class="visually-hidden">${cs.discard}</span>
          </button>
          <p part="voice-status" role="status">${v.voiceNote ?? v.s.voiceReady}</p>`
      : nothing}
    ${voice.state === 'denied' || voice.state === 'unavailable'
      ? html`<p part="voice-error" role="alert">${voice.state === 'denied' ? cs.micDenied : cs.micUnavailable}</p>`
      : nothing}
    ${v.voiceError ? html`<p part="voice-error" role="alert">${v.voiceError}</p>` : nothing}
  </div>`;
}
