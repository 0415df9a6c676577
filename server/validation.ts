/**
 * Input validation (valibot): bodies, path and query parameters. A failure
 * becomes one `invalid` problem listing every bad member with a JSON Pointer,
 * so a form can mark the fields.
 */
import * as v from 'valibot';
import { FILTER_OPS } from '../src/core/filters/index.js';
import { CHANNELS, IDENTITY_KINDS } from '../src/core/types.js';
import { contactSchemas } from './contact-schema.js';
import { UNCLEAN_TEXT, isCleanText } from './input-guard.js';
import { HttpProblem } from './problems.js';
import type { FieldError } from './problems.js';

/** A string PostgreSQL can store (no NUL, no lone surrogate): every string parameter is one. */
const clean = () => v.pipe(v.string(), v.check(isCleanText, UNCLEAN_TEXT));
const text = (max: number) => v.pipe(clean(), v.maxLength(max));

export const IdentitySchema = v.strictObject({
  kind: v.picklist(IDENTITY_KINDS),
  value: v.pipe(clean(), v.trim(), v.minLength(1), v.maxLength(320)),
});

const NoteSchema = v.object({
  id: text(200),
  text: text(20_000),
  author: v.optional(text(200)),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
});

/**
 * Contact, draft and patch, from the definition of a contact's fields (server/contact-schema.ts):
 * every Contact member but id and the dates; unknown members are refused, not silently dropped.
 */
const contact = contactSchemas({ string: clean, identity: IdentitySchema, note: NoteSchema });
export const DraftSchema = contact.DraftSchema;
export const PatchSchema = contact.PatchSchema;

const region = v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{2}$/, 'Expected an ISO 3166 two-letter region.')));
const optionalText = (max: number) => v.optional(text(max));
const integer = (min: number, max: number, fallback: number) =>
  v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/, 'Expected a whole number.'), v.transform(Number), v.minValue(min), v.maxValue(max)),
    String(fallback),
  );

// Query parameters are strict like bodies: an unknown one is a 400 naming it, not silently ignored.
export const ResolveQuery = v.strictObject({
  contactId: optionalText(200),
  clientId: optionalText(320),
  channel: v.picklist(CHANNELS, `Expected one of: ${CHANNELS.join(', ')}.`),
  campaign: optionalText(200),
  defaultRegion: region,
});

export const SearchQuery = v.strictObject({
  q: v.optional(text(200), ''),
  limit: integer(1, 100, 20),
  offset: integer(0, 1_000_000, 0),
});

export const IdentityQuery = v.strictObject({ kind: v.picklist(IDENTITY_KINDS), value: v.pipe(clean(), v.minLength(1), v.maxLength(320)) });
export const RegionQuery = v.strictObject({ defaultRegion: region });
export const ContactIdParam = v.pipe(clean(), v.minLength(1), v.maxLength(200));
export const IdempotencyKey = v.optional(v.pipe(clean(), v.minLength(1), v.maxLength(200)));

/**
 * The parsed value, or an `invalid` problem naming each bad member: `/json/pointer` in a body,
 * `?name` for a query parameter, `:name` for a path parameter, the header's name. `name` names a
 * single value (a path parameter, a header).
 */
export function parse<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' | 'header' | 'path',
  name?: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const errors: FieldError[] = result.issues.map((issue) => {
    const path = [...(name ? [name] : []), ...(issue.path ?? []).map((item) => String(item.key))];
    const pointer =
      where === 'body'
        ? path.map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
        : `${where === 'query' ? '?' : where === 'header' ? '' : ':'}${path.join('.')}`;
    return { pointer, detail: issue.message };
  });
  throw new HttpProblem('invalid', (m) => `${m.invalidRequest} ${errors.map((e) => `${e.pointer}: ${e.detail}`).join('; ')}`, {
    errors,
  });
}

// ---- contact management (server/admin-routes.ts) ------------------------------

/** Ids per request: a bigger batch is sent as several requests by the client. */
export const MAX_BATCH = 1000;
const ids = (max: number) => v.pipe(v.array(ContactIdParam), v.maxLength(max));

const FilterSchema = v.strictObject({
  match: v.picklist(['all', 'any', 'expression']),
  conditions: v.pipe(
    v.array(v.strictObject({ field: text(200), op: v.picklist(FILTER_OPS), value: v.optional(text(2_000)) })),
    v.maxLength(100),
  ),
  expression: v.optional(text(2_000)),
});

export const QueryBody = v.strictObject({
  filter: FilterSchema,
  query: v.optional(text(200), ''),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000)), 50),
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
});

export const QueryIdsBody = v.strictObject({ filter: FilterSchema, query: v.optional(text(200), '') });
export const IdsBody = v.strictObject({ ids: ids(MAX_BATCH) });

const ContactSchema = contact.ContactSchema;

export const MergeBody = v.strictObject({ result: ContactSchema, removedIds: ids(24) });

const PatchItem = v.strictObject({ id: ContactIdParam, patch: DraftSchema });
export const BulkBody = v.strictObject({ patches: v.pipe(v.array(PatchItem), v.maxLength(MAX_BATCH)) });

export const ImportBody = v.strictObject({
  creates: v.pipe(v.array(v.object({ draft: DraftSchema })), v.maxLength(MAX_BATCH)),
  updates: v.pipe(v.array(v.object({ id: ContactIdParam, patch: DraftSchema })), v.maxLength(MAX_BATCH)),
});

export const ViewBody = v.strictObject({
  id: v.optional(ContactIdParam),
  name: text(200),
  filter: FilterSchema,
  public: v.boolean(),
  owner: v.optional(text(200)),
});

export const OwnerQuery = v.strictObject({ owner: v.optional(text(200)) });
export const NoteBody = v.strictObject({ text: text(20_000), author: v.optional(text(200)) });
