/**
 * An address list as chips (CC, BCC): Enter or comma adds what was typed,
 * Backspace in the empty field removes the last chip, each chip has its own
 * remove button. The composer owns the list; this only renders it.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { renderFormField } from '../shared/form-field.js';

export interface ChipsInputProps {
  id: string;
  /** Part name prefix, e.g. `cc` gives `cc-input`, `cc-chip`. */
  name: string;
  label: string;
  hint: string;
  chips: readonly string[];
  text: string;
  error?: string;
  removeLabel: (address: string) => string;
  onText: (text: string) => void;
  /** Commit `text` (split on separators); the owner validates. */
  onCommit: (text: string) => void;
  onRemove: (index: number) => void;
}

export function renderChipsInput(p: ChipsInputProps): TemplateResult {
  const onKeydown = (event: KeyboardEvent) => {
    const input = event.target as HTMLInputElement;
    if (event.key === 'Enter' || event.key === ',' || event.key === ';') {
      event.preventDefault();
      if (input.value.trim()) p.onCommit(input.value);
    } else if (event.key === 'Backspace' && input.value === '' && p.chips.length) {
      event.preventDefault();
      p.onRemove(p.chips.length - 1);
    }
  };
  const onInput = (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    // A pasted list: commit the complete addresses at once.
    if (/[,;]/.test(value)) p.onCommit(value);
    else p.onText(value);
  };
  const onBlur = (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    if (value.trim()) p.onCommit(value);
  };
  return renderFormField({
    id: p.id,
    label: p.label,
    hint: p.hint,
    error: p.error,
    alert: true,
    fieldPart: `field chips-field ${p.name}-field`,
    control: (aria) => html`<div part="chips ${p.name}-chips">
      <ul part="chip-list" aria-label=${p.label}>
        ${p.chips.map(
          (chip, index) => html`<li part="chip ${p.name}-chip">
            <span>${chip}</span>
            <button type="button" part="chip-remove" aria-label=${p.removeLabel(chip)} @click=${() => p.onRemove(index)}>×</button>
          </li>`,
        )}
      </ul>
      <input
        id=${aria.id}
        part="input ${p.name}-input"
        type="email"
        multiple
        autocomplete="off"
        .value=${live(p.text)}
        aria-invalid=${ifDefined(aria.invalid)}
        aria-describedby=${ifDefined(aria.describedBy)}
        @keydown=${onKeydown}
        @input=${onInput}
        @blur=${onBlur}
      />
    </div>`,
  });
}
