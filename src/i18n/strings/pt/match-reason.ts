import type { Translation } from '../../localize.js';
import type { MatchReasonStrings } from '../match-reason.js';
import type { EquivalenceRule } from '../../../core/types.js';

/** `longer`: the contact's stored form is the one with the extra digit or prefix. */
type ReasonText = (identity: string, longer: boolean) => string;

const ptReasons: Record<EquivalenceRule, ReasonText> = {
  exact: (id) => `corresponde a ${id}`,
  'br-ninth-digit': (id, longer) => `corresponde a ${id} ${longer ? 'com' : 'sem'} o 9º dígito`,
  'mx-mobile-prefix': (id, longer) => `corresponde a ${id} ${longer ? 'com' : 'sem'} o antigo prefixo móvel +52 1`,
  'ar-mobile-nine': (id, longer) => `corresponde a ${id} ${longer ? 'com' : 'sem'} o 9 de celular`,
};

const pt: Translation<MatchReasonStrings> = {
  reason: (rule: EquivalenceRule, identity: string, longer: boolean) => ptReasons[rule](identity, longer),
};

export default pt;
