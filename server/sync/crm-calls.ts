/**
 * What the Salesforce and Zoho connectors' calls share: records sent in
 * batches of the API's size, how long a limit answer asks us to wait, and a
 * refused delete or merge flagged for a person.
 */
import type { PropagationResult, SyncFailure } from './connector.js';

/** How long to wait after a limit answer that says nothing about when to come back. */
export const DEFAULT_RATE_WAIT_MS = 60_000;

/** `list` in consecutive parts of at most `size` (the API's batch size). */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** A `Retry-After` header's wait, in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A delete or merge the CRM refuses for good is flagged for a person (`reason`); any other failure is thrown, for the engine to retry. */
export function flagged(failure: SyncFailure, reason = failure.message): PropagationResult {
  if (failure.kind !== 'rejected') throw failure;
  return { outcome: 'flagged', reason };
}
