/** One interaction in the inbox's grid: the main button (take or open) and, in Active, its Disposition button. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Interaction } from '../../core/interactions/index.js';
import type { Locale } from '../../i18n/localize.js';
import type { WorkspaceStrings } from '../../i18n/strings/workspace.js';
import type { InboxViewsStrings } from '../../i18n/strings/inbox-views.js';
import { titleOf } from './inbox-lists.js';

/** A row's focusable cells, in order: the selection checkbox (when selecting), the interaction, its Disposition button. */
export type RowColumn = 'select' | 'item' | 'disposition';

export interface RowContext {
  strings: WorkspaceStrings;
  viewStrings: InboxViewsStrings;
  /** Rows carry a checkbox (the drawer is open or something is selected). */
  selectable: boolean;
  selection: ReadonlySet<string>;
  onSelect(interaction: Interaction, on: boolean): void;
  locale: Locale;
  campaignNames: Map<string, string>;
  taking: ReadonlySet<string>;
  selectedId?: string;
  /** The row and column holding the grid's single tab stop. */
  rovingId?: string;
  rovingColumn: RowColumn;
  number(n: number): string;
  onActivate(interaction: Interaction): void;
  onDisposition(interaction: Interaction): void;
  onFocus(interaction: Interaction, column: RowColumn): void;
}

const timeFormats = new Map<Locale, Intl.DateTimeFormat>();

function formatTime(iso: string, locale: Locale): string {
  let format = timeFormats.get(locale);
  if (!format) timeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { timeStyle: 'short' })));
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : format.format(date);
}

export function renderRow(interaction: Interaction, c: RowContext): TemplateResult {
  const s = c.strings;
  const title = titleOf(interaction);
  const pending = interaction.status === 'pending';
  const finished = interaction.status === 'finished';
  const taking = c.taking.has(interaction.id);
  const open = interaction.id === c.selectedId;
  const holdsStop = interaction.id === c.rovingId;
  const activity = interaction.updatedAt ?? interaction.startedAt;
  const campaign = c.campaignNames.get(interaction.campaign) ?? interaction.campaign;
  const rowParts = ['row', open ? 'row-open' : '', finished ? 'row-finished' : ''].filter(Boolean).join(' ');
  const checked = c.selection.has(interaction.id);
  return html`<div role="row" part=${rowParts} data-id=${interaction.id} aria-selected=${c.selectable ? (checked ? 'true' : 'false') : nothing}>
    ${c.selectable
      ? html`<div role="gridcell" part="cell cell-select">
          <input
            type="checkbox"
            part="select"
            aria-label=${c.viewStrings.select(title)}
            tabindex=${holdsStop && c.rovingColumn === 'select' ? '0' : '-1'}
            .checked=${checked}
            @change=${(e: Event) => c.onSelect(interaction, (e.target as HTMLInputElement).checked)}
            @focus=${() => c.onFocus(interaction, 'select')}
          />
        </div>`
      : nothing}
    <div role="gridcell" part="cell">
      <button
        type="button"
        part="item"
        tabindex=${holdsStop && (c.rovingColumn === 'item' || (c.rovingColumn === 'select' && !c.selectable) || (c.rovingColumn === 'disposition' && pending)) ? '0' : '-1'}
        aria-current=${open ? 'true' : nothing}
        aria-busy=${taking ? 'true' : nothing}
        aria-disabled=${taking ? 'true' : nothing}
        @click=${() => (taking ? undefined : c.onActivate(interaction))}
        @focus=${() => c.onFocus(interaction, 'item')}
      >
        <span part="item-title"><span class="visually-hidden">${pending ? s.takeAction : s.openAction} </span>${title}</span>
        <span part="item-meta">
          <span>${s.channelName(interaction.channel)}</span>
          <span>${campaign}</span>
          <time datetime=${activity}>${formatTime(activity, c.locale)}</time>
          ${interaction.unread > 0 ? html`<span part="unread">${s.unread(c.number(interaction.unread))}</span>` : nothing}
          ${finished ? html`<span part="finished">${s.finishedMark}</span>` : nothing}
          ${interaction.tags?.length ? html`<span part="tags">${interaction.tags.join(', ')}</span>` : nothing}
          ${taking ? html`<span part="taking">${s.taking}</span>` : nothing}
        </span>
      </button>
    </div>
    <div role="gridcell" part="cell cell-actions">
      ${pending
        ? nothing
        : html`<button
            type="button"
            part="disposition-button"
            tabindex=${holdsStop && c.rovingColumn === 'disposition' ? '0' : '-1'}
            aria-label=${s.dispositionFor(title)}
            @click=${() => c.onDisposition(interaction)}
            @focus=${() => c.onFocus(interaction, 'disposition')}
          >
            ${s.disposition}
          </button>`}
    </div>
  </div>`;
}
