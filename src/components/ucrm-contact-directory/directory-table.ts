/**
 * The directory's table: the column headers with "select all", and the
 * virtualized rows (@lit-labs/virtualizer, imported on demand: see
 * table-virtualizer.ts), each with its checkbox, the contact's name as the
 * button that opens it, and its row actions in the last column. On a source, rows not fetched yet are placeholders of
 * the same height; while the virtualizer (or the search index) is on its way,
 * one such placeholder stands for the rows.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { VirtualizerModule } from './table-virtualizer.js';
import type { Contact, FieldDef } from '../../core/types.js';
import type { Locale } from '../../i18n/localize.js';
import type { directoryStrings } from '../../i18n/strings/directory.js';
import { cellText, type CellText, type ColumnKey } from './directory-columns.js';
import type { Selection } from './selection.js';

export interface TableContext {
  strings: (typeof directoryStrings)['en'];
  /** The rows; undefined where a source's row is not loaded yet. */
  rows: readonly (Contact | undefined)[];
  /** True on a source: not every row is loaded, so the selection is compared by count. */
  partial: boolean;
  columns: readonly ColumnKey[];
  fields: readonly FieldDef[];
  locale: Locale;
  words: CellText;
  selection: Selection;
  columnLabel: (column: ColumnKey) => string;
  loadingText: string;
  /** The virtualizer's directive; undefined until it is imported (or when its import failed). */
  virtualize: VirtualizerModule['virtualize'] | undefined;
  /** Something the rows need is on its way (the virtualizer, the search index): the body shows the loading row. */
  loading: boolean;
  open: (contact: Contact) => void;
  /** The virtualizer shows rows `first`..`last`. */
  rangeChanged: (first: number, last: number) => void;
  /** The last column's header ("Actions"). */
  actionsLabel: string;
  /** The row actions of a contact (Unblock, New conversation); `name` is how the row names it. */
  actions: (contact: Contact, name: string) => TemplateResult | typeof nothing;
}

function renderRow(ctx: TableContext, contact: Contact, index: number): TemplateResult {
  const s = ctx.strings;
  const selected = ctx.selection.has(contact.id);
  const name = cellText(contact, 'name', ctx.fields, ctx.locale, ctx.words);
  return html`<div role="row" part=${selected ? 'row row-selected' : 'row'} aria-rowindex=${index + 2}>
    <div role="cell" part="cell select-cell">
      <input
        type="checkbox"
        aria-label=${s.selectContact(name)}
        .checked=${live(selected)}
        @change=${(e: Event) => ctx.selection.toggle(contact.id, (e.target as HTMLInputElement).checked)}
      />
    </div>
    ${ctx.columns.map((column) =>
      column === 'name'
        ? html`<div role="cell" part="cell">
            <button type="button" part="open-button" @click=${() => ctx.open(contact)}>${name}</button>
          </div>`
        : html`<div role="cell" part="cell">${cellText(contact, column, ctx.fields, ctx.locale, ctx.words)}</div>`,
    )}
    <div role="cell" part="cell actions-cell">${ctx.actions(contact, name)}</div>
  </div>`;
}

/**
 * A row of the source not fetched yet (alone, it stands for the rows while
 * their code loads): the same cells as a loaded row, so its height holds when
 * the contact arrives.
 */
function renderLoadingRow(ctx: TableContext, index: number): TemplateResult {
  return html`<div role="row" part="row row-loading" aria-rowindex=${index + 2}>
    <div role="cell" part="cell select-cell"></div>
    ${ctx.columns.map((_, i) => html`<div role="cell" part="cell">${i === 0 ? ctx.loadingText : ''}</div>`)}
    <div role="cell" part="cell actions-cell"></div>
  </div>`;
}

/**
 * The rows. The virtualizer treats every element in its host as one of its
 * rows, so the loading row lives in a body of its own, swapped for the
 * virtualizer's (a new element, hence a new virtualizer) once nothing is on
 * its way.
 */
function renderBody(ctx: TableContext): TemplateResult {
  const rows = ctx.rows;
  const virtualize = ctx.virtualize;
  if (ctx.loading || !virtualize) {
    return html`<div role="rowgroup" part="body">${ctx.loading ? renderLoadingRow(ctx, 0) : nothing}</div>`;
  }
  return html`<div
    role="rowgroup"
    part="body"
    @rangeChanged=${(e: Event & { first: number; last: number }) => ctx.rangeChanged(e.first, e.last)}
  >
    ${virtualize({
      items: rows as (Contact | undefined)[],
      // The virtualizer may ask for an index of the previous, longer list right after
      // the list shrinks (a filter narrowed it): render nothing for it.
      keyFunction: (c: Contact | undefined, i: number) => c?.id ?? `#${i}`,
      renderItem: (c: Contact | undefined, i: number) =>
        c ? renderRow(ctx, c, i) : i < rows.length ? renderLoadingRow(ctx, i) : html``,
      scroller: true,
    })}
  </div>`;
}

export function renderTable(ctx: TableContext): TemplateResult {
  const s = ctx.strings;
  const rows = ctx.rows;
  const selection = ctx.selection;
  const selectedVisible = ctx.partial
    ? Math.min(selection.size, rows.length)
    : rows.reduce((n, c) => n + (c && selection.has(c.id) ? 1 : 0), 0);
  const all = rows.length > 0 && selectedVisible === rows.length;
  // The loading row stands for row 2 even before any row is known.
  const rowCount = (ctx.loading ? Math.max(rows.length, 1) : rows.length) + 1;
  return html`<div
    part="table"
    role="table"
    aria-label=${s.tableLabel}
    aria-rowcount=${rowCount}
    aria-busy=${ctx.loading ? 'true' : nothing}
    style="--_columns: ${ctx.columns.length}"
  >
    <div role="rowgroup">
      <div role="row" part="header-row" aria-rowindex="1">
        <div role="columnheader" part="cell select-cell">
          <input
            type="checkbox"
            aria-label=${s.selectAll(rows.length)}
            ?disabled=${rows.length === 0}
            .checked=${live(all)}
            .indeterminate=${selectedVisible > 0 && !all}
            @change=${(e: Event) => void selection.toggleAll((e.target as HTMLInputElement).checked)}
          />
        </div>
        ${ctx.columns.map((c) => html`<div role="columnheader" part="cell">${ctx.columnLabel(c)}</div>`)}
        <div role="columnheader" part="cell actions-cell">${ctx.actionsLabel}</div>
      </div>
    </div>
    ${renderBody(ctx)}
  </div>`;
}
