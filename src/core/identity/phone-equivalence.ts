/**
 * Equivalent E.164 forms of one phone number: the same subscriber written
 * under an old or alternative numbering rule. Pure string rules on E.164
 * values (no metadata), so they can run over every stored identity cheaply.
 *
 * Every rule is its own inverse, which keeps equivalence symmetric: if B is an
 * equivalent form of A, then A is an equivalent form of B.
 */
import type { EquivalenceRule } from '../types.js';

export interface PhoneEquivalent {
  /** The other E.164 form. */
  value: string;
  rule: EquivalenceRule;
}

/**
 * Brazil added a leading 9 to every mobile number (2012–2016). Mobiles used to
 * start with 6–9, landlines start with 2–5, so an 8-digit subscriber starting
 * with 6–9 and the same subscriber with a 9 in front are the same line.
 */
function brazil(national: string): string | undefined {
  if (/^[1-9]{2}9[6-9]\d{7}$/.test(national)) return national.slice(0, 2) + national.slice(3);
  if (/^[1-9]{2}[6-9]\d{7}$/.test(national)) return `${national.slice(0, 2)}9${national.slice(2)}`;
  return undefined;
}

/**
 * Mexico dropped the `1` dialled after +52 for mobiles in 2019-2020; numbers
 * are 10 digits and area codes never start with 1.
 */
function mexico(national: string): string | undefined {
  if (/^1[2-9]\d{9}$/.test(national)) return national.slice(1);
  if (/^[2-9]\d{9}$/.test(national)) return `1${national}`;
  return undefined;
}

/**
 * Argentina: a mobile is dialled from abroad as +54 9 <area> <number>, but is
 * often stored as +54 <area> <number> (area codes start with 1–3; the national
 * `15` form is turned into the `9` form by libphonenumber when parsing).
 */
function argentina(national: string): string | undefined {
  if (/^9[1-3]\d{9}$/.test(national)) return national.slice(1);
  if (/^[1-3]\d{9}$/.test(national)) return `9${national}`;
  return undefined;
}

const RULES: { code: string; rule: EquivalenceRule; apply: (national: string) => string | undefined }[] = [
  { code: '55', rule: 'br-ninth-digit', apply: brazil },
  { code: '52', rule: 'mx-mobile-prefix', apply: mexico },
  { code: '54', rule: 'ar-mobile-nine', apply: argentina },
];

/** The other forms of an E.164 number (not including itself). */
export function phoneEquivalents(e164: string): PhoneEquivalent[] {
  const out: PhoneEquivalent[] = [];
  for (const { code, rule, apply } of RULES) {
    // Country calling codes are prefix-free, so '+55' can only be Brazil.
    if (!e164.startsWith(`+${code}`)) continue;
    const other = apply(e164.slice(code.length + 1));
    if (other !== undefined) out.push({ value: `+${code}${other}`, rule });
  }
  return out;
}
