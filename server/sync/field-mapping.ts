/**
 * Which contact field goes to which CRM field, shared by every connector.
 * The contact side is named as the one contact-fields definition names it
 * (src/core/contacts/fields.ts: `firstName`, `email`, `leadStage`, …) or
 * `custom.<key>` for a campaign field; the CRM side is the CRM's own field
 * name. Each connector has defaults; configuration (`UCRM_SYNC_<CRM>_FIELDS`,
 * a JSON object) adds to them, renames them, or turns one off with `null`.
 */
import { CONTACT_FIELDS, fieldProperty } from '../../src/core/contacts/index.js';
import type { ContactFieldSpec } from '../../src/core/contacts/index.js';
import type { Contact } from '../../src/core/types.js';

/** contact field (or `custom.<key>`) → CRM field; `null` leaves a default field out. */
export type FieldMapping = Readonly<Record<string, string | null>>;

/** Lists, notes and the identities are no single CRM value; everything else may be mapped. */
const UNMAPPABLE = new Set(['identities', 'notes', 'custom']);

/** The contact fields a mapping may name (besides `custom.<key>`), from the one fields definition. */
export function mappableFields(): string[] {
  return (CONTACT_FIELDS as readonly ContactFieldSpec[]).filter((field) => !UNMAPPABLE.has(field.type)).map((field) => field.key);
}

function isMappable(key: string): boolean {
  return /^custom\.[^.]+$/.test(key) || mappableFields().includes(key);
}

/**
 * Reads a mapping from configuration (JSON text). Unknown contact fields and
 * non-string CRM fields are refused at start-up with the setting's name, so a
 * typo never silently drops a field.
 */
export function parseFieldMapping(text: string | undefined, setting: string): FieldMapping {
  if (!text?.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${setting} must be a JSON object like {"leadStage":"lifecyclestage"}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${setting} must be a JSON object`);
  const mapping: Record<string, string | null> = {};
  for (const [key, target] of Object.entries(parsed)) {
    if (!isMappable(key)) {
      throw new Error(`${setting}: "${key}" is not a contact field (one of ${mappableFields().join(', ')}, or custom.<key>)`);
    }
    if (target !== null && (typeof target !== 'string' || !target.trim())) {
      throw new Error(`${setting}: the CRM field for "${key}" must be a name or null`);
    }
    mapping[key] = target === null ? null : target.trim();
  }
  return mapping;
}

/** The defaults with the configured changes applied: `[contact field, CRM field]` pairs. */
export function resolveMapping(defaults: FieldMapping, override: FieldMapping = {}): Array<[string, string]> {
  const merged = { ...defaults, ...override };
  return Object.entries(merged).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

/**
 * One contact field as the single text a CRM field holds: the first email or
 * phone, tags joined with `;` (HubSpot's and Zoho's multi-select separator),
 * booleans as `true`/`false`; `undefined` when the contact has no value.
 */
export function fieldValue(contact: Contact, key: string): string | undefined {
  if (key.startsWith('custom.')) {
    const value = contact.custom[key.slice('custom.'.length)];
    if (value === undefined || value === null || value === '') return undefined;
    return Array.isArray(value) ? value.map(String).join(';') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  const spec = (CONTACT_FIELDS as readonly ContactFieldSpec[]).find((field) => field.key === key);
  if (!spec) return undefined;
  const value = (contact as unknown as Record<string, unknown>)[fieldProperty(spec)];
  if (Array.isArray(value)) {
    if (spec.type === 'tags') return value.length ? value.join(';') : undefined;
    return value.length ? String(value[0]) : undefined;
  }
  if (typeof value === 'boolean') return String(value);
  if (value === undefined || value === null || value === '') return undefined;
  return String(value);
}

/**
 * The CRM fields of a contact under a mapping. A field without a value is
 * sent as `''` when `clearEmpty` (an update then clears what the contact no
 * longer has), else left out.
 */
export function mapContact(contact: Contact, mapping: Array<[string, string]>, clearEmpty = false): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, target] of mapping) {
    const value = fieldValue(contact, key);
    if (value !== undefined) fields[target] = value;
    else if (clearEmpty) fields[target] = '';
  }
  return fields;
}
