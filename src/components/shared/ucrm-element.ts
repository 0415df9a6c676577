import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { CrmError, isAborted, toCrmError } from '../../core/errors.js';
import { UcrmErrorEvent, type ErrorDetail } from '../../events.js';
import { LocalizeController, loadTranslations, translate, type Catalog, type Locale } from '../../i18n/localize.js';
import { commonStrings } from '../../i18n/strings/common.js';
import { agentMessage, forAgents } from './agent-message.js';
import { themeStyles } from './theme.styles.js';

/**
 * A failure the element is showing: its operation and code as the
 * `ucrm-error` event said, `message` as the agent reads it (see
 * `agent-message.ts`), with the action that retries it.
 */
export interface Problem extends ErrorDetail {
  retry?: () => void;
}

/**
 * What every ucrm element shares: the locale (following `lang`), error
 * reporting (an `ucrm-error` event plus a visible message), and theme tokens.
 *
 * The theme tokens below are read by every element (`theme.styles.ts`); set
 * them on `:root`, a wrapper or the element. Colour defaults are
 * `light-dark(light, dark)`: they follow the CSS `color-scheme` where the
 * element sits (docs/theming.md).
 *
 * @cssproperty [--ucrm-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - Font of all text.
 * @cssproperty [--ucrm-font-size=0.875rem] - Base font size of all text (headings and small print scale from it).
 * @cssproperty [--ucrm-color-text=light-dark(#1f2328, #e6edf3)] - Body text, labels and the text of secondary buttons and inputs.
 * @cssproperty [--ucrm-color-text-muted=light-dark(#57606a, #9198a1)] - Hints, timestamps, counts, empty and loading messages.
 * @cssproperty [--ucrm-color-surface=light-dark(#ffffff, #0d1117)] - Background of cards, inputs, secondary buttons, dialogs and menus.
 * @cssproperty [--ucrm-color-surface-alt=light-dark(#f6f8fa, #161b22)] - Background of headers, chips, inbound bubbles, hovered and selected rows.
 * @cssproperty [--ucrm-color-border=light-dark(#d0d7de, #3d444d)] - Borders and dividers.
 * @cssproperty [--ucrm-color-accent=light-dark(#0b5cad, #4493f8)] - Primary buttons, links, selection and progress.
 * @cssproperty [--ucrm-color-on-accent=light-dark(#ffffff, #0d1117)] - Text on the accent colour (primary buttons).
 * @cssproperty [--ucrm-color-danger=light-dark(#b42318, #ff7b72)] - Errors, invalid fields and destructive actions.
 * @cssproperty [--ucrm-color-danger-surface=light-dark(#fef3f2, #2d1214)] - Background of error messages.
 * @cssproperty [--ucrm-color-success=light-dark(#1a7f37, #3fb950)] - Success marks (saved, delivered, available).
 * @cssproperty [--ucrm-color-warning=light-dark(#9a6700, #d29922)] - Warnings (duplicates, limits, deadlines).
 * @cssproperty [--ucrm-color-focus=light-dark(#0969da, #58a6ff)] - The focus ring.
 * @cssproperty [--ucrm-radius=6px] - Corner radius of controls, cards and dialogs.
 * @cssproperty [--ucrm-space=0.5rem] - The spacing unit: paddings and gaps are multiples of it.
 * @cssproperty [--ucrm-shadow=0 1px 3px light-dark(rgb(0 0 0 / 0.12), rgb(0 0 0 / 0.6))] - Shadow of cards, menus and popovers.
 * @csspart error - The visible error message (`role="alert"`).
 * @csspart retry-button - Its Retry button, when the failed action can be retried.
 * @csspart dismiss-button - Its Dismiss button, otherwise.
 */
export class UcrmElement extends LitElement {
  static override styles = [themeStyles];

  /**
   * The string catalogs this element renders. In Spanish or Portuguese they
   * load (one small chunk each) before the element renders, so it never
   * shows English first; a catalog missing here still works, in English
   * until its translation arrives.
   * @internal
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  static catalogs: readonly Catalog<any>[] = [];

  private readonly localizer = new LocalizeController(this);

  /** The failure currently shown by `renderProblem()`, if any. */
  @state() protected problem?: Problem;

  /** The resolved UI language: `en`, `es` or `pt`. */
  get locale(): Locale {
    return this.localizer.locale;
  }

  /** This element's strings in the current locale. */
  protected strings<T>(catalog: Catalog<T>): T {
    return translate(catalog, this.locale);
  }

  /** Holds the update until the catalogs are there in the element's language, a second at most (no wait in English; see `loadTranslations`). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    // Every update passes here: English, the common case, builds nothing.
    const loading =
      this.locale === 'en' ? undefined : loadTranslations([commonStrings, ...(this.constructor as typeof UcrmElement).catalogs], this.locale);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected get common() {
    return this.strings(commonStrings);
  }

  /**
   * Shows `error` in the element, fires `ucrm-error` and logs one warning.
   * The element shows what an agent can act on ("The CRM did not answer.
   * Check your connection and try again.", in their language, from the
   * error's code); the event's `message` and the console keep the technical
   * text (status, URL, server detail) for the host and the developer.
   * Aborted operations are silent: a newer request replaced them.
   */
  protected reportError(operation: string, error: unknown, retry?: () => void): CrmError | undefined {
    if (isAborted(error)) return undefined;
    const crmError = toCrmError(error);
    const technical = crmError.message || crmError.code;
    this.problem = { operation, code: crmError.code, message: this.agentMessage(crmError), retry };
    console.warn(`<${this.localName}> ${operation} failed (${crmError.code}): ${technical}`);
    this.dispatchEvent(new UcrmErrorEvent({ operation, code: crmError.code, message: technical }));
    return crmError;
  }

  /** What an agent reads for `error`, in this element's language: what happened and what to do (see `agent-message.ts`). */
  protected agentMessage(error: unknown): string {
    return agentMessage(error, this.common);
  }

  /** Reports a malformed attribute: names it, says what was expected (shown as is: it is for whoever set the attribute). */
  protected reportBadAttribute(name: string, value: string, expected: string): void {
    this.reportError(
      `attribute:${name}`,
      forAgents(new CrmError('invalid', this.common.badAttribute(name, value, expected))),
    );
  }

  protected clearProblem(): void {
    this.problem = undefined;
  }

  /** The visible error message, with Retry when the failed action can be retried. */
  protected renderProblem(): TemplateResult | typeof nothing {
    const problem = this.problem;
    if (!problem) return nothing;
    const retry = problem.retry;
    return html`<div part="error" role="alert">
      <p>${problem.message}</p>
      ${retry
        ? html`<button
            type="button"
            part="retry-button"
            @click=${() => {
              this.clearProblem();
              retry();
            }}
          >
            ${this.common.retry}
          </button>`
        : html`<button type="button" part="dismiss-button" @click=${() => this.clearProblem()}>
            ${this.common.dismiss}
          </button>`}
    </div>`;
  }
}
