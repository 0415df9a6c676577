/**
 * Disposition drafts, one per interaction id, kept in localStorage through
 * @nanostores/persistent: an agent may choose the disposition while the call
 * is still active, and a page reload must not lose it (seeds: "You can select
 * the disposition levels before the interaction finishes, the data is saved").
 * The last saved disposition is kept too, for the closed interaction's summary.
 */
import { persistentMap } from '@nanostores/persistent';
import type { MapStore } from 'nanostores';
import type { DispositionSavedDetail } from '../events.js';

export interface DispositionDraft {
  /** Chosen disposition ids, top level first. */
  selection: string[];
  comment: string;
  /** The reschedule date-time as typed (`datetime-local` value, agent's zone). */
  rescheduleLocal?: string;
  /** The last disposition saved for this interaction. */
  saved?: Omit<DispositionSavedDetail, 'interactionId'> & { savedAt: number };
  /** Epoch ms of the last change; old drafts are pruned. */
  updatedAt: number;
}

export type DispositionDrafts = Record<string, DispositionDraft | undefined>;

/** Storage keys are `ucrm:disposition:<interaction id>`. */
export const DISPOSITION_DRAFTS_PREFIX = 'ucrm:disposition:';

/** Interactions are dispositioned within days; older drafts only fill storage. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

function decode(encoded: string): DispositionDraft | undefined {
  try {
    const value = JSON.parse(encoded) as Partial<DispositionDraft> | null;
    const valid =
      !!value &&
      Array.isArray(value.selection) &&
      value.selection.every((id) => typeof id === 'string') &&
      typeof value.comment === 'string';
    // A draft damaged by hand or by another version is dropped, not fatal.
    return valid ? (value as DispositionDraft) : undefined;
  } catch {
    return undefined;
  }
}

let store: MapStore<DispositionDrafts> | undefined;

/** The store of every interaction's draft (created, and pruned, on first use). */
export function dispositionDrafts(): MapStore<DispositionDrafts> {
  if (!store) {
    store = persistentMap<DispositionDrafts>(DISPOSITION_DRAFTS_PREFIX, {}, {
      encode: (draft: DispositionDraft | undefined) => (draft ? JSON.stringify(draft) : undefined),
      decode,
    });
    pruneDispositionDrafts(Date.now());
  }
  return store;
}

export function loadDispositionDraft(interactionId: string): DispositionDraft | undefined {
  return dispositionDrafts().get()[interactionId];
}

/** Merges `change` into the draft of `interactionId` and stamps it. */
export function saveDispositionDraft(
  interactionId: string,
  change: Partial<Omit<DispositionDraft, 'updatedAt'>>,
): DispositionDraft {
  const previous = loadDispositionDraft(interactionId) ?? { selection: [], comment: '', updatedAt: 0 };
  const next: DispositionDraft = { ...previous, ...change, updatedAt: Date.now() };
  dispositionDrafts().setKey(interactionId, next);
  return next;
}

export function clearDispositionDraft(interactionId: string): void {
  dispositionDrafts().setKey(interactionId, undefined);
}

/** Removes drafts not touched for `maxAgeMs`. */
export function pruneDispositionDrafts(now: number, maxAgeMs = DRAFT_MAX_AGE_MS): void {
  const drafts = dispositionDrafts();
  for (const [id, draft] of Object.entries(drafts.get())) {
    if (draft && now - draft.updatedAt > maxAgeMs) drafts.setKey(id, undefined);
  }
}
