/**
 * The directory's selection: which contacts are checked, reported as
 * `ucrm-selection-change`. With the host's contacts the ids come in their
 * order; on a source, in the order they were selected (not every row is
 * loaded). "Select all" takes the visible contacts, or every id the source
 * matches.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Contact } from '../../core/types.js';

export interface SelectionDeps {
  /** The host's contacts, whose order the ids follow; undefined on a source. */
  order: () => readonly Contact[] | undefined;
  /** The ids "select all" adds. */
  all: () => Promise<readonly string[]> | readonly string[];
  changed: (ids: string[]) => void;
  /** "Select all" could not read the ids; `retry` selects all again. */
  failed: (error: unknown, retry: () => void) => void;
}

export class Selection {
  private selected: ReadonlySet<string> = new Set();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: SelectionDeps,
  ) {}

  get size(): number {
    return this.selected.size;
  }

  has(id: string): boolean {
    return this.selected.has(id);
  }

  get ids(): string[] {
    const order = this.deps.order();
    return order ? order.filter((c) => this.selected.has(c.id)).map((c) => c.id) : [...this.selected];
  }

  /** Replaces the selection and reports it. */
  set(ids: Iterable<string>): void {
    this.selected = new Set(ids);
    this.host.requestUpdate();
    this.deps.changed(this.ids);
  }

  toggle(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.set(next);
  }

  async toggleAll(on: boolean): Promise<void> {
    if (!on) return this.set([]);
    try {
      this.set([...this.selected, ...(await this.deps.all())]);
    } catch (error) {
      this.deps.failed(error, () => void this.toggleAll(true));
    }
  }

  /** Drops these ids (deleted, merged away) and reports the rest. */
  remove(ids: readonly string[]): void {
    this.set([...this.selected].filter((id) => !ids.includes(id)));
  }

  /** Forgets, without an event, ids whose contacts the host no longer gives. */
  prune(exists: (id: string) => boolean): void {
    const kept = [...this.selected].filter(exists);
    if (kept.length !== this.selected.size) {
      this.selected = new Set(kept);
      this.host.requestUpdate();
    }
  }
}
