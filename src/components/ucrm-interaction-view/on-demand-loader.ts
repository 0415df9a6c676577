/**
 * The elements only some states of the view show (the matcher, the create
 * form) and the search's assign UI, imported the first time one is needed (a
 * unique match, the most common pop, needs none) and prefetched when the page
 * is idle, so they are usually there before a pop needs them.
 */
import type { ReactiveElement } from 'lit';

export const loadOnDemand = () => import('./on-demand.js');
const ON_DEMAND = { 'contact-matcher': loadOnDemand, 'ucrm-contact-form': loadOnDemand };
export type OnDemandTag = keyof typeof ON_DEMAND;

export interface OnDemandLoaderOptions {
  /** An element was registered. */
  loaded: () => void;
  /** An import failed; `load` may be called again to retry. */
  failed: (error: unknown) => void;
}

export class OnDemandLoader {
  /** The elements asked for, settled once each is registered. */
  private readonly loads = new Map<OnDemandTag, Promise<void>>();

  constructor(private readonly options: OnDemandLoaderOptions) {}

  /** Starts importing everything once the page is idle. */
  prefetchWhenIdle(): void {
    const prefetch = () => void loadOnDemand().catch(() => undefined);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(prefetch, { timeout: 5000 });
    else setTimeout(prefetch, 2000);
  }

  /** Imports `tag` unless it is registered or on its way. */
  load(tag: OnDemandTag): void {
    if (this.loads.has(tag) || customElements.get(tag)) return;
    const loading = ON_DEMAND[tag]().then(
      () => this.options.loaded(),
      (error: unknown) => {
        this.loads.delete(tag);
        this.options.failed(error);
      },
    );
    this.loads.set(tag, loading);
  }

  /**
   * Settles once what was asked for is loaded and the loaded elements inside
   * `root` have rendered; false when one of them has another update pending.
   */
  async rendered(root: ParentNode): Promise<boolean> {
    if (!this.loads.size) return true;
    await Promise.all(this.loads.values());
    let done = true;
    const children = root.querySelectorAll<ReactiveElement>(Object.keys(ON_DEMAND).join(','));
    for (const child of children) if (child.updateComplete) done = (await child.updateComplete) && done;
    return done;
  }
}
