/**
 * The contact directory on a data source (no `contacts` property): loads the
 * rows' code on first use (directory-data.ts, a directory fed by `contacts`
 * never does), attaches the source or reports that it cannot manage
 * contacts, reloads for a new filter or search, reads the source's fields and
 * views, and runs every write (delete, merge, bulk update, import, views)
 * with a retry when it fails.
 */
import type { ReactiveControllerHost } from 'lit';
import { CrmError } from '../../core/errors.js';
import type { ContactFilter, SavedView } from '../../core/filters/index.js';
import type { CustomSection, FieldDef } from '../../core/types.js';
import type { CrmSource } from '../../data/source.js';
import type { AdminSource, DirectoryData } from './directory-data.js';
import { LazyChunk } from '../shared/lazy-chunk.js';
import { forAgents } from '../shared/agent-message.js';

export interface SourceModeDeps {
  source: () => CrmSource;
  filter: () => ContactFilter;
  /** The main list or the Block segment, whose size the count says ("3 of 40"). */
  segment: () => ContactFilter;
  query: () => string;
  /** The filter is valid (an invalid one does not reload: the list keeps the last valid answer). */
  filterValid: () => boolean;
  agentId: () => string;
  /** True while the host gave no `fields` (or they came from the source): the source's sections supply them. */
  fieldsFromSource: () => boolean;
  setFields: (fields: FieldDef[]) => void;
  setViews: (views: SavedView[]) => void;
  /** The element's error reporting (message + `ucrm-error`); `clear` removes the current one when it is of `operation`. */
  failed: (operation: string, error: unknown, retry?: () => void) => void;
  clear: (operation?: string) => void;
  /** The rows' code could not be imported; `retry` imports it again. */
  chunkFailed: (error: unknown, retry: () => void) => void;
  /** The "cannot manage contacts" message, in the element's locale. */
  noAdmin: (data: DirectoryData) => string;
}

/** Every section's fields, once per key: what the directory filters, searches and shows. */
function sectionFields(sections: CustomSection[]): FieldDef[] {
  const byKey = new Map<string, FieldDef>();
  for (const field of sections.flatMap((section) => section.fields)) if (!byKey.has(field.key)) byKey.set(field.key, field);
  return [...byKey.values()];
}

export class SourceMode {
  readonly chunk: LazyChunk<typeof import('./directory-data.js')>;
  /** The rows from the source, once their code is loaded. */
  data?: DirectoryData;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: SourceModeDeps,
  ) {
    this.chunk = new LazyChunk(host, () => import('./directory-data.js'), {
      failed: deps.chunkFailed,
    });
  }

  /** Attaches a new source (or reports it cannot manage contacts), or reloads for a new filter or search. */
  sync(queryChanged: boolean, agentChanged: boolean): void {
    const data = this.data;
    if (!data) {
      if (!this.chunk.loading) this.chunk.with(({ DirectoryData }) => this.create(DirectoryData));
      return;
    }
    const source = this.deps.source();
    if (source !== data.source) {
      void data.attach(source).then((managed) => {
        if (managed === undefined) return;
        if (managed) {
          this.deps.clear('contact-admin');
          void this.loadMeta();
          void data.refresh();
        } else {
          this.deps.failed('contact-admin', forAgents(new CrmError('unavailable', this.deps.noAdmin(data))));
        }
      });
      return;
    }
    if (queryChanged && this.deps.filterValid()) void data.refresh();
    if (agentChanged) void this.loadMeta();
  }

  private create(Data: typeof DirectoryData): void {
    this.data ??= new Data(this.host, {
      filter: this.deps.filter,
      segment: this.deps.segment,
      query: this.deps.query,
      failed: (operation, error, retry) => this.deps.failed(operation, error, retry),
    });
  }

  /** The source's custom fields (unless the host gave `fields`) and the views this agent sees. */
  async loadMeta(): Promise<void> {
    const admin = this.data?.admin;
    if (!admin) return;
    try {
      const [sections, views] = await Promise.all([
        this.deps.fieldsFromSource() ? admin.listSections() : undefined,
        admin.listViews({ owner: this.deps.agentId() || undefined }),
      ]);
      if (sections) this.deps.setFields(sectionFields(sections));
      this.deps.setViews(views);
    } catch (error) {
      this.deps.failed('load', error, () => void this.loadMeta());
    }
  }

  /**
   * Runs a write on the source; on success reloads the rows, on failure
   * reports the error with `retry` (which submits the still-open dialog
   * again: nothing typed is lost). Undefined without a managing source.
   */
  write(operation: string, work: (admin: AdminSource) => Promise<unknown>, retry: () => void): Promise<boolean> | undefined {
    const data = this.data;
    const admin = data?.admin;
    if (!data || !admin) return undefined;
    return work(admin).then(
      () => {
        this.deps.clear();
        void data.refresh();
        return true;
      },
      (error: unknown) => {
        this.deps.failed(operation, error, retry);
        return false;
      },
    );
  }
}
