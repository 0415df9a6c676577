/**
 * Sanitizing what the agent types or pastes into a number field, keeping the
 * caret where the agent left it.
 */

export interface SanitizedInput {
  value: string;
  /** The caret position in the sanitized value. */
  caret: number;
}

export interface SanitizeOptions {
  /**
   * Keep one leading `+` (international numbers for WhatsApp and SMS).
   * Phone dial strings keep only digits, `#` and `*`.
   */
  allowPlus?: boolean;
  /** Keep `#` and `*` (Phone only: extensions, IVR codes). */
  allowDialSymbols?: boolean;
}

/**
 * Removes every character the field does not accept. `caret` is where the
 * caret was in `raw`; the result says where it goes: after the same kept
 * characters it followed before.
 */
export function sanitizeNumberInput(raw: string, caret: number = raw.length, options: SanitizeOptions = {}): SanitizedInput {
  const { allowPlus = false, allowDialSymbols = true } = options;
  let value = '';
  let newCaret = 0;
  const chars = Array.from(raw);
  let offset = 0; // UTF-16 offset in `raw`, since the caret counts code units
  for (const ch of chars) {
    const keep =
      (ch >= '0' && ch <= '9') ||
      (allowDialSymbols && (ch === '#' || ch === '*')) ||
      (allowPlus && ch === '+' && value.length === 0);
    if (keep) value += ch;
    offset += ch.length;
    if (offset <= caret) newCaret = value.length;
  }
  return { value, caret: Math.min(newCaret, value.length) };
}

/** The number of digits in a value (what "at least 5 digits" counts). */
export function countDigits(value: string): number {
  let n = 0;
  for (const ch of value) if (ch >= '0' && ch <= '9') n++;
  return n;
}

/** The fewest digits a Phone dial string needs. */
export const MIN_DIAL_DIGITS = 5;
