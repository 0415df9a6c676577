/**
 * The CSV import's planning, off the main thread: `planImport` (reading
 * every cell, normalizing phones, matching rows to each other) runs here, so
 * 100,000 rows never hold the page. The existing contacts live with the page
 * (its source, its `contacts`): for each chunk of rows the worker asks the
 * page (`lookup`) and waits for its answer (`found`). The table and the
 * plan cache stay here between plans, so a changed choice plans again
 * without reading a cell. Protocol: import-plan-client.ts.
 */
import { createPlanCache, planImport, type CsvTable, type ImportPlanCache } from '../../core/import/index.js';
import type { Contact, Identity } from '../../core/types.js';
import type { FromWorker, ToWorker } from './import-plan-client.js';

const scope = self as unknown as {
  postMessage: (message: FromWorker) => void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

let table: CsvTable | undefined;
let cache: ImportPlanCache = createPlanCache();
const aborts = new Map<number, AbortController>();
/** Lookups the page has not answered yet: the plan they belong to, and how to go on. */
const waiting = new Map<number, { id: number; resolve: (found: (Contact | undefined)[]) => void }>();
let lookups = 0;

async function plan(message: Extract<ToWorker, { type: 'plan' }>): Promise<void> {
  if (message.table) {
    table = message.table;
    cache = createPlanCache();
  }
  const abort = new AbortController();
  aborts.set(message.id, abort);
  try {
    const { choices, ...options } = message.options;
    const result = await planImport(table!, {
      ...options,
      choices: new Map(choices),
      cache,
      signal: abort.signal,
      findExisting: () => undefined,
      findExistingBatch: (rows: Identity[][]) =>
        new Promise((resolve) => {
          const lookup = ++lookups;
          waiting.set(lookup, { id: message.id, resolve });
          scope.postMessage({ type: 'lookup', id: message.id, lookup, rows });
        }),
      onProgress: (progress) => scope.postMessage({ type: 'progress', id: message.id, progress }),
    });
    scope.postMessage({ type: 'done', id: message.id, plan: result });
  } catch (error) {
    scope.postMessage({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error), aborted: abort.signal.aborted });
  } finally {
    aborts.delete(message.id);
  }
}

scope.onmessage = ({ data }) => {
  if (data.type === 'plan') void plan(data);
  else if (data.type === 'found') {
    waiting.get(data.lookup)?.resolve(data.found);
    waiting.delete(data.lookup);
  } else if (data.type === 'abort') {
    aborts.get(data.id)?.abort();
    // A lookup the page will never answer (it failed, or the plan was dropped) lets the plan end.
    for (const [lookup, entry] of waiting) {
      if (entry.id !== data.id) continue;
      waiting.delete(lookup);
      entry.resolve([]);
    }
  }
};
