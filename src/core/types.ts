/**
 * The domain model shared by every layer (see DESIGN.md, "Domain model").
 * Pure types: no DOM, no Lit.
 */
import type { KnownLeadStage } from './contacts/fields.js';

/** A communication channel an interaction can arrive on or be started through. */
export type Channel =
  | 'phone'
  | 'whatsapp'
  | 'sms'
  | 'email'
  | 'webchat'
  | 'instagram'
  | 'messenger'
  | 'telegram';

export const CHANNELS: readonly Channel[] = [
  'phone',
  'whatsapp',
  'sms',
  'email',
  'webchat',
  'instagram',
  'messenger',
  'telegram',
];

/** The kind of identifier a ClientID is, derived from the channel. */
export type IdentityKind = 'phone' | 'email' | 'instagram' | 'messenger' | 'telegram' | 'webchat';

export const IDENTITY_KINDS: readonly IdentityKind[] = [
  'phone',
  'email',
  'instagram',
  'messenger',
  'telegram',
  'webchat',
];

/** A normalized identifier of a contact on one channel family. */
export interface Identity {
  kind: IdentityKind;
  /** Always normalized: E.164 for phones, lower-cased email, ... */
  value: string;
}

export interface Note {
  id: string;
  text: string;
  author?: string;
  createdAt: string;
}

/** One of `LEAD_STAGES` (contacts/fields.ts), or a stage another system typed, kept as is. */
export type LeadStage = KnownLeadStage | (string & {});

export interface Contact {
  id: string;
  firstName: string;
  lastName: string;
  /** Display list; every entry is also a `phone` identity. */
  phones: string[];
  /** Display list; every entry is also an `email` identity. */
  emails: string[];
  identities: Identity[];
  tags: string[];
  notes: Note[];
  custom: Record<string, unknown>;
  blocked: boolean;
  unsubscribed: boolean;
  leadStage?: LeadStage;
  owner?: string;
  createdAt: string;
  updatedAt: string;
}

/** What a new contact is made from; the source fills ids, dates and identities. */
export type ContactDraft = Partial<Omit<Contact, 'id' | 'createdAt' | 'updatedAt'>>;

/** A change to an existing contact. */
export type ContactPatch = Partial<Omit<Contact, 'id' | 'createdAt' | 'updatedAt'>>;

/** The context of the interaction the agent is handling. */
export interface InteractionContext {
  contactId?: string;
  clientId?: string;
  channel: Channel;
  campaign?: string;
  interactionId?: string;
}

export type FieldType =
  | 'text'
  | 'number'
  | 'checkbox'
  | 'date'
  | 'datetime'
  | 'select'
  | 'email'
  | 'phone'
  | 'url';

export interface FieldDef {
  key: string;
  label: string;
  type: FieldType;
  options?: string[];
  required?: boolean;
}

export interface CustomSection {
  id: string;
  title: string;
  /** Campaign ids the section is shown for; empty means every campaign. */
  campaigns: string[];
  fields: FieldDef[];
}

export type Provider = 'meta' | 'gupshup' | 'whatsapp-business';

export interface MessageTemplate {
  id: string;
  name: string;
  /** Text with `{{1}}`, `{{2}}`... or `{{name}}` placeholders. */
  body: string;
  channel: Channel;
  /** WhatsApp: an HSM approved by Meta. */
  approved?: boolean;
}

export interface DispositionNode {
  id: string;
  label: string;
  kind?: 'normal' | 'reschedule';
  children?: DispositionNode[];
}

export interface Campaign {
  id: string;
  name: string;
  channels: Channel[];
  outboundChannels: Channel[];
  provider?: Provider;
  /** HTML; sanitized before it is rendered or sent. */
  signature?: string;
  templates?: MessageTemplate[];
  dispositions?: DispositionNode[];
  commentRequired?: boolean;
  outboundHub?: boolean;
  wrapUpSeconds?: number;
  /** ISO 3166 region for national numbers dialled from this campaign. */
  region?: string;
  /** How inbound interactions reach agents: taken from Pending (manual, the default) or assigned fairly (auto). */
  assignment?: 'manual' | 'auto';
  /** An unanswered transfer returns to the agent who made it after this many seconds. */
  transferTimeoutSeconds?: number;
  /** Opening hours: transfer targets show the campaign open or closed by them. */
  hours?: CampaignHours;
  /** The form agents fill in during the campaign's interactions. */
  form?: CampaignForm;
  /** A bot that answers inbound interactions first and hands them to the queue. */
  bot?: { name: string };
}

/** Weekly opening hours in a time zone; `day` 0 = Sunday … 6 = Saturday, `from`/`to` "HH:MM" (to exclusive). */
export interface CampaignHours {
  timeZone: string;
  weekly: { day: number; from: string; to: string }[];
}

export interface CampaignForm {
  /** The kit's custom sections, or an external page in a frame. */
  kind: 'sections' | 'url';
  url?: string;
  sectionIds?: string[];
  name?: string;
  /** Opens by itself when an interaction starts. */
  mandatory?: boolean;
  /** Listed as "Form – Campaign" without an interaction. */
  manualAccess?: boolean;
}

/** How a candidate was matched, shown to the agent ("matched ... without the 9th digit"). */
export interface MatchReason {
  /** The identity as stored on the contact. */
  identity: Identity;
  /** `exact`, or the name of the equivalence rule that linked the two forms. */
  rule: EquivalenceRule;
}

export type EquivalenceRule =
  | 'exact'
  | 'br-ninth-digit'
  | 'mx-mobile-prefix'
  | 'ar-mobile-nine';

/** The states of `<ucrm-interaction-view>`. */
export type ViewState = 'idle' | 'loading' | 'contact' | 'candidates' | 'create' | 'search' | 'error';

/** The lifecycle of an interaction, as the disposition form sees it. */
export type InteractionStatus = 'active' | 'finished' | 'closed';
