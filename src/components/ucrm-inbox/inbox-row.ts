/** One interaction in the inbox's grid: the main button (take or open) and, in Active, its Disposition button. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Interaction } from '../../core/interactions/index.js';
import type { Locale } from '../../i18n/localize.js';
import type { WorkspaceStrings } from '../../i18n/strings/workspace.js';
import { titleOf } from './inbox-lists.js';

export interface RowContext {
  strings: WorkspaceStrings;
  locale: Locale;
  campaignNames: Map<string, string>;
  taking: ReadonlySet<string>;
  selectedId?: string;
  /** The row and column holding the grid's single tab stop. */
  rovingId?: string;
  rovingColumn: number;
  number(n: number): string;
  onActivate(interaction: Interaction): void;
  onDisposition(interaction: Interaction): void;
  onFocus(interaction: Interaction, column: number): void;
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
  return html`<div role="row" part=${rowParts} data-id=${interaction.id}>
    <div role="gridcell" part="cell">
      <button
        type="button"
        part="item"
        tabindex=${holdsStop && c.rovingColumn === 0 ? '0' : '-1'}
        aria-current=${open ? 'true' : nothing}
        aria-busy=${taking ? 'true' : nothing}
        aria-disabled=${taking ? 'true' : nothing}
        @click=${() => (taking ? undefined : c.onActivate(interaction))}
        @focus=${() => c.onFocus(interaction, 0)}
      >
        <span part="item-title"><span class="visually-hidden">${pending ? s.takeAction : s.openAction} </span>${title}</span>
        <span part="item-meta">
          <span>${s.channelName(interaction.channel)}</span>
          <span>${campaign}</span>
          <time datetime=${activity}>${formatTime(activity, c.locale)}</time>
          ${interaction.unread > 0 ? html`<span part="unread">${s.unread(c.number(interaction.unread))}</span>` : nothing}
          ${finished ? html`<span part="finished">${s.finishedMark}</span>` : nothing}
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
            tabindex=${holdsStop && c.rovingColumn === 1 ? '0' : '-1'}
            aria-label=${s.dispositionFor(title)}
            @click=${() => c.onDisposition(interaction)}
            @focus=${() => c.onFocus(interaction, 1)}
          >
            ${s.disposition}
          </button>`}
    </div>
  </div>`;
}
