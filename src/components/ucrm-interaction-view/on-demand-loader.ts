/**
 * The elements only some states of the view show (the matcher, the create
 * form) and the search's assign UI, imported the first time one is needed (a
 * unique match, the most common pop, needs none) and prefetched when the page
 * is idle, so they are usually there before a pop needs them.
 */
import type { ReactiveControllerHost, ReactiveElement } from 'lit';
import { loadDefinition } from '../shared/define-element.js';
import { LazyChunk } from '../shared/lazy-chunk.js';

type OnDemandModule = typeof import('./on-demand.js');
export type OnDemandTag = keyof OnDemandModule['elements'];
const ON_DEMAND_TAGS: readonly OnDemandTag[] = ['contact-matcher', 'ucrm-contact-form'];

/**
 * Imports the chunk and has its elements registered, through the definitions
 * the define layer provides (a prefetch too: they are ready before a state
 * shows them).
 */
export const loadOnDemand = (): Promise<OnDemandModule> =>
  Promise.all([import('./on-demand.js'), ...ON_DEMAND_TAGS.map((tag) => loadDefinition(tag))]).then(([module]) => module);

export interface OnDemandLoaderOptions {
  /** The chunk arrived and its elements are registered. */
  loaded: () => void;
  /** The import failed; asking for a tag again retries it. */
  failed: (error: unknown) => void;
}

export class OnDemandLoader {
  private readonly chunk: LazyChunk<Awaited<ReturnType<typeof loadOnDemand>>>;

  constructor(host: ReactiveControllerHost, options: OnDemandLoaderOptions) {
    this.chunk = new LazyChunk(host, loadOnDemand, { loaded: options.loaded, failed: (error) => options.failed(error) });
  }

  prefetchWhenIdle(): void {
    this.chunk.prefetchWhenIdle();
  }

  /** Imports the chunk holding `tag` unless it is registered or on its way. */
  load(tag: OnDemandTag): void {
    if (customElements.get(tag) || this.chunk.loading) return;
    this.chunk.with(() => undefined);
  }

  /**
   * Settles once what was asked for is loaded and the loaded elements inside
   * `root` have rendered; false when one of them has another update pending.
   */
  async rendered(root: ParentNode): Promise<boolean> {
    let done = await this.chunk.settled();
    for (const child of root.querySelectorAll<ReactiveElement>(ON_DEMAND_TAGS.join(','))) {
      if (child.updateComplete) done = (await child.updateComplete) && done;
    }
    return done;
  }
}
