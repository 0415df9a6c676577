import { consume } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import { getDefaultSource } from '../../data/default-source.js';
import type { CrmSource } from '../../data/source.js';
import { configContext, sourceContext, type UcrmConfig } from '../../state/context.js';
import { UcrmElement } from './ucrm-element.js';

/**
 * A ucrm element that talks to a `CrmSource`. Its source is, in order: the
 * `source` property, the nearest `<ucrm-provider>`, the library default.
 */
export class UcrmDataElement extends UcrmElement {
  /** The data source; property only. Defaults to the provider's, then the library default. */
  @property({ attribute: false }) source?: CrmSource;

  @consume({ context: sourceContext, subscribe: true })
  @state()
  protected providedSource?: CrmSource;

  @consume({ context: configContext, subscribe: true })
  @state()
  protected providedConfig?: UcrmConfig;

  /** The source this element uses right now. */
  protected get activeSource(): CrmSource {
    return this.source ?? this.providedSource ?? getDefaultSource();
  }
}
