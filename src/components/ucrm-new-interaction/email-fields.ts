/** The fields of an Email: recipient, CC and BCC chips, subject and the rich text body. */
import { html, type TemplateResult } from 'lit';
import type { AddressChips } from './address-chips.js';
import { errorText, renderDraftInput, renderField, type ComposerForm } from './composer-form.js';
import type { EmailBodyController } from './email-body-controller.js';

export function renderEmailFields(form: ComposerForm, chips: AddressChips, body: EmailBodyController): TemplateResult {
  const s = form.s;
  const bodyError = form.errorFor('body');
  return html`
    ${renderField(form, 'to', s.email, renderDraftInput(form, 'to', { type: 'email', autocomplete: 'off', describedBy: 'to-error' }))}
    ${chips.render('cc')} ${chips.render('bcc')}
    ${renderField(form, 'subject', s.subject, renderDraftInput(form, 'subject', { describedBy: 'subject-error' }))}
    <div part="field body-field" role="group" aria-labelledby="body-label">
      <span id="body-label" part="label">${s.body}</span>
      ${body.renderToolbar(s, 'block-type') ?? html`<p part="loading" role="status">${s.loadingEditor}</p>`}
      <div part="editor" class=${bodyError ? 'invalid' : ''}></div>
      <p id="body-error" part="field-error" ?hidden=${!bodyError}>${bodyError ? errorText(s, bodyError) : ''}</p>
    </div>
  `;
}
