/**
 * Friendly names for anonymous visitors ("Rich Key"), as the product gives
 * web chat visitors who skip the pre-chat form: easy to remember and say,
 * and deterministic — the same visitor id always gets the same name, so a
 * name seen in the chat and in the CRM agree, and tests can rely on it.
 */
import type { Identity } from '../types.js';

const ADJECTIVES = [
  'Rich', 'Brave', 'Calm', 'Bright', 'Swift', 'Gentle', 'Lucky', 'Merry', 'Noble', 'Quiet',
  'Sunny', 'Witty', 'Bold', 'Clever', 'Happy', 'Kind', 'Jolly', 'Proud', 'Wise', 'Eager',
  'Fair', 'Fresh', 'Golden', 'Grand', 'Keen', 'Lively', 'Mellow', 'Nimble', 'Polite', 'Rapid',
  'Silver', 'Steady',
] as const;

const NOUNS = [
  'Key', 'River', 'Falcon', 'Maple', 'Harbor', 'Meadow', 'Comet', 'Cedar', 'Willow', 'Pebble',
  'Lantern', 'Summit', 'Otter', 'Canyon', 'Breeze', 'Sparrow', 'Island', 'Garden', 'Orchid', 'Beacon',
  'Forest', 'Anchor', 'Badger', 'Clover', 'Dolphin', 'Ember', 'Glacier', 'Heron', 'Juniper', 'Lagoon',
  'Marble', 'Tiger',
] as const;

/** FNV-1a: tiny, fast and well spread for short ids; not a security hash (it does not need to be). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface FriendlyName {
  firstName: string;
  lastName: string;
}

/** A deterministic two-word name for an identity (or any id string). */
export function friendlyName(seed: Identity | string): FriendlyName {
  const text = typeof seed === 'string' ? seed : `${seed.kind}:${seed.value}`;
  const h = hash(text);
  return {
    firstName: ADJECTIVES[h % ADJECTIVES.length],
    // Independent bits for the noun, so names do not move in lock-step.
    lastName: NOUNS[(h >>> 16) % NOUNS.length],
  };
}
