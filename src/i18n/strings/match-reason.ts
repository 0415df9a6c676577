import { defineStrings } from '../localize.js';

import type { EquivalenceRule } from '../../core/types.js';

/** `longer`: the contact's stored form is the one with the extra digit or prefix. */
type ReasonText = (identity: string, longer: boolean) => string;

const enReasons: Record<EquivalenceRule, ReasonText> = {
  exact: (id) => `matched ${id}`,
  'br-ninth-digit': (id, longer) => `matched ${id} ${longer ? 'with' : 'without'} the 9th digit`,
  'mx-mobile-prefix': (id, longer) => `matched ${id} ${longer ? 'with' : 'without'} the old +52 1 mobile prefix`,
  'ar-mobile-nine': (id, longer) => `matched ${id} ${longer ? 'with' : 'without'} the mobile 9`,
};

const en = {
  reason: (rule: EquivalenceRule, identity: string, longer: boolean) => enReasons[rule](identity, longer),
};

/** The English strings; each translation must have the same keys and arguments. */
export type MatchReasonStrings = typeof en;

/** How a candidate matched the ClientID: shown by `<contact-matcher>` and `<ucrm-interaction-view>`. */
export const matchReasonStrings = defineStrings(en, {
  es: () => import('./es/match-reason.js'),
  pt: () => import('./pt/match-reason.js'),
});
