import { supportedRegion } from '../../core/identity/index.js';
import { UcrmDataElement } from './ucrm-data-element.js';

/**
 * A data element that reads phone numbers, so it takes a `default-region`:
 * its own when valid, else its provider's. Kept apart from UcrmDataElement
 * because checking a region needs the phone metadata, which elements that
 * never read a number should not load.
 */
export class UcrmRegionalElement extends UcrmDataElement {
  /**
   * Reads a `default-region` attribute: the supported region code, or
   * undefined (an unknown one is reported; a fixed one clears that report).
   */
  protected checkRegionAttribute(value: string | undefined): string | undefined {
    const region = supportedRegion(value);
    if (region === null) {
      this.reportBadAttribute('default-region', value ?? '', this.common.expectedRegion);
      return undefined;
    }
    if (this.problem?.operation === 'attribute:default-region') this.clearProblem();
    return region;
  }

  /** `ownRegion` when it is a supported region code, else the nearest `<ucrm-provider>`'s. */
  protected regionOrProvided(ownRegion: string | undefined): string | undefined {
    return supportedRegion(ownRegion) || this.providedConfig?.defaultRegion;
  }
}
