import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ContactDraft, CustomSection, FieldDef, FieldType, Identity } from '../../core/types.js';
import { UcrmContactSubmitEvent } from '../../events.js';
import { contactFormStrings, type ContactFormStrings } from '../../i18n/strings/contact-form.js';
import { fieldDomId, fromRawValue, renderFieldInput, toRawValue } from '../shared/field-input.js';
import { fieldStyles } from '../shared/field.styles.js';
import {
  fieldProblemMessage,
  validateFieldValue,
  type FieldProblemCode,
  type FieldRawValue,
} from '../shared/field-validation.js';
import { UcrmElement } from '../shared/ucrm-element.js';
import { contactFormStyles } from './ucrm-contact-form.styles.js';

/**
 * A problem shown next to a control: `name` sits on the first name (no name
 * and no explicit "Create without name"); `identify` on the first phone (a
 * nameless contact with nothing to find it by).
 */
type FormProblem = FieldProblemCode | 'name' | 'identify';

/** What the agent has typed so far; the only source of the form's values. */
interface Typed {
  firstName: string;
  lastName: string;
  phones: string[];
  emails: string[];
  /** Custom values the agent changed, by field key; the rest come from `initial`. */
  custom: Record<string, FieldRawValue>;
}

/** A control of the form: its DOM id, type and current value, in screen order. */
interface ControlInfo {
  id: string;
  type: FieldType;
  raw: FieldRawValue;
  required?: boolean;
}

const isDirectKind = (i: Identity) => i.kind === 'phone' || i.kind === 'email';

function uniqueNonEmpty(values: string[]): string[] {
  const trimmed = values.map((v) => v.trim()).filter(Boolean);
  return trimmed.filter((v, i) => trimmed.indexOf(v) === i);
}

/** Custom fields of all sections, each key once (two sections may share a field). */
function fieldsOf(sections: CustomSection[]): FieldDef[] {
  const seen = new Set<string>();
  return sections.flatMap((section) =>
    section.fields.filter((field) => !seen.has(field.key) && seen.add(field.key)),
  );
}

/**
 * The create-contact form: names, phones, emails, the interaction's channel
 * identity and the campaign's custom sections. Presentational: it validates
 * and fires `ucrm-contact-submit`; the owner (e.g. the interaction view)
 * creates the contact and sets `busy` meanwhile.
 *
 * What the agent typed is never cleared by a re-render, a `busy` toggle, a
 * `sections` update or an error the owner shows: only `reset()` and a new
 * prefill clear it. A new prefill is an `initial` whose content differs from
 * the one applied last (a new interaction); assigning an equal object again,
 * as a parent re-render does, changes nothing.
 *
 * A channel identity in `initial` (Instagram, Messenger, Telegram, web chat)
 * is shown read-only: it is the ClientID that will find this contact again,
 * so it is not the agent's to edit.
 *
 * **A contact needs a name** (first or last), or the agent's explicit
 * "Create without name" (which still needs a phone, an email or a channel
 * identity to find the contact by). Submitting without a name creates
 * nothing: the first name says why and takes the focus.
 *
 * **Enter** keeps HTML's implicit submission, as Shoelace/Web Awesome (which
 * re-implement it for their own inputs), Lion and Material Web do: keyboard
 * and screen-reader users expect Enter in a field to submit, and WCAG treats
 * it as a user-initiated action. What the issue calls "creating by accident"
 * is prevented by the rules instead: Enter runs the same validation as the
 * submit button, so on an incomplete form (no name, a bad field) it creates
 * nothing and explains, and the nameless path is never reachable by Enter in
 * a field — only by activating "Create without name" itself.
 *
 * @summary Create a contact: validated native fields for names, phones, emails and custom sections.
 *
 * @fires ucrm-contact-submit - `{draft: ContactDraft}` on a valid submit (cancelable); `draft` has `firstName`, `lastName`, `phones`, `emails`, `identities` (the channel identities) and `custom`, plus any other `initial` property unchanged.
 *
 * @csspart form - The `<form>`.
 * @csspart names - The first/last name group.
 * @csspart phones - The phone group.
 * @csspart emails - The email group.
 * @csspart channel-identity - The read-only channel identity group.
 * @csspart section - One custom section (a `<fieldset>`).
 * @csspart section-title - A section's legend.
 * @csspart field - Every field wrapper (also `field-<type>`).
 * @csspart label - Every field label.
 * @csspart control - Every input and select.
 * @csspart field-error - A field's validation message.
 * @csspart add-button - The "Add phone" / "Add email" buttons.
 * @csspart remove-button - The buttons removing a phone or email row.
 * @csspart footer - The submit row.
 * @csspart submit - The submit button.
 * @csspart create-unnamed - The secondary "Create without name" button.
 * @csspart progress - The spinner shown while `busy`.
 * @csspart status - The polite live region (saving, fields needing attention).
 *
 * @cssproperty --ucrm-contact-form-gap - Space between fields and groups.
 * @cssproperty --ucrm-contact-form-columns - `grid-template-columns` of the field grids.
 */
export class UcrmContactForm extends UcrmElement {
  static override styles = [...UcrmElement.styles, fieldStyles, contactFormStyles];
  static override catalogs = [contactFormStrings];

  /** The custom sections whose fields the form shows (already filtered to the campaign). */
  @property({ attribute: false }) sections: CustomSection[] = [];

  /**
   * The prefill, e.g. `{phones: ['+59899123456']}`, `{emails: [...]}` or
   * `{identities: [{kind: 'instagram', value: 'ana.ig'}]}`. A prefill with
   * different content resets the form; an equal one is ignored.
   */
  @property({ attribute: false }) initial: ContactDraft = {};

  /**
   * Values offered for what the agent has not filled in, e.g. what a webchat
   * visitor's pre-chat form or a bot collected: the names, the first phone,
   * the first email and custom fields fill their control while it is empty
   * (or still holds an earlier offer) and the agent has not touched it, so
   * nothing the agent typed, nor `initial`, is overwritten. Its other
   * properties (lead stage, custom values with no field here) go with the
   * submitted draft unless `initial` has them.
   */
  @property({ attribute: false }) suggested?: ContactDraft;

  /** Set by the owner while the contact is being created: submit is disabled, values are kept. */
  @property({ type: Boolean, reflect: true }) busy = false;

  /** The submit button's text; defaults to the localized "Create contact". */
  @property({ attribute: 'submit-label' }) submitLabel?: string;

  @state() private typed: Typed = { firstName: '', lastName: '', phones: [''], emails: [''], custom: {} };
  @state() private problems: Record<string, FormProblem> = {};
  @state() private attention = 0;

  /** The prefill applied last, and its content, to tell a new prefill from a re-assignment. */
  private applied: ContactDraft = {};
  private appliedKey = '{}';
  /** Controls the agent changed: only those are validated on blur. */
  private readonly dirty = new Set<string>();
  /** What `suggested` put in each control, so a newer offer may replace it. */
  private readonly offered = new Map<string, FieldRawValue>();

  /** The current values as a draft (not validated). */
  get value(): ContactDraft {
    const { phones: _p, emails: _e, identities, custom: initialCustom, ...rest } = this.applied;
    const { phones: _sp, emails: _se, identities: _si, firstName: _sf, lastName: _sl, custom: offeredCustom, ...extra } = this.suggested ?? {};
    const fields = fieldsOf(this.sections ?? []);
    const custom: Record<string, unknown> = { ...offeredCustom, ...initialCustom };
    for (const field of fields) {
      const value = fromRawValue(field, this.rawOf(field));
      if (value === undefined) delete custom[field.key];
      else custom[field.key] = value;
    }
    return {
      ...extra,
      ...rest,
      firstName: this.typed.firstName.trim(),
      lastName: this.typed.lastName.trim(),
      phones: uniqueNonEmpty(this.typed.phones),
      emails: uniqueNonEmpty(this.typed.emails),
      identities: (identities ?? []).filter((i) => !isDirectKind(i)),
      custom,
    };
  }

  /** Clears what the agent typed and every message, back to `initial`. */
  reset(): void {
    this.apply(this.initial ?? {});
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('initial')) {
      const next = this.initial ?? {};
      if (JSON.stringify(next) !== this.appliedKey) this.apply(next);
    }
    if (this.suggested && (changed.has('suggested') || changed.has('sections'))) this.suggest(this.suggested);
  }

  /** Fills the controls the agent left alone (empty, or holding an earlier offer) from `offer`. */
  private suggest(offer: ContactDraft): void {
    const fill = <V extends FieldRawValue>(id: string, current: V, value: V | undefined): V => {
      const free = !this.dirty.has(id) && (current === '' || current === this.offered.get(id));
      if (!free || value === undefined || value === '') return current;
      this.offered.set(id, value);
      return value;
    };
    const t = this.typed;
    const first = (list: string[], prefix: string, value: string | undefined) =>
      value && list.includes(value) ? list : [fill(`${prefix}-0`, list[0] ?? '', value), ...list.slice(1)];
    const custom = { ...t.custom };
    for (const field of fieldsOf(this.sections ?? [])) {
      const value = offer.custom?.[field.key];
      const raw = this.rawOf(field);
      if (value === undefined || typeof raw !== 'string') continue;
      const next = fill(fieldDomId('custom', field.key), raw, toRawValue(field, value) as string);
      if (next !== raw) custom[field.key] = next;
    }
    this.typed = {
      firstName: fill('firstName', t.firstName, offer.firstName),
      lastName: fill('lastName', t.lastName, offer.lastName),
      phones: first(t.phones, 'phone', offer.phones?.[0]),
      emails: first(t.emails, 'email', offer.emails?.[0]),
      custom,
    };
  }

  private apply(initial: ContactDraft): void {
    this.applied = initial;
    this.appliedKey = JSON.stringify(initial);
    const ids = initial.identities ?? [];
    const of = (kind: 'phone' | 'email') => ids.filter((i) => i.kind === kind).map((i) => i.value);
    const phones = uniqueNonEmpty([...(initial.phones ?? []), ...of('phone')]);
    const emails = uniqueNonEmpty([...(initial.emails ?? []), ...of('email')]);
    this.typed = {
      firstName: initial.firstName ?? '',
      lastName: initial.lastName ?? '',
      phones: phones.length ? phones : [''],
      emails: emails.length ? emails : [''],
      custom: {},
    };
    this.problems = {};
    this.attention = 0;
    this.dirty.clear();
    this.offered.clear();
    if (this.suggested) this.suggest(this.suggested);
  }

  private get s(): ContactFormStrings {
    return this.strings(contactFormStrings);
  }

  private rawOf(field: FieldDef): FieldRawValue {
    return field.key in this.typed.custom
      ? this.typed.custom[field.key]
      : toRawValue(field, this.applied.custom?.[field.key]);
  }

  /** Every validated control in screen order, with its current value. */
  private controls(): ControlInfo[] {
    const t = this.typed;
    return [
      { id: 'firstName', type: 'text', raw: t.firstName },
      { id: 'lastName', type: 'text', raw: t.lastName },
      ...t.phones.map((raw, i) => ({ id: `phone-${i}`, type: 'phone' as const, raw })),
      ...t.emails.map((raw, i) => ({ id: `email-${i}`, type: 'email' as const, raw })),
      ...fieldsOf(this.sections ?? []).map((field) => ({
        id: fieldDomId('custom', field.key),
        type: field.type,
        raw: this.rawOf(field),
        required: field.required,
      })),
    ];
  }

  private control(id: string): HTMLInputElement | HTMLSelectElement | null {
    return (this.renderRoot as ShadowRoot).getElementById(id) as HTMLInputElement | HTMLSelectElement | null;
  }

  private check(info: ControlInfo): FormProblem | undefined {
    const badInput = (this.control(info.id) as HTMLInputElement | null)?.validity?.badInput;
    return validateFieldValue(info.type, info.raw, { required: info.required, badInput });
  }

  private named(): boolean {
    const d = this.value;
    return Boolean(d.firstName || d.lastName);
  }

  /** A nameless contact still needs something to find it by: a phone, an email or a channel identity. */
  private reachable(): boolean {
    const d = this.value;
    return Boolean(d.phones?.length || d.emails?.length || d.identities?.length);
  }

  private setProblem(id: string, problem: FormProblem | undefined): void {
    const next = { ...this.problems };
    if (problem) next[id] = problem;
    else delete next[id];
    this.problems = next;
  }

  /** Records a change; a shown message is re-checked at once so it goes away when fixed. */
  private changed(id: string, update: (t: Typed) => Typed): void {
    this.typed = update(this.typed);
    this.dirty.add(id);
    const shown = this.problems[id];
    if (this.problems.firstName === 'name' && this.named()) this.setProblem('firstName', undefined);
    if (this.problems['phone-0'] === 'identify' && this.reachable()) this.setProblem('phone-0', undefined);
    if (shown && shown !== 'name' && shown !== 'identify') this.revalidate(id);
  }

  private revalidate(id: string): void {
    const info = this.controls().find((c) => c.id === id);
    if (info) this.setProblem(id, this.check(info));
  }

  private onBlur(id: string): void {
    const shown = this.problems[id];
    if (this.dirty.has(id) && shown !== 'name' && shown !== 'identify') this.revalidate(id);
  }

  /** The form's submit: the button, or Enter in a field (implicit submission). Needs a name. */
  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.submit(false);
  }

  /** Validates and fires `ucrm-contact-submit`; `unnamed` is the agent's explicit "Create without name". */
  private async submit(unnamed: boolean): Promise<void> {
    if (this.busy) return;
    const problems: Record<string, FormProblem> = {};
    for (const info of this.controls()) {
      const problem = this.check(info);
      if (problem) problems[info.id] = problem;
    }
    if (!unnamed && !problems.firstName && !this.named()) problems.firstName = 'name';
    if (unnamed && !this.named() && !problems['phone-0'] && !this.reachable()) problems['phone-0'] = 'identify';
    this.problems = problems;
    const invalid = this.controls().filter((c) => problems[c.id]);
    this.attention = invalid.length;
    if (invalid.length > 0) {
      await this.updateComplete;
      this.control(invalid[0].id)?.focus();
      return;
    }
    this.dispatchEvent(new UcrmContactSubmitEvent({ draft: this.value }));
  }

  private message(id: string): string | undefined {
    const problem = this.problems[id];
    if (!problem) return undefined;
    if (problem === 'name') return this.s.errName;
    return problem === 'identify' ? this.s.errIdentify : fieldProblemMessage(problem, this.s);
  }

  private async addRow(list: 'phones' | 'emails'): Promise<void> {
    this.typed = { ...this.typed, [list]: [...this.typed[list], ''] };
    await this.updateComplete;
    this.control(`${list === 'phones' ? 'phone' : 'email'}-${this.typed[list].length - 1}`)?.focus();
  }

  private async removeRow(list: 'phones' | 'emails', index: number): Promise<void> {
    const prefix = list === 'phones' ? 'phone' : 'email';
    this.typed = { ...this.typed, [list]: this.typed[list].filter((_, i) => i !== index) };
    // Messages are keyed by row; after a removal they would sit on the wrong row.
    this.problems = Object.fromEntries(Object.entries(this.problems).filter(([id]) => !id.startsWith(`${prefix}-`)));
    await this.updateComplete;
    this.control(`${prefix}-${Math.min(index, this.typed[list].length - 1)}`)?.focus();
  }

  override render() {
    const s = this.s;
    const t = this.typed;
    const name = (key: 'firstName' | 'lastName', label: string) =>
      renderFieldInput({
        field: { key, label, type: 'text' },
        id: key,
        value: t[key],
        strings: s,
        error: this.message(key),
        onInput: (v) => this.changed(key, (x) => ({ ...x, [key]: String(v) })),
        onBlur: () => this.onBlur(key),
      });
    return html`<form part="form" novalidate aria-label=${s.formTitle} @submit=${this.onSubmit}>
      <div part="names" class="grid">${name('firstName', s.firstName)} ${name('lastName', s.lastName)}</div>
      <div class="grid">${this.renderList('phones')} ${this.renderList('emails')}</div>
      ${this.renderChannelIdentities()} ${fieldsOf(this.sections ?? []).length ? this.renderSections() : nothing}
      <div part="footer">
        <button type="submit" part="submit" class="primary" ?disabled=${this.busy}>
          ${this.busy ? html`<span part="progress" class="spinner" aria-hidden="true"></span> ` : nothing}${this
            .submitLabel || s.submit}
        </button>
        <button
          type="button"
          part="create-unnamed"
          aria-describedby="create-unnamed-hint"
          ?disabled=${this.busy}
          @click=${() => void this.submit(true)}
        >
          ${s.createUnnamed}
        </button>
        <span id="create-unnamed-hint" class="visually-hidden">${s.createUnnamedHint}</span>
        <p part="status" role="status">${this.busy ? s.saving : this.attention ? s.invalidCount(this.attention) : ''}</p>
      </div>
    </form>`;
  }

  private renderList(list: 'phones' | 'emails'): TemplateResult {
    const s = this.s;
    const phones = list === 'phones';
    const rows = this.typed[list];
    const prefix = phones ? 'phone' : 'email';
    return html`<fieldset part=${list}>
      <legend>${phones ? s.phone : s.email}</legend>
      ${rows.map((raw, i) => {
        const id = `${prefix}-${i}`;
        const label = phones ? s.phoneN(i + 1) : s.emailN(i + 1);
        return html`<div class="row">
          ${renderFieldInput({
            field: { key: id, label, type: phones ? 'phone' : 'email' },
            id,
            value: raw,
            strings: s,
            error: this.message(id),
            onInput: (v) =>
              this.changed(id, (x) => ({ ...x, [list]: x[list].map((old, j) => (j === i ? String(v) : old)) })),
            onBlur: () => this.onBlur(id),
          })}
          ${rows.length > 1
            ? html`<button type="button" part="remove-button" @click=${() => this.removeRow(list, i)}>
                ${phones ? s.removePhone(i + 1) : s.removeEmail(i + 1)}
              </button>`
            : nothing}
        </div>`;
      })}
      <div>
        <button type="button" part="add-button" @click=${() => this.addRow(list)}>
          ${phones ? s.addPhone : s.addEmail}
        </button>
      </div>
    </fieldset>`;
  }

  private renderChannelIdentities(): TemplateResult | typeof nothing {
    const identities = (this.applied.identities ?? []).filter((i) => !isDirectKind(i));
    if (identities.length === 0) return nothing;
    const s = this.s;
    return html`<div part="channel-identity" class="grid">
      ${identities.map((identity, i) =>
        renderFieldInput({
          field: { key: identity.kind, label: s.channelIdentity(s[identity.kind]), type: 'text' },
          id: `identity-${i}`,
          value: identity.value,
          strings: s,
          readonly: true,
          onInput: () => undefined,
        }),
      )}
    </div>`;
  }

  private renderSections(): TemplateResult {
    const seen = new Set<string>();
    return html`${(this.sections ?? []).map((section) => {
      const fields = section.fields.filter((field) => !seen.has(field.key) && seen.add(field.key));
      if (fields.length === 0) return nothing;
      return html`<fieldset part="section">
        <legend part="section-title">${section.title}</legend>
        <div class="grid">
          ${fields.map((field) => {
            const id = fieldDomId('custom', field.key);
            return renderFieldInput({
              field,
              id,
              value: this.rawOf(field),
              strings: this.s,
              error: this.message(id),
              onInput: (v) => this.changed(id, (x) => ({ ...x, custom: { ...x.custom, [field.key]: v } })),
              onBlur: () => this.onBlur(id),
            });
          })}
        </div>
      </fieldset>`;
    })}`;
  }
}
