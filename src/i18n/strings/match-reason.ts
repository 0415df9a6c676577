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
const esReasons: Record<EquivalenceRule, ReasonText> = {
  exact: (id) => `coincide con ${id}`,
  'br-ninth-digit': (id, longer) => `coincide con ${id} ${longer ? 'con' : 'sin'} el 9.º dígito`,
  'mx-mobile-prefix': (id, longer) => `coincide con ${id} ${longer ? 'con' : 'sin'} el antiguo prefijo móvil +52 1`,
  'ar-mobile-nine': (id, longer) => `coincide con ${id} ${longer ? 'con' : 'sin'} el 9 de móvil`,
};
const ptReasons: Record<EquivalenceRule, ReasonText> = {
  exact: (id) => `corresponde a ${id}`,
  'br-ninth-digit': (id, longer) => `corresponde a ${id} ${longer ? 'com' : 'sem'} o 9º dígito`,
  'mx-mobile-prefix': (id, longer) => `corresponde a ${id} ${longer ? 'com' : 'sem'} o antigo prefixo móvel +52 1`,
  'ar-mobile-nine': (id, longer) => `corresponde a ${id} ${longer ? 'com' : 'sem'} o 9 de celular`,
};

/** How a candidate matched the ClientID: shown by `<contact-matcher>` and `<ucrm-interaction-view>`. */
export const matchReasonStrings = defineStrings({
  en: {
    reason: (rule: EquivalenceRule, identity: string, longer: boolean) => enReasons[rule](identity, longer),
  },
  es: {
    reason: (rule: EquivalenceRule, identity: string, longer: boolean) => esReasons[rule](identity, longer),
  },
  pt: {
    reason: (rule: EquivalenceRule, identity: string, longer: boolean) => ptReasons[rule](identity, longer),
  },
});
