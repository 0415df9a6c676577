/**
 * The import's preview step: what each row of the file will do (create,
 * update, skip) and why, the counts, a filter by outcome, the choice between
 * skipping and updating contacts that already exist (and, per row, an
 * exception), in a virtualized list so 100k rows scroll as 10.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ImportMode, ImportOutcome, ImportPlan, ImportRow } from '../../core/import/index.js';
import type { importStrings } from '../../i18n/strings/directory-import.js';
import type { VirtualizerModule } from './table-virtualizer.js';

type Strings = (typeof importStrings)['en'];

export type PreviewFilter = 'all' | ImportOutcome;

export interface PreviewContext {
  strings: Strings;
  plan: ImportPlan;
  /** The rows the filter shows. */
  rows: readonly ImportRow[];
  filter: PreviewFilter;
  mode: ImportMode;
  /** A row's choice (its exception to `mode`, or `mode`). */
  rowMode: (row: number) => ImportMode;
  /** Planning again after a choice: the counts and the Import button wait. */
  busy: boolean;
  virtualize: VirtualizerModule['virtualize'];
  setFilter: (filter: PreviewFilter) => void;
  setMode: (mode: ImportMode) => void;
  setRowMode: (row: number, mode: ImportMode) => void;
  /** The localized reason of a row. */
  reason: (row: ImportRow) => string;
}

function renderRow(ctx: PreviewContext, entry: ImportRow, index: number): TemplateResult {
  const s = ctx.strings;
  const chosen = ctx.rowMode(entry.row) === 'update';
  return html`<div
    role="listitem"
    part="import-row import-row-${entry.outcome}"
    aria-setsize=${ctx.rows.length}
    aria-posinset=${index + 1}
    data-row=${entry.row}
  >
    <span part="import-row-number">${s.rowNumber(entry.row)}</span>
    <span part="import-row-outcome">${s.outcome(entry.outcome)}</span>
    <span part="import-row-reason">${ctx.reason(entry)}</span>
    ${entry.choosable && entry.match
      ? html`<label part="import-row-choice"
          ><input
            type="checkbox"
            aria-label=${s.updateRow(entry.row, entry.match.name)}
            .checked=${live(chosen)}
            ?disabled=${ctx.busy}
            @change=${(e: Event) => ctx.setRowMode(entry.row, (e.target as HTMLInputElement).checked ? 'update' : 'skip')}
          />${s.outcome('update')}</label
        >`
      : nothing}
  </div>`;
}

export function renderPreview(ctx: PreviewContext): TemplateResult {
  const s = ctx.strings;
  const { counts } = ctx.plan;
  const total = counts.create + counts.update + counts.skip;
  const filters: PreviewFilter[] = ['all', 'create', 'update', 'skip'];
  return html`<fieldset part="import-mode">
      <legend>${s.modeLegend}</legend>
      ${(['skip', 'update'] as const).map(
        (mode) =>
          html`<label
            ><input
              type="radio"
              name="import-mode"
              value=${mode}
              .checked=${live(ctx.mode === mode)}
              ?disabled=${ctx.busy}
              @change=${() => ctx.setMode(mode)}
            />${mode === 'update' ? s.modeUpdate : s.modeSkip}</label
          >`,
      )}
    </fieldset>
    <p part="import-counts" role="status">${ctx.busy ? s.planning : s.counts(counts.create, counts.update, counts.skip)}</p>
    <label for="import-filter">${s.filterLabel}</label>
    <select
      id="import-filter"
      part="import-filter"
      .value=${live(ctx.filter)}
      @change=${(e: Event) => ctx.setFilter((e.target as HTMLSelectElement).value as PreviewFilter)}
    >
      ${filters.map(
        (f) =>
          html`<option value=${f} ?selected=${f === ctx.filter}>
            ${f === 'all' ? s.filterAll(total) : s.filterOutcome(f, counts[f])}
          </option>`,
      )}
    </select>
    ${ctx.rows.length
      ? html`<div role="list" part="import-preview" aria-label=${s.previewLabel} tabindex="0">
          ${ctx.virtualize({
            items: ctx.rows as ImportRow[],
            keyFunction: (entry: ImportRow) => entry.row,
            renderItem: (entry: ImportRow, index: number) => (entry ? renderRow(ctx, entry, index) : html``),
            scroller: true,
          })}
        </div>`
      : html`<p part="import-preview-empty">${s.noRows}</p>`}`;
}
