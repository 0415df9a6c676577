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
