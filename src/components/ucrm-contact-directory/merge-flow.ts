/**
 * The merge dialog of the contact directory: pick the primary, see the
 * merged contact field by field (primary wins, empty fields filled from the
 * others, any field can be taken from another contact), and confirm an
 * operation that says plainly it cannot be undone. Planning is
 * `planMerge` (src/core/merge.ts); writing is the host's, on the event.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { mergeFields, planMerge, type MergeField, type MergePlan } from '../../core/merge/index.js';
import type { Contact, FieldDef } from '../../core/types.js';
import { UcrmContactsMergeEvent } from '../../events.js';
import type { Locale } from '../../i18n/localize.js';
import type { mergeStrings } from '../../i18n/strings/directory-merge.js';
import { cellText, type CellText } from './directory-columns.js';

type Strings = (typeof mergeStrings)['en'];

export interface MergeHost extends ReactiveControllerHost, HTMLElement {
  readonly locale: Locale;
}

export interface MergeDeps {
  contact: (id: string) => Contact | undefined;
  fields: () => readonly FieldDef[];
  strings: () => Strings;
  words: () => CellText;
  cancel: () => string;
  fieldLabel: (field: MergeField) => string;
  /** Called when the host accepted the merge (did not cancel the event) and it was written. */
  merged: (removedIds: string[]) => void;
  /**
   * Writes the merge through the directory's source; resolves false when it
   * failed (the dialog stays open, every choice kept). Undefined: the host writes.
   */
  apply?: (plan: MergePlan) => Promise<boolean> | undefined;
  /** The element's current error, shown inside the open dialog. */
  problem?: () => unknown;
}

export class MergeFlow implements ReactiveController {
  private contacts: Contact[] = [];
  private primaryId = '';
  private picks: Partial<Record<MergeField, string>> = {};

  constructor(
    private readonly host: MergeHost,
    private readonly deps: MergeDeps,
  ) {
    host.addController(this);
  }

  /** A merge left open on an element that leaves the page is dropped, never run later. */
  hostDisconnected(): void {
    this.contacts = [];
  }

  /** Opens the preview for these contacts (selection order; the first is the proposed primary). */
  open(ids: readonly string[]): void {
    this.contacts = ids.map((id) => this.deps.contact(id)).filter((c): c is Contact => c !== undefined);
    this.primaryId = this.contacts[0]?.id ?? '';
    this.picks = {};
    this.host.requestUpdate();
  }

  private close(): void {
    this.contacts = [];
    this.host.requestUpdate();
  }

  private plan(): MergePlan | undefined {
    const outcome = planMerge(this.contacts, this.primaryId, this.picks);
    return outcome.ok ? outcome : undefined;
  }

  private async confirm(event: Event, plan: MergePlan): Promise<void> {
    event.preventDefault();
    const request = new UcrmContactsMergeEvent({
      result: plan.result,
      fieldSources: plan.fieldSources,
      removedIds: plan.removedIds,
    });
    this.host.dispatchEvent(request);
    if (request.defaultPrevented) return;
    const written = this.deps.apply?.(plan);
    if (written && !(await written)) return;
    this.close();
    this.deps.merged(plan.removedIds);
  }

  private name(contact: Contact): string {
    return cellText(contact, 'name', this.deps.fields(), this.host.locale, this.deps.words());
  }

  private value(contact: Contact, field: MergeField): string {
    return cellText(contact, field, this.deps.fields(), this.host.locale, this.deps.words());
  }

  private hasValue(contact: Contact, field: MergeField): boolean {
    if (field === 'blocked' || field === 'unsubscribed') return contact[field];
    const raw = field.startsWith('custom.') ? contact.custom?.[field.slice(7)] : contact[field as keyof Contact];
    return raw != null && String(raw).trim() !== '';
  }

  private renderField(field: MergeField, plan: MergePlan, index: number): TemplateResult | typeof nothing {
    const s = this.deps.strings();
    const source = plan.fieldSources[field];
    const offered = this.contacts.filter((c) => this.hasValue(c, field) || c.id === source);
    if (!offered.some((c) => this.hasValue(c, field))) return nothing;
    const label = this.deps.fieldLabel(field);
    return html`<tr>
      <th scope="row" id="merge-field-${index}">${label}</th>
      <td>
        <select
          part="merge-pick"
          aria-labelledby="merge-field-${index}"
          .value=${live(source)}
          @change=${(e: Event) => {
            this.picks = { ...this.picks, [field]: (e.target as HTMLSelectElement).value };
            this.host.requestUpdate();
          }}
        >
          ${offered.map(
            (c) =>
              html`<option value=${c.id} ?selected=${c.id === source}>
                ${s.from(this.hasValue(c, field) ? this.value(c, field) : s.emptyValue, this.name(c))}
              </option>`,
          )}
        </select>
      </td>
    </tr>`;
  }

  render(): TemplateResult {
    const s = this.deps.strings();
    const plan = this.contacts.length ? this.plan() : undefined;
    return html`<ucrm-dialog part="merge-dialog" label=${s.title(this.contacts.length)} .open=${!!plan} @close=${() => this.close()}>
      ${plan
        ? html`<form @submit=${(e: Event) => void this.confirm(e, plan)}>
            <fieldset part="merge-primary">
              <legend>${s.primaryLegend}</legend>
              ${this.contacts.map(
                (c) =>
                  html`<label
                    ><input
                      type="radio"
                      name="merge-primary"
                      .checked=${live(c.id === this.primaryId)}
                      @change=${() => {
                        this.primaryId = c.id;
                        this.picks = {};
                        this.host.requestUpdate();
                      }}
                    />${this.name(c)}</label
                  >`,
              )}
            </fieldset>
            <table part="merge-preview">
              <caption>
                ${s.previewCaption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${s.fieldHeader}</th>
                  <th scope="col">${s.valueHeader}</th>
                </tr>
              </thead>
              <tbody>
                ${mergeFields(this.contacts).map((field, i) => this.renderField(field, plan, i))}
              </tbody>
            </table>
            <p part="merge-united">
              ${s.united(plan.result.identities.length, plan.result.tags.length, plan.result.notes.length)}
            </p>
            <p part="merge-warning">${s.irreversible(plan.removedIds.length)}</p>
            ${this.deps.problem?.() ?? nothing}
            <div part="dialog-actions">
              <button type="button" @click=${() => this.close()}>${this.deps.cancel()}</button>
              <button type="submit" class="primary" part="merge-confirm">${s.confirm}</button>
            </div>
          </form>`
        : nothing}
    </ucrm-dialog>`;
  }
}
