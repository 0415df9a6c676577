/** The recipient number of Phone, WhatsApp and SMS, cleaned as the agent types. */
import type { TemplateResult } from 'lit';
import type { ComposerChannel } from '../../core/composer/index.js';
import { sanitizeNumberInput } from '../../core/composer/index.js';
import { renderDraftInput, renderField, type ComposerForm } from './composer-form.js';

export function renderNumberField(form: ComposerForm, channel: Exclude<ComposerChannel, 'email'>): TemplateResult {
  // A call takes a dial string (# and * reach extensions); messages go to an E.164 number.
  const dial = channel === 'phone';
  const onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const { value, caret } = sanitizeNumberInput(input.value, input.selectionStart ?? input.value.length, {
      allowPlus: !dial,
      allowDialSymbols: dial,
    });
    if (value !== input.value) {
      input.value = value;
      input.setSelectionRange(caret, caret);
    }
    form.update({ to: value });
  };
  return renderField(form, {
    field: 'to',
    label: dial ? form.s.phoneNumber : form.s.mobileNumber,
    hint: dial ? form.s.phoneHint : form.s.mobileHint,
    control: (aria) => renderDraftInput(form, 'to', aria, { type: 'tel', inputmode: 'tel', autocomplete: 'off', onInput }),
  });
}
