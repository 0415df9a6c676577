/**
 * Composer drafts: one per channel, per agent, kept in localStorage through
 * @nanostores/persistent so a reload (or another tab) finds what was typed.
 * Files and voice notes stay in memory only: storage holds text.
 */
import { persistentMap } from '@nanostores/persistent';
import type { MapStore } from 'nanostores';
import type { ComposerChannel } from '../core/composer/index.js';
import { isEmptyDraft, type ComposerDraft } from '../core/composer/index.js';

export type ComposerDrafts = Partial<Record<ComposerChannel, ComposerDraft>>;

/** Storage keys are `ucrm:composer:<agent>:<channel>`. */
export const DRAFTS_PREFIX = 'ucrm:composer:';

/** Drafts of a composer used without an `agent-id`. */
export const ANONYMOUS_AGENT = '-';

const stores = new Map<string, MapStore<ComposerDrafts>>();

function decode(encoded: string): ComposerDraft | undefined {
  try {
    const value: unknown = JSON.parse(encoded);
    return value && typeof value === 'object' ? (value as ComposerDraft) : undefined;
  } catch {
    // A draft damaged by hand or by another version is dropped, not fatal.
    return undefined;
  }
}

/** The drafts store of one agent (one store per agent id, shared by every composer). */
export function composerDrafts(agentId: string = ANONYMOUS_AGENT): MapStore<ComposerDrafts> {
  const key = agentId || ANONYMOUS_AGENT;
  let store = stores.get(key);
  if (!store) {
    store = persistentMap<ComposerDrafts>(`${DRAFTS_PREFIX}${key}:`, {}, {
      encode: (draft: ComposerDraft | undefined) => (isEmptyDraft(draft) ? undefined : JSON.stringify(draft)),
      decode,
    });
    stores.set(key, store);
  }
  return store;
}

export function loadDraft(agentId: string, channel: ComposerChannel): ComposerDraft | undefined {
  return composerDrafts(agentId).get()[channel];
}

/** Saves (or, when empty, removes) the draft of `channel`. */
export function saveDraft(agentId: string, channel: ComposerChannel, draft: ComposerDraft): void {
  composerDrafts(agentId).setKey(channel, isEmptyDraft(draft) ? undefined : draft);
}

export function clearDraft(agentId: string, channel: ComposerChannel): void {
  composerDrafts(agentId).setKey(channel, undefined);
}
