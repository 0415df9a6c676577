/**
 * Reading a CSV file into rows with Papa Parse, in chunks that yield to the
 * host between them, so a 100k-row file never freezes the page. Papa Parse
 * handles the hard parts (quoted commas and newlines, escaped quotes, BOM,
 * the `;` delimiter of Spanish and Portuguese spreadsheet exports).
 */
import Papa from 'papaparse';
import { throwIfAborted } from '../errors.js';

/** One record of the file. `row` is its number as a spreadsheet shows it (the header is row 1). */
export interface CsvRow {
  row: number;
  cells: string[];
}

/** Why a row of the file cannot be used; the UI localizes these codes. */
export type CsvRowProblem = 'malformed-quotes' | 'too-many-columns';

export interface CsvProblem {
  row: number;
  reason: CsvRowProblem;
}

export interface CsvTable {
  headers: string[];
  /** Data rows, blank lines left out. */
  rows: CsvRow[];
  /** Rows that could not be read, with the reason. */
  problems: CsvProblem[];
  /** The delimiter Papa Parse detected. */
  delimiter: string;
}

export interface Progress {
  phase: 'read' | 'plan';
  done: number;
  total: number;
}

export interface ChunkOptions {
  /** Called between chunks so the host can paint and handle input; defaults to a macrotask. */
  yieldToHost?: () => Promise<void>;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

export const defaultYield = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/** Parses CSV text: headers from the first non-blank record, then every data row. */
export async function readCsv(text: string, options: ChunkOptions & { chunkBytes?: number } = {}): Promise<CsvTable> {
  const { yieldToHost = defaultYield, onProgress, signal, chunkBytes = 64 * 1024 } = options;
  throwIfAborted(signal);
  const records: string[][] = [];
  const badRecords = new Map<number, CsvRowProblem>();
  // Detect the delimiter on a sample with blank lines skipped: Papa Parse's guess counts a
  // blank line as a one-column row and then wrongly falls back to ','.
  const delimiter =
    Papa.parse<string[]>(text.slice(0, 64 * 1024), { preview: 20, skipEmptyLines: 'greedy' }).meta.delimiter || ',';
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(text, {
      delimiter,
      chunkSize: chunkBytes,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        const base = records.length;
        for (const row of results.data) records.push(row);
        for (const error of results.errors) {
          // A single column has no delimiter to detect; that is not a problem of any row.
          if (error.type === 'Quotes' && error.row !== undefined) badRecords.set(base + error.row, 'malformed-quotes');
        }
        onProgress?.({ phase: 'read', done: Math.min(results.meta.cursor, text.length), total: text.length });
        parser.pause();
        // Papa Parse calls complete() on abort, so an aborted read settles and throws below.
        yieldToHost().then(() => (signal?.aborted ? parser.abort() : parser.resume()), reject);
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    });
  });
  throwIfAborted(signal);

  const first = records.findIndex((cells) => !isBlank(cells));
  const headers = first < 0 ? [] : records[first].map((h) => h.trim());
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  for (let i = first + 1; first >= 0 && i < records.length; i++) {
    const cells = records[i];
    const row = i + 1;
    const bad = badRecords.get(i);
    if (bad) problems.push({ row, reason: bad });
    else if (isBlank(cells)) continue;
    // Trailing empty cells (a common spreadsheet export artefact) are harmless.
    else if (cells.length > headers.length && !isBlank(cells.slice(headers.length))) {
      problems.push({ row, reason: 'too-many-columns' });
    } else rows.push({ row, cells });
  }
  return { headers, rows, problems, delimiter };
}
