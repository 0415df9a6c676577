/**
 * SMS length: which encoding a text needs (GSM-7 or UCS-2) and how many
 * segments it is sent in (3GPP TS 23.038 / 23.040).
 */

/** The GSM 03.38 default alphabet: one septet each. */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: an escape plus one septet, so two each. */
const GSM7_EXTENDED = '\f^{}\\[~]|€';

const basic = new Set(Array.from(GSM7_BASIC));
const extended = new Set(Array.from(GSM7_EXTENDED));

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsCount {
  encoding: SmsEncoding;
  /** Units used: septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  /** Characters as the agent sees them (code points). */
  characters: number;
  segments: number;
  /** Units per segment for this text (single or concatenated). */
  perSegment: number;
  /** Units left in the last segment before another one starts. */
  remaining: number;
}

/** Single-message and per-part capacities (a concatenated part loses its header's worth). */
const CAPACITY: Record<SmsEncoding, { single: number; multi: number }> = {
  gsm7: { single: 160, multi: 153 },
  ucs2: { single: 70, multi: 67 },
};

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!basic.has(ch) && !extended.has(ch)) return false;
  return true;
}

/** Encoding, units and segments of `text`. An empty text is 0 segments. */
export function countSms(text: string): SmsCount {
  const encoding: SmsEncoding = isGsm7(text) ? 'gsm7' : 'ucs2';
  let units = 0;
  let characters = 0;
  for (const ch of text) {
    characters++;
    units += encoding === 'gsm7' ? (extended.has(ch) ? 2 : 1) : ch.length;
  }
  const { single, multi } = CAPACITY[encoding];
  if (units <= single) {
    return { encoding, units, characters, segments: units === 0 ? 0 : 1, perSegment: single, remaining: single - units };
  }
  const { segments, lastUsed } = split(text, encoding, multi);
  return { encoding, units, characters, segments, perSegment: multi, remaining: multi - lastUsed };
}

/**
 * Concatenated parts cannot split an escape sequence (GSM-7) or a surrogate
 * pair (UCS-2), so a part may carry one unit less than its capacity.
 */
function split(text: string, encoding: SmsEncoding, capacity: number): { segments: number; lastUsed: number } {
  let segments = 1;
  let used = 0;
  for (const ch of text) {
    const size = encoding === 'gsm7' ? (extended.has(ch) ? 2 : 1) : ch.length;
    if (used + size > capacity) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { segments, lastUsed: used };
}
