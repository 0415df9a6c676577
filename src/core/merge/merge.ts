/**
 * Merge planning: which contact survives, what its fields become, and which
 * contacts disappear. Pure, so the UI can preview exactly what the source
 * will write before the (irreversible) merge runs.
 *
 * Rules: the primary wins; its empty fields are filled from the others in
 * selection order; the user may pick any field's value from another
 * contact; identities, phones, emails, tags and notes are united without
 * duplicates; custom fields are merged per key.
 */
import { foldForMatch, digitsOf } from '../filters/index.js';
import {
  contactIdentities,
  equivalentForms,
  identityKey,
  normalizeIdentity,
  type NormalizeOptions,
} from '../identity/index.js';
import type { MergeFlagFieldKey, MergeScalarFieldKey } from '../contacts/index.js';
import type { Contact, Identity, Note } from '../types.js';

export const MERGE_MIN = 2;
/** The most contacts one merge may combine (a product rule, stated to the user when refused). */
export const MERGE_MAX = 25;

/** A field the user can take from a contact: a scalar or flag of the contact definition, or `custom.<key>`. */
export type MergeField = MergeScalarFieldKey | MergeFlagFieldKey | `custom.${string}`;

/**
 * The rule of each field a merge decides one by one: the contact definition's
 * `scalar` and `flag` fields. Typed by the definition (a field it adds or drops
 * with one of these rules does not compile until it is listed here); spelled
 * out rather than read from `CONTACT_FIELDS` because a value import of the
 * definition here would make every page that shows `MERGE_MAX` (the details)
 * load the whole definition up front.
 */
const DECIDED_FIELDS: { readonly [K in MergeScalarFieldKey]: 'scalar' } & { readonly [K in MergeFlagFieldKey]: 'flag' } = {
  firstName: 'scalar',
  lastName: 'scalar',
  leadStage: 'scalar',
  owner: 'scalar',
  blocked: 'flag',
  unsubscribed: 'flag',
};

function decidedBy<K extends string>(rule: 'scalar' | 'flag'): K[] {
  return (Object.keys(DECIDED_FIELDS) as (keyof typeof DECIDED_FIELDS)[]).filter((key) => DECIDED_FIELDS[key] === rule) as K[];
}

/** Fields merged by the `scalar` rule: the primary's value, else the first non-empty one. */
export const MERGE_SCALAR_FIELDS: readonly MergeScalarFieldKey[] = /* @__PURE__ */ decidedBy('scalar');
/** Flags where `true` is kept from any contact: an opt-out or a block must never be lost by a merge. */
export const MERGE_FLAG_FIELDS: readonly MergeFlagFieldKey[] = /* @__PURE__ */ decidedBy('flag');

/** Why a merge was refused; the UI localizes these codes. */
export type MergeRefusal =
  | 'too-few'
  | 'too-many'
  | 'duplicate-contact'
  | 'unknown-primary'
  | 'unknown-pick-contact'
  | 'unknown-pick-field';

export interface MergePlan {
  ok: true;
  /** The primary contact as it will be after the merge (same id). */
  result: Contact;
  /** For every scalar, flag and custom field: the id of the contact its value came from. */
  fieldSources: Record<string, string>;
  /** The contacts the merge deletes (every selected one except the primary). */
  removedIds: string[];
}

export interface MergeRefused {
  ok: false;
  reason: MergeRefusal;
  /** The limit that was broken, for `too-few` / `too-many`. */
  limit?: number;
  /** The contact id or field that was not understood. */
  subject?: string;
}

export type MergeOutcome = MergePlan | MergeRefused;

/** Checks only the size of a selection, so the UI can disable "Merge" and say why. */
export function checkMergeCount(count: number): MergeRefused | undefined {
  if (count < MERGE_MIN) return { ok: false, reason: 'too-few', limit: MERGE_MIN };
  if (count > MERGE_MAX) return { ok: false, reason: 'too-many', limit: MERGE_MAX };
  return undefined;
}

function isEmpty(value: unknown): boolean {
  if (value == null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function readField(contact: Contact, field: MergeField): unknown {
  if (field.startsWith('custom.')) return contact.custom?.[field.slice(7)];
  return contact[field as keyof Contact];
}

/** Every field a merge decides, in display order: scalars, flags, then custom keys as they first appear. */
export function mergeFields(contacts: readonly Contact[]): MergeField[] {
  const custom = new Set<string>();
  for (const contact of contacts) for (const key of Object.keys(contact.custom ?? {})) custom.add(key);
  return [...MERGE_SCALAR_FIELDS, ...MERGE_FLAG_FIELDS, ...[...custom].map((key) => `custom.${key}` as const)];
}

/** Keeps the first item of each key, in order. */
function unite<T>(lists: readonly (readonly T[])[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const list of lists) {
    for (const item of list) {
      const k = key(item);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}

function phoneKey(raw: string, options: NormalizeOptions): string {
  const result = normalizeIdentity('phone', raw, options);
  return result.ok ? identityKey(result.identity) : `digits:${digitsOf(raw)}`;
}

/**
 * Plans merging `contacts` (in selection order) into `primaryId`. `picks`
 * takes a field's value from a chosen contact, even an empty one: the user
 * decided. Refuses fewer than 2 or more than 25 contacts.
 */
export function planMerge(
  contacts: readonly Contact[],
  primaryId: string,
  picks: Partial<Record<MergeField, string>> = {},
  options: NormalizeOptions = {},
): MergeOutcome {
  const countProblem = checkMergeCount(contacts.length);
  if (countProblem) return countProblem;
  const byId = new Map<string, Contact>();
  for (const contact of contacts) {
    if (byId.has(contact.id)) return { ok: false, reason: 'duplicate-contact', subject: contact.id };
    byId.set(contact.id, contact);
  }
  const primary = byId.get(primaryId);
  if (!primary) return { ok: false, reason: 'unknown-primary', subject: primaryId };

  const fields = mergeFields(contacts);
  for (const [field, id] of Object.entries(picks)) {
    if (!(fields as string[]).includes(field)) return { ok: false, reason: 'unknown-pick-field', subject: field };
    if (!id || !byId.has(id)) return { ok: false, reason: 'unknown-pick-contact', subject: id };
  }

  const ordered = [primary, ...contacts.filter((c) => c !== primary)];
  const fieldSources: Record<string, string> = {};
  const result: Contact = { ...primary, custom: {} };

  for (const field of fields) {
    const picked = picks[field];
    let source: Contact;
    if (picked) source = byId.get(picked)!;
    else if ((MERGE_FLAG_FIELDS as readonly string[]).includes(field)) {
      source = ordered.find((c) => readField(c, field) === true) ?? primary;
    } else source = ordered.find((c) => !isEmpty(readField(c, field))) ?? primary;
    fieldSources[field] = source.id;
    const value = readField(source, field);
    if (field.startsWith('custom.')) {
      if (value !== undefined) result.custom[field.slice(7)] = value;
    } else if (value === undefined) {
      delete (result as unknown as Record<string, unknown>)[field];
    } else {
      (result as unknown as Record<string, unknown>)[field] = value;
    }
  }

  result.identities = unite<Identity>(
    ordered.map((c) => contactIdentities(c, options)),
    identityKey,
  );
  result.phones = unite(
    ordered.map((c) => c.phones ?? []),
    (p) => phoneKey(p, options),
  );
  result.emails = unite(
    ordered.map((c) => c.emails ?? []),
    (e) => e.trim().toLowerCase(),
  );
  result.tags = unite(
    ordered.map((c) => c.tags ?? []),
    foldForMatch,
  );
  // Notes keep their timeline; a note copied to several contacts appears once.
  result.notes = unite<Note>(
    ordered.map((c) => c.notes ?? []),
    (n) => n.id,
  ).sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  // The merged contact has been known since the earliest of them.
  result.createdAt = ordered.reduce(
    (min, c) => (Date.parse(c.createdAt) < Date.parse(min) ? c.createdAt : min),
    primary.createdAt,
  );

  return { ok: true, result, fieldSources, removedIds: ordered.slice(1).map((c) => c.id) };
}

export interface PotentialDuplicate {
  contact: Contact;
  /** `identity`: they share a normalized identity (or an equivalent phone form); `name-email`: same full name and email. */
  reason: 'identity' | 'name-email';
  /** The shared identity, for `identity`. */
  identity?: Identity;
}

function fullName(contact: Contact): string {
  return foldForMatch(`${contact.firstName ?? ''} ${contact.lastName ?? ''}`).replace(/\s+/g, ' ');
}

/**
 * Other contacts that are probably the same person as `contact`: a shared
 * normalized identity (a phone in any equivalent form, an email, a social
 * id), or the same full name with the same email. Feeds the "potential
 * duplicates" prompt that links to merge.
 */
export function findPotentialDuplicates(
  contact: Contact,
  others: Iterable<Contact>,
  options: NormalizeOptions = {},
): PotentialDuplicate[] {
  const mine = new Map<string, Identity>();
  for (const identity of contactIdentities(contact, options)) {
    for (const form of equivalentForms(identity)) mine.set(identityKey(form.identity), identity);
  }
  const name = fullName(contact);
  const emails = new Set(contact.emails.map((e) => e.trim().toLowerCase()));
  const found: PotentialDuplicate[] = [];
  for (const other of others) {
    if (other.id === contact.id) continue;
    const shared = contactIdentities(other, options).find((i) => mine.has(identityKey(i)));
    if (shared) {
      found.push({ contact: other, reason: 'identity', identity: mine.get(identityKey(shared)) });
    } else if (name && fullName(other) === name && other.emails.some((e) => emails.has(e.trim().toLowerCase()))) {
      found.push({ contact: other, reason: 'name-email' });
    }
  }
  return found;
}
