/**
 * The simulator's clock: `now`, `setTimeout`, `clearTimeout`. The default
 * reads the globals at each call (not once), so sinon's fake timers installed
 * after the source was made still drive it.
 */
export interface SimClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const globalClock: SimClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Timers the source started, so `dispose()` can stop them all. */
export class TimerSet {
  readonly #handles = new Set<unknown>();
  constructor(readonly clock: SimClock) {}

  after(ms: number, callback: () => void): () => void {
    const handle = this.clock.setTimeout(() => {
      this.#handles.delete(handle);
      callback();
    }, Math.max(0, ms));
    this.#handles.add(handle);
    return () => {
      if (this.#handles.delete(handle)) this.clock.clearTimeout(handle);
    };
  }

  /** Resolves after `ms` on the clock (at once, without a timer, for 0). */
  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => this.after(ms, resolve));
  }

  clear(): void {
    for (const handle of this.#handles) this.clock.clearTimeout(handle);
    this.#handles.clear();
  }
}
