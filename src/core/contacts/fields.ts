/**
 * The one definition of a contact's system fields: what each `Contact`
 * member is, how it is labelled, what may be done with it (search, filter,
 * show as a column, bulk-set, import, merge) and what a valid value is.
 *
 * Everything else derives from this list: the filter builder's fields
 * (`filters/fields.ts`), the bulk "set a field" choices (`bulk.ts`), the CSV
 * import targets (`import/csv-import.ts`), the merge fields
 * (`merge/merge.ts`), the directory's columns, the label catalogs' keys (typed
 * by `ContactFieldLabelKey`), the server's valibot schemas
 * (`server/contact-schema.ts`) and the OpenAPI `Contact*` schemas (checked by
 * `test/server/contact-openapi.test.mjs`).
 *
 * Plain data on purpose: no labels, no valibot, nothing computed at load, so
 * an element that needs one constant (the lead stages) pays for nothing else.
 */
// No imports: `types.ts` derives `LeadStage` from here, so this file stays a leaf.

/**
 * The lead stages the kit offers, in funnel order. The only place they are
 * spelled outside translations: `LeadStage`, the filter builder's choices,
 * the card's stage labels and the demo data come from here. A contact may
 * still hold another stage (typed by an older system or an import): it is
 * kept and shown as typed.
 */
export const LEAD_STAGES = ['Lead', 'Prospect', 'Customer'] as const;

export type KnownLeadStage = (typeof LEAD_STAGES)[number];

/** The stage of a contact created from an unknown customer during an interaction (seed 004). */
export const NEW_CONTACT_STAGE: KnownLeadStage = 'Lead';

/**
 * What a field holds. `email`, `phone`, `tags`, `identities` and `notes` are
 * lists; `text` a string; `datetime` an ISO timestamp; `custom` the campaign
 * fields (described by `FieldDef`s, not here).
 */
export type ContactValueType =
  | 'id'
  | 'text'
  | 'email'
  | 'phone'
  | 'tags'
  | 'identities'
  | 'notes'
  | 'custom'
  | 'boolean'
  | 'datetime';

/** How a merge decides a field (see `merge/merge.ts`). */
export type MergeRule =
  /** The primary's value, else the first non-empty one, unless the user picks. */
  | 'scalar'
  /** `true` from any contact wins: an opt-out or a block is never lost. */
  | 'flag'
  /** The lists of every contact, united without duplicates. */
  | 'union'
  /** Fixed by the merge itself (the primary's id, the earliest creation). */
  | 'fixed';

export interface ContactFieldSpec {
  /**
   * The field's name in filters, columns, CSV mapping and label catalogs: the
   * `Contact` member, or its singular for a display list (`email` for `emails`).
   */
  readonly key: string;
  /** The `Contact` member holding the value when it is not `key` (`emails` for `email`); see `fieldProperty`. */
  readonly property?: string;
  readonly type: ContactValueType;
  /** Key of the field's name in the label catalogs when it is not `key`; see `fieldLabelKey`. */
  readonly label?: string;
  /** Absent from a stored contact when unset (`leadStage`, `owner`); the others are always there. */
  readonly optional?: boolean;
  /** Set by the store only (id, dates): not in a draft or a patch. */
  readonly readOnly?: boolean;
  /** The longest text, or the longest item of a list. */
  readonly maxLength?: number;
  /** The most items of a list. */
  readonly maxItems?: number;
  /** The values the UI suggests (the field still accepts others). */
  readonly options?: readonly string[];
  /** Found by the quick search box (`search/search.ts`). */
  readonly searchable?: boolean;
  /** Offered by the filter builder. */
  readonly filterable?: boolean;
  /** A column of the directory table. */
  readonly column?: boolean;
  /** Settable by a bulk "set a field" (tags and owner also have their own bulk operations). */
  readonly bulkSettable?: boolean;
  /**
   * A CSV import target. The header names that suggest it are in
   * `import/csv-import.ts` (typed by `ImportableFieldKey`, so each importable
   * field must have them): they are the import's alone, and kept out of here so
   * the directory and details, which load this list up front, do not carry them.
   */
  readonly importable?: boolean;
  /** Several CSV columns may feed it (Phone + Mobile). */
  readonly importMultiColumn?: boolean;
  readonly merge: MergeRule;
}

/**
 * Every system field of a contact, in the order the UI lists them. The
 * limits are the REST server's (a longer value is refused with 400).
 */
export const CONTACT_FIELDS = [
  { key: 'id', type: 'id', readOnly: true, maxLength: 200, merge: 'fixed' },
  {
    key: 'firstName',
    type: 'text',
    maxLength: 200,
    searchable: true,
    filterable: true,
    column: true,
    bulkSettable: true,
    importable: true,
    merge: 'scalar',
  },
  {
    key: 'lastName',
    type: 'text',
    maxLength: 200,
    searchable: true,
    filterable: true,
    column: true,
    bulkSettable: true,
    importable: true,
    merge: 'scalar',
  },
  {
    key: 'email',
    property: 'emails',
    type: 'email',
    maxLength: 320,
    maxItems: 50,
    searchable: true,
    filterable: true,
    column: true,
    importable: true,
    importMultiColumn: true,
    merge: 'union',
  },
  {
    key: 'phone',
    property: 'phones',
    type: 'phone',
    maxLength: 64,
    maxItems: 50,
    searchable: true,
    filterable: true,
    column: true,
    importable: true,
    importMultiColumn: true,
    merge: 'union',
  },
  { key: 'identities', type: 'identities', maxItems: 100, searchable: true, merge: 'union' },
  {
    key: 'tags',
    type: 'tags',
    maxLength: 100,
    maxItems: 100,
    filterable: true,
    column: true,
    importable: true,
    importMultiColumn: true,
    merge: 'union',
  },
  { key: 'notes', type: 'notes', maxItems: 500, merge: 'union' },
  { key: 'custom', type: 'custom', label: 'properties', merge: 'union' },
  { key: 'blocked', type: 'boolean', filterable: true, column: true, bulkSettable: true, merge: 'flag' },
  { key: 'unsubscribed', type: 'boolean', filterable: true, column: true, bulkSettable: true, merge: 'flag' },
  {
    key: 'leadStage',
    type: 'text',
    optional: true,
    maxLength: 100,
    options: LEAD_STAGES,
    filterable: true,
    column: true,
    bulkSettable: true,
    importable: true,
    merge: 'scalar',
  },
  {
    key: 'owner',
    type: 'text',
    optional: true,
    maxLength: 200,
    filterable: true,
    column: true,
    bulkSettable: true,
    importable: true,
    merge: 'scalar',
  },
  { key: 'createdAt', type: 'datetime', readOnly: true, filterable: true, column: true, merge: 'fixed' },
  { key: 'updatedAt', type: 'datetime', readOnly: true, filterable: true, column: true, merge: 'fixed' },
] as const satisfies readonly ContactFieldSpec[];

type Field = (typeof CONTACT_FIELDS)[number];

/** Every system field's name. */
export type ContactFieldKey = Field['key'];
/** The fields whose `flag` is true, e.g. `ContactFieldsWith<'filterable'>`. */
export type ContactFieldsWith<Flag extends keyof ContactFieldSpec> = Extract<Field, { readonly [F in Flag]: true }>;

/** Fields the filter builder offers (also the system keys a filter condition may name). */
export type FilterableFieldKey = ContactFieldsWith<'filterable'>['key'];
/** Fields the directory can show as columns. */
export type ColumnFieldKey = ContactFieldsWith<'column'>['key'];
/** Fields a bulk "set a field" may change. */
export type BulkSettableFieldKey = ContactFieldsWith<'bulkSettable'>['key'];
/** Fields a CSV column may be mapped to. */
export type ImportableFieldKey = ContactFieldsWith<'importable'>['key'];
/** Fields a merge decides per field, by rule. */
export type MergeScalarFieldKey = Extract<Field, { readonly merge: 'scalar' }>['key'];
export type MergeFlagFieldKey = Extract<Field, { readonly merge: 'flag' }>['key'];
/** Writable fields holding one text (first and last name, lead stage, owner): what a properties form edits. */
export type TextFieldKey = Extract<Field, { readonly type: 'text' }>['key'];
/** Keys the label catalogs must have, one per field. */
export type ContactFieldLabelKey = Field extends { readonly label: infer L } ? L : Field['key'];

/** The definition of a system field, by its key. */
export function contactField(key: string): ContactFieldSpec | undefined {
  return (CONTACT_FIELDS as readonly ContactFieldSpec[]).find((field) => field.key === key);
}

/** The `Contact` member a field is stored in. */
export function fieldProperty(field: ContactFieldSpec): string {
  return field.property ?? field.key;
}

/** The key of a field's name in the label catalogs. */
export function fieldLabelKey(field: ContactFieldSpec): string {
  return field.label ?? field.key;
}

/** The writable text fields, in definition order. */
export function textFieldKeys(): TextFieldKey[] {
  return (CONTACT_FIELDS as readonly ContactFieldSpec[]).filter((field) => field.type === 'text' && !field.readOnly).map((field) => field.key) as TextFieldKey[];
}

/** The keys of the fields that have `flag`, in definition order. */
export function contactFieldKeys<Flag extends keyof ContactFieldSpec>(flag: Flag): ContactFieldsWith<Flag>['key'][] {
  return (CONTACT_FIELDS as readonly ContactFieldSpec[]).filter((field) => field[flag]).map((field) => field.key) as ContactFieldsWith<Flag>['key'][];
}
