import { createContext } from '@lit/context';
import type { CrmSource } from '../data/source.js';
import type { InteractionSource } from '../data/interactions/source.js';

/** The source a `<ucrm-provider>` gives its descendants. */
export const sourceContext = createContext<CrmSource | undefined>(Symbol('ucrm-source'));

/** Settings a `<ucrm-provider>` gives its descendants. */
export interface UcrmConfig {
  /** ISO 3166 region for national phone numbers, e.g. `UY`, `BR`. */
  defaultRegion?: string;
}

export const configContext = createContext<UcrmConfig | undefined>(Symbol('ucrm-config'));

/** The interaction source a `<ucrm-provider>` gives its descendants (the inbox, the actions menu, the workspace). */
export const interactionSourceContext = createContext<InteractionSource | undefined>(Symbol('ucrm-interactions'));
