/**
 * One screen-pop resolution against any source: its own `resolve()` when it
 * has one (one round trip for REST), else composed by the core rules from
 * its lookups. The signal reaches every source call, so a newer interaction
 * cancels the requests of the older one.
 */
import { resolveInteraction } from '../core/resolution/index.js';
import type { InteractionContext } from '../core/types.js';
import type { CrmSource, Resolution } from './source.js';

export interface ResolveWithSourceOptions {
  defaultRegion?: string;
  signal: AbortSignal;
}

export function resolveWithSource(
  source: CrmSource,
  context: InteractionContext,
  { defaultRegion, signal }: ResolveWithSourceOptions,
): Promise<Resolution> {
  if (source.resolve) return source.resolve(context, { defaultRegion, signal });
  return resolveInteraction(
    context,
    {
      getContact: (id) => source.getContact(id, { signal }),
      findByIdentity: (identity) => source.findByIdentity(identity, { signal }),
      listSections: () => source.listSections({ signal }),
    },
    { defaultRegion, signal },
  );
}

/** True when the source keeps data in memory only because its storage failed (a LocalSource). */
export function persistenceErrorOf(source: CrmSource): unknown {
  const candidate = source as CrmSource & { persistenceError?: unknown };
  return candidate.persistenceError ?? undefined;
}

/** Stored records a LocalSource left out because they are not readable contacts (kept in storage), if any. */
export function unreadableRecordsOf(source: CrmSource): unknown {
  const candidate = source as CrmSource & { unreadableRecords?: unknown };
  return candidate.unreadableRecords ?? undefined;
}
