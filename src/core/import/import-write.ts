/**
 * Writing a planned import in batches, and its report: the plan is split
 * into batches of rows (hundreds each: one request or one transaction per
 * batch) so the UI can show progress and stop between batches, and every row
 * ends with a status the downloadable report (CSV) gives beside its outcome
 * and reason.
 */
import Papa from 'papaparse';
import type { ImportOutcome, ImportPlan, ImportRow } from './csv-import.js';

/** Rows per batch by default: one request (REST) or one transaction (embedded source) each. */
export const IMPORT_BATCH_ROWS = 500;

/** Part of a plan written at once, and the file rows it covers. */
export interface ImportBatch extends Pick<ImportPlan, 'creates' | 'updates'> {
  /** The file rows this batch writes (an update may carry several). */
  rows: number[];
}

/**
 * Splits the plan's writes into batches of at most `size` contacts, creates
 * first then updates, in plan order. A batch never splits one contact's
 * update, so each batch stands on its own.
 */
export function splitImport(plan: Pick<ImportPlan, 'creates' | 'updates'>, size = IMPORT_BATCH_ROWS): ImportBatch[] {
  const limit = Math.max(1, Math.floor(size));
  const batches: ImportBatch[] = [];
  let current: ImportBatch = { creates: [], updates: [], rows: [] };
  const room = () => {
    if (current.creates.length + current.updates.length < limit) return;
    batches.push(current);
    current = { creates: [], updates: [], rows: [] };
  };
  for (const create of plan.creates) {
    room();
    current.creates.push(create);
    current.rows.push(create.row);
  }
  for (const update of plan.updates) {
    room();
    current.updates.push(update);
    current.rows.push(...update.rows);
  }
  if (current.creates.length + current.updates.length) batches.push(current);
  return batches;
}

/**
 * Where a row stands after writing: `written`, `failed` (its batch was
 * refused or never answered), `not-written` (the import stopped before its
 * batch: cancelled, or an earlier batch failed), `planned` (nothing written
 * yet: the preview's report); a skipped row has no status.
 */
export type ImportRowStatus = 'planned' | 'written' | 'failed' | 'not-written';

/** The status of each row that writes something, from the batches' fates. */
export function rowStatuses(
  batches: readonly ImportBatch[],
  written: number,
  failedBatch?: number,
): Map<number, ImportRowStatus> {
  const status = new Map<number, ImportRowStatus>();
  batches.forEach((batch, index) => {
    const value: ImportRowStatus = index < written ? 'written' : index === failedBatch ? 'failed' : 'not-written';
    for (const row of batch.rows) status.set(row, value);
  });
  return status;
}

/** How the report names things, in the user's language. */
export interface ImportReportText {
  /** Row, Outcome, Result, Reason, Contact. */
  headers: readonly [string, string, string, string, string];
  outcome: (outcome: ImportOutcome) => string;
  status: (status: ImportRowStatus | undefined) => string;
  reason: (row: ImportRow) => string;
}

/**
 * The report as CSV text: one line per row of the file with its outcome,
 * what happened to it and why. Cells a spreadsheet would run as a formula
 * are escaped (the file comes from outside).
 */
export function importReportCsv(
  rows: readonly ImportRow[],
  statuses: ReadonlyMap<number, ImportRowStatus>,
  text: ImportReportText,
  extra: readonly string[][] = [],
): string {
  const data = rows.map((entry) => [
    String(entry.row),
    text.outcome(entry.outcome),
    text.status(entry.outcome === 'skip' ? undefined : statuses.get(entry.row) ?? 'planned'),
    text.reason(entry),
    entry.match ? `${entry.match.name} (${entry.match.id})` : '',
  ]);
  return Papa.unparse({ fields: [...text.headers], data: [...data, ...extra] }, { escapeFormulae: true, newline: '\r\n' });
}
