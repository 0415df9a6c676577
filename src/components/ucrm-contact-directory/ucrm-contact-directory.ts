import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CrmError } from '../../core/errors.js';
import {
  compileFilter,
  filterFields,
  queryFilter,
  segmentFilter,
  validateFilter,
  type ContactFilter,
  type FilterValidation,
  type SavedView,
  type SystemFieldKey,
} from '../../core/filters/index.js';
import type { Contact, FieldDef } from '../../core/types.js';
import type { StoredView } from '../../data/source.js';
import { UcrmColumnsChangeEvent, UcrmContactSelectedEvent, UcrmFilterChangeEvent, UcrmSelectionChangeEvent, UcrmViewSaveEvent } from '../../events.js';
import { directoryStrings } from '../../i18n/strings/directory.js';
import { directoryActionStrings } from '../../i18n/strings/directory-actions.js';
import { directoryColumnsStore } from '../../state/directory-columns.js';
import { UcrmRegionalElement } from '../shared/ucrm-regional-element.js';
import { UcrmElement } from '../shared/ucrm-element.js';
import { canTalkTo, ContactActions } from './contact-actions.js';
import { DetailsDialog } from './details-dialog.js';
import { ViewEditor, viewNameTaken } from './view-editor.js';
import { DirectoryDialogs } from './dialogs-host.js';
import { availableColumns, cellText, DEFAULT_COLUMNS, type ColumnKey } from './directory-columns.js';
import { renderTable } from './directory-table.js';
import { renderToolbar } from './directory-toolbar.js';
import { renderFilterBuilder } from './filter-builder.js';
import { MemoryRows } from './memory-rows.js';
import { Selection } from './selection.js';
import { SourceMode } from './source-mode.js';
import { TableVirtualizer } from './table-virtualizer.js';
import { contactDirectoryStyles } from './ucrm-contact-directory.styles.js';
import { ALL_FILTER, renderViews } from './views-nav.js';
import { forAgents } from '../shared/agent-message.js';

const EMPTY_FILTER: ContactFilter = { match: 'all', conditions: [], expression: '' };
const matchAll = () => true;
/** The default of `contacts`: while it is not replaced, the directory works on its data source. */
const NO_CONTACTS: readonly Contact[] = Object.freeze([]);
const NO_FIELDS: readonly FieldDef[] = Object.freeze([]);

/**
 * The contact base: a virtualized table that stays smooth at 100k contacts
 * ("Customize table" chooses and orders its columns, remembered per user),
 * the fuzzy search, a filter builder (conditions combined by meet all, meet
 * any or a logic expression such as `(1 or 2) and 3`, with live errors that
 * say what is wrong and where), saved views and the Block segment beside the
 * table, and the bulk operations: merge 2–25 contacts with a field-by-field
 * preview, bulk update (the selection, or everything the filter matches),
 * delete confirmed by typing the count, and CSV import with column mapping,
 * progress and a report. Saved views can be edited (renamed, their filter
 * replaced by the one shown, made private or public) and deleted after a
 * confirmation; a name another view has is refused. Each row has its
 * actions: **Unblock** on a blocked contact (it returns to the main list)
 * and **New conversation** on one with a phone or email, which opens the
 * outbound composer `<ucrm-new-interaction>` on the contact's phone (Phone,
 * WhatsApp or SMS, the number in each) or else its email; the composer's
 * `ucrm-interaction-start` goes out to the host, which starts it (and calls
 * `started()` / `failed()` on `event.composedPath()[0]`). **New contact** in
 * the toolbar opens `<ucrm-contact-form>`.
 *
 * Two ways to feed it. With a `contacts` property, the host owns the data:
 * the directory filters in memory and every change goes out as a cancelable
 * event for the host to write. Without it, the directory works on its data
 * source (the `source` property, `api-base`, the nearest `<ucrm-provider>`,
 * or the library default) through the source's contact management
 * operations (`ContactAdminSource`): the source searches and filters, rows
 * are fetched a page at a time as the list scrolls, and the directory writes
 * deletes, merges, bulk updates, imports and views itself unless the host
 * cancels the request event. Picking a contact then opens
 * `<ucrm-contact-details>`; its "potential duplicates" prompt opens the merge.
 * A source without those operations is reported (message + `ucrm-error`).
 *
 * @summary Find, filter, merge, bulk-update, delete and import contacts.
 *
 * @fires ucrm-contact-selected - `{contact}` a contact's name was activated (to open its details).
 * @fires ucrm-filter-change - `{filter, valid}` the filter was edited.
 * @fires ucrm-selection-change - `{ids}` the selection changed.
 * @fires ucrm-contacts-delete - `{ids}` the user confirmed deleting these contacts by typing their count; cancelable.
 * @fires ucrm-contacts-merge - `{result, fieldSources, removedIds}` the user confirmed a merge; cancelable.
 * @fires ucrm-contacts-import - `{creates, updates, report, rows, counts}` the user confirmed a CSV import after its preview: drafts to create, patches to apply (only for existing contacts the user chose to update), each row's outcome and reason; cancelable (on a source, `preventDefault()` stops the directory from writing it, in batches of 500).
 * @fires ucrm-view-save - `{view: {id?, name, filter, public}}` the user saved the current filter as a view, or edited one (`id` set); cancelable. With `contacts`, the host stores it and adds it to `views`; on a source the directory stores it (private to `agent-id`) unless cancelled.
 * @fires ucrm-view-delete - `{view}` the user confirmed deleting a saved view; cancelable. With `contacts`, the host removes it from `views`; on a source the directory deletes it unless cancelled (only the owner's: the server answers 403 to others, said as such).
 * @fires ucrm-contact-unblock - `{contact}` the user pressed Unblock on a blocked contact's row; cancelable. With `contacts`, the host writes it; on a source the directory does unless cancelled.
 * @fires ucrm-contact-submit - `{draft}` from the New contact form (cancelable). With `contacts`, the host creates the contact; on a source the directory creates it unless cancelled.
 * @fires ucrm-contact-created - `{contact}` the directory created a contact on its source (New contact).
 * @fires ucrm-interaction-start - From the New conversation composer: `{channel, campaign, to, …}` (cancelable); the host starts the interaction.
 * @fires ucrm-error - `{operation, code, message}`: `attribute:default-region` for an unknown region; on a source, `contact-admin` when it lacks contact management, or `load`, `delete`, `merge`, `bulk-update`, `import`, `save-view`, `delete-view`, `unblock`, `create` when one fails (shown with a retry).
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
 * @csspart row-loading - A row whose contact is still being fetched from the source.
 * @csspart no-admin - The message shown when the source cannot manage contacts.
 * @csspart view-delete - Asks to delete a saved view (on a source, the user's own views): `view-delete-dialog` confirms (`view-delete-confirm`, `view-delete-cancel`).
 * @csspart view-edit - Opens `view-dialog`, the edit of a saved view: `view-name-input`, `view-name-error`, `view-filter-toggle`, `view-public-toggle`, `view-save`, `view-cancel`, `view-delete-button`.
 * @csspart save-view-error - Why the new view's name is refused (another view has it).
 * @csspart actions-cell - A row's actions: `unblock-button` (blocked contacts), `conversation-button` (New conversation).
 * @csspart conversation-dialog - The New conversation dialog around `composer`, the `<ucrm-new-interaction>`.
 * @csspart new-contact-button - Opens `create-dialog`, the New contact form (`create-form`, `create-cancel`).
 * @csspart details-conversation - New conversation from the details.
 * @csspart announcer - The polite live region (a contact unblocked or created).
 * @csspart details-dialog - The contact details of the picked contact (on a source); `details-close` closes it.
 * @csspart delete-dialog - The typed-count delete confirmation.
 * @csspart merge-button - Opens the merge preview (2 to 25 selected); `merge-refusal` says why above 25.
 * @csspart merge-dialog - The merge preview: `merge-primary`, `merge-preview`, `merge-pick`, `merge-warning`, `merge-confirm`.
 * @csspart bulk-button - Opens the bulk update.
 * @csspart bulk-dialog - The bulk update: `bulk-scope`, `bulk-action`, `bulk-text`, `bulk-field`, `bulk-value`, `bulk-refusal`, `bulk-confirm`.
 *
 * @cssproperty --ucrm-contact-directory-height - Height of the scrolling rows (default `28rem`).
 * @cssproperty --ucrm-contact-directory-column-width - Minimum width of a column (default `0`: columns share the width).
 * @cssproperty --ucrm-contact-directory-actions-width - Width of the row actions column (default `10.5rem`).
 */
export class UcrmContactDirectory extends UcrmRegionalElement {
  static override styles = [...UcrmElement.styles, contactDirectoryStyles];
  static override catalogs = [directoryStrings, directoryActionStrings];

  /**
   * Every contact of the directory, when the host owns the data. Property
   * only. Left unset, the directory works on its data source instead.
   */
  @property({ attribute: false }) contacts: readonly Contact[] = NO_CONTACTS;

  /**
   * The custom fields contacts may have (filterable, searchable, showable as
   * columns). Property only. Left unset on a source, its sections' fields.
   */
  @property({ attribute: false }) fields: readonly FieldDef[] = NO_FIELDS;

  /** The agent using the directory: owner of the private views it saves, and author of notes. */
  @property({ attribute: 'agent-id' }) agentId = '';

  /** Visible columns in order: `name`, a system field, or `custom.<key>`. Property only. */
  @property({ attribute: false }) columns: readonly ColumnKey[] = DEFAULT_COLUMNS;

  /**
   * Remembers the visible columns per user under this key (e.g. the agent's id) in
   * localStorage; without it the choice lasts as long as the element.
   */
  @property({ attribute: 'columns-key' }) columnsKey = '';

  /** The filter (a saved view sets it); updated as the user edits it. Property only. */
  @property({ attribute: false }) filter: ContactFilter = EMPTY_FILTER;

  /**
   * Saved views (named filters) listed beside the table, after "All contacts"
   * and "Blocked". Property only. On a source, loaded from it: its public
   * views and those of `agent-id`.
   */
  @property({ attribute: false }) views: readonly SavedView[] = [];

  /** The search text; updated as the user types. */
  @property() query = '';

  /** ISO 3166 region used to read national numbers typed in phone conditions. */
  @property({ attribute: 'default-region' }) defaultRegion = '';

  /** The view whose filter is shown: `all`, `blocked`, a view id, or '' after a manual edit. */
  @state() private activeView = 'all';

  /** What the polite live region says (a contact unblocked, created). */
  @state() private announcement = '';

  private fieldsFromSource = false;
  private validation: FilterValidation = { ok: true, conditions: [] };
  /** What the list runs: the filter without its incomplete conditions, blocked contacts out unless asked for (query-filter.ts). */
  private effective: ContactFilter = queryFilter(EMPTY_FILTER);
  /** With the host's contacts: how many are in the segment listed (main list or Block segment), the "of N" of the count. */
  private segmentSize = 0;
  /** The last valid filter keeps the list steady while the user types an invalid one. */
  private predicate: (contact: Contact) => boolean = matchAll;

  /** The host's contacts, searched and filtered in memory (the search index's code loaded when they first arrive). */
  private readonly memory = new MemoryRows(this, (error, retry) => this.lazyFailed(error, retry));

  /** The table's virtualizer, imported when the element connects. */
  private readonly virtualizer = new TableVirtualizer(this, (error, retry) => this.lazyFailed(error, retry));

  /** The source's rows and writes (only without `contacts`). */
  private readonly sourceData = new SourceMode(this, {
    source: () => this.activeSource,
    filter: () => this.effective,
    segment: () => segmentFilter(this.effective),
    query: () => this.query,
    // `effective` is always a filter that runs (an invalid edit leaves the last one in place).
    filterValid: () => true,
    agentId: () => this.agentId,
    fieldsFromSource: () => this.fields === NO_FIELDS || this.fieldsFromSource,
    setFields: (fields) => {
      this.fieldsFromSource = true;
      this.fields = fields;
    },
    setViews: (views) => (this.views = views),
    failed: (operation, error, retry) => this.reportError(operation, error, retry),
    clear: (operation) => this.clearProblemOf(operation),
    chunkFailed: (error, retry) => this.lazyFailed(error, retry),
    noAdmin: (data) => this.strings(data.strings).noAdmin,
  });

  private readonly selection = new Selection(this, {
    order: () => (this.sourceMode ? undefined : this.contacts),
    all: () => (this.sourceMode && this.data ? this.data.allIds() : this.memory.visible.map((c) => c.id)),
    changed: (ids) => this.dispatchEvent(new UcrmSelectionChangeEvent({ ids })),
    failed: (error, retry) => this.reportError('load', error, retry),
  });

  /** The delete, merge, bulk update and import dialogs and the columns menu, loaded on first use. */
  private readonly dialogs = new DirectoryDialogs(this, {
    locale: () => this.locale,
    contact: (id) => this.memory.byId.get(id) ?? this.data?.cache.get(id),
    fields: () => this.fields,
    words: () => this.words,
    common: () => this.common,
    columnLabel: (column) => this.columnLabel(column),
    selection: () => this.selectedIds,
    matching: () => this.memory.visible,
    data: () => (this.sourceMode ? this.data : undefined),
    fetchFailed: (operation, error, retry) => this.reportError(operation, error, retry),
    contacts: () => this.contacts,
    region: () => this.region,
    admin: () => (this.sourceMode ? this.data?.admin : undefined),
    write: (operation, work, retry) => (this.sourceMode ? this.sourceData.write(operation, work, retry) : undefined),
    writing: (done, total) => this.sourceStrings?.writing(done, total) ?? '',
    deselect: (ids) => this.selection.remove(ids),
    problem: () => this.renderProblem(),
    failed: (error, retry) => this.lazyFailed(error, retry),
  });

  /** The picked contact's `<ucrm-contact-details>` (on a source), loaded on first use. */
  private readonly details = new DetailsDialog(this, {
    data: () => this.data,
    title: () => this.sourceStrings?.detailsTitle ?? '',
    closeLabel: () => this.common.close,
    agentId: () => this.agentId,
    region: () => this.region,
    conversationLabel: () => this.strings(directoryActionStrings).newConversation,
    converse: (contact) => this.actions.converse(contact),
    merge: (ids) => {
      this.selection.set(ids);
      void this.dialogs.openMerge(this.selectedIds);
    },
    failed: (error, retry) => this.lazyFailed(error, retry),
  });

  /** Unblock, New conversation (the composer) and New contact (the create form), their parts loaded on first use. */
  private readonly actions = new ContactActions(this, {
    strings: () => this.strings(directoryActionStrings),
    source: () => this.activeSource,
    sourceMode: () => this.sourceMode,
    write: (operation, work, retry) => this.sourceData.write(operation, work, retry),
    agentId: () => this.agentId,
    region: () => this.region,
    sections: () =>
      this.fields.length
        ? [{ id: 'directory-fields', title: this.strings(directoryActionStrings).customFieldsTitle, campaigns: [], fields: [...this.fields] }]
        : [],
    name: (contact) => cellText(contact, 'name', this.fields, this.locale, this.words),
    announce: (text) => (this.announcement = text),
    problem: () => this.renderProblem(),
    cancelLabel: () => this.common.cancel,
    failed: (error, retry) => this.lazyFailed(error, retry),
  });

  /** Edit (rename, filter, visibility) and delete of a saved view, in dialogs. */
  private readonly viewEditor = new ViewEditor(this, {
    strings: () => this.strings(directoryActionStrings),
    views: () => this.views,
    setViews: (views) => (this.views = views),
    filter: () => this.filter,
    deleted: (view) => {
      if (this.activeView === view.id) this.setFilter(ALL_FILTER, 'all');
    },
    changed: (view) => {
      if (this.activeView === view.id) this.setFilter(view.filter, view.id);
    },
    sourceMode: () => this.sourceMode,
    write: (operation, work, retry) => this.sourceData.write(operation, work, retry),
    problem: () => this.renderProblem(),
    labels: () => {
      const s = this.strings(directoryStrings);
      return { name: s.viewName, public: s.viewPublic, cancel: this.common.cancel };
    },
    failed: (error, retry) => this.lazyFailed(error, retry),
  });

  /** The contacts shown: search results (best first) or all, narrowed by the filter; on a source, those loaded so far. Read-only. */
  get visibleContacts(): readonly Contact[] {
    return this.sourceMode ? (this.data?.rows ?? []).filter((c): c is Contact => c !== undefined) : this.memory.visible;
  }

  /** Ids of the selected contacts, in the order of `contacts` (on a source, in selection order). Read-only. */
  get selectedIds(): string[] {
    return this.selection.ids;
  }

  /** True while no `contacts` were given: the data comes from the source. */
  private get sourceMode(): boolean {
    return this.contacts === NO_CONTACTS;
  }

  /** Rows from the source (directory-data.ts), loaded only when there is no `contacts` property. */
  private get data() {
    return this.sourceData.data;
  }

  /** Strings of the directory on a source (loaded with its rows). */
  private get sourceStrings() {
    return this.data && this.strings(this.data.strings);
  }

  /** The rows of the table: the filtered contacts, or the source's rows (holes not loaded yet). */
  private get shown(): readonly (Contact | undefined)[] {
    return this.sourceMode ? (this.data?.rows ?? []) : this.memory.visible;
  }

  /** Settles once the parts loaded on demand that were asked for are there and rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    const chunks = [
      this.virtualizer.chunk,
      this.memory.chunk,
      this.sourceData.chunk,
      this.dialogs.chunk,
      this.details.chunk,
      this.actions.composerChunk,
      this.actions.formChunk,
      this.viewEditor.chunk,
    ];
    while (!(await Promise.all(chunks.map((chunk) => chunk.settled()))).every(Boolean)) {
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override firstUpdated(): void {
    this.dialogs.prefetchWhenIdle();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // An unknown region is reported and ignored: national numbers in phone conditions then match by digits only.
    if (changed.has('defaultRegion')) this.checkRegionAttribute(this.defaultRegion);
    // Custom columns are only known once `fields` arrive, so restore again then.
    if ((changed.has('columnsKey') || changed.has('fields')) && this.columnsKey) this.restoreColumns();
    const dataChanged = changed.has('contacts') || changed.has('fields');
    if (dataChanged) {
      this.memory.reindex(this.contacts, this.fields);
      if (!this.sourceMode) this.selection.prune((id) => this.memory.byId.has(id));
    }
    // `providedConfig` is protected, so PropertyValues<this> does not type it.
    const regionChanged = changed.has('defaultRegion') || (changed as Map<PropertyKey, unknown>).has('providedConfig');
    // Only a change of what the list runs refetches: typing into an incomplete condition's neighbours does not.
    const ran = JSON.stringify(this.effective);
    if (dataChanged || changed.has('filter') || regionChanged) this.recompile();
    const queryChanged = JSON.stringify(this.effective) !== ran;
    if (dataChanged || queryChanged || changed.has('query') || regionChanged) {
      this.memory.refilter(this.query, this.predicate);
    }
    if (this.sourceMode) this.sourceData.sync(queryChanged || changed.has('query') || regionChanged, changed.has('agentId'));
  }

  /** A part that loads on demand could not be fetched: said plainly, with a retry that loads it and redoes the action. */
  private lazyFailed(error: unknown, retry: () => void): void {
    const message = this.strings(directoryStrings).loadFailed;
    this.reportError('load', forAgents(new CrmError('unavailable', message, { cause: error })), retry);
  }

  /** Clears the error shown when it is of `operation`; without one, any error but a bad attribute's. */
  private clearProblemOf(operation?: string): void {
    const shown = this.problem?.operation;
    if (shown && (operation ? shown === operation : !shown.startsWith('attribute:'))) this.clearProblem();
  }

  private async saveView(name: string, isPublic: boolean): Promise<boolean> {
    const request = new UcrmViewSaveEvent({ view: { name, filter: this.filter, public: isPublic } });
    this.dispatchEvent(request);
    if (request.defaultPrevented || !this.sourceMode) return true;
    const owner = this.agentId || undefined;
    const saving = this.sourceData.write(
      'save-view',
      async (admin) => {
        const view = await admin.saveView({ name, filter: this.filter, public: isPublic, ...(owner ? { owner } : {}) });
        this.views = [...this.views, view];
        this.activeView = view.id;
      },
      () => this.shadowRoot?.querySelector<HTMLFormElement>('[part~="save-view"] form')?.requestSubmit(),
    );
    return saving ?? true;
  }


  /** Its own valid `default-region`, else the nearest `<ucrm-provider>`'s. */
  private get region(): string | undefined {
    return this.regionOrProvided(this.defaultRegion);
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

  private recompile(): void {
    this.validation = validateFilter(this.filter, this.fields);
    const effective = queryFilter(this.filter, this.fields);
    // An invalid filter (not merely incomplete) keeps the last list that ran.
    if (!validateFilter(effective, this.fields).ok) return;
    this.effective = effective;
    this.predicate = compileFilter(effective, this.fields, { defaultRegion: this.region });
    if (!this.sourceMode) {
      const inSegment = compileFilter(segmentFilter(effective), this.fields);
      this.segmentSize = this.contacts.reduce((n, c) => (inSegment(c) ? n + 1 : n), 0);
    }
  }

  private setFilter(filter: ContactFilter, view = ''): void {
    this.filter = filter;
    this.activeView = view;
    const valid = validateFilter(filter, this.fields).ok;
    this.dispatchEvent(new UcrmFilterChangeEvent({ filter, valid }));
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

  private open(contact: Contact): void {
    this.dispatchEvent(new UcrmContactSelectedEvent({ contact }));
    if (this.sourceMode && this.data?.admin) this.details.open(contact.id);
  }

  /** A row's actions: Unblock on a blocked contact, else New conversation when it has a phone or email. */
  private renderRowActions(contact: Contact, name: string) {
    const a = this.strings(directoryActionStrings);
    if (contact.blocked) {
      return html`<button type="button" part="unblock-button" aria-label=${a.unblockLabel(name)} @click=${() => this.actions.unblock(contact)}>
        ${a.unblock}
      </button>`;
    }
    if (!canTalkTo(contact)) return nothing;
    return html`<button
      type="button"
      part="conversation-button"
      aria-label=${a.newConversationLabel(name)}
      aria-haspopup="dialog"
      @click=${() => this.actions.converse(contact)}
    >
      ${a.newConversation}
    </button>`;
  }

  /** "Customize table": the summary is always here; what it opens loads when it is first opened. */
  private renderColumnsMenu() {
    return html`<details part="columns-menu" @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && this.dialogs.preload()}>
      <summary part="columns-summary" @click=${() => this.dialogs.preload()}>${this.strings(directoryStrings).customizeTable}</summary>
      ${this.dialogs.renderColumns({
        columns: this.columns,
        available: availableColumns(this.fields),
        label: (c) => this.columnLabel(c),
        onChange: (columns) => this.setColumns(columns),
      })}
    </details>`;
  }

  override render() {
    const s = this.strings(directoryStrings);
    const a = this.strings(directoryActionStrings);
    const shown = this.shown.length;
    const data = this.sourceMode ? this.data : undefined;
    const noAdmin = data !== undefined && data.source !== undefined && !data.admin && !data.attaching;
    // On a source, nothing is "empty" until its first answer came; with contacts, until a query's index is there.
    const waiting = this.sourceMode ? !data || data.loading || data.attaching || data.source === undefined : this.memory.searching;
    return html`<div part="base">
      ${renderToolbar({
        strings: s,
        query: this.query,
        shown,
        all: data ? data.allTotal : this.segmentSize,
        selected: this.selection.size,
        search: (query) => (this.query = query),
        remove: () => this.dialogs.openDelete(this.selectedIds),
        merge: () => void this.dialogs.openMerge(this.selectedIds),
        bulk: () => void this.dialogs.openBulk(),
        import: () => this.dialogs.openImport(),
        create: () => this.actions.openCreate(),
        newContactLabel: this.strings(directoryActionStrings).newContact,
      })}
      <div part="layout">
        ${renderViews({
          views: this.views,
          active: this.activeView,
          strings: s,
          choose: (id, filter) => this.setFilter(filter, id),
          save: (name, isPublic) => this.saveView(name, isPublic),
          manage:
            data?.admin || !this.sourceMode
              ? {
                  editLabel: a.editView,
                  deleteLabel: a.deleteViewLabel,
                  // On a source, only the owner's (the server refuses the others too); the host's views are all the host's.
                  can: (view: StoredView) => !this.sourceMode || !view.owner || view.owner === this.agentId,
                  edit: (view) => this.viewEditor.edit(view),
                  remove: (view) => this.viewEditor.confirmDelete(view),
                }
              : undefined,
          nameProblem: (name) => (viewNameTaken(this.views, name) ? a.viewNameTaken(name) : undefined),
        })}
        <div part="main">
          ${this.renderColumnsMenu()}
          ${renderFilterBuilder({
            strings: s,
            filter: this.filter,
            validation: this.validation,
            fields: filterFields(this.fields),
            customFields: this.fields,
            onChange: (filter) => this.setFilter(filter),
          })}
          ${noAdmin ? html`<p part="no-admin" role="alert">${this.sourceStrings?.noAdmin}</p>` : nothing}
          ${this.problem?.operation === 'contact-admin' ? nothing : this.renderProblem()}
          ${renderTable({
            strings: s,
            rows: this.shown,
            partial: this.sourceMode,
            columns: this.columns,
            fields: this.fields,
            locale: this.locale,
            words: this.words,
            selection: this.selection,
            columnLabel: (c) => this.columnLabel(c),
            loadingText: this.common.loading,
            virtualize: this.virtualizer.virtualize,
            loading: this.virtualizer.loading || (this.memory.searching && this.memory.chunk.loading),
            open: (contact) => this.open(contact),
            rangeChanged: (first, last) => this.data?.ensure(first, last),
            actionsLabel: this.strings(directoryActionStrings).actionsColumn,
            actions: (contact, name) => this.renderRowActions(contact, name),
          })}
          ${shown || waiting ? nothing : html`<p part="empty">${s.empty}</p>`}
        </div>
      </div>
      <p part="announcer" role="status" class="visually-hidden">${this.announcement}</p>
      ${this.dialogs.render()} ${this.details.render()} ${this.actions.render()} ${this.viewEditor.render()}
    </div>`;
  }
}
