/**
 * The bulk update dialog of the contact directory: assign an owner, add or
 * remove tags, or set a field, on the selected contacts, or, with nothing
 * selected, on every contact matching the current filter (the dialog states
 * that count). Planning is `planBulkUpdate` (src/core/bulk.ts); writing is
 * the host's, on the event.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  BULK_SETTABLE_FIELDS,
  bulkTargets,
  contactField,
  planBulkUpdate,
  type BulkAction,
  type BulkPatch,
  type BulkRefusal,
} from '../../core/contacts/index.js';
import type { Contact, FieldDef } from '../../core/types.js';
import { UcrmBulkUpdateEvent } from '../../events.js';
import type { bulkStrings } from '../../i18n/strings/directory-bulk.js';

type Strings = (typeof bulkStrings)['en'];
type Kind = BulkAction['kind'];

const KINDS: readonly Kind[] = ['assign-owner', 'add-tags', 'remove-tags', 'set-field'];

export interface BulkDeps {
  /** The selected ids, and the contacts matching the current filter and search. */
  selection: () => readonly string[];
  matching: () => readonly Contact[];
  fields: () => readonly FieldDef[];
  strings: () => Strings;
  fieldLabel: (key: string) => string;
  yesNo: () => { yes: string; no: string };
  cancel: () => string;
  /**
   * Writes the patches through the directory's source; resolves false when it
   * failed (the dialog stays open, everything typed kept). Undefined: the host writes.
   */
  apply?: (patches: BulkPatch[]) => Promise<boolean> | undefined;
  /** The element's current error, shown inside the open dialog. */
  problem?: () => unknown;
}

/** How a field's new value is typed: a flag, a number, a date, a choice, or text. */
function inputKind(field: string, fields: readonly FieldDef[]): { type: 'flag' | 'number' | 'date' | 'text' | 'select'; options?: string[] } {
  if (contactField(field)?.type === 'boolean') return { type: 'flag' };
  const def = fields.find((f) => f.key === field);
  switch (def?.type) {
    case 'checkbox':
      return { type: 'flag' };
    case 'number':
      return { type: 'number' };
    case 'date':
      return { type: 'date' };
    case 'select':
      return { type: 'select', options: def.options ?? [] };
    default:
      return { type: 'text' };
  }
}

export class BulkFlow implements ReactiveController {
  private kind: Kind = 'assign-owner';
  private text = '';
  private field = 'leadStage';
  private refusal?: BulkRefusal;
  private active = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: BulkDeps,
  ) {
    host.addController(this);
  }

  /** A bulk update left open on an element that leaves the page is dropped. */
  hostDisconnected(): void {
    this.active = false;
  }

  open(): void {
    this.active = true;
    this.kind = 'assign-owner';
    this.text = '';
    this.refusal = undefined;
    this.host.requestUpdate();
  }

  private close(): void {
    this.active = false;
    this.host.requestUpdate();
  }

  private set(change: { kind?: Kind; text?: string; field?: string }): void {
    if (change.kind !== undefined) this.kind = change.kind;
    if (change.field !== undefined) {
      this.field = change.field;
      this.text = inputKind(change.field, this.deps.fields()).type === 'flag' ? 'true' : '';
    }
    if (change.text !== undefined) this.text = change.text;
    this.refusal = undefined;
    this.host.requestUpdate();
  }

  private action(): BulkAction {
    const tags = this.text.split(',').map((t) => t.trim());
    switch (this.kind) {
      case 'assign-owner':
        return { kind: 'assign-owner', owner: this.text.trim() || undefined };
      case 'add-tags':
        return { kind: 'add-tags', tags };
      case 'remove-tags':
        return { kind: 'remove-tags', tags };
      case 'set-field': {
        const { type } = inputKind(this.field, this.deps.fields());
        const text = this.text.trim();
        const value =
          type === 'flag' ? text === 'true' : !text ? undefined : type === 'number' ? Number(text) : text;
        return { kind: 'set-field', field: this.field, value };
      }
    }
  }

  private targets() {
    return bulkTargets(this.deps.selection(), this.deps.matching());
  }

  private async confirm(event: Event): Promise<void> {
    event.preventDefault();
    const { scope, targets } = this.targets();
    const action = this.action();
    const plan = planBulkUpdate(targets, action, this.deps.fields());
    if (!plan.ok) {
      this.refusal = plan.reason;
      this.host.requestUpdate();
      return;
    }
    const request = new UcrmBulkUpdateEvent({ action, scope, patches: plan.patches });
    this.host.dispatchEvent(request);
    if (request.defaultPrevented) return;
    const written = this.deps.apply?.(plan.patches);
    if (written && !(await written)) return;
    this.close();
  }

  private renderValue(): TemplateResult {
    const s = this.deps.strings();
    const update = (e: Event) => this.set({ text: (e.target as HTMLInputElement).value });
    if (this.kind === 'assign-owner' || this.kind === 'add-tags' || this.kind === 'remove-tags') {
      const owner = this.kind === 'assign-owner';
      return html`<label for="bulk-text">${owner ? s.ownerLabel : s.tagsLabel}</label>
        <input id="bulk-text" part="bulk-text" .value=${live(this.text)} @input=${update} />
        ${owner ? html`<p part="bulk-hint">${s.ownerHint}</p>` : nothing}`;
    }
    const fields = this.deps.fields();
    const choice = inputKind(this.field, fields);
    const { yes, no } = this.deps.yesNo();
    return html`<label for="bulk-field">${s.fieldLabel}</label>
      <select
        id="bulk-field"
        part="bulk-field"
        .value=${live(this.field)}
        @change=${(e: Event) => this.set({ field: (e.target as HTMLSelectElement).value })}
      >
        ${[...BULK_SETTABLE_FIELDS, ...fields.map((f) => f.key)].map(
          (key) => html`<option value=${key} ?selected=${key === this.field}>${this.deps.fieldLabel(key)}</option>`,
        )}
      </select>
      <label for="bulk-value">${s.valueLabel}</label>
      ${choice.type === 'flag' || choice.type === 'select'
        ? html`<select id="bulk-value" part="bulk-value" .value=${live(this.text)} @change=${update}>
            ${choice.type === 'flag'
              ? html`<option value="true" ?selected=${this.text === 'true'}>${yes}</option>
                  <option value="false" ?selected=${this.text === 'false'}>${no}</option>`
              : html`<option value=""></option>
                  ${choice.options!.map((o) => html`<option value=${o} ?selected=${o === this.text}>${o}</option>`)}`}
          </select>`
        : html`<input
            id="bulk-value"
            part="bulk-value"
            type=${choice.type}
            .value=${live(this.text)}
            @input=${update}
          />`}`;
  }

  render(): TemplateResult {
    const s = this.deps.strings();
    const { scope, targets } = this.active ? this.targets() : { scope: 'selection', targets: [] };
    return html`<ucrm-dialog part="bulk-dialog" label=${s.title} .open=${this.active} @close=${() => this.close()}>
      ${this.active
        ? html`<form @submit=${(e: Event) => void this.confirm(e)}>
            <p part="bulk-scope">${scope === 'selection' ? s.scopeSelection(targets.length) : s.scopeFilter(targets.length)}</p>
            <label for="bulk-action">${s.actionLabel}</label>
            <select
              id="bulk-action"
              part="bulk-action"
              .value=${live(this.kind)}
              @change=${(e: Event) => this.set({ kind: (e.target as HTMLSelectElement).value as Kind, text: '' })}
            >
              ${KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${s.action(k)}</option>`)}
            </select>
            ${this.renderValue()}
            ${this.refusal ? html`<p part="bulk-refusal" role="alert">${s.refusal(this.refusal)}</p>` : nothing}
            ${this.deps.problem?.() ?? nothing}
            <div part="dialog-actions">
              <button type="button" @click=${() => this.close()}>${this.deps.cancel()}</button>
              <button type="submit" class="primary" part="bulk-confirm" ?disabled=${targets.length === 0}>
                ${s.confirm(targets.length)}
              </button>
            </div>
          </form>`
        : nothing}
    </ucrm-dialog>`;
  }
}
