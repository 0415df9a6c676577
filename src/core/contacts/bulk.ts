/**
 * Bulk operations on many contacts, planned purely: what each contact's
 * patch is, which contacts are untouched, and the safety check for bulk
 * delete. The source applies the patches.
 */
import { foldForMatch } from '../filters/index.js';
import { resolveFilterField } from '../filters/index.js';
import type { Contact, ContactPatch, FieldDef } from '../types.js';
import { contactField, contactFieldKeys, fieldProperty, type BulkSettableFieldKey, type ContactFieldSpec } from './fields.js';

export type BulkAction =
  /** `owner` undefined or blank clears the owner. */
  | { kind: 'assign-owner'; owner?: string }
  | { kind: 'add-tags'; tags: string[] }
  | { kind: 'remove-tags'; tags: string[] }
  /** A system scalar field or a custom field key; `value` undefined clears it. */
  | { kind: 'set-field'; field: string; value: unknown };

export interface BulkPatch {
  id: string;
  patch: ContactPatch;
}

export interface BulkPlan {
  ok: true;
  /** Only contacts that actually change. */
  patches: BulkPatch[];
  /** Contacts already in the requested state. */
  unchanged: string[];
}

/** Why a bulk update was refused; the UI localizes these codes. */
export type BulkRefusal = 'no-tags' | 'field-not-settable' | 'unknown-field' | 'invalid-value';

export type BulkOutcome = BulkPlan | { ok: false; reason: BulkRefusal; field?: string };

/**
 * System fields a bulk "set a field" may change (`bulkSettable` in the contact
 * definition); identities, tags and notes have their own operations.
 */
export const BULK_SETTABLE_FIELDS: readonly BulkSettableFieldKey[] = /* @__PURE__ */ contactFieldKeys('bulkSettable');

/** A bulk value the definition allows: a boolean for a flag; text within the field's length, or nothing for an optional field. */
function validSystemValue(spec: ContactFieldSpec, value: unknown): boolean {
  if (spec.type === 'boolean') return typeof value === 'boolean';
  if (value === undefined) return spec.optional === true;
  return typeof value === 'string' && (spec.maxLength === undefined || value.length <= spec.maxLength);
}

/**
 * Which contacts a bulk action targets: the selection, or, with nothing
 * selected, every contact matching the current filter (the confirmation
 * must state that count).
 */
export function bulkTargets<T extends { id: string }>(
  selectedIds: ReadonlySet<string> | readonly string[],
  matching: readonly T[],
): { scope: 'selection' | 'filter'; targets: T[] } {
  const selected = selectedIds instanceof Set ? selectedIds : new Set(selectedIds as readonly string[]);
  if (selected.size === 0) return { scope: 'filter', targets: [...matching] };
  return { scope: 'selection', targets: matching.filter((c) => selected.has(c.id)) };
}

function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const text = tag.trim();
    const key = foldForMatch(text);
    if (!text || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

/** Checks a custom value against its field type; undefined clears. */
function validCustomValue(def: FieldDef, value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  switch (def.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'checkbox':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'select':
      return typeof value === 'string' && (!def.options || def.options.includes(value));
    default:
      return typeof value === 'string';
  }
}

type Planner = (contact: Contact) => ContactPatch | undefined;

function planner(action: BulkAction, customFields: readonly FieldDef[]): Planner | { reason: BulkRefusal; field?: string } {
  switch (action.kind) {
    case 'assign-owner': {
      const owner = action.owner?.trim() || undefined;
      return (c) => ((c.owner || undefined) === owner ? undefined : { owner });
    }
    case 'add-tags': {
      const tags = cleanTags(action.tags);
      if (!tags.length) return { reason: 'no-tags' };
      return (c) => {
        const have = new Set(c.tags.map(foldForMatch));
        const added = tags.filter((t) => !have.has(foldForMatch(t)));
        return added.length ? { tags: [...c.tags, ...added] } : undefined;
      };
    }
    case 'remove-tags': {
      const drop = new Set(cleanTags(action.tags).map(foldForMatch));
      if (!drop.size) return { reason: 'no-tags' };
      return (c) => {
        const kept = c.tags.filter((t) => !drop.has(foldForMatch(t)));
        return kept.length === c.tags.length ? undefined : { tags: kept };
      };
    }
    case 'set-field': {
      const { field, value } = action;
      const spec = contactField(field);
      if (spec?.bulkSettable) {
        if (!validSystemValue(spec, value)) return { reason: 'invalid-value', field };
        const key = fieldProperty(spec) as keyof Contact;
        return (c) => (c[key] === value ? undefined : ({ [key]: value } as ContactPatch));
      }
      const resolved = resolveFilterField(field, customFields);
      if (resolved?.system) return { reason: 'field-not-settable', field };
      const def = resolved && customFields.find((f) => f.key === resolved.key);
      if (!def) return { reason: 'unknown-field', field };
      if (!validCustomValue(def, value)) return { reason: 'invalid-value', field };
      const cleared = value === undefined || value === null || value === '';
      return (c) => {
        const current = c.custom?.[def.key];
        if (cleared ? current === undefined : current === value) return undefined;
        const custom = { ...c.custom };
        if (cleared) delete custom[def.key];
        else custom[def.key] = value;
        return { custom };
      };
    }
  }
}

/**
 * Plans a bulk update over `contacts`: a patch for each contact that
 * changes. Refuses an empty tag list, an unknown field, a field bulk may
 * not set, or a value of the wrong type for the field.
 */
export function planBulkUpdate(
  contacts: readonly Contact[],
  action: BulkAction,
  customFields: readonly FieldDef[] = [],
): BulkOutcome {
  const plan = planner(action, customFields);
  if (typeof plan !== 'function') return { ok: false, ...plan };
  const patches: BulkPatch[] = [];
  const unchanged: string[] = [];
  for (const contact of contacts) {
    const patch = plan(contact);
    if (patch) patches.push({ id: contact.id, patch });
    else unchanged.push(contact.id);
  }
  return { ok: true, patches, unchanged };
}

/**
 * The typed-count confirmation of a bulk delete: the user must type exactly
 * how many contacts will be deleted: digits only, no sign, separator or
 * leading zero; surrounding spaces are ignored.
 */
export function confirmDeleteCount(typed: string, count: number): boolean {
  return count > 0 && typed.trim() === String(count);
}
