/**
 * The inbox's views (seed 004): the view picker, the filter drawer (the
 * directory's filter builder over interaction fields: one parser, one
 * evaluator), saving / renaming / deleting a view, the batch bar for the
 * selected interactions, and the Scheduled list (rescheduled attempts).
 * Render helpers: `<ucrm-inbox>` owns the state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  customFilterField,
  filterFields,
  validateFilter,
  type ContactFilter,
  type FilterField,
  type FilterValidation,
} from '../../core/filters/index.js';
import { INTERACTION_FILTER_FIELDS } from '../../core/interactions/index.js';
import type { FieldDef } from '../../core/types.js';
import type { InboxView, ScheduledAttempt } from '../../data/interactions/source.js';
import type { directoryStrings } from '../../i18n/strings/directory.js';
import type { InboxViewsStrings } from '../../i18n/strings/inbox-views.js';
import type { Locale } from '../../i18n/localize.js';
import { renderFormField } from '../shared/form-field.js';
import { renderFilterBuilder } from '../ucrm-contact-directory/filter-builder.js';

type DirectoryStrings = (typeof directoryStrings)['en'];

export const EMPTY_FILTER: ContactFilter = { match: 'all', conditions: [] };

/** The drawer's fields (seed 004: Contact Name; DESIGN.md: channel, campaign, status, tags), labelled in the agent's language. */
export function drawerFields(s: InboxViewsStrings): { fields: FilterField[]; customFields: FieldDef[] } {
  const label: Record<string, string> = { name: s.interactionName, channel: s.channel, campaign: s.campaign, status: s.status };
  const customFields = INTERACTION_FILTER_FIELDS.filter((f) => f.key in label).map((f) => ({ ...f, label: label[f.key]! }));
  const tags = filterFields().find((f) => f.key === 'tags')!;
  return { fields: [...customFields.map(customFilterField), tags], customFields };
}

/** Checks a filter against the drawer's fields (the same rules and messages as the directory's). */
export function validateDrawerFilter(filter: ContactFilter): FilterValidation {
  return validateFilter(filter, INTERACTION_FILTER_FIELDS);
}

export interface ViewsContext {
  s: InboxViewsStrings;
  dir: DirectoryStrings;
  views: InboxView[];
  viewId?: string;
  agentId?: string;
  drawerOpen: boolean;
  filter: ContactFilter;
  validation: FilterValidation;
  /** The view editor: its name, public flag, the error of the last save. */
  name: string;
  isPublic: boolean;
  saveError?: string;
  busy: boolean;
  shown: string;
  total: string;
  onPickView(id: string): void;
  onToggleDrawer(): void;
  onFilter(filter: ContactFilter): void;
  onName(name: string): void;
  onPublic(on: boolean): void;
  onSave(asNew: boolean): void;
  onDelete(): void;
}

/** The view picker and the Filters button (in the inbox's header row). */
export function renderViewsBar(c: ViewsContext): TemplateResult {
  const s = c.s;
  return html`<div part="views">
    <label part="view-label" for="view-select">${s.view}</label>
    <select id="view-select" part="view-select" @change=${(e: Event) => c.onPickView((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!c.viewId}>${s.allInteractions}</option>
      ${c.views.map(
        (view) => html`<option value=${view.id} ?selected=${view.id === c.viewId}>${view.public ? s.publicMark(view.name) : view.name}</option>`,
      )}
    </select>
    <button
      type="button"
      part="filter-button"
      aria-expanded=${c.drawerOpen ? 'true' : 'false'}
      aria-controls="drawer"
      @click=${c.onToggleDrawer}
    >
      ${s.filters}${c.filter.conditions.length ? html` <span part="filter-count">(${c.filter.conditions.length})</span>` : nothing}
    </button>
  </div>`;
}

/** The filter drawer: the builder, what it shows, and the view's save / rename / delete. */
export function renderDrawer(c: ViewsContext): TemplateResult | typeof nothing {
  if (!c.drawerOpen) return nothing;
  const s = c.s;
  const { fields, customFields } = drawerFields(s);
  const view = c.views.find((v) => v.id === c.viewId);
  const mine = !!view && (!view.owner || view.owner === c.agentId);
  return html`<section part="drawer" id="drawer" aria-label=${s.drawer}>
    ${renderFilterBuilder({ strings: c.dir, filter: c.filter, validation: c.validation, fields, customFields, onChange: c.onFilter })}
    <p part="filter-summary" role="status">${s.filtered(c.shown, c.total)}</p>
    ${c.filter.conditions.length
      ? html`<button type="button" part="clear-filter" @click=${() => c.onFilter(EMPTY_FILTER)}>${s.clearFilter}</button>`
      : nothing}
    <form
      part="view-form"
      aria-label=${s.viewName}
      @submit=${(e: Event) => {
        e.preventDefault();
        c.onSave(!mine);
      }}
    >
      ${renderFormField({
        id: 'view-name',
        label: s.viewName,
        error: c.saveError,
        control: (aria) =>
          html`<input
            id="view-name"
            part="view-name"
            autocomplete="off"
            .value=${live(c.name)}
            aria-invalid=${aria.invalid ?? nothing}
            aria-describedby=${aria.describedBy ?? nothing}
            @input=${(e: Event) => c.onName((e.target as HTMLInputElement).value)}
          />`,
      })}
      <label part="view-public"
        ><input type="checkbox" .checked=${live(c.isPublic)} @change=${(e: Event) => c.onPublic((e.target as HTMLInputElement).checked)} />
        ${s.public}</label
      >
      ${view && !mine ? html`<p part="view-note">${s.notYours}</p>` : nothing}
      <div part="view-actions">
        ${mine
          ? html`<button type="submit" part="update-view" class="primary" aria-disabled=${c.busy ? 'true' : nothing}>${s.updateView}</button>
              <button type="button" part="save-view" aria-disabled=${c.busy ? 'true' : nothing} @click=${() => c.onSave(true)}>${s.saveView}</button>
              <button type="button" part="delete-view" class="danger" aria-disabled=${c.busy ? 'true' : nothing} @click=${c.onDelete}>${s.deleteView}</button>`
          : html`<button type="submit" part="save-view" class="primary" aria-disabled=${c.busy ? 'true' : nothing}>${s.saveView}</button>`}
      </div>
    </form>
  </section>`;
}

export interface BatchContext {
  s: InboxViewsStrings;
  count: number;
  formattedCount: string;
  tag: string;
  busy: boolean;
  error?: string;
  /** Set after a first Delete: says what a second one does. */
  confirm?: string;
  onTag(tag: string): void;
  onAddTag(): void;
  onRemoveTag(): void;
  onDelete(): void;
  onClear(): void;
}

/** The batch bar for the selected interactions: add or remove a tag, delete. */
export function renderBatchBar(c: BatchContext): TemplateResult | typeof nothing {
  if (!c.count) return nothing;
  const s = c.s;
  const busy = c.busy ? 'true' : nothing;
  return html`<div part="batch" role="group" aria-label=${s.batchLabel}>
    <p part="batch-count">${s.selected(c.formattedCount)}</p>
    ${renderFormField({
      id: 'batch-tag',
      label: s.tag,
      error: c.error,
      fieldPart: 'field batch-tag-field',
      control: (aria) =>
        html`<input
          id="batch-tag"
          part="batch-tag"
          autocomplete="off"
          .value=${live(c.tag)}
          aria-invalid=${aria.invalid ?? nothing}
          aria-describedby=${aria.describedBy ?? nothing}
          @input=${(e: Event) => c.onTag((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              c.onAddTag();
            }
          }}
        />`,
    })}
    <button type="button" part="batch-add-tag" aria-disabled=${busy} @click=${c.onAddTag}>${s.addTag}</button>
    <button type="button" part="batch-remove-tag" aria-disabled=${busy} @click=${c.onRemoveTag}>${s.removeTag}</button>
    <button type="button" part="batch-delete" class="danger" aria-disabled=${busy} @click=${c.onDelete}>${s.deleteSelected}</button>
    ${c.confirm ? html`<p part="batch-confirm" role="alert">${c.confirm}</p>` : nothing}
    <button type="button" part="batch-clear" @click=${c.onClear}>${s.clearSelection}</button>
  </div>`;
}

const timeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** The agent's rescheduled attempts, soonest first. */
export function renderScheduled(
  s: InboxViewsStrings,
  attempts: readonly ScheduledAttempt[],
  locale: Locale,
  campaignName: (id: string) => string,
): TemplateResult {
  let format = timeFormats.get(locale);
  if (!format) timeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' })));
  return html`<section part="scheduled" aria-labelledby="scheduled-title">
    <h3 part="scheduled-title" id="scheduled-title">${s.scheduled}</h3>
    ${attempts.length
      ? html`<ul part="scheduled-list">
          ${attempts.map(
            (a) => html`<li part="scheduled-item" data-id=${a.id}>
              <time datetime=${a.at}>${format.format(new Date(a.at))}</time>
              <span>${s.scheduledItem(a.title || a.clientId, campaignName(a.campaign))}</span>
            </li>`,
          )}
        </ul>`
      : html`<p part="scheduled-empty">${s.scheduledEmpty}</p>`}
  </section>`;
}
