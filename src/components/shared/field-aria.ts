/**
 * The ARIA half of the library's one field pattern (form-field.ts): the
 * ids a control is described by, its invalid state, and the error under it.
 * Its own module so a form that lays out its controls itself (the filter
 * builder's rows) shares the ids and the error markup without the layout.
 *
 * Ids: the control is `id`, its hint `<id>-hint`, its error `<id>-error`.
 */
import { html, nothing, type TemplateResult } from 'lit';

/** What the control of a field carries so its label, hint and error are announced with it. */
export interface ControlAria {
  /** The control's id (the label's `for`). */
  id: string;
  /** For `aria-describedby` (through `ifDefined`): the hint, other ids, and the error while one shows. */
  describedBy: string | undefined;
  /** For `aria-invalid` (through `ifDefined`): `'true'` while invalid, else absent (the default, valid). */
  invalid: 'true' | undefined;
}

export interface ControlAriaOptions {
  /** A hint is shown (`<id>-hint`). */
  hint?: boolean;
  /** The message shown under the control; marks it invalid. */
  error?: string | undefined;
  /** Invalid without a message of its own (the message is a group's). Defaults to whether `error` is set. */
  invalid?: boolean;
  /** Other ids describing the control, e.g. a counter. */
  describedBy?: string | undefined;
  /**
   * The error node stays, hidden while empty, and the control always names
   * it: for a control set up once that cannot follow a changing
   * `aria-describedby` (the rich text editor).
   */
  keepError?: boolean;
}

export function controlAria(id: string, o: ControlAriaOptions = {}): ControlAria {
  const describedBy = [o.hint && `${id}-hint`, o.describedBy, (o.error || o.keepError) && `${id}-error`].filter(Boolean).join(' ');
  return { id, describedBy: describedBy || undefined, invalid: (o.invalid ?? !!o.error) ? 'true' : undefined };
}

export interface FieldErrorOptions extends Pick<ControlAriaOptions, 'keepError'> {
  /** Announced as it appears (`role="alert"`), for forms that announce nothing else (no status line, no focus move). */
  alert?: boolean;
  /** The error's parts; defaults to `field-error`. */
  errorPart?: string;
}

/** The error under a control (`<id>-error`), or nothing when there is none. */
export function renderFieldError(id: string, error: string | undefined, o: FieldErrorOptions = {}): TemplateResult | typeof nothing {
  return error || o.keepError
    ? // prettier-ignore
      html`<p id="${id}-error" part=${o.errorPart ?? 'field-error'} role=${o.alert ? 'alert' : nothing} ?hidden=${!error}>${error ?? ''}</p>`
    : nothing;
}
