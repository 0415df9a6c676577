/**
 * The directory's table: the column headers with "select all", and the
 * virtualized rows (@lit-labs/virtualizer), each with its checkbox and the
 * contact's name as the button that opens it. On a source, rows not fetched
 * yet are placeholders of the same height.
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
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
  open: (contact: Contact) => void;
  /** The virtualizer shows rows `first`..`last`. */
  rangeChanged: (first: number, last: number) => void;
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
  </div>`;
}

/** A row of the source not fetched yet: the same cells as a loaded row, so its height holds when the contact arrives. */
function renderLoadingRow(ctx: TableContext, index: number): TemplateResult {
  return html`<div role="row" part="row row-loading" aria-rowindex=${index + 2}>
    <div role="cell" part="cell select-cell"></div>
    ${ctx.columns.map((_, i) => html`<div role="cell" part="cell">${i === 0 ? ctx.loadingText : ''}</div>`)}
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
  return html`<div
    part="table"
    role="table"
    aria-label=${s.tableLabel}
    aria-rowcount=${rows.length + 1}
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
      </div>
    </div>
    <div
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
    </div>
  </div>`;
}
