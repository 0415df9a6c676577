import type { Translation } from '../../localize.js';
import type { MatchReasonStrings } from '../match-reason.js';
import type { EquivalenceRule } from '../../../core/types.js';

/** `longer`: the contact's stored form is the one with the extra digit or prefix. */
type ReasonText = (identity: string, longer: boolean) => string;

const esReasons: Record<EquivalenceRule, ReasonText> = {
  exact: (id) => `coincide con ${id}`,
  'br-ninth-digit': (id, longer) => `coincide con ${id} ${longer ? 'con' : 'sin'} el 9.º dígito`,
  'mx-mobile-prefix': (id, longer) => `coincide con ${id} ${longer ? 'con' : 'sin'} el antiguo prefijo móvil +52 1`,
  'ar-mobile-nine': (id, longer) => `coincide con ${id} ${longer ? 'con' : 'sin'} el 9 de móvil`,
};

const es: Translation<MatchReasonStrings> = {
  reason: (rule: EquivalenceRule, identity: string, longer: boolean) => esReasons[rule](identity, longer),
};

export default es;
