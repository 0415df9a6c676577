/**
 * The table's virtualizer (@lit-labs/virtualizer), the largest part of the
 * directory's code, imported as soon as the element connects: its rows come
 * from the host or a source a moment later anyway, so the import runs beside
 * the first page fetch instead of in front of the whole page. Until it lands
 * the table shows its loading row; a failed import is the element's error,
 * with a retry that imports again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LazyChunk } from '../shared/lazy-chunk.js';

export type VirtualizerModule = typeof import('@lit-labs/virtualizer/virtualize.js');

/**
 * How the chunk is fetched. An object, so a test can swap `load` for one that
 * fails (a real dynamic import cannot be made to fail from the page).
 */
export const virtualizerImport = {
  load: (): Promise<VirtualizerModule> => import('@lit-labs/virtualizer/virtualize.js'),
};

export class TableVirtualizer implements ReactiveController {
  readonly chunk: LazyChunk<VirtualizerModule>;
  private requested = false;

  constructor(host: ReactiveControllerHost, failed: (error: unknown, retry: () => void) => void) {
    host.addController(this);
    this.chunk = new LazyChunk(host, () => virtualizerImport.load(), { failed });
  }

  /** Once: after a failure only the reported retry imports again, so one failure is reported once. */
  hostConnected(): void {
    if (this.requested) return;
    this.requested = true;
    this.chunk.with(() => undefined);
  }

  /** The directive, once imported. */
  get virtualize(): VirtualizerModule['virtualize'] | undefined {
    return this.chunk.module?.virtualize;
  }

  /** True until the import landed, unless it failed (then the error says so and the table shows no rows). */
  get loading(): boolean {
    return !this.chunk.module && (this.chunk.loading || !this.requested);
  }
}
