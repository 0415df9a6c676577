/**
 * The text of WhatsApp and SMS: a template (WhatsApp only offers approved
 * ones, its first message must be one) with its variables and a live
 * preview, or free text; SMS also counts characters and segments.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { countSms } from '../../core/composer/index.js';
import { fillTemplate, templatesFor, templateVariables } from '../../core/composer/index.js';
import type { MessageTemplate } from '../../core/types.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { renderFormField } from '../shared/form-field.js';
import { renderField, type ComposerForm } from './composer-form.js';

type MessageChannel = 'whatsapp' | 'sms';

export function renderMessageFields(form: ComposerForm, channel: MessageChannel): TemplateResult {
  const draft = form.draft();
  const templates = templatesFor(form.campaign()?.templates, channel);
  const template = templates.find((t) => t.id === draft.templateId);
  const text = template ? fillTemplate(template.body, draft.variables ?? {}) : (draft.message ?? '');
  return html`${renderTemplateSelect(form, channel, templates, template)}
    ${template ? renderVariables(form, template.body) : renderFreeText(form, channel)}
    ${channel === 'sms' ? renderCounter(form, text) : nothing}`;
}

function renderTemplateSelect(
  form: ComposerForm,
  channel: MessageChannel,
  templates: readonly MessageTemplate[],
  chosen: MessageTemplate | undefined,
): TemplateResult {
  const s = form.s;
  const whatsapp = channel === 'whatsapp';
  return renderField(form, {
    field: 'template',
    label: s.template,
    hint: whatsapp ? s.hsmHint : undefined,
    control: (aria) => html`<select
      id=${aria.id}
      part="input template"
      aria-invalid=${ifDefined(aria.invalid)}
      aria-describedby=${ifDefined(aria.describedBy)}
      @change=${(e: Event) => form.update({ templateId: (e.target as HTMLSelectElement).value || undefined })}
    >
      <option value="" ?selected=${!chosen}>${s.noTemplate}</option>
      ${templates.map((t) => {
        const refused = whatsapp && t.approved !== true;
        return html`<option value=${t.id} ?disabled=${refused} ?selected=${t.id === chosen?.id}>
          ${refused ? s.notApproved(t.name) : t.name}
        </option>`;
      })}
    </select>`,
  });
}

function renderFreeText(form: ComposerForm, channel: MessageChannel): TemplateResult {
  return renderField(form, {
    field: 'message',
    label: form.s.message,
    describedBy: channel === 'sms' ? 'sms-counter' : undefined,
    control: (aria) => html`<textarea
      id=${aria.id}
      part="input message"
      rows="4"
      .value=${live(form.draft().message ?? '')}
      aria-invalid=${ifDefined(aria.invalid)}
      aria-describedby=${ifDefined(aria.describedBy)}
      @input=${(e: Event) => form.update({ message: (e.target as HTMLTextAreaElement).value })}
    ></textarea>`,
  });
}

function renderVariables(form: ComposerForm, body: string): TemplateResult {
  const s = form.s;
  const values = form.draft().variables ?? {};
  const missing = new Set(form.errorFor('template')?.missing ?? []);
  const onInput = (name: string) => (e: Event) =>
    form.update({ variables: { ...(form.draft().variables ?? {}), [name]: (e.target as HTMLInputElement).value } });
  return html`<fieldset part="variables">
    <legend>${s.variables}</legend>
    ${templateVariables(body).map((name) =>
      renderFormField({
        id: `var-${name}`,
        label: s.variable(name),
        // Named in the template's error above, not under each variable.
        invalid: missing.has(name),
        fieldPart: 'field variable-field',
        control: (aria) => html`<input
          id=${aria.id}
          part="input variable"
          .value=${live(values[name] ?? '')}
          aria-invalid=${ifDefined(aria.invalid)}
          @input=${onInput(name)}
        />`,
      }),
    )}
    <div part="preview" role="group" aria-label=${s.preview}>
      <p part="preview-label" aria-hidden="true">${s.preview}</p>
      <p part="preview-text">${fillTemplate(body, values)}</p>
    </div>
  </fieldset>`;
}

function renderCounter(form: ComposerForm, text: string): TemplateResult {
  const count = countSms(text);
  const n = new Intl.NumberFormat(form.locale);
  return html`<p id="sms-counter" part="counter" data-encoding=${count.encoding}>
    ${form.s.smsCounter(n.format(count.characters), n.format(count.segments), count.encoding)}
  </p>`;
}
