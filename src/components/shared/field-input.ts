import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FieldDef, FieldType } from '../../core/types.js';
import type { ContactFormStrings } from '../../i18n/strings/contact-form.js';
import type { FieldRawValue } from './field-validation.js';
import { renderFormField, type ControlAria } from './form-field.js';

export type { FieldRawValue } from './field-validation.js';

/** Everything `renderFieldInput` needs; the caller owns the value. */
export interface FieldInputOptions {
  field: FieldDef;
  /** A DOM id unique in the caller's shadow root (see `fieldDomId`). */
  id: string;
  value: FieldRawValue;
  strings: ContactFormStrings;
  /** The message shown under the control; marks it `aria-invalid`. */
  error?: string | undefined;
  readonly?: boolean;
  onInput: (value: FieldRawValue) => void;
  onBlur?: (control: HTMLInputElement | HTMLSelectElement) => void;
}

const INPUT_TYPES: Record<Exclude<FieldType, 'checkbox' | 'select'>, string> = {
  text: 'text',
  number: 'number',
  date: 'date',
  datetime: 'datetime-local',
  email: 'email',
  phone: 'tel',
  url: 'url',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A field key as a valid, unique DOM id (keys may hold spaces or dots). */
export function fieldDomId(prefix: string, key: string): string {
  return `${prefix}-${key.replace(/[^a-zA-Z0-9-]/g, (ch) => `_${ch.codePointAt(0)!.toString(16)}_`)}`;
}

/** A stored custom value as what its control holds. */
export function toRawValue(field: FieldDef, value: unknown): FieldRawValue {
  if (field.type === 'checkbox') return value === true || value === 'true';
  if (value === undefined || value === null) return '';
  if (field.type === 'datetime') {
    // Stored as an instant; the control shows it in the agent's time zone.
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) return '';
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }
  return String(value);
}

/**
 * What a control holds as the value stored in `contact.custom`: numbers as
 * numbers, checkboxes as booleans, date-times as ISO instants, dates as
 * `YYYY-MM-DD`; `undefined` when empty.
 */
export function fromRawValue(field: FieldDef, raw: FieldRawValue): unknown {
  if (field.type === 'checkbox') return raw === true;
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return undefined;
  if (field.type === 'number') return Number(text);
  if (field.type === 'datetime') {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? text : date.toISOString();
  }
  return text;
}

function control(o: FieldInputOptions, aria: ControlAria): TemplateResult {
  const { field, id, value } = o;
  const blur = (e: Event) => o.onBlur?.(e.target as HTMLInputElement | HTMLSelectElement);
  if (field.type === 'checkbox') {
    return html`<input
      type="checkbox"
      id=${id}
      part="control"
      .checked=${live(value === true)}
      ?required=${field.required}
      ?disabled=${o.readonly}
      aria-invalid=${ifDefined(aria.invalid)}
      aria-describedby=${ifDefined(aria.describedBy)}
      @change=${(e: Event) => o.onInput((e.target as HTMLInputElement).checked)}
      @blur=${blur}
    />`;
  }
  if (field.type === 'select') {
    return html`<select
      id=${id}
      part="control"
      ?required=${field.required}
      ?disabled=${o.readonly}
      aria-invalid=${ifDefined(aria.invalid)}
      aria-describedby=${ifDefined(aria.describedBy)}
      @change=${(e: Event) => o.onInput((e.target as HTMLSelectElement).value)}
      @blur=${blur}
    >
      <option value="" .selected=${live(value === '')}>${o.strings.choose}</option>
      ${(field.options ?? []).map(
        (option) => html`<option value=${option} .selected=${live(value === option)}>${option}</option>`,
      )}
    </select>`;
  }
  return html`<input
    type=${INPUT_TYPES[field.type] ?? 'text'}
    id=${id}
    part="control"
    .value=${live(typeof value === 'string' ? value : '')}
    ?required=${field.required}
    ?readonly=${o.readonly}
    inputmode=${ifDefined(field.type === 'number' ? 'decimal' : undefined)}
    step=${ifDefined(field.type === 'number' ? 'any' : undefined)}
    autocomplete="off"
    aria-invalid=${ifDefined(aria.invalid)}
    aria-describedby=${ifDefined(aria.describedBy)}
    @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
    @blur=${blur}
  />`;
}

/**
 * One `FieldDef` as a labelled native control with its error message, for
 * every field type (drawn by `renderFormField`, the one field pattern).
 * Stateless: the caller keeps the value and passes it back on each render,
 * so what the agent typed survives any re-render.
 */
export function renderFieldInput(o: FieldInputOptions): TemplateResult {
  return renderFormField({
    id: o.id,
    label: o.field.label,
    mark: o.field.required ? o.strings.requiredMark : undefined,
    error: o.error,
    fieldPart: `field field-${o.field.type}`,
    inline: o.field.type === 'checkbox',
    control: (aria) => control(o, aria),
  });
}
