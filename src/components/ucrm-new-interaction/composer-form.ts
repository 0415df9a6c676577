/**
 * What the composer's field renderers share: the view of the composer they
 * read and write through, its fields (the library's one field pattern,
 * shared/form-field.ts, with the composer's error texts) and the one-line
 * inputs bound to a draft field.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { ComposerDraft } from '../../core/composer/index.js';
import type { ComposerError, ComposerField } from '../../core/composer/index.js';
import type { Campaign } from '../../core/types.js';
import type { ComposerStrings } from '../../i18n/strings/composer.js';
import { renderFormField, type ControlAria } from '../shared/form-field.js';

export type { ControlAria } from '../shared/form-field.js';

/** The composer as its field renderers see it. */
export interface ComposerForm {
  readonly s: ComposerStrings;
  readonly locale: string;
  /** The draft as it is now: handlers call it when the agent acts, not when the field was rendered. */
  draft(): ComposerDraft;
  campaign(): Campaign | undefined;
  /** The error that stops the start on `field`, once the agent has pressed Start. */
  errorFor(field: ComposerField): ComposerError | undefined;
  /** Changes the draft (saved, and re-validated after a first Start). */
  update(patch: Partial<ComposerDraft>): void;
}

/** An error in the agent's words; template variables are named as they are written, `{{name}}`. */
export function errorText(s: ComposerStrings, error: ComposerError): string {
  if (error.code === 'required') return s.required(error.field);
  if (error.code === 'missing-variables') return s.missingVariables((error.missing ?? []).map((name) => `{{${name}}}`).join(', '));
  if (error.code === 'invalid-email' && error.values?.length) return s.invalidEmails(error.values.join(', '));
  return s.fieldError(error.code);
}

export interface ComposerFieldOptions {
  field: ComposerField;
  label: string;
  hint?: string;
  /** Other ids describing the control (the SMS counter). */
  describedBy?: string;
  control: (aria: ControlAria) => TemplateResult;
}

/** A labelled composer field with its hint and its error (ids `<field>`, `<field>-hint`, `<field>-error`), as every form draws one. */
export function renderField(form: ComposerForm, o: ComposerFieldOptions): TemplateResult {
  const error = form.errorFor(o.field);
  return renderFormField({
    id: o.field,
    label: o.label,
    hint: o.hint,
    describedBy: o.describedBy,
    error: error ? errorText(form.s, error) : undefined,
    fieldPart: `field ${o.field}-field`,
    control: o.control,
  });
}

export interface DraftInputOptions {
  type?: 'tel' | 'email';
  inputmode?: 'tel';
  /** Off for recipients: the browser's own suggestions are not the customer's. */
  autocomplete?: 'off';
  /** Defaults to copying the value into the draft field. */
  onInput?: (event: Event) => void;
}

/** A one-line input showing, and by default writing, the draft's `field`. */
export function renderDraftInput(form: ComposerForm, field: 'to' | 'subject', aria: ControlAria, options: DraftInputOptions = {}): TemplateResult {
  const onInput = options.onInput ?? ((e: Event) => form.update({ [field]: (e.target as HTMLInputElement).value }));
  return html`<input
    id=${field}
    part="input ${field}"
    type=${ifDefined(options.type)}
    inputmode=${ifDefined(options.inputmode)}
    autocomplete=${ifDefined(options.autocomplete)}
    .value=${live(form.draft()[field] ?? '')}
    aria-invalid=${ifDefined(aria.invalid)}
    aria-describedby=${ifDefined(aria.describedBy)}
    @input=${onInput}
  />`;
}
