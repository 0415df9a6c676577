import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { isSupportedCountry } from 'libphonenumber-js/min';
import { live } from 'lit/directives/live.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { BULK_SETTABLE_FIELDS, confirmDeleteCount } from '../../core/bulk.js';
import {
  compileFilter,
  filterFields,
  validateFilter,
  type ContactFilter,
  type FilterValidation,
  type SavedView,
  type SystemFieldKey,
} from '../../core/filter.js';
import { ContactSearchIndex } from '../../core/search.js';
import type { Contact, FieldDef } from '../../core/types.js';
import {
  UcrmColumnsChangeEvent,
  UcrmContactSelectedEvent,
  UcrmContactsDeleteEvent,
  UcrmFilterChangeEvent,
  UcrmSelectionChangeEvent,
  UcrmViewSaveEvent,
} from '../../events.js';
import { checkMergeCount, type MergeField } from '../../core/merge.js';
import { directoryStrings } from '../../i18n/strings/directory.js';
import { mergeStrings } from '../../i18n/strings/directory-merge.js';
import { bulkStrings } from '../../i18n/strings/directory-bulk.js';
import { BulkFlow } from './bulk-flow.js';
import { importStrings } from '../../i18n/strings/directory-import.js';
import { ImportFlow } from './import-flow.js';
import { UcrmElement } from '../shared/ucrm-element.js';
import { directoryColumnsStore } from '../../state/directory-columns.js';
import { renderColumnsMenu } from './columns-menu.js';
import { availableColumns, cellText, DEFAULT_COLUMNS, type ColumnKey } from './directory-columns.js';
import { renderFilterBuilder } from './filter-builder.js';
import { renderViews } from './views-nav.js';
import { MergeFlow } from './merge-flow.js';
import { contactDirectoryStyles } from './ucrm-contact-directory.styles.js';

const EMPTY_FILTER: ContactFilter = { match: 'all', conditions: [], expression: '' };
const matchAll = () => true;

/**
 * The contact base: a virtualized table that stays smooth at 100k contacts,
 * the fuzzy search, a filter builder (conditions combined by meet all, meet
 * any or a logic expression such as `(1 or 2) and 3`, with live errors that
 * say what is wrong and where), selection, and a delete that asks the user
 * to type how many contacts go.
 *
 * Data comes in through `contacts` and `fields`; changes go out as events,
 * so the host (or, later, a `CrmSource`) does the writing.
 *
 * @summary Find, filter, select and delete contacts.
 *
 * @fires ucrm-contact-selected - `{contact}` a contact's name was activated (to open its details).
 * @fires ucrm-filter-change - `{filter, valid}` the filter was edited.
 * @fires ucrm-selection-change - `{ids}` the selection changed.
 * @fires ucrm-contacts-delete - `{ids}` the user confirmed deleting these contacts by typing their count; cancelable.
 * @fires ucrm-contacts-merge - `{result, fieldSources, removedIds}` the user confirmed a merge; cancelable.
 * @fires ucrm-contacts-import - `{creates, updates, report}` a CSV import was planned: drafts to create, patches to apply, and the report shown to the user.
 * @fires ucrm-view-save - `{view: {name, filter, public}}` the user saved the current filter as a view; the host stores it and adds it to `views`.
 * @fires ucrm-error - `{operation: 'attribute:default-region', code: 'invalid', message}` for an unknown region.
 * @fires ucrm-columns-change - `{columns}` the user changed the visible columns or their order.
 * @fires ucrm-bulk-update - `{action, scope, patches}` the user confirmed a bulk update (selection, or the whole filter); cancelable.
 *
 * @csspart base - The wrapper.
 * @csspart toolbar - Search, counts and actions.
 * @csspart search-input - The search box.
 * @csspart status - The live "N contacts" count.
 * @csspart selected-count - How many contacts are selected.
 * @csspart delete-button - Opens the delete confirmation.
 * @csspart filter - The filter builder fieldset.
 * @csspart condition - One numbered condition (also `condition-number`, `condition-field`, `condition-op`, `condition-value`, `condition-remove`, `condition-problem`).
 * @csspart add-condition - The "Add a condition" button.
 * @csspart match - The meet all / meet any / expression choice.
 * @csspart expression-input - The logic expression box.
 * @csspart expression-error - "Invalid logical expression." with the reason and where (`expression-preview`, `expression-mark`).
 * @csspart columns-menu - "Customize table": `columns-summary`, `column-option`, `column-up`, `column-down`.
 * @csspart import-button - Opens the CSV import.
 * @csspart import-dialog - The CSV import: `import-file`, `import-mapping`, `import-target`, `import-mode`, `import-start`, `import-progress`, `import-report`, `import-skipped`.
 * @csspart views - The views beside the table: `view` (`view-active` on the current one), `view-note`, `save-view`, `save-view-button`.
 * @csspart layout - Views beside the main area; `main` holds the filter and the table.
 * @csspart table - The table.
 * @csspart header-row - The column headers.
 * @csspart body - The scrolling, virtualized rows.
 * @csspart row - One contact; `row-selected` is added when selected.
 * @csspart cell - One cell.
 * @csspart open-button - The contact's name, which opens it.
 * @csspart empty - The "No contacts match." line.
 * @csspart delete-dialog - The typed-count delete confirmation.
 * @csspart merge-button - Opens the merge preview (2 to 25 selected); `merge-refusal` says why above 25.
 * @csspart merge-dialog - The merge preview: `merge-primary`, `merge-preview`, `merge-pick`, `merge-warning`, `merge-confirm`.
 * @csspart bulk-button - Opens the bulk update.
 * @csspart bulk-dialog - The bulk update: `bulk-scope`, `bulk-action`, `bulk-text`, `bulk-field`, `bulk-value`, `bulk-refusal`, `bulk-confirm`.
 *
 * @cssproperty --ucrm-contact-directory-height - Height of the scrolling rows (default `28rem`).
 * @cssproperty --ucrm-contact-directory-column-width - Minimum width of a column (default `0`: columns share the width).
 */
export class UcrmContactDirectory extends UcrmElement {
  static override styles = [...UcrmElement.styles, contactDirectoryStyles];

  /** Every contact of the directory. Property only. */
  @property({ attribute: false }) contacts: readonly Contact[] = [];

  /** The custom fields contacts may have (filterable, searchable, showable as columns). Property only. */
  @property({ attribute: false }) fields: readonly FieldDef[] = [];

  /** Visible columns in order: `name`, a system field, or `custom.<key>`. Property only. */
  @property({ attribute: false }) columns: readonly ColumnKey[] = DEFAULT_COLUMNS;

  /**
   * Remembers the visible columns per user under this key (e.g. the agent's id) in
   * localStorage; without it the choice lasts as long as the element.
   */
  @property({ attribute: 'columns-key' }) columnsKey = '';

  /** The filter (a saved view sets it); updated as the user edits it. Property only. */
  @property({ attribute: false }) filter: ContactFilter = EMPTY_FILTER;

  /** Saved views (named filters) listed beside the table, after "All contacts" and "Blocked". Property only. */
  @property({ attribute: false }) views: readonly SavedView[] = [];

  /** The search text; updated as the user types. */
  @property() query = '';

  /** ISO 3166 region used to read national numbers typed in phone conditions. */
  @property({ attribute: 'default-region' }) defaultRegion = '';

  @state() private selected: ReadonlySet<string> = new Set();
  /** The view whose filter is shown: `all`, `blocked`, a view id, or '' after a manual edit. */
  @state() private activeView = 'all';
  @state() private deleteTyped = '';
  @state() private deleteIds: string[] = [];

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly merge = new MergeFlow(this, {
    contact: (id) => this.byId.get(id),
    fields: () => this.fields,
    strings: () => this.strings(mergeStrings),
    words: () => this.words,
    cancel: () => this.common.cancel,
    fieldLabel: (field: MergeField) => this.columnLabel(field),
    merged: (removedIds) => this.setSelection([...this.selected].filter((id) => !removedIds.includes(id))),
  });

  private readonly bulk = new BulkFlow(this, {
    selection: () => this.selectedIds,
    matching: () => this.visible,
    fields: () => this.fields,
    strings: () => this.strings(bulkStrings),
    fieldLabel: (key) =>
      this.columnLabel((BULK_SETTABLE_FIELDS as readonly string[]).includes(key) ? (key as ColumnKey) : `custom.${key}`),
    yesNo: () => this.words,
    cancel: () => this.common.cancel,
  });

  private readonly importer = new ImportFlow(this, {
    contacts: () => this.contacts,
    fields: () => this.fields,
    defaultRegion: () => this.region,
    strings: () => this.strings(importStrings),
    targetLabel: (target) => this.columnLabel(target as ColumnKey),
    close: () => this.common.close,
    cancel: () => this.common.cancel,
  });

  private index = new ContactSearchIndex();
  private byId = new Map<string, Contact>();
  private validation: FilterValidation = { ok: true, conditions: [] };
  /** The last valid filter keeps the list steady while the user types an invalid one. */
  private predicate: (contact: Contact) => boolean = matchAll;
  private visible: Contact[] = [];

  /** The contacts shown: search results (best first) or all, narrowed by the filter. Read-only. */
  get visibleContacts(): readonly Contact[] {
    return this.visible;
  }

  /** Ids of the selected contacts, in the order of `contacts`. Read-only. */
  get selectedIds(): string[] {
    return this.contacts.filter((c) => this.selected.has(c.id)).map((c) => c.id);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultRegion')) this.checkRegion();
    // Custom columns are only known once `fields` arrive, so restore again then.
    if ((changed.has('columnsKey') || changed.has('fields')) && this.columnsKey) this.restoreColumns();
    const dataChanged = changed.has('contacts') || changed.has('fields');
    if (dataChanged) this.reindex();
    if (dataChanged || changed.has('filter') || changed.has('defaultRegion')) this.recompile();
    if (dataChanged || changed.has('filter') || changed.has('query') || changed.has('defaultRegion')) {
      this.refilter();
    }
  }

  /** An unknown region is reported and ignored: national numbers in phone conditions then match by digits only. */
  private checkRegion(): void {
    const region = this.defaultRegion.trim().toUpperCase();
    if (region && !isSupportedCountry(region)) {
      this.reportBadAttribute('default-region', this.defaultRegion, 'an ISO 3166 country code such as BR or UY');
    } else if (this.problem?.operation === 'attribute:default-region') {
      this.clearProblem();
    }
  }

  private get region(): string | undefined {
    const region = this.defaultRegion.trim().toUpperCase();
    return region && isSupportedCountry(region) ? region : undefined;
  }

  private restoreColumns(): void {
    const saved = directoryColumnsStore(this.columnsKey).get();
    if (!Array.isArray(saved)) return;
    const available = availableColumns(this.fields);
    const columns = saved.filter((c): c is ColumnKey => available.includes(c as ColumnKey));
    if (columns.length) this.columns = columns;
  }

  private setColumns(columns: ColumnKey[]): void {
    this.columns = columns;
    if (this.columnsKey) directoryColumnsStore(this.columnsKey).set([...columns]);
    this.dispatchEvent(new UcrmColumnsChangeEvent({ columns: [...columns] }));
  }

  private reindex(): void {
    this.index = new ContactSearchIndex({ customFields: [...this.fields] });
    this.byId = new Map();
    for (const contact of this.contacts) {
      this.index.add(contact);
      this.byId.set(contact.id, contact);
    }
    const kept = [...this.selected].filter((id) => this.byId.has(id));
    if (kept.length !== this.selected.size) this.selected = new Set(kept);
  }

  private recompile(): void {
    this.validation = validateFilter(this.filter, this.fields);
    if (this.validation.ok) {
      this.predicate = compileFilter(this.filter, this.fields, { defaultRegion: this.region });
    }
  }

  private refilter(): void {
    const text = this.query.trim();
    const base = text
      ? this.index
          .search(text, { limit: this.contacts.length })
          .ids.map((id) => this.byId.get(id))
          .filter((c): c is Contact => c !== undefined)
      : this.contacts;
    const test = this.predicate;
    const out: Contact[] = [];
    for (let i = 0; i < base.length; i++) if (test(base[i])) out.push(base[i]);
    this.visible = out;
  }

  private setFilter(filter: ContactFilter, view = ''): void {
    this.filter = filter;
    this.activeView = view;
    const valid = validateFilter(filter, this.fields).ok;
    this.dispatchEvent(new UcrmFilterChangeEvent({ filter, valid }));
  }

  private setSelection(ids: Iterable<string>): void {
    this.selected = new Set(ids);
    this.dispatchEvent(new UcrmSelectionChangeEvent({ ids: this.selectedIds }));
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.setSelection(next);
  }

  private toggleAll(on: boolean): void {
    this.setSelection(on ? [...this.selected, ...this.visible.map((c) => c.id)] : []);
  }

  private openDelete(): void {
    this.deleteIds = this.selectedIds;
    this.deleteTyped = '';
    this.dialog?.showModal();
  }

  private closeDelete(): void {
    this.dialog?.close();
    this.deleteIds = [];
    this.deleteTyped = '';
  }

  private confirmDelete(event: Event): void {
    event.preventDefault();
    const ids = this.deleteIds;
    if (!confirmDeleteCount(this.deleteTyped, ids.length)) return;
    const request = new UcrmContactsDeleteEvent({ ids });
    this.dispatchEvent(request);
    if (request.defaultPrevented) return;
    this.closeDelete();
    this.setSelection([...this.selected].filter((id) => !ids.includes(id)));
  }

  private columnLabel(column: ColumnKey): string {
    const s = this.strings(directoryStrings);
    if (!column.startsWith('custom.')) return s.field(column as SystemFieldKey | 'name');
    const key = column.slice(7);
    return this.fields.find((f) => f.key === key)?.label ?? key;
  }

  private get words() {
    const s = this.strings(directoryStrings);
    return { yes: s.yes, no: s.no, unnamed: s.unnamed };
  }

  private renderRow(contact: Contact, index: number): TemplateResult {
    const s = this.strings(directoryStrings);
    const words = this.words;
    const selected = this.selected.has(contact.id);
    const name = cellText(contact, 'name', this.fields, this.locale, words);
    return html`<div role="row" part=${selected ? 'row row-selected' : 'row'} aria-rowindex=${index + 2}>
      <div role="cell" part="cell select-cell">
        <input
          type="checkbox"
          aria-label=${s.selectContact(name)}
          .checked=${live(selected)}
          @change=${(e: Event) => this.toggle(contact.id, (e.target as HTMLInputElement).checked)}
        />
      </div>
      ${this.columns.map((column) =>
        column === 'name'
          ? html`<div role="cell" part="cell">
              <button
                type="button"
                part="open-button"
                @click=${() => this.dispatchEvent(new UcrmContactSelectedEvent({ contact }))}
              >
                ${name}
              </button>
            </div>`
          : html`<div role="cell" part="cell">${cellText(contact, column, this.fields, this.locale, words)}</div>`,
      )}
    </div>`;
  }

  private renderTable(): TemplateResult {
    const s = this.strings(directoryStrings);
    const visible = this.visible;
    const selectedVisible = visible.reduce((n, c) => n + (this.selected.has(c.id) ? 1 : 0), 0);
    const all = visible.length > 0 && selectedVisible === visible.length;
    return html`<div
      part="table"
      role="table"
      aria-label=${s.tableLabel}
      aria-rowcount=${visible.length + 1}
      style="--_columns: ${this.columns.length}"
    >
      <div role="rowgroup">
        <div role="row" part="header-row" aria-rowindex="1">
          <div role="columnheader" part="cell select-cell">
            <input
              type="checkbox"
              aria-label=${s.selectAll(visible.length)}
              ?disabled=${visible.length === 0}
              .checked=${live(all)}
              .indeterminate=${selectedVisible > 0 && !all}
              @change=${(e: Event) => this.toggleAll((e.target as HTMLInputElement).checked)}
            />
          </div>
          ${this.columns.map((c) => html`<div role="columnheader" part="cell">${this.columnLabel(c)}</div>`)}
        </div>
      </div>
      <div role="rowgroup" part="body">
        ${virtualize({
          items: visible,
          // The virtualizer may ask for an index of the previous, longer list right after
          // the list shrinks (a filter narrowed it): render nothing for it.
          keyFunction: (c: Contact | undefined, i: number) => c?.id ?? `#${i}`,
          renderItem: (c: Contact | undefined, i: number) => (c ? this.renderRow(c, i) : html``),
          scroller: true,
        })}
      </div>
    </div>`;
  }

  /** Merge needs 2 to 25 selected contacts; above 25 the reason is shown next to the button. */
  private renderMergeButton(): TemplateResult {
    const m = this.strings(mergeStrings);
    const refusal = checkMergeCount(this.selected.size);
    const tooMany = refusal?.reason === 'too-many';
    return html`<button
        type="button"
        part="merge-button"
        ?disabled=${refusal !== undefined}
        aria-describedby=${tooMany ? 'merge-refusal' : nothing}
        @click=${() => this.merge.open(this.selectedIds)}
      >
        ${m.mergeButton}
      </button>
      ${tooMany ? html`<p part="merge-refusal" id="merge-refusal">${m.refusal(refusal!.reason, refusal!.limit ?? 0)}</p>` : nothing}`;
  }

  private renderDeleteDialog(): TemplateResult {
    const s = this.strings(directoryStrings);
    const count = this.deleteIds.length;
    const ok = confirmDeleteCount(this.deleteTyped, count);
    return html`<dialog part="delete-dialog" aria-labelledby="delete-title" @close=${() => this.closeDelete()}>
      <form method="dialog" @submit=${this.confirmDelete}>
        <h2 id="delete-title">${s.deleteTitle(count)}</h2>
        <p>${s.deleteWarning}</p>
        <label for="delete-count">${s.deleteTypeLabel(count)}</label>
        <input
          id="delete-count"
          part="delete-count-input"
          inputmode="numeric"
          autocomplete="off"
          .value=${live(this.deleteTyped)}
          @input=${(e: Event) => (this.deleteTyped = (e.target as HTMLInputElement).value)}
        />
        <div part="dialog-actions">
          <button type="button" @click=${() => this.closeDelete()}>${this.common.cancel}</button>
          <button type="submit" class="primary" part="delete-confirm" ?disabled=${!ok}>${s.deleteConfirm}</button>
        </div>
      </form>
    </dialog>`;
  }

  override render() {
    const s = this.strings(directoryStrings);
    return html`<div part="base">
      <div part="toolbar">
        <input
          type="search"
          part="search-input"
          aria-label=${s.searchLabel}
          placeholder=${s.searchPlaceholder}
          .value=${live(this.query)}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
        <p part="status" role="status">${s.count(this.visible.length, this.contacts.length)}</p>
        ${this.selected.size ? html`<p part="selected-count">${s.selectedCount(this.selected.size)}</p>` : nothing}
        <button type="button" part="delete-button" ?disabled=${this.selected.size === 0} @click=${this.openDelete}>
          ${s.deleteButton}
        </button>
        ${this.renderMergeButton()}
        <button
          type="button"
          part="bulk-button"
          ?disabled=${this.visible.length === 0}
          @click=${() => this.bulk.open()}
        >
          ${this.strings(bulkStrings).bulkButton}
        </button>
        <button type="button" part="import-button" @click=${() => this.importer.open()}>
          ${this.strings(importStrings).importButton}
        </button>
      </div>
      <div part="layout">
      ${renderViews({
        views: this.views,
        active: this.activeView,
        strings: s,
        choose: (id, filter) => this.setFilter(filter, id),
        save: (name, isPublic) =>
          this.dispatchEvent(new UcrmViewSaveEvent({ view: { name, filter: this.filter, public: isPublic } })),
      })}
      <div part="main">
      ${renderColumnsMenu({
        columns: this.columns,
        available: availableColumns(this.fields),
        label: (c) => this.columnLabel(c),
        strings: s,
        onChange: (columns) => this.setColumns(columns),
      })}
      ${renderFilterBuilder({
        strings: s,
        filter: this.filter,
        validation: this.validation,
        fields: filterFields(this.fields),
        customFields: this.fields,
        onChange: (filter) => this.setFilter(filter),
      })}
      ${this.renderProblem()} ${this.renderTable()}
      ${this.visible.length ? nothing : html`<p part="empty">${s.empty}</p>`}
      </div>
      </div>
      ${this.renderDeleteDialog()}
      ${this.merge.render()} ${this.bulk.render()} ${this.importer.render()}
    </div>`;
  }
}
