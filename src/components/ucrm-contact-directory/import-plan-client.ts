/**
 * Plans a CSV import in a Web Worker (import-plan.worker.ts): the page only
 * answers the worker's existence lookups (its source or its `contacts`) and
 * receives the plan. When a worker cannot be made (a Content-Security-Policy
 * without `worker-src`) `create()` gives undefined; when it fails to load or
 * dies the plan fails with `WorkerUnavailable`: the caller plans on the main
 * thread.
 *
 * Not used by the import dialog yet: bench/import-plan.mjs shows that
 * crossing costs more main-thread time than planning in place (the parsed
 * table and the 100k-row plan are structured-cloned, each clone one task
 * that cannot yield; planning in place yields every 12 ms). Worth it once the
 * worker parses the file's text itself and answers a compact plan.
 */
import type { CsvTable, ImportMode, ImportPlan, ImportTarget, Progress } from '../../core/import/index.js';
import type { Contact, FieldDef, Identity } from '../../core/types.js';

/** What the worker plans with, besides the table: plain data (the choices as entries). */
export interface WorkerPlanOptions {
  mapping: ImportTarget[];
  mode: ImportMode;
  choices: [number, ImportMode][];
  customFields: FieldDef[];
  defaultRegion?: string;
}

export type ToWorker =
  | { type: 'plan'; id: number; table?: CsvTable; options: WorkerPlanOptions }
  | { type: 'found'; lookup: number; found: (Contact | undefined)[] }
  | { type: 'abort'; id: number };

export type FromWorker =
  | { type: 'lookup'; id: number; lookup: number; rows: Identity[][] }
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'done'; id: number; plan: ImportPlan }
  | { type: 'failed'; id: number; message: string; aborted: boolean };

/** The worker could not run: plan on the main thread instead. */
export class WorkerUnavailable extends Error {}

export interface PlanRequest {
  table: CsvTable;
  options: WorkerPlanOptions;
  /** The existing contact of each row (by its identities): the page's lookup. */
  findExistingBatch: (rows: Identity[][]) => Promise<(Contact | undefined)[]>;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/** How the worker is made: an object, so a test can make it fail as a strict CSP would. */
export const planWorkerFactory = {
  create: (): Worker => new Worker(new URL('./import-plan.worker.ts', import.meta.url), { type: 'module' }),
};

export class PlanWorker {
  private plans = 0;
  /** The table the worker holds (sent with the first plan of it only). */
  private sent?: CsvTable;
  private readonly pending = new Map<number, { request: PlanRequest; resolve: (plan: ImportPlan) => void; reject: (error: Error) => void }>();
  private broken = false;

  private constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.onMessage(event.data));
    // A worker that fails to load (blocked, a 404 chunk) or crashes: every plan on its way goes to the main thread.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const where = event.filename ? ` (${event.filename}:${event.lineno})` : '';
      this.fail(new WorkerUnavailable(`${event.message || 'The import worker failed to load or crashed.'}${where}`));
    });
  }

  /** A planning worker, or undefined where one cannot be made. */
  static create(): PlanWorker | undefined {
    try {
      return new PlanWorker(planWorkerFactory.create());
    } catch {
      return undefined;
    }
  }

  plan(request: PlanRequest): Promise<ImportPlan> {
    if (this.broken) return Promise.reject(new WorkerUnavailable('The import worker failed.'));
    const id = ++this.plans;
    const table = this.sent === request.table ? undefined : request.table;
    this.sent = request.table;
    return new Promise<ImportPlan>((resolve, reject) => {
      this.pending.set(id, { request, resolve, reject });
      request.signal?.addEventListener('abort', () => this.worker.postMessage({ type: 'abort', id } satisfies ToWorker), { once: true });
      this.worker.postMessage({ type: 'plan', id, table, options: request.options } satisfies ToWorker);
    });
  }

  terminate(): void {
    this.worker.terminate();
    this.fail(new WorkerUnavailable('The import worker was stopped.'));
  }

  private fail(error: Error): void {
    this.broken = true;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  private onMessage(message: FromWorker): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    switch (message.type) {
      case 'lookup':
        pending.request.findExistingBatch(message.rows).then(
          (found) => this.worker.postMessage({ type: 'found', lookup: message.lookup, found } satisfies ToWorker),
          (error: unknown) => {
            this.pending.delete(message.id);
            this.worker.postMessage({ type: 'abort', id: message.id } satisfies ToWorker);
            pending.reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
        break;
      case 'progress':
        pending.request.onProgress?.(message.progress);
        break;
      case 'done':
        this.pending.delete(message.id);
        pending.resolve(message.plan);
        break;
      case 'failed': {
        this.pending.delete(message.id);
        const error = new Error(message.message);
        if (message.aborted) error.name = 'AbortError';
        pending.reject(error);
        break;
      }
    }
  }
}
