/** The fields of an Email: recipient, CC and BCC chips, subject and the rich text body. */
import { html, type TemplateResult } from 'lit';
import { renderFormField } from '../shared/form-field.js';
import type { AddressChips } from './address-chips.js';
import { errorText, renderDraftInput, renderField, type ComposerForm } from './composer-form.js';
import type { EmailBodyController } from './email-body-controller.js';

export function renderEmailFields(form: ComposerForm, chips: AddressChips, body: EmailBodyController): TemplateResult {
  const s = form.s;
  const bodyError = form.errorFor('body');
  return html`
    ${renderField(form, { field: 'to', label: s.email, control: (aria) => renderDraftInput(form, 'to', aria, { type: 'email', autocomplete: 'off' }) })}
    ${chips.render('cc')} ${chips.render('bcc')}
    ${renderField(form, { field: 'subject', label: s.subject, control: (aria) => renderDraftInput(form, 'subject', aria) })}
    ${renderFormField({
      id: 'body',
      label: s.body,
      // A toolbar and an editor: a group named by the label. The editor is set up once, naming body-error for good.
      group: true,
      keepError: true,
      error: bodyError ? errorText(s, bodyError) : undefined,
      fieldPart: 'field body-field',
      control: () =>
        html`${body.renderToolbar(s, 'block-type') ?? html`<p part="loading" role="status">${s.loadingEditor}</p>`}
          <div part="editor" class=${bodyError ? 'invalid' : ''}></div>`,
    })}
  `;
}
