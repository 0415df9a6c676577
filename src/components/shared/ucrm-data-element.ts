import { consume } from '@lit/context';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { getDefaultSource } from '../../data/default-source.js';
import { restSourceFor } from '../../data/rest-source-for.js';
import { isTokenSourceName } from '../../data/token-source.js';
import type { CrmSource } from '../../data/source.js';
import { configContext, sourceContext, type UcrmConfig } from '../../state/context.js';
import { ensureContextRoot } from '../../state/context-root.js';
import { UcrmElement } from './ucrm-element.js';

/**
 * A ucrm element that talks to a `CrmSource`. Its source is, in order: the
 * `source` property, a REST source for its `api-base` attribute, the nearest
 * `<ucrm-provider>`, the library default.
 */
export class UcrmDataElement extends UcrmElement {
  /** The data source; property only. Defaults to `api-base`, then the provider's, then the library default. */
  @property({ attribute: false }) source?: CrmSource;

  /**
   * Base URL of a CRM implementing the REST contract (`docs/rest-api.md`),
   * e.g. `https://crm.example.com/api`: selects the REST source from HTML alone.
   * Tokens are never attributes: give a `source` from `createRestSource({token})` for auth.
   */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /**
   * With `api-base`: the name of a function on the page that returns the bearer token (or a
   * promise of it), e.g. `token-source="crmAuth.getToken"`; called before every request.
   */
  @property({ attribute: 'token-source' }) tokenSource?: string;

  @consume({ context: sourceContext, subscribe: true })
  @state()
  protected providedSource?: CrmSource;

  @consume({ context: configContext, subscribe: true })
  @state()
  protected providedConfig?: UcrmConfig;

  @state() private apiSource?: CrmSource;

  override connectedCallback(): void {
    // Before super, which asks for the provider's source: a provider upgraded later still answers.
    ensureContextRoot(this.ownerDocument);
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('apiBase') || changed.has('tokenSource')) this.apiSource = this.restSourceForAttribute();
  }

  private restSourceForAttribute(): CrmSource | undefined {
    const tokenSource = this.tokenSourceAttribute();
    const source = restSourceFor(this.apiBase, { locale: () => this.locale, defaultRegion: () => this.providedConfig?.defaultRegion, tokenSource });
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

  /** The source this element uses right now. */
  protected get activeSource(): CrmSource {
    return this.source ?? this.apiSource ?? this.providedSource ?? getDefaultSource();
  }
}
