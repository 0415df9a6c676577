/**
 * The valibot schemas of a contact, a draft and a patch, built from the one
 * definition of a contact's fields (src/core/contacts/fields.ts): its members,
 * their types, which are required and which only the store sets, and their
 * limits. A member the definition does not have is refused (strict objects).
 *
 * The string schema and the item schemas of the identity and note lists are
 * parameters: `validation.ts` passes its own (every string storable text), so
 * its input rules apply to contact fields too. `docs/openapi.yaml` describes the
 * same schemas (`contactOpenApiSchemas`, checked by test/server/contact-schema.test.mjs).
 */
import * as v from 'valibot';
import { CONTACT_FIELDS, fieldProperty, type ContactFieldSpec } from '../src/core/contacts/index.js';
import { IDENTITY_KINDS, type Contact, type ContactDraft, type ContactPatch } from '../src/core/types.js';

type AnySchema = v.GenericSchema<unknown, unknown>;

export interface ContactSchemaParts {
  /** A string of any length; the definition's limits are added to it. */
  string: () => v.GenericSchema<unknown, string>;
  /** One entry of `identities`. */
  identity: AnySchema;
  /** One entry of `notes`. */
  note: AnySchema;
}

export interface ContactSchemas {
  /** A new contact: every writable member optional; no id, no dates. */
  DraftSchema: v.GenericSchema<unknown, ContactDraft>;
  /** A change: the same members as a draft. */
  PatchSchema: v.GenericSchema<unknown, ContactPatch>;
  /** A whole contact (a merge result): id and dates required, the writable members as in a draft. */
  ContactSchema: v.GenericSchema<unknown, Contact>;
}

/** Plain parts, for callers without their own string rules (tests, tools). */
export const PLAIN_PARTS: ContactSchemaParts = {
  string: () => v.string(),
  identity: v.strictObject({ kind: v.picklist(IDENTITY_KINDS), value: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(320)) }),
  note: v.object({ id: v.string(), text: v.string(), author: v.optional(v.string()), createdAt: v.pipe(v.string(), v.isoTimestamp()) }),
};

/** The schema of one field's value, with the definition's limits. */
export function fieldSchema(field: ContactFieldSpec, parts: ContactSchemaParts): AnySchema {
  const text = (): AnySchema =>
    field.maxLength === undefined ? parts.string() : v.pipe(parts.string(), v.maxLength(field.maxLength));
  const list = (item: AnySchema): AnySchema =>
    field.maxItems === undefined ? v.array(item) : v.pipe(v.array(item), v.maxLength(field.maxItems));
  switch (field.type) {
    case 'id':
      return v.pipe(parts.string(), v.minLength(1), v.maxLength(field.maxLength ?? 200));
    case 'text':
      return text();
    case 'email':
    case 'phone':
    case 'tags':
      return list(text());
    case 'identities':
      return list(parts.identity);
    case 'notes':
      return list(parts.note);
    case 'custom':
      return v.record(v.string(), v.unknown());
    case 'boolean':
      return v.boolean();
    case 'datetime':
      return v.pipe(v.string(), v.isoTimestamp());
  }
}

const FIELDS = CONTACT_FIELDS as readonly ContactFieldSpec[];

/** The draft, patch and contact schemas, from the definition. */
export function contactSchemas(parts: ContactSchemaParts = PLAIN_PARTS): ContactSchemas {
  const writable = Object.fromEntries(
    FIELDS.filter((f) => !f.readOnly).map((f) => [fieldProperty(f), v.optional(fieldSchema(f, parts))]),
  );
  const storeSet = Object.fromEntries(FIELDS.filter((f) => f.readOnly).map((f) => [fieldProperty(f), fieldSchema(f, parts)]));
  // The entries are built from data, so valibot cannot infer the output: it is the domain type by construction.
  const draft = v.strictObject(writable) as unknown as v.GenericSchema<unknown, ContactDraft>;
  return {
    DraftSchema: draft,
    PatchSchema: draft as v.GenericSchema<unknown, ContactPatch>,
    ContactSchema: v.strictObject({ ...writable, ...storeSet }) as unknown as v.GenericSchema<unknown, Contact>,
  };
}

// ---- OpenAPI ---------------------------------------------------------------------

type JsonSchema = Record<string, unknown>;

const IDENTITY_REF = { $ref: '#/components/schemas/Identity' };
const NOTE_REF = { $ref: '#/components/schemas/Note' };

/** One field as an OpenAPI schema; `limits` adds the definition's maxima (draft and patch carry them). */
function fieldJsonSchema(field: ContactFieldSpec, limits: boolean): JsonSchema {
  const max = (schema: JsonSchema, key: 'maxLength' | 'maxItems', value?: number) =>
    limits && value !== undefined ? { ...schema, [key]: value } : schema;
  const text = max({ type: 'string' }, 'maxLength', field.maxLength);
  const list = (items: JsonSchema) => ({ ...max({ type: 'array' }, 'maxItems', field.maxItems), items });
  switch (field.type) {
    case 'id':
      return { type: 'string' };
    case 'text':
      // The suggested values (the lead stages): other values are accepted, so they are examples, not an enum.
      return field.options ? { ...text, examples: [...field.options] } : text;
    case 'email':
    case 'phone':
    case 'tags':
      return list(text);
    case 'identities':
      return list(IDENTITY_REF);
    case 'notes':
      return list(NOTE_REF);
    case 'custom':
      return { type: 'object', additionalProperties: true };
    case 'boolean':
      return { type: 'boolean' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
  }
}

/**
 * The `Contact`, `ContactDraft` and `ContactPatch` schemas of docs/openapi.yaml
 * as the definition makes them (compared with the file by the contact-schema test).
 */
export function contactOpenApiSchemas(): Record<'Contact' | 'ContactDraft' | 'ContactPatch', JsonSchema> {
  const properties = (fields: readonly ContactFieldSpec[], limits: boolean) =>
    Object.fromEntries(fields.map((f) => [fieldProperty(f), fieldJsonSchema(f, limits)]));
  return {
    Contact: {
      type: 'object',
      required: FIELDS.filter((f) => !f.optional).map(fieldProperty),
      properties: properties(FIELDS, false),
    },
    ContactDraft: {
      type: 'object',
      description: 'Any `Contact` member but `id`, `createdAt`, `updatedAt`; missing lists default to empty.',
      additionalProperties: false,
      properties: properties(
        FIELDS.filter((f) => !f.readOnly),
        true,
      ),
    },
    ContactPatch: { $ref: '#/components/schemas/ContactDraft' },
  };
}
