/**
 * Lazy loading of a source's code, the one mechanism for it. The public
 * `createLocalSource` and `createRestSource` return a source at once and
 * fetch the implementation module on the first call, so a page that uses
 * one source never downloads the other (nor either, until it needs one).
 * Their methods are generated from the interfaces' method lists (source.ts),
 * not written out one by one.
 */
import { contactAdminMethods, crmSourceMethods, type CompleteSource } from './source.js';

/**
 * Gives a class one async method per name in `methods`, each awaiting
 * `target(this)` and calling the same method on what it resolves to.
 */
export function forwardMethods<Self, Target>(
  owner: abstract new (...args: never[]) => Self,
  methods: readonly (keyof Target & string)[],
  target: (self: Self) => Promise<Target>,
): void {
  for (const method of methods) {
    Object.defineProperty(owner.prototype, method, {
      async value(this: Self, ...args: unknown[]) {
        const implementation = await target(this);
        return Reflect.apply(implementation[method] as (...args: unknown[]) => unknown, implementation, args);
      },
      writable: true,
      configurable: true,
    });
  }
}

/**
 * Something `load` fetches on first use, once. A failed load rejects the
 * call that started it; the next call tries again.
 */
export class Lazy<T> {
  private current: T | undefined;
  private loading: Promise<T> | undefined;

  constructor(private readonly load: () => Promise<T>) {}

  /** The implementation, once loaded. */
  protected get implementation(): T | undefined {
    return this.current;
  }

  /** Loads the implementation (once) and resolves to it. */
  loaded(): Promise<T> {
    this.loading ??= this.load().then(
      (value) => (this.current = value),
      (error: unknown) => {
        this.loading = undefined; // A failed chunk load may succeed on retry.
        throw error;
      },
    );
    return this.loading;
  }
}

/**
 * A `CompleteSource` whose implementation `load` fetches on the first call.
 * It has every method from the start, so `hasContactAdmin` is true at once;
 * `contactAdminOf` finds the implementation through `loaded()`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface below only types the generated methods
export class LazySource extends Lazy<CompleteSource> {
  static {
    forwardMethods(this, crmSourceMethods, (self: LazySource) => self.loaded());
    forwardMethods(this, contactAdminMethods, (self: LazySource) => self.loaded());
  }
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface LazySource extends CompleteSource {}
