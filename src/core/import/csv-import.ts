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

/** What a row of the file does: create a contact, update one, or nothing. */
export type ImportOutcome = 'create' | 'update' | 'skip';

/**
 * Why a row has its outcome; the UI localizes these codes.
 * - `new`: no contact has the row's phones or emails (create);
 * - `no-identity`: the row has no phone or email to match on (create);
 * - `matched`: an existing contact has one of them (update, or skip when the
 *   user chose to skip existing contacts: then the reason is `exists`);
 * - `same-as-row`: an earlier row of the file creates or updates the same
 *   person; this row adds to it (update mode);
 * - `unchanged`: it matches an existing contact it would not change (skip);
 * - the skip reasons of `ImportSkipReason`.
 */
export type ImportRowReason = 'new' | 'no-identity' | 'matched' | 'same-as-row' | 'unchanged' | ImportSkipReason;

/** The existing contact a row matched, and by which of the row's identities. */
export interface ImportMatch {
  id: string;
  /** What the user knows the contact by: its name, else its first phone or email, else its id. */
  name: string;
  by: Identity;
}

/** One row of the preview: its outcome, why, and what it matched. */
export interface ImportRow {
  row: number;
  outcome: ImportOutcome;
  reason: ImportRowReason;
  /** The offending cell, the column header, or the earlier row number. */
  detail?: string;
  /** The existing contact the row matched (`matched`, `exists`, `unchanged`, or `same-as-row` via an existing contact). */
  match?: ImportMatch;
  /** The row matches an existing contact: its "update or skip" is the user's choice. */
  choosable?: boolean;
}

export interface ImportCounts {
  create: number;
  update: number;
  skip: number;
}

export interface ImportPlan {
  creates: { row: number; draft: ContactDraft }[];
  /** One patch per existing contact, however many rows touched it. */
  updates: { rows: number[]; id: string; patch: ContactPatch }[];
  report: ImportReport;
  /** Every row of the file (read problems included), in file order: the preview. */
  rows: ImportRow[];
  /** Rows per outcome. */
  counts: ImportCounts;
}

/** A row's choice when it matches an existing contact. */
export type ImportMode = 'update' | 'skip';

export interface ImportOptions extends ChunkOptions, NormalizeOptions {
  /** One target per column, e.g. from `suggestMapping` after the user's changes. */
  mapping: readonly ImportTarget[];
  /** What a row matching an existing contact (or an earlier row) does; `skip` leaves existing contacts untouched. */
  mode: ImportMode;
  /** Per-row exceptions to `mode`, by row number. */
  choices?: ReadonlyMap<number, ImportMode>;
  /** The existing contact with any of these identities (the source's identity index). */
  findExisting: (identities: Identity[]) => Contact | undefined | Promise<Contact | undefined>;
  /**
   * The same question for a chunk of rows at once (each row's identities →
   * its existing contact, in order): a remote source answers a chunk in one
   * request instead of one per row. When given, `findExisting` is not asked.
   */
  findExistingBatch?: (rows: Identity[][]) => Promise<(Contact | undefined)[]>;
  customFields?: readonly FieldDef[];
  /** Rows per chunk: progress is reported and the host yielded to after each (default 500). */
  chunkRows?: number;
  /**
   * What earlier plans of the same table and mapping read and looked up
   * (`createPlanCache()`): planning again for another mode or row choice
   * then parses no cell and asks the source nothing again.
   */
  cache?: ImportPlanCache;
  /** Longest stretch of work, in ms, before yielding to the host inside a chunk too (default 12). */
  sliceMs?: number;
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

/** Per row (index in the table): its read result and the existing contact found for it. */
export interface ImportPlanCache {
  /** The table and mapping the cached reads are for; another one clears them. */
  table?: CsvTable;
  key?: string;
  reads: Map<number, RowResult>;
  found: Map<number, Contact | undefined>;
}

/** A cache for planning one table several times (another mode, other row choices). */
export function createPlanCache(): ImportPlanCache {
  return { reads: new Map(), found: new Map() };
}

/** Merges two lists already in row order. */
function mergeByRow<T extends { row: number }>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].row <= b[j].row)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

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
type Target =
  | { kind: 'create'; index: number; row: number }
  | { kind: 'existing'; contact: Contact; match: ImportMatch; row: number };

/** What the user knows a contact by. */
function contactName(contact: Contact): string {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ').trim();
  return name || contact.phones[0] || contact.emails[0] || contact.id;
}

/** The row identity through which `contact` was found (the first whose equivalent form it has). */
function matchOf(contact: Contact, identities: readonly Identity[]): ImportMatch {
  const own = new Set(contact.identities.map(identityKey));
  for (const email of contact.emails) own.add(`email:${email.trim().toLowerCase()}`);
  const by =
    identities.find((identity) => equivalentForms(identity).some((form) => own.has(identityKey(form.identity)))) ?? identities[0];
  return { id: contact.id, name: contactName(contact), by };
}

/**
 * Plans an import of parsed rows. Parse problems become skipped rows; each
 * row is normalized, matched by identity against earlier rows and then
 * existing contacts, and turned into a draft or a patch per `mode` (and the
 * row's entry in `choices`). In `skip` mode no existing contact is patched.
 * Every row gets its outcome and reason in `rows`, for the preview.
 */
export async function planImport(table: CsvTable, options: ImportOptions): Promise<ImportPlan> {
  const { yieldToHost = defaultYield, onProgress, signal, chunkRows = 500, sliceMs = 12, mode, choices } = options;
  const customByKey = new Map((options.customFields ?? []).map((f) => [f.key, f]));
  const creates: ImportPlan['creates'] = [];
  const updates = new Map<string, { rows: ImportRow[]; contact: Contact; next: ContactDraft }>();
  const byIdentity = new Map<string, Target>();
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, skipped: [] };
  // Rows in file order; the read problems (also in order) are merged in at the end.
  const skipped: ImportSkip[] = [];
  const rows: ImportRow[] = [];
  const cache = options.cache ?? createPlanCache();
  const cacheKey = JSON.stringify([options.mapping, options.defaultRegion ?? '', (options.customFields ?? []).map((f) => f.key)]);
  if (cache.key !== cacheKey || cache.table !== table) {
    cache.key = cacheKey;
    cache.table = table;
    cache.reads.clear();
    cache.found.clear();
  }

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
  const skip = (entry: ImportRow) => {
    rows.push(entry);
    skipped.push({ row: entry.row, reason: entry.reason as ImportSkipReason, ...(entry.detail ? { detail: entry.detail } : {}) });
  };
  /** The row adds to the patch of an existing contact. */
  const update = (entry: ImportRow, contact: Contact, data: RowData) => {
    const pending = updates.get(contact.id) ?? { rows: [], contact, next: { ...contact } };
    pending.next = applyRow(pending.next, data);
    pending.rows.push(entry);
    updates.set(contact.id, pending);
    rows.push(entry);
  };

  const total = table.rows.length;
  // A chunk of slow rows (phone parsing) can outlast a frame: yield on time as well as on count.
  let sliceStart = Date.now();
  for (let start = 0; start < total; start += chunkRows) {
    throwIfAborted(signal);
    const end = Math.min(start + chunkRows, total);
    if (options.findExistingBatch) {
      // Read the chunk's rows first and look their identities up in one call.
      const wanted: number[] = [];
      const lists: Identity[][] = [];
      for (let i = start; i < end; i++) {
        if (i % 32 === 31 && Date.now() - sliceStart > sliceMs) {
          await yieldToHost();
          throwIfAborted(signal);
          sliceStart = Date.now();
        }
        if (cache.found.has(i)) continue;
        let read = cache.reads.get(i);
        if (!read) {
          read = readRow(table.rows[i].cells, table.headers, options, customByKey);
          cache.reads.set(i, read);
        }
        if (read.ok && read.data.identities.length) {
          wanted.push(i);
          lists.push(read.data.identities);
        }
      }
      if (lists.length) {
        const found = await options.findExistingBatch(lists);
        throwIfAborted(signal);
        wanted.forEach((i, k) => cache.found.set(i, found[k]));
        sliceStart = Date.now();
      }
    }
    for (let i = start; i < end; i++) {
      if (i % 32 === 31 && Date.now() - sliceStart > sliceMs) {
        await yieldToHost();
        throwIfAborted(signal);
        sliceStart = Date.now();
      }
      const { row, cells } = table.rows[i];
      let read = cache.reads.get(i);
      if (!read) {
        read = readRow(cells, table.headers, options, customByKey);
        cache.reads.set(i, read);
      }
      if (!read.ok) {
        skip({ row, outcome: 'skip', ...read.skip });
        continue;
      }
      const { data } = read;
      const rowMode = choices?.get(row) ?? mode;
      const previous = earlier(data.identities);
      if (previous?.kind === 'create') {
        if (rowMode === 'skip') {
          skip({ row, outcome: 'skip', reason: 'duplicate-in-file', detail: String(previous.row) });
        } else {
          creates[previous.index].draft = applyRow(creates[previous.index].draft, data);
          remember(data.identities, previous);
          rows.push({ row, outcome: 'update', reason: 'same-as-row', detail: String(previous.row) });
          report.updated++;
        }
        continue;
      }
      let existing: Contact | undefined;
      let match: ImportMatch | undefined;
      if (previous) {
        existing = previous.contact;
        match = previous.match;
      } else if (data.identities.length) {
        if (cache.found.has(i)) existing = cache.found.get(i);
        else {
          const found = options.findExisting(data.identities);
          existing = found instanceof Promise ? await found : found;
          cache.found.set(i, existing);
        }
        if (existing) match = matchOf(existing, data.identities);
      }
      if (existing && match) {
        remember(data.identities, previous ?? { kind: 'existing', contact: existing, match, row });
        if (rowMode === 'skip') {
          rows.push({ row, outcome: 'skip', reason: 'exists', match, choosable: true });
          skipped.push({ row, reason: 'exists', detail: existing.id });
        } else {
          update({ row, outcome: 'update', reason: 'matched', match, choosable: true }, existing, data);
        }
        continue;
      }
      creates.push({ row, draft: toDraft(data) });
      report.created++;
      rows.push({ row, outcome: 'create', reason: data.identities.length ? 'new' : 'no-identity' });
      remember(data.identities, { kind: 'create', index: creates.length - 1, row });
    }
    onProgress?.({ phase: 'plan', done: end, total });
    if (end < total) {
      await yieldToHost();
      sliceStart = Date.now();
    }
  }

  const patches: ImportPlan['updates'] = [];
  for (const { rows: touching, contact, next } of updates.values()) {
    const patch = diff(contact, next);
    const numbers = touching.map((entry) => entry.row);
    if (Object.keys(patch).length) {
      patches.push({ rows: numbers, id: contact.id, patch });
      report.updated += touching.length;
    } else {
      // Nothing to change: these rows write nothing.
      for (const entry of touching) Object.assign(entry, { outcome: 'skip', reason: 'unchanged' });
      report.unchanged += touching.length;
    }
  }
  report.skipped = mergeByRow(
    table.problems.map((p): ImportSkip => ({ row: p.row, reason: p.reason })),
    skipped,
  );
  const all = mergeByRow(
    table.problems.map((p): ImportRow => ({ row: p.row, outcome: 'skip', reason: p.reason })),
    rows,
  );
  const counts: ImportCounts = { create: 0, update: 0, skip: 0 };
  for (const entry of all) counts[entry.outcome]++;
  return { creates, updates: patches, report, rows: all, counts };
}

/** Reads CSV text and plans its import in one go (both phases report progress and yield). */
export async function importCsv(text: string, options: ImportOptions): Promise<ImportPlan & { table: CsvTable }> {
  const table = await readCsv(text, options);
  return { ...(await planImport(table, options)), table };
}
