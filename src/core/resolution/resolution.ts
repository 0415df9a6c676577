/**
 * The screen-pop resolution (DESIGN.md, "Resolution"): an interaction
 * context becomes one contact, candidates, a create form, an invalid
 * ClientID, or idle. Pure: every lookup is passed in, so any source can
 * reuse it and core calls nothing above it.
 */
import { abortable } from '../util/index.js';
import { CrmError, throwIfAborted } from '../errors.js';
import { isChannel, matchReason, normalizeClientId } from '../identity/index.js';
import { sectionsForCampaign } from '../contacts/index.js';
import type { Contact, CustomSection, Identity, InteractionContext, MatchReason } from '../types.js';

/** A contact that matched the interaction's ClientID, and why. */
export interface Candidate {
  contact: Contact;
  reason: MatchReason;
}

/**
 * What a screen pop resolves to (DESIGN.md, "Resolution"). `invalid` means
 * the ClientID could not be normalized (e.g. an unparseable phone number).
 */
export interface Resolution {
  state: 'idle' | 'contact' | 'candidates' | 'create' | 'invalid';
  contact?: Contact;
  /** Set for `candidates`, and for `contact` when it was found by ClientID. */
  candidates?: Candidate[];
  /** The normalized ClientID, when it could be normalized. */
  identity?: Identity;
  /** Sections enabled for the interaction's campaign (already filtered). */
  sections: CustomSection[];
}

export interface ResolutionLookups {
  getContact(id: string): Promise<Contact | undefined>;
  findByIdentity(identity: Identity): Promise<Contact[]>;
  listSections(): Promise<CustomSection[]>;
}

export interface ResolveInteractionOptions {
  defaultRegion?: string;
  signal?: AbortSignal;
}

function candidatesFor(identity: Identity, contacts: Contact[], defaultRegion?: string): Candidate[] {
  const candidates = contacts.map((contact) => ({
    contact,
    // A source that matched on something we cannot explain still matched exactly.
    reason: matchReason(identity, contact, { defaultRegion }) ?? { identity, rule: 'exact' as const },
  }));
  // Exact matches first; Array.prototype.sort is stable, so the source's order is kept otherwise.
  return candidates.sort((a, b) => Number(a.reason.rule !== 'exact') - Number(b.reason.rule !== 'exact'));
}

export async function resolveInteraction(
  context: InteractionContext,
  lookups: ResolutionLookups,
  options: ResolveInteractionOptions = {},
): Promise<Resolution> {
  const { signal, defaultRegion } = options;
  throwIfAborted(signal);
  if (!isChannel(context.channel)) {
    throw new CrmError('invalid', `Unknown channel "${String(context.channel)}".`);
  }
  const contactId = context.contactId?.trim();
  const clientId = context.clientId?.trim();
  const normalized = clientId ? normalizeClientId(context.channel, clientId, { defaultRegion }) : undefined;
  const identity = normalized?.ok ? normalized.identity : undefined;

  const [allSections, byId] = await abortable(
    Promise.all([lookups.listSections(), contactId ? lookups.getContact(contactId) : undefined]),
    signal,
  );
  const sections = sectionsForCampaign(allSections, context.campaign);
  const base = identity ? { identity, sections } : { sections };

  if (byId) return { ...base, state: 'contact', contact: byId };
  if (!normalized) return { ...base, state: 'idle' };
  if (!identity) return { ...base, state: 'invalid' };

  const found = await abortable(lookups.findByIdentity(identity), signal);
  const candidates = candidatesFor(identity, found, defaultRegion);
  if (candidates.length === 0) return { ...base, state: 'create' };
  if (candidates.length === 1) return { ...base, state: 'contact', contact: candidates[0]!.contact, candidates };
  return { ...base, state: 'candidates', candidates };
}
