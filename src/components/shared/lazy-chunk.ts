/**
 * A part of an element imported the first time the user needs it (the
 * screen pop's matcher and create form, the directory's dialogs, contact
 * details and source rows). The element's `updateComplete` waits for a
 * pending import (see `settled`), so a test or host awaiting it sees what the
 * import brings. A failed import is reported with a retry that runs the same
 * request again.
 */
import type { ReactiveControllerHost } from 'lit';

export interface LazyChunkOptions {
  /** The import failed; `retry` imports again and runs what was asked. */
  failed: (error: unknown, retry: () => void) => void;
  /** The chunk arrived (e.g. to clear an earlier load failure). */
  loaded?: () => void;
}

export class LazyChunk<M> {
  /** The module, once imported. */
  module?: M;
  /** The import on its way; it settles after the requests waiting for it ran, or after its failure was reported. */
  private importing?: Promise<void>;
  /** What was asked while the import is on its way, run in order when it lands. */
  private waiting: ((module: M) => void)[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly importer: () => Promise<M>,
    private readonly options: LazyChunkOptions,
  ) {}

  /**
   * Fetches the chunk once the page is idle, without running anything, so
   * the first time it is needed it is usually already there.
   */
  prefetchWhenIdle(): void {
    const prefetch = () => void this.importer().catch(() => undefined);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(prefetch, { timeout: 5000 });
    else setTimeout(prefetch, 2000);
  }

  /** True while the import is on its way. */
  get loading(): boolean {
    return this.importing !== undefined;
  }

  /**
   * Runs `use` with the module: at once when it is loaded, else when the
   * import lands. `use` runs before `settled()` resolves, so an update it
   * requests is part of the awaited `updateComplete`.
   */
  with(use: (module: M) => void): void {
    if (this.module) return use(this.module);
    this.waiting.push(use);
    this.importing ??= this.importer().then(
      (module) => {
        this.module = module;
        this.importing = undefined;
        this.options.loaded?.();
        this.host.requestUpdate();
        for (const run of this.take()) run(module);
      },
      (error: unknown) => {
        // Reported once for everything that waited; the retry asks again (a network failure may be over by then).
        this.importing = undefined;
        const asked = this.take();
        this.options.failed(error, () => asked.forEach((run) => this.with(run)));
      },
    );
  }

  /** Resolves once no import is on its way: true when none was. */
  async settled(): Promise<boolean> {
    if (!this.importing) return true;
    while (this.importing) await this.importing;
    return false;
  }

  private take(): ((module: M) => void)[] {
    const asked = this.waiting;
    this.waiting = [];
    return asked;
  }
}
