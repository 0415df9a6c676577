import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { supportedRegion } from '../../core/identity/index.js';
import { getDemoSource } from '../../data/demo-source.js';
import { restSourceFor } from '../../data/rest-source-for.js';
import { isTokenSourceName, pageTokenHook } from '../../data/token-source.js';
import type { CrmSource } from '../../data/source.js';
import type { InteractionSource } from '../../data/interactions/source.js';
import { createRestInteractionSource } from '../../data/interactions/rest-interaction-source.js';
import { configContext, interactionSourceContext, sourceContext, type UcrmConfig } from '../../state/context.js';
import { UcrmElement } from '../shared/ucrm-element.js';
import { css } from 'lit';

const providerStyles = css`
  @layer ucrm {
    :host {
      display: contents;
    }
  }
`;

/**
 * Gives every ucrm element inside it one data source and shared settings,
 * so a host configures them once instead of per element. Elements use, in
 * order: their own `source` property, the nearest provider's, the library
 * default. Renders its children unchanged (`display: contents`).
 *
 * From HTML alone: `api-base` (with `token-source` naming the page function
 * that gives the bearer token) points every element inside at a CRM server;
 * `demo-data` gives them the embedded source seeded with demo data.
 *
 * @summary Provides a CRM source and settings to the ucrm elements inside it.
 *
 * @slot - The ucrm elements (and anything else) that use this provider.
 * @fires ucrm-error - `{operation: 'attribute:default-region' | 'attribute:api-base' | 'attribute:token-source', code: 'invalid', message}` for a malformed attribute.
 * @csspart error - A malformed attribute, explained.
 */
export class UcrmProvider extends UcrmElement {
  static override styles = [...UcrmElement.styles, providerStyles];

  /** The source every element inside uses unless it has its own. Property only; wins over `api-base`. */
  @property({ attribute: false }) source?: CrmSource;

  /** ISO 3166 region (e.g. `BR`, `UY`) for phone numbers written without a country code. */
  @property({ attribute: 'default-region' }) defaultRegion?: string;

  /**
   * Base URL of a CRM implementing the REST contract (`docs/rest-api.md`): every
   * element inside uses that REST source, selected from HTML alone, and the
   * workspace elements its interaction routes (`createRestInteractionSource`).
   * Tokens are never attributes: name the page function that gives one in
   * `token-source`, or set `source` to `createRestSource({baseUrl, token})`
   * and `interactions` to `createRestInteractionSource({baseUrl, token})`.
   */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /**
   * With `api-base`: the name of a function on the page that returns the bearer token
   * (or a promise of it), e.g. `token-source="crmAuth.getToken"`; called before every request.
   */
  @property({ attribute: 'token-source' }) tokenSource?: string;

  /**
   * Without `source` or `api-base`: the elements inside use the embedded source seeded with
   * generated demo data (its own IndexedDB database, `ucrm-demo`), to try the kit from plain HTML.
   */
  @property({ type: Boolean, attribute: 'demo-data' }) demoData = false;

  /**
   * The interaction source (inbox, actions menu, workspace) every element inside
   * uses unless it has its own `interactions`. Property only; without it, the
   * library default (`setDefaultInteractionSource`, a simulated carrier at first).
   */
  @property({ attribute: false }) interactions?: InteractionSource;

  @provide({ context: interactionSourceContext })
  protected providedInteractions?: InteractionSource;

  @provide({ context: configContext })
  protected config: UcrmConfig = {};

  /** What descendants receive: `source`, else the REST source for `api-base`. */
  @provide({ context: sourceContext })
  protected provided?: CrmSource;

  private apiSource?: CrmSource;
  private apiInteractions?: InteractionSource;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const apiChanged = changed.has('apiBase') || changed.has('tokenSource');
    if (apiChanged) {
      const tokenSource = this.tokenSourceAttribute();
      this.apiSource = this.restSourceForAttribute(tokenSource);
      // The same server's interaction routes; loaded on first use, like the REST source.
      this.apiInteractions = this.apiSource
        ? createRestInteractionSource({
            baseUrl: new URL(this.apiBase!.trim(), document.baseURI).href,
            locale: () => this.locale,
            ...(tokenSource ? { token: pageTokenHook(tokenSource) } : {}),
          })
        : undefined;
    }
    if (changed.has('source') || apiChanged || changed.has('demoData')) {
      this.provided = this.source ?? this.apiSource ?? (this.demoData ? getDemoSource() : undefined);
    }
    if (changed.has('interactions') || apiChanged) this.providedInteractions = this.interactions ?? this.apiInteractions;
    if (changed.has('defaultRegion')) {
      const region = supportedRegion(this.defaultRegion);
      if (region === null) this.reportBadAttribute('default-region', this.defaultRegion ?? '', this.common.expectedRegion);
      else if (this.problem?.operation === 'attribute:default-region') this.clearProblem();
      // A new object, so consumers that subscribe see the change.
      this.config = region ? { defaultRegion: region } : {};
    }
  }

  private restSourceForAttribute(tokenSource: string | undefined): CrmSource | undefined {
    const source = restSourceFor(this.apiBase, { locale: () => this.locale, defaultRegion: () => this.config.defaultRegion, tokenSource });
    if (source === 'invalid') this.reportBadAttribute('api-base', this.apiBase ?? '', this.common.expectedUrl);
    else if (this.problem?.operation === 'attribute:api-base') this.clearProblem();
    return source === 'invalid' ? undefined : source;
  }

  /** `token-source` when it names a page function; a malformed one is reported and not used. */
  private tokenSourceAttribute(): string | undefined {
    const name = this.tokenSource?.trim();
    if (name && !isTokenSourceName(name)) {
      this.reportBadAttribute('token-source', this.tokenSource ?? '', this.common.expectedFunctionName);
      return undefined;
    }
    if (this.problem?.operation === 'attribute:token-source') this.clearProblem();
    return name || undefined;
  }

  override render(): TemplateResult {
    return html`${this.renderProblem()}<slot></slot>`;
  }
}
