/**
 * The directory's toolbar: the search box, the live count, how many are
 * selected, and the buttons of the actions (delete, merge with its 2–25
 * limit explained, bulk update, import, new contact). The actions' dialogs load on demand
 * (dialogs-host.ts); their buttons and labels are always here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { checkMergeCount } from '../../core/merge/index.js';
import type { directoryStrings } from '../../i18n/strings/directory.js';

export interface ToolbarContext {
  strings: (typeof directoryStrings)['en'];
  query: string;
  shown: number;
  all: number;
  selected: number;
  search: (query: string) => void;
  remove: () => void;
  merge: () => void;
  bulk: () => void;
  import: () => void;
  /** Opens the create form ("New contact"). */
  create: () => void;
  newContactLabel: string;
}

/** Merge needs 2 to 25 selected contacts; above 25 the reason is shown next to the button. */
function renderMergeButton(ctx: ToolbarContext): TemplateResult {
  const s = ctx.strings;
  const refusal = checkMergeCount(ctx.selected);
  const tooMany = refusal?.reason === 'too-many';
  return html`<button
      type="button"
      part="merge-button"
      ?disabled=${refusal !== undefined}
      aria-describedby=${tooMany ? 'merge-refusal' : nothing}
      @click=${ctx.merge}
    >
      ${s.mergeButton}
    </button>
    ${tooMany ? html`<p part="merge-refusal" id="merge-refusal">${s.mergeRefusal(refusal!.reason, refusal!.limit ?? 0)}</p>` : nothing}`;
}

export function renderToolbar(ctx: ToolbarContext): TemplateResult {
  const s = ctx.strings;
  return html`<div part="toolbar">
    <input
      type="search"
      part="search-input"
      aria-label=${s.searchLabel}
      placeholder=${s.searchPlaceholder}
      .value=${live(ctx.query)}
      @input=${(e: Event) => ctx.search((e.target as HTMLInputElement).value)}
    />
    <p part="status" role="status">${s.count(ctx.shown, ctx.all)}</p>
    ${ctx.selected ? html`<p part="selected-count">${s.selectedCount(ctx.selected)}</p>` : nothing}
    <button type="button" part="delete-button" ?disabled=${ctx.selected === 0} @click=${ctx.remove}>${s.deleteButton}</button>
    ${renderMergeButton(ctx)}
    <button type="button" part="bulk-button" ?disabled=${ctx.shown === 0} @click=${ctx.bulk}>${s.bulkButton}</button>
    <button type="button" part="import-button" @click=${ctx.import}>${s.importButton}</button>
    <button type="button" part="new-contact-button" class="primary" aria-haspopup="dialog" @click=${ctx.create}>
      ${ctx.newContactLabel}
    </button>
  </div>`;
}
