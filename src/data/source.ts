import type {
  Campaign,
  Contact,
  ContactDraft,
  ContactPatch,
  CustomSection,
  Identity,
  InteractionContext,
  MatchReason,
} from '../core/types.js';

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
