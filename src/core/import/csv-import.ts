/**
 * Contact import from CSV: column mapping (suggested from header names in
 * English, Spanish and Portuguese), normalization of phones and emails,
 * de-duplication by identity against the file itself and the existing
 * contacts, and a report of what was created, updated or skipped and why.
 *
 * Pure planning: it returns drafts and patches for the source to write. Work
 * runs in chunks with a progress callback and yields to the host between
 * them, so 100k rows never freeze the page.
 */
import { throwIfAborted } from '../errors.js';
import { defaultYield, readCsv, type ChunkOptions, type CsvProblem, type CsvTable } from './csv-read.js';
import { foldForMatch } from '../filters/index.js';
import { equivalentForms, identityKey, normalizeIdentity, type NormalizeOptions } from '../identity/index.js';
import type { Contact, ContactDraft, ContactPatch, FieldDef, Identity } from '../types.js';
import {
  CONTACT_FIELDS,
  contactFieldKeys,
  fieldProperty,
  type ContactFieldSpec,
  type ImportableFieldKey,
} from '../contacts/index.js';

export * from './csv-read.js';

/** What a CSV column feeds: nothing, an importable system field of the contact definition, or a custom field. */
export type ImportTarget = 'ignore' | ImportableFieldKey | `custom.${string}`;

/** The system fields a column may be mapped to (`importable` in the contact definition), in its order. */
export const IMPORT_SYSTEM_TARGETS: readonly ImportableFieldKey[] = /* @__PURE__ */ contactFieldKeys('importable');

/** Targets several columns may feed (Phone + Mobile, Email + Work email); the others take one column. */
export const MULTI_COLUMN_TARGETS: readonly ImportTarget[] = /* @__PURE__ */ contactFieldKeys('importMultiColumn');

/**
 * The header names (English, Spanish, Portuguese; folded: lower case, no
 * accents, punctuation as single spaces) that suggest each importable field
 * of the contact definition; typed so that every importable field has them.
 */
export const IMPORT_HEADER_NAMES: { readonly [K in ImportableFieldKey]: readonly string[] } = {
  firstName: ['first name', 'firstname', 'given name', 'name', 'forename', 'nombre', 'nombres', 'primer nombre', 'nome', 'primeiro nome', 'prenome'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'apellido', 'apellidos', 'sobrenome', 'ultimo nome', 'apelido'],
  email: ['email', 'e mail', 'mail', 'email address', 'e mail address', 'correo', 'correo electronico', 'endereco de email', 'endereco de e mail'],
  phone: ['phone', 'phone number', 'telephone', 'tel', 'mobile', 'mobile phone', 'cell', 'cell phone', 'cellphone', 'whatsapp', 'telefono', 'numero de telefono', 'celular', 'movil', 'telefone', 'numero de telefone', 'telemovel', 'fone'],
  tags: ['tags', 'tag', 'labels', 'etiquetas', 'etiqueta', 'marcadores'],
  leadStage: ['lead stage', 'stage', 'etapa', 'estagio', 'fase'],
  owner: ['owner', 'assigned to', 'agent', 'propietario', 'responsable', 'agente', 'dono', 'proprietario', 'responsavel'],
};

/** `E-mail` → `e mail`, `Teléfono:` → `telefono`: folded, punctuation as single spaces. */
function headerKey(text: string): string {
  return foldForMatch(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Suggests a target per column from its header: custom fields by key or
 * label first, then the known names. A single-use target goes to the first
 * column that claims it; anything unknown is `ignore`.
 */
export function suggestMapping(headers: readonly string[], customFields: readonly FieldDef[] = []): ImportTarget[] {
  const known = new Map<string, ImportTarget>();
  for (const target of IMPORT_SYSTEM_TARGETS) {
    for (const name of IMPORT_HEADER_NAMES[target]) known.set(name, target);
  }
  for (const field of customFields) {
    known.set(headerKey(field.key), `custom.${field.key}`);
    known.set(headerKey(field.label), `custom.${field.key}`);
  }
  const used = new Set<ImportTarget>();
  return headers.map((header) => {
    const target = known.get(headerKey(header)) ?? 'ignore';
    if (target === 'ignore' || MULTI_COLUMN_TARGETS.includes(target)) return target;
    if (used.has(target)) return 'ignore';
    used.add(target);
    return target;
  });
}

/** Why a row was skipped; the UI localizes these codes. */
export type ImportSkipReason =
  | CsvProblem['reason']
  | 'no-data'
  | 'invalid-phone'
  | 'invalid-email'
  | 'invalid-value'
  | 'duplicate-in-file'
  | 'exists';

export interface ImportSkip {
  row: number;
  reason: ImportSkipReason;
  /** The offending cell, the column header, the earlier row number or the existing contact id. */
  detail?: string;
}

export interface ImportReport {
  /** Rows that create a new contact. */
  created: number;
  /** Rows that change an existing contact, or (mode `update`) a contact an earlier row creates. */
  updated: number;
  /** Rows matching an existing contact they would not change. */
  unchanged: number;
  skipped: ImportSkip[];
}

export interface ImportPlan {
  creates: { row: number; draft: ContactDraft }[];
  /** One patch per existing contact, however many rows touched it. */
  updates: { rows: number[]; id: string; patch: ContactPatch }[];
  report: ImportReport;
}

export interface ImportOptions extends ChunkOptions, NormalizeOptions {
  /** One target per column, e.g. from `suggestMapping` after the user's changes. */
  mapping: readonly ImportTarget[];
  /** What a row matching an existing contact does. */
  mode: 'update' | 'skip';
  /** The existing contact with any of these identities (the source's identity index). */
  findExisting: (identities: Identity[]) => Contact | undefined | Promise<Contact | undefined>;
  customFields?: readonly FieldDef[];
  /** Rows per chunk between yields (default 500). */
  chunkRows?: number;
}

/** Importable fields holding one text; the list fields (phone, email, tags) are read apart. */
type ScalarTarget = Exclude<ImportableFieldKey, 'phone' | 'email' | 'tags'>;

/** The contact data one row carries. */
interface RowData {
  /** The text fields (first and last name, owner, lead stage…), first non-empty cell wins. */
  scalars: Partial<Record<ScalarTarget, string>>;
  phones: string[];
  emails: string[];
  identities: Identity[];
  tags: string[];
  custom: Record<string, unknown>;
}

const LIST_SEPARATOR = /[,;|\n]+/;
const TRUE_WORDS = new Set(['true', 'yes', 'y', 'x', '1', 'si', 'sim', 'verdadero', 'verdadeiro']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'nao', 'falso']);

function customValue(def: FieldDef, text: string): unknown {
  switch (def.type) {
    case 'number': {
      const n = Number(text);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'checkbox': {
      const word = foldForMatch(text);
      return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined;
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)) ? text : undefined;
    case 'datetime': {
      const time = Date.parse(text);
      return Number.isNaN(time) ? undefined : new Date(time).toISOString();
    }
    case 'select':
      return def.options ? def.options.find((o) => foldForMatch(o) === foldForMatch(text)) : text;
    default:
      return text;
  }
}

type RowResult = { ok: true; data: RowData } | { ok: false; skip: Omit<ImportSkip, 'row'> };

function readRow(
  cells: readonly string[],
  headers: readonly string[],
  options: ImportOptions,
  customByKey: ReadonlyMap<string, FieldDef>,
): RowResult {
  const data: RowData = { scalars: {}, phones: [], emails: [], identities: [], tags: [], custom: {} };
  let any = false;
  for (let col = 0; col < options.mapping.length; col++) {
    const target = options.mapping[col];
    const text = (cells[col] ?? '').trim();
    if (target === 'ignore' || !text) continue;
    any = true;
    if (target === 'phone' || target === 'email') {
      for (const raw of text.split(target === 'email' ? /[,;|\s]+/ : LIST_SEPARATOR)) {
        if (!raw.trim()) continue;
        const result = normalizeIdentity(target, raw, options);
        if (!result.ok) return { ok: false, skip: { reason: result.reason === 'invalid-email' ? 'invalid-email' : 'invalid-phone', detail: raw.trim() } };
        (target === 'phone' ? data.phones : data.emails).push(result.identity.value);
        data.identities.push(result.identity);
      }
    } else if (target === 'tags') {
      data.tags.push(...text.split(LIST_SEPARATOR).map((t) => t.trim()).filter(Boolean));
    } else if (target.startsWith('custom.')) {
      const def = customByKey.get(target.slice(7));
      if (!def) continue;
      const value = customValue(def, text);
      if (value === undefined) return { ok: false, skip: { reason: 'invalid-value', detail: headers[col] ?? def.label } };
      data.custom[def.key] = value;
    } else {
      const key = target as keyof RowData['scalars'];
      data.scalars[key] ??= text;
    }
  }
  return any ? { ok: true, data } : { ok: false, skip: { reason: 'no-data' } };
}

function uniteBy<T>(base: readonly T[], extra: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set(base.map(key));
  const out = [...base];
  for (const item of extra) {
    const k = key(item);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}

/** The draft a row creates. */
function toDraft(data: RowData): ContactDraft {
  // A required text member (first, last name) is '' when no cell gave it; an optional one is left out.
  const scalars: Record<string, string> = {};
  for (const field of CONTACT_FIELDS as readonly ContactFieldSpec[]) {
    if (field.type !== 'text' || !field.importable) continue;
    const value = data.scalars[field.key as ScalarTarget];
    if (value || !field.optional) scalars[fieldProperty(field)] = value ?? '';
  }
  return {
    ...scalars,
    phones: uniteBy([], data.phones, (p) => p),
    emails: uniteBy([], data.emails, (e) => e),
    identities: uniteBy([], data.identities, identityKey),
    tags: uniteBy([], data.tags, foldForMatch),
    custom: { ...data.custom },
  };
}

/** Applies a row on top of a contact's (or draft's) current values: cells win, lists are united. */
function applyRow(current: ContactDraft, data: RowData): ContactDraft {
  const next: ContactDraft = { ...current };
  for (const [key, value] of Object.entries(data.scalars)) (next as Record<string, unknown>)[key] = value;
  next.phones = uniteBy(current.phones ?? [], data.phones, (p) => p);
  next.emails = uniteBy(current.emails ?? [], data.emails, (e) => e.toLowerCase());
  next.identities = uniteBy(current.identities ?? [], data.identities, identityKey);
  next.tags = uniteBy(current.tags ?? [], data.tags, foldForMatch);
  next.custom = { ...current.custom, ...data.custom };
  return next;
}

/** Only the keys whose value differs from the contact. */
function diff(contact: Contact, next: ContactDraft): ContactPatch {
  const patch: ContactPatch = {};
  for (const key of Object.keys(next) as (keyof ContactDraft)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(contact[key])) {
      (patch as Record<string, unknown>)[key] = next[key];
    }
  }
  return patch;
}

/** Where rows with a given identity went: a draft of this import, or an existing contact. */
type Target = { kind: 'create'; index: number; row: number } | { kind: 'update'; id: string; row: number };

/**
 * Plans an import of parsed rows. Parse problems become skipped rows; each
 * row is normalized, matched by identity against earlier rows and then
 * existing contacts, and turned into a draft or a patch per `mode`.
 */
export async function planImport(table: CsvTable, options: ImportOptions): Promise<ImportPlan> {
  const { yieldToHost = defaultYield, onProgress, signal, chunkRows = 500, mode } = options;
  const customByKey = new Map((options.customFields ?? []).map((f) => [f.key, f]));
  const creates: ImportPlan['creates'] = [];
  const updates = new Map<string, { rows: number[]; contact: Contact; next: ContactDraft }>();
  const byIdentity = new Map<string, Target>();
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, skipped: [] };
  const skipped: ImportSkip[] = table.problems.map((p) => ({ row: p.row, reason: p.reason }));

  const remember = (identities: Identity[], target: Target) => {
    for (const identity of identities) byIdentity.set(identityKey(identity), target);
  };
  // Equivalent phone forms (e.g. Brazil with and without the 9th digit) are the same person.
  const earlier = (identities: Identity[]): Target | undefined => {
    for (const identity of identities) {
      for (const form of equivalentForms(identity)) {
        const hit = byIdentity.get(identityKey(form.identity));
        if (hit) return hit;
      }
    }
    return undefined;
  };

  const total = table.rows.length;
  for (let start = 0; start < total; start += chunkRows) {
    throwIfAborted(signal);
    const end = Math.min(start + chunkRows, total);
    for (let i = start; i < end; i++) {
      const { row, cells } = table.rows[i];
      const read = readRow(cells, table.headers, options, customByKey);
      if (!read.ok) {
        skipped.push({ row, ...read.skip });
        continue;
      }
      const { data } = read;
      const previous = earlier(data.identities);
      if (previous) {
        if (mode === 'skip') {
          skipped.push(
            previous.kind === 'update'
              ? { row, reason: 'exists', detail: previous.id }
              : { row, reason: 'duplicate-in-file', detail: String(previous.row) },
          );
        } else if (previous.kind === 'create') {
          creates[previous.index].draft = applyRow(creates[previous.index].draft, data);
          remember(data.identities, previous);
          report.updated++;
        } else {
          const pending = updates.get(previous.id)!;
          pending.next = applyRow(pending.next, data);
          pending.rows.push(row);
          remember(data.identities, previous);
        }
        continue;
      }
      const found = data.identities.length ? options.findExisting(data.identities) : undefined;
      const existing = found instanceof Promise ? await found : found;
      if (existing && mode === 'skip') {
        skipped.push({ row, reason: 'exists', detail: existing.id });
        remember(data.identities, { kind: 'update', id: existing.id, row });
      } else if (existing) {
        const pending = updates.get(existing.id) ?? { rows: [], contact: existing, next: { ...existing } };
        pending.next = applyRow(pending.next, data);
        pending.rows.push(row);
        updates.set(existing.id, pending);
        remember(data.identities, { kind: 'update', id: existing.id, row });
      } else {
        creates.push({ row, draft: toDraft(data) });
        report.created++;
        remember(data.identities, { kind: 'create', index: creates.length - 1, row });
      }
    }
    onProgress?.({ phase: 'plan', done: end, total });
    if (end < total) await yieldToHost();
  }

  const patches: ImportPlan['updates'] = [];
  for (const { rows, contact, next } of updates.values()) {
    const patch = diff(contact, next);
    if (Object.keys(patch).length) {
      patches.push({ rows, id: contact.id, patch });
      report.updated += rows.length;
    } else report.unchanged += rows.length;
  }
  report.skipped = skipped.sort((a, b) => a.row - b.row);
  return { creates, updates: patches, report };
}

/** Reads CSV text and plans its import in one go (both phases report progress and yield). */
export async function importCsv(text: string, options: ImportOptions): Promise<ImportPlan & { table: CsvTable }> {
  const table = await readCsv(text, options);
  return { ...(await planImport(table, options)), table };
}
