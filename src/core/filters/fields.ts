/**
 * Which fields a filter condition can test, their value types, and the
 * operators each type allows. Shared by the filter compiler, the bulk
 * planner and the filter builder UI.
 */
// The definition file itself, not contacts/index.js: contacts/bulk.ts imports filters/, so going
// through the index would be an import cycle in which SYSTEM_FIELDS, computed at load, could run
// before CONTACT_FIELDS exists. fields.ts imports nothing, so this edge can never be part of a cycle.
// eslint-disable-next-line no-restricted-imports
import { CONTACT_FIELDS, contactField, fieldProperty, type ContactFieldSpec, type FilterableFieldKey } from '../contacts/fields.js';
import type { Contact, FieldDef, FieldType } from '../types.js';

export type FilterOp =
  | 'is'
  | 'is not'
  | 'contains'
  | 'not contains'
  | 'is empty'
  | 'is not empty'
  | 'before'
  | 'after'
  | 'greater'
  | 'less';

export const FILTER_OPS: readonly FilterOp[] = [
  'is',
  'is not',
  'contains',
  'not contains',
  'is empty',
  'is not empty',
  'before',
  'after',
  'greater',
  'less',
];

/** How a field's values compare. */
export type FilterValueType = 'text' | 'email' | 'phone' | 'tags' | 'boolean' | 'number' | 'date' | 'datetime';

/** A system field a condition can name: the filterable fields of the contact definition. */
export type SystemFieldKey = FilterableFieldKey;

export interface FilterField {
  /** System field name, or the custom field's key. */
  key: string;
  type: FilterValueType;
  /** True for contact properties; false for `contact.custom[key]`. */
  system: boolean;
  /** The custom field's label; system fields are labelled by the UI catalog. */
  label?: string;
  /** Choices of a `select` custom field. */
  options?: string[];
}

/** The system fields a condition can test, from the contact definition (`filterable`), in its order. */
export const SYSTEM_FIELDS: readonly FilterField[] = /* @__PURE__ */ (CONTACT_FIELDS as readonly ContactFieldSpec[])
  .filter((field) => field.filterable)
  .map((field) => ({
    key: field.key,
    // Filterable value types are filter value types by name (text, email, phone, tags, boolean, datetime).
    type: field.type as FilterValueType,
    system: true,
    ...(field.options ? { options: [...field.options] } : {}),
  }));

const CUSTOM_TYPES: Record<FieldType, FilterValueType> = {
  text: 'text',
  url: 'text',
  select: 'text',
  email: 'email',
  phone: 'phone',
  number: 'number',
  checkbox: 'boolean',
  date: 'date',
  datetime: 'datetime',
};

const TEXT_OPS: readonly FilterOp[] = ['is', 'is not', 'contains', 'not contains', 'is empty', 'is not empty'];
const OPS: Record<FilterValueType, readonly FilterOp[]> = {
  text: TEXT_OPS,
  email: TEXT_OPS,
  phone: TEXT_OPS,
  tags: TEXT_OPS,
  boolean: ['is', 'is not', 'is empty', 'is not empty'],
  number: ['is', 'is not', 'greater', 'less', 'is empty', 'is not empty'],
  date: ['is', 'is not', 'before', 'after', 'is empty', 'is not empty'],
  datetime: ['is', 'is not', 'before', 'after', 'is empty', 'is not empty'],
};

/** The operators a value type allows, in the order the UI offers them. */
export function operatorsFor(type: FilterValueType): readonly FilterOp[] {
  return OPS[type];
}

/** `is empty` and `is not empty` take no value; every other operator needs one. */
export function opNeedsValue(op: FilterOp): boolean {
  return op !== 'is empty' && op !== 'is not empty';
}

export function customFilterField(def: FieldDef): FilterField {
  return {
    key: def.key,
    type: CUSTOM_TYPES[def.type],
    system: false,
    label: def.label,
    ...(def.options ? { options: def.options } : {}),
  };
}

/** Every field a condition can use: system fields, then custom fields in order. */
export function filterFields(customFields: readonly FieldDef[] = []): FilterField[] {
  return [...SYSTEM_FIELDS, ...customFields.map(customFilterField)];
}

/**
 * Finds a condition's field: a system name first, then a custom key. A custom
 * key that a system name shadows is reachable as `custom.<key>`.
 */
export function resolveFilterField(key: string, customFields: readonly FieldDef[] = []): FilterField | undefined {
  const system = SYSTEM_FIELDS.find((f) => f.key === key);
  if (system) return system;
  const customKey = key.startsWith('custom.') && !customFields.some((f) => f.key === key) ? key.slice(7) : key;
  const def = customFields.find((f) => f.key === customKey);
  return def ? customFilterField(def) : undefined;
}

/** The raw value(s) of a field on a contact: a scalar, a list, or undefined. */
export function fieldValue(contact: Contact, field: FilterField): unknown {
  if (!field.system) return contact.custom?.[field.key];
  // `email` reads `emails`, `phone` reads `phones`: the definition names the member.
  const spec = contactField(field.key);
  const property = spec ? fieldProperty(spec) : field.key;
  return (contact as unknown as Record<string, unknown>)[property];
}
