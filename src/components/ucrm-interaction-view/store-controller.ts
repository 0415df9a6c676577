import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * Keeps a Lit element in step with a nanostores store: subscribed while the
 * element is connected, re-rendering it on every change.
 */
export class StoreController<T> implements ReactiveController {
  value: T;
  private unsubscribe?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: ReadableAtom<T>,
  ) {
    this.value = store.get();
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = this.store.subscribe((value) => {
      this.value = value;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
