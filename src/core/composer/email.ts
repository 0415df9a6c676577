/** Email address rules for the composer's To, CC and BCC fields. */

/**
 * The WHATWG HTML `input[type=email]` grammar, which is what browsers and
 * most providers accept, plus a dot in the domain (agents type to the
 * internet, not to `localhost`).
 */
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** Whether `address` (trimmed) is a valid email address. */
export function isValidEmail(address: string): boolean {
  const value = address.trim();
  return value.length <= 254 && EMAIL.test(value);
}

/** Trimmed and lower-cased, as identities store emails. */
export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * Splits what was typed or pasted into a chips field on commas, semicolons
 * and whitespace; empty pieces are dropped.
 */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export interface ChipsAddResult {
  /** The list with every valid, new address appended. */
  chips: string[];
  /** Pieces that are not valid addresses (kept for the agent to fix). */
  invalid: string[];
}

/** Adds the addresses in `text` to `chips`; duplicates (case-insensitive) are skipped. */
export function addChips(chips: readonly string[], text: string): ChipsAddResult {
  const next = [...chips];
  const invalid: string[] = [];
  for (const piece of splitAddresses(text)) {
    if (!isValidEmail(piece)) invalid.push(piece);
    else if (!next.some((chip) => normalizeEmail(chip) === normalizeEmail(piece))) next.push(piece.trim());
  }
  return { chips: next, invalid };
}
