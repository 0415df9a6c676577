/**
 * Where the directory's on-demand part (dialogs.ts: the delete, merge, bulk
 * update and import dialogs and the inside of "Customize table") plugs into
 * the element: imported on the first action that needs it, its styles
 * adopted then, its dialogs rendered from then on. Until then nothing of it
 * is rendered, so a directory nobody acts on never loads it.
 */
import {
  adoptStyles,
  html,
  nothing,
  supportsAdoptingStyleSheets,
  type CSSResult,
  type TemplateResult,
} from 'lit';
import type { Contact } from '../../core/types.js';
import { withTranslations } from '../../i18n/localize.js';
import type { ColumnsMenuContext } from './columns-menu.js';
import type { Dialogs, DialogsDeps } from './dialogs.js';
import type { MergeHost } from './merge-flow.js';
import { loadDefinition } from '../shared/define-element.js';
import { LazyChunk } from '../shared/lazy-chunk.js';

export type { DialogsDeps } from './dialogs.js';


// The chunk and the <ucrm-dialog> its flows render, fetched side by side.
const importDialogs = () => Promise.all([import('./dialogs.js'), loadDefinition('ucrm-dialog')]).then(([module]) => module);

export class DirectoryDialogs {
  readonly chunk: LazyChunk<typeof import('./dialogs.js')>;
  private dialogs?: Dialogs;
  /** On a source, the contacts the bulk update targets, fetched when its dialog opens. */
  private bulkPool: Contact[] = [];

  constructor(
    private readonly host: MergeHost,
    private readonly deps: DialogsDeps,
  ) {
    this.chunk = new LazyChunk(host, withTranslations(importDialogs, (m) => m.dialogCatalogs, deps.locale), { failed: deps.failed });
  }

  /** Fetches the dialogs once the page is idle; nothing of them renders until an action asks. */
  prefetchWhenIdle(): void {
    this.chunk.prefetchWhenIdle();
  }

  /** Imports the chunk unless it is there or on its way, e.g. while the data an action needs is fetched. */
  preload(): void {
    if (!this.dialogs && !this.chunk.loading) this.with(() => undefined);
  }

  openDelete(ids: string[]): void {
    this.with((d) => d.remove.open(ids));
  }

  /** Opens the merge preview of these contacts (on a source, fetched fresh first). */
  async openMerge(ids: readonly string[]): Promise<void> {
    const data = this.deps.data();
    if (data) {
      this.preload();
      try {
        await data.contacts(ids);
      } catch (error) {
        this.deps.fetchFailed('merge', error, () => void this.openMerge(ids));
        return;
      }
    }
    this.with((d) => d.merge.open(ids));
  }

  /** Opens the bulk update of the selection, or (nothing selected) of every contact the filter matches. */
  async openBulk(): Promise<void> {
    const data = this.deps.data();
    if (data) {
      this.preload();
      const selected = this.deps.selection();
      try {
        this.bulkPool = selected.length ? await data.contacts(selected) : await data.matching();
      } catch (error) {
        this.deps.fetchFailed('bulk-update', error, () => void this.openBulk());
        return;
      }
    }
    this.with((d) => d.bulk.open());
  }

  openImport(): void {
    this.with((d) => d.importer.open());
  }

  /** The inside of "Customize table" once loaded (`preload` when the user opens it). */
  renderColumns(ctx: Omit<ColumnsMenuContext, 'strings'>): TemplateResult | typeof nothing {
    return this.dialogs ? this.dialogs.columns(ctx) : nothing;
  }

  render(): TemplateResult | typeof nothing {
    const d = this.dialogs;
    // The delete confirmation first: the order the dialogs always had.
    return d ? html`${d.remove.render()} ${d.merge.render()} ${d.bulk.render()} ${d.importer.render()}` : nothing;
  }

  private with(use: (dialogs: Dialogs) => void): void {
    this.chunk.with(({ createDialogs, dialogStyles }) => {
      if (!this.dialogs) {
        this.adopt(dialogStyles);
        this.dialogs = createDialogs(this.host, {
          ...this.deps,
          matching: () => (this.deps.data() ? this.bulkPool : this.deps.matching()),
        });
      }
      use(this.dialogs);
    });
  }

  /** Adds the chunk's styles to the element's own. */
  private adopt(styles: CSSResult): void {
    const root = this.host.shadowRoot;
    if (!root) return;
    if (supportsAdoptingStyleSheets && styles.styleSheet) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
    } else {
      // Without adoptable sheets Lit appends <style> elements; this appends one more.
      adoptStyles(root, [styles]);
    }
  }
}
