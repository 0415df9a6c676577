/**
 * Random ids that work in every browsing context. `crypto.randomUUID` exists
 * only in secure contexts (https, localhost), and contact-center desktops are
 * often served over plain http from an intranet host; `getRandomValues` works
 * everywhere. One helper, so no caller can forget the fallback.
 */

/** A random RFC 9562 version 4 UUID, e.g. `3b241101-e2bb-4255-8caf-4136c566a962`. */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext !== false) return crypto.randomUUID();
  return uuidFromBytes(crypto.getRandomValues(new Uint8Array(16)));
}

/** Formats 16 random bytes as a v4 UUID (version and variant bits set). Exported for tests. */
export function uuidFromBytes(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
