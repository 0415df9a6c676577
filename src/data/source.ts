import type {
  Campaign,
  Contact,
  ContactDraft,
  ContactPatch,
  CustomSection,
  Identity,
  InteractionContext,
} from '../core/types.js';
import type { Resolution } from '../core/resolution/index.js';
import type { BulkPatch } from '../core/contacts/index.js';
import type { ImportPlan } from '../core/import/index.js';
import type { ContactFilter, SavedView } from '../core/filters/index.js';
import type { MergePlan, PotentialDuplicate } from '../core/merge/index.js';

/** Every source method takes these as its last argument. */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface SearchOptions extends CallOptions {
  limit?: number;
  offset?: number;
}

export interface SearchResult {
  items: Contact[];
  total: number;
}

export interface CreateOptions extends CallOptions {
  /** The same key twice creates one contact (a double click, a retried request). */
  idempotencyKey?: string;
}

// A pop's answer is domain, defined by the core rules that compute it; sources return it as is.
export type { Candidate, Resolution } from '../core/resolution/index.js';

export interface ResolveOptions extends CallOptions {
  /** ISO 3166 region for national phone numbers. */
  defaultRegion?: string;
}

/**
 * The one data interface every element talks to. All methods are async,
 * abortable, and fail with `CrmError`.
 */
export interface CrmSource {
  getContact(id: string, options?: CallOptions): Promise<Contact | undefined>;
  /** Exact match on the normalized identity, including its known equivalent forms. */
  findByIdentity(identity: Identity, options?: CallOptions): Promise<Contact[]>;
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
  createContact(draft: ContactDraft, options?: CreateOptions): Promise<Contact>;
  updateContact(id: string, patch: ContactPatch, options?: CallOptions): Promise<Contact>;
  /** "Assign the ClientID": adds an identity (and its display phone/email). */
  addIdentity(contactId: string, identity: Identity, options?: CallOptions): Promise<Contact>;
  /** Undoes `addIdentity`. */
  removeIdentity(contactId: string, identity: Identity, options?: CallOptions): Promise<Contact>;
  listSections(options?: CallOptions): Promise<CustomSection[]>;
  listCampaigns(options?: CallOptions): Promise<Campaign[]>;
  /**
   * The whole screen pop in one call (one HTTP round trip for REST). Optional:
   * without it, elements compose it from the methods above.
   */
  resolve?(context: InteractionContext, options?: ResolveOptions): Promise<Resolution>;
}

/**
 * Contact management (the contact directory and contact details), optional:
 * a source that has it passes `hasContactAdmin`. Every write keeps the
 * source's identity and search indexes in step, so the screen pop sees it at
 * once.
 */
export interface ContactQueryOptions extends CallOptions {
  /** Fuzzy search text, applied before the filter (best match first). */
  query?: string;
  limit?: number;
  offset?: number;
}

/** A saved view as stored: a named filter, private to its owner unless public. */
export interface StoredView extends SavedView {
  /** The agent who saved it; a private view is listed only for them. */
  owner?: string;
}

export interface ImportWriteOptions extends CallOptions {
  /** Called as rows are written (creates and updates together). */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportWriteResult {
  created: Contact[];
  updated: Contact[];
}

export interface ContactAdminSource {
  /** The contacts matching a filter (and search), a page at a time; `total` counts every match. */
  queryContacts(filter: ContactFilter, options?: ContactQueryOptions): Promise<SearchResult>;
  /** Ids of every match, in the same order (select all, bulk on the whole filter). */
  queryContactIds(filter: ContactFilter, options?: Omit<ContactQueryOptions, 'limit' | 'offset'>): Promise<string[]>;
  /** Several contacts by id, in that order; unknown ids are left out. */
  getContacts(ids: readonly string[], options?: CallOptions): Promise<Contact[]>;
  /** Deletes contacts; unknown ids are ignored. Resolves to how many were deleted. */
  deleteContacts(ids: readonly string[], options?: CallOptions): Promise<number>;
  /** Applies a merge planned by `planMerge` atomically: writes the result, deletes the others. */
  mergeContacts(plan: Pick<MergePlan, 'result' | 'removedIds'>, options?: CallOptions): Promise<Contact>;
  /** Applies bulk patches (from `planBulkUpdate`) in one write. */
  bulkUpdate(patches: readonly BulkPatch[], options?: CallOptions): Promise<Contact[]>;
  /** Writes an import planned by `planImport`. */
  importContacts(plan: Pick<ImportPlan, 'creates' | 'updates'>, options?: ImportWriteOptions): Promise<ImportWriteResult>;
  /** Public views and the private views of `owner`. */
  listViews(options?: CallOptions & { owner?: string }): Promise<StoredView[]>;
  /** Creates (no id) or replaces a view. */
  saveView(view: Omit<StoredView, 'id'> & { id?: string }, options?: CallOptions): Promise<StoredView>;
  deleteView(id: string, options?: CallOptions): Promise<void>;
  /** Every tag in use, sorted (suggestions when tagging). */
  listTags(options?: CallOptions): Promise<string[]>;
  addNote(contactId: string, text: string, author?: string, options?: CallOptions): Promise<Contact>;
  setBlocked(contactId: string, blocked: boolean, options?: CallOptions): Promise<Contact>;
  setUnsubscribed(contactId: string, unsubscribed: boolean, options?: CallOptions): Promise<Contact>;
  /** Other contacts that are probably the same person (`findPotentialDuplicates`). */
  findDuplicates(contactId: string, options?: CallOptions): Promise<PotentialDuplicate[]>;
}

/**
 * A contact's delivery to one third-party CRM (issue 22), as the server
 * reports it (`GET /contacts/{id}/sync`): waiting or retrying (`pending`), done
 * (`synced`, with the CRM's record id and a link), given up with the reason
 * (`failed`, retryable) or left for a person (`flagged`: a merge or delete the
 * CRM could not take).
 */
export interface ContactSyncStatus {
  /** The CRM's key: `hubspot`, `salesforce`, `zoho`. */
  crm: string;
  /** Its name as people write it: "HubSpot", "Salesforce", "Zoho CRM". */
  label: string;
  state: 'pending' | 'synced' | 'failed' | 'flagged';
  externalId?: string;
  /** The record in the CRM's own UI. */
  url?: string;
  /** ISO 8601 instant of the last successful delivery. */
  syncedAt?: string;
  /** Why it failed or was flagged (the CRM's words). */
  error?: string;
  attempts: number;
}

/**
 * Third-party CRM sync status, optional: only a source whose server syncs
 * contacts to other CRMs has it (the REST source; the local source does not).
 * Elements find it with `contactSyncOf`.
 */
export interface ContactSyncSource {
  /** Where the contact stands in each CRM it is synced to; empty when sync is off. */
  syncStatus(contactId: string, options?: CallOptions): Promise<ContactSyncStatus[]>;
  /** Delivers the contact to `crm` again now (a failed or flagged sync). */
  retrySync(contactId: string, crm: string, options?: CallOptions): Promise<void>;
}

/** Which contacts hold each identity of a list: `matches` by index in the list, each contact once in `contacts`. */
export interface IdentityLookup {
  matches: { index: number; contactIds: string[] }[];
  contacts: Contact[];
}

/**
 * The batch form of `findByIdentity`, optional: the REST source has it
 * (`POST /contacts/lookup`), so a CSV import checks a chunk of rows in one
 * request instead of one per row. Elements find it with `identityLookupOf`;
 * without it they ask `findByIdentity` per identity.
 */
export interface IdentityLookupSource {
  findByIdentities(identities: readonly Identity[], options?: CallOptions): Promise<IdentityLookup>;
}

/** The source's batch identity lookup, if it has one (found through `loaded()` on a lazy source, like `contactAdminOf`). */
export async function identityLookupOf(source: CrmSource | undefined): Promise<IdentityLookupSource | undefined> {
  const has = (s: unknown): s is IdentityLookupSource => typeof (s as Partial<IdentityLookupSource> | undefined)?.findByIdentities === 'function';
  if (has(source)) return source;
  const loaded = (source as { loaded?: () => Promise<CrmSource> } | undefined)?.loaded;
  if (typeof loaded !== 'function') return undefined;
  const inner = await loaded.call(source);
  return has(inner) ? inner : undefined;
}

/** A source with contact management: what `hasContactAdmin` confirms, and what the directory works on. */
export type AdminSource = CrmSource & ContactAdminSource;

/** A source with everything: contact management and its own one-call `resolve` (the local and the REST source). */
export interface CompleteSource extends CrmSource, ContactAdminSource {
  resolve(context: InteractionContext, options?: ResolveOptions): Promise<Resolution>;
}

/**
 * The method names of each interface, once. Records rather than lists so the
 * compiler refuses a method missing here or one the interface does not have:
 * the lazy sources' forwarders (lazy-source.ts) are generated from them.
 */
const CRM_SOURCE_METHODS: Record<keyof CrmSource, true> = {
  getContact: true,
  findByIdentity: true,
  search: true,
  createContact: true,
  updateContact: true,
  addIdentity: true,
  removeIdentity: true,
  listSections: true,
  listCampaigns: true,
  resolve: true,
};
const CONTACT_ADMIN_METHODS: Record<keyof ContactAdminSource, true> = {
  queryContacts: true,
  queryContactIds: true,
  getContacts: true,
  deleteContacts: true,
  mergeContacts: true,
  bulkUpdate: true,
  importContacts: true,
  listViews: true,
  saveView: true,
  deleteView: true,
  listTags: true,
  addNote: true,
  setBlocked: true,
  setUnsubscribed: true,
  findDuplicates: true,
};

const CONTACT_SYNC_METHODS: Record<keyof ContactSyncSource, true> = {
  syncStatus: true,
  retrySync: true,
};

/** The method names of `CrmSource` (with the optional `resolve`). */
export const crmSourceMethods = Object.keys(CRM_SOURCE_METHODS) as (keyof CrmSource)[];
/** The method names of `ContactAdminSource`. */
export const contactAdminMethods = Object.keys(CONTACT_ADMIN_METHODS) as (keyof ContactAdminSource)[];

/**
 * The method names of `ContactSyncSource`. Not forwarded by the lazy sources
 * (a lazy local source must not claim them): `contactSyncOf` finds them on
 * the loaded implementation.
 */
export const contactSyncMethods = Object.keys(CONTACT_SYNC_METHODS) as (keyof ContactSyncSource)[];

/** What `hasContactAdmin` looks for: a sample of the operations (a typed source has all of them or none). */
const ADMIN_METHODS = ['queryContacts', 'deleteContacts', 'mergeContacts', 'bulkUpdate', 'importContacts', 'listViews'] as const;

/**
 * The source's contact management operations, if it has them. A source that
 * loads its implementation on first use (the library default) may expose
 * `loaded()`, resolving to the implementation; its operations are found there.
 */
export async function contactAdminOf(
  source: CrmSource | undefined,
): Promise<AdminSource | undefined> {
  if (hasContactAdmin(source)) return source;
  const loaded = (source as { loaded?: () => Promise<CrmSource> } | undefined)?.loaded;
  if (typeof loaded !== 'function') return undefined;
  const inner = await loaded.call(source);
  return hasContactAdmin(inner) ? inner : undefined;
}

/** True when the source implements the contact management operations. */
export function hasContactAdmin<T extends CrmSource>(source: T | undefined): source is T & ContactAdminSource {
  return !!source && ADMIN_METHODS.every((method) => typeof (source as unknown as Record<string, unknown>)[method] === 'function');
}

/** True when the source reports third-party CRM sync status. */
export function hasContactSync<T extends CrmSource>(source: T | undefined): source is T & ContactSyncSource {
  return !!source && contactSyncMethods.every((method) => typeof (source as unknown as Record<string, unknown>)[method] === 'function');
}

/** The source's sync status operations, if it has them (found through `loaded()` on a lazy source, like `contactAdminOf`). */
export async function contactSyncOf(source: CrmSource | undefined): Promise<(CrmSource & ContactSyncSource) | undefined> {
  if (hasContactSync(source)) return source;
  const loaded = (source as { loaded?: () => Promise<CrmSource> } | undefined)?.loaded;
  if (typeof loaded !== 'function') return undefined;
  const inner = await loaded.call(source);
  return hasContactSync(inner) ? inner : undefined;
}
