/**
 * The one way a form of the library draws a labelled control with its hint
 * and its error: the contact form, the contact details, the composer, the
 * disposition form, the filter builder. The caller draws the control itself
 * (an input, a select, a textarea, an editor) and spreads the ARIA this
 * module gives it, so ids, `aria-describedby`, `aria-invalid`, the required
 * mark and the error's markup are the same everywhere.
 *
 * A render helper rather than an element: the control must stay in the
 * form's own shadow root, where its `<label for>`, `aria-describedby` and
 * the form's submit reach it (ARIA ids do not cross shadow roots), and a
 * helper costs no registration and no extra node.
 *
 * Ids: the control is `id`, its label `<id>-label`, its hint `<id>-hint`,
 * its error `<id>-error`. Parts: `field` (wrapper), `label`,
 * `hint`, `field-error`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { controlAria, renderFieldError, type ControlAria, type ControlAriaOptions, type FieldErrorOptions } from './field-aria.js';

export { controlAria, renderFieldError, type ControlAria } from './field-aria.js';

export interface FormFieldOptions extends Omit<ControlAriaOptions, 'hint'>, FieldErrorOptions {
  /** The control's DOM id, unique in the form's shadow root. */
  id: string;
  label: string;
  /** After the label, muted: the localized "(required)" or "(optional)". */
  mark?: string;
  /** Help under the control. */
  hint?: unknown;
  /** Part names added to the hint's `hint`. */
  hintPart?: string;
  /** The wrapper's parts; defaults to `field`. */
  fieldPart?: string;
  /** A checkbox: the label is drawn after the control (field.styles.ts orders it). */
  inline?: boolean;
  /**
   * The control is not one labelable element (a toolbar and an editor): the
   * wrapper becomes a group named by the label (`<id>-label`).
   */
  group?: boolean;
  /** Drawn after the error: a counter, a note, a datalist. */
  after?: unknown;
  /** Draws the control with the ARIA it must carry. */
  control: (aria: ControlAria) => unknown;
}

/**
 * A labelled control with its hint and its error. Stateless: the caller
 * keeps the value and passes it back on each render, so what the agent typed
 * survives any re-render.
 */
export function renderFormField(o: FormFieldOptions): TemplateResult {
  const hint = o.hint != null && o.hint !== '';
  const aria = controlAria(o.id, { ...o, hint });
  // A group's label names the wrapper (aria-labelledby); any other names its control (for).
  // prettier-ignore
  return html`<div part=${o.fieldPart ?? 'field'} class=${o.inline ? 'field field--check' : 'field'} role=${o.group ? 'group' : nothing} aria-labelledby=${o.group ? `${o.id}-label` : nothing} aria-describedby=${(o.group && aria.describedBy) || nothing}><label id="${o.id}-label" for=${o.group ? nothing : o.id} part="label">${o.label}${o.mark ? html` <span class="muted">${o.mark}</span>` : nothing}</label>${o.control(aria)}${hint ? html`<p id="${o.id}-hint" part=${o.hintPart ? `hint ${o.hintPart}` : 'hint'}>${o.hint}</p>` : nothing}${renderFieldError(o.id, o.error, o)}${o.after ?? nothing}</div>`;
}
