/**
 * The inside of "Customize table": choose which columns the directory shows
 * and in what order. Shown columns come first, in order, each movable up and
 * down; the others follow, unchecked. At least one column always stays. Part
 * of the on-demand chunk: the closed menu (its summary) is the element's.
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ColumnKey } from './directory-columns.js';

export interface ColumnsMenuContext {
  columns: readonly ColumnKey[];
  available: readonly ColumnKey[];
  label: (column: ColumnKey) => string;
  strings: {
    columnsLegend: string;
    moveUp: (label: string) => string;
    moveDown: (label: string) => string;
  };
  onChange: (columns: ColumnKey[]) => void;
}

function move(columns: readonly ColumnKey[], index: number, by: -1 | 1): ColumnKey[] {
  const next = [...columns];
  [next[index], next[index + by]] = [next[index + by], next[index]];
  return next;
}

export function renderColumnsChoice(ctx: ColumnsMenuContext): TemplateResult {
  const s = ctx.strings;
  const hidden = ctx.available.filter((c) => !ctx.columns.includes(c));
  const only = ctx.columns.length === 1;
  return html`<fieldset part="columns-fieldset">
      <legend>${s.columnsLegend}</legend>
      <ul part="columns-list">
        ${ctx.columns.map((column, i) => {
          const label = ctx.label(column);
          return html`<li part="column-option">
            <label
              ><input
                type="checkbox"
                .checked=${live(true)}
                ?disabled=${only}
                @change=${() => ctx.onChange(ctx.columns.filter((c) => c !== column))}
              />${label}</label
            >
            <button
              type="button"
              part="column-up"
              aria-label=${s.moveUp(label)}
              ?disabled=${i === 0}
              @click=${() => ctx.onChange(move(ctx.columns, i, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              part="column-down"
              aria-label=${s.moveDown(label)}
              ?disabled=${i === ctx.columns.length - 1}
              @click=${() => ctx.onChange(move(ctx.columns, i, 1))}
            >
              ↓
            </button>
          </li>`;
        })}
        ${hidden.map(
          (column) =>
            html`<li part="column-option">
              <label
                ><input
                  type="checkbox"
                  .checked=${live(false)}
                  @change=${() => ctx.onChange([...ctx.columns, column])}
                />${ctx.label(column)}</label
              >
            </li>`,
        )}
      </ul>
    </fieldset>`;
}
