import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { CrmError } from '../../core/errors.js';
import { equivalentForms, formatPhone } from '../../core/identity/index.js';
import type { KnownLeadStage } from '../../core/contacts/index.js';
import type { Contact, CustomSection, Identity, IdentityKind } from '../../core/types.js';
import { contactStrings, type ContactStrings } from '../../i18n/strings/contact.js';
import { formatDateTime, formatFieldValue, isEmptyFieldValue } from '../shared/field-value.js';
import { LazyChunk } from '../shared/lazy-chunk.js';
import { UcrmElement } from '../shared/ucrm-element.js';
import { contactName } from '../contact-matcher/contact-label.js';
import type { FullViewContext } from './card-full-view.js';
import { contactCardStyles } from './ucrm-contact-card.styles.js';
import { forAgents } from '../shared/agent-message.js';

type FullViewModule = typeof import('./card-full-view.js');

/**
 * How the full view's chunk is imported: the screen pop's first paint is the
 * reduced view, so properties and notes load when a full view first shows.
 * An object so tests can make the import fail.
 * @internal
 */
export const fullViewImport = {
  load: (): Promise<FullViewModule> => import('./card-full-view.js'),
};

export type ContactCardView = 'reduced' | 'full';
const VIEWS: readonly string[] = ['reduced', 'full'];

type SocialKind = Exclude<IdentityKind, 'phone' | 'email'>;
const SOCIAL_KINDS: readonly SocialKind[] = ['instagram', 'messenger', 'telegram', 'webchat'];

/** One displayed identity row: its kind, the stored value and how it is shown. */
interface Shown {
  kind: IdentityKind;
  value: string;
  text: string;
}

/** Two forms of the same identity are equal (phones by digits, the rest case-insensitively). */
function sameIdentity(kind: IdentityKind, a: string, b: string): boolean {
  if (kind === 'phone') return a.replace(/\D/g, '') === b.replace(/\D/g, '');
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function unique(kind: IdentityKind, values: string[]): string[] {
  return values.filter((v, i) => v && values.findIndex((w) => sameIdentity(kind, v, w)) === i);
}

/**
 * A contact at a glance (`reduced`) or in full, for the screen pop and the
 * contact directory. Presentational: it never fetches; contact data is
 * rendered as text only.
 *
 * The reduced view (name, identities, tags, lead stage, the custom
 * sections read-only) renders at once; the full view's properties and notes
 * load on demand the first time a full view shows (a line says so meanwhile;
 * a failed load shows a message with Retry). `updateComplete` waits for them.
 *
 * @summary Shows one contact: name, identities, tags, lead stage and custom sections; in `full` view also its properties and notes.
 *
 * @slot actions - Buttons the host adds to the card header (edit, call, ...).
 *
 * @fires ucrm-error - `{operation: 'attribute:view', code: 'invalid', message}` when `view` is not `reduced` or `full`; `{operation: 'load', code: 'unavailable', message}` when the full view's part could not be loaded.
 *
 * @csspart card - The card container.
 * @csspart header - The header: name, badges and the actions slot.
 * @csspart name - The contact's name (or the fallback when it has none).
 * @csspart badge - Every badge (blocked, lead stage).
 * @csspart blocked-badge - The "Blocked" badge.
 * @csspart lead-stage - The lead stage badge.
 * @csspart actions - The wrapper of the `actions` slot.
 * @csspart identities - The list of phones, emails and social identities.
 * @csspart identity - One identity value.
 * @csspart identity-highlight - The identity of the current interaction.
 * @csspart tags - The tag list.
 * @csspart tag - One tag chip.
 * @csspart properties - The property list (full view).
 * @csspart sections - The wrapper of the custom sections.
 * @csspart section - One custom section (a `<details>` element).
 * @csspart section-summary - A section's title (its `<summary>`).
 * @csspart section-fields - A section's field list.
 * @csspart notes - The notes (full view).
 * @csspart history - The contact's interactions (`<ucrm-contact-history>`, loaded on demand).
 * @csspart full-loading - The line shown while the full view's properties and notes load.
 * @csspart note - One note.
 * @csspart note-text - A note's text.
 * @csspart note-meta - A note's author and time.
 * @csspart error - The message shown for a bad attribute or a failed load (with Retry).
 * @csspart retry-button - Retry after a failed load.
 *
 * @cssproperty --ucrm-contact-card-padding - Inner padding of the card.
 * @cssproperty --ucrm-contact-card-background - Card background.
 * @cssproperty --ucrm-contact-card-border - Card border (shorthand).
 * @cssproperty --ucrm-contact-card-name-size - Font size of the name.
 * @cssproperty --ucrm-contact-card-chip-background - Tag chip background.
 * @cssproperty --ucrm-contact-card-chip-color - Tag chip text color.
 * @cssproperty --ucrm-contact-card-highlight-background - Background of the current interaction's identity.
 */
export class UcrmContactCard extends UcrmElement {
  static override styles = [...UcrmElement.styles, contactCardStyles];
  static override catalogs = [contactStrings];

  /** The contact to show; property only. Nothing is rendered without one. */
  @property({ attribute: false }) contact?: Contact;

  /** The custom sections to show, already filtered to the campaign by the caller. */
  @property({ attribute: false }) sections: CustomSection[] = [];

  /**
   * `reduced` (name, identities, tags, lead stage, sections collapsed) or
   * `full` (also properties and notes, sections expanded). An unknown value
   * is reported and shown as `reduced`.
   */
  @property({ reflect: true }) view: ContactCardView = 'reduced';

  /** The interaction's ClientID: the matching identity is emphasised. */
  @property({ attribute: false }) highlight?: Identity;

  /** The forms of `highlight`, worked out when it changes rather than on every render. */
  private highlighted: Identity[] = [];

  /** The full view's properties and notes (`card-full-view.ts`). */
  private readonly fullView = new LazyChunk<FullViewModule>(this, () => fullViewImport.load(), {
    loaded: () => {
      if (this.problem?.operation === 'load') this.clearProblem();
    },
    failed: (error, retry) => this.reportError('load', forAgents(new CrmError('unavailable', this.s.fullViewFailed, { cause: error })), retry),
  });
  /** Asked once: after a failure only Retry imports again, so one failure is reported once. */
  private fullViewRequested = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('highlight')) this.highlighted = highlightForms(this.highlight);
    if (changed.has('view')) this.checkView();
    if (this.view === 'full' && this.contact && !this.fullViewRequested) {
      this.fullViewRequested = true;
      this.fullView.with((module) => this.adoptFullViewStyles(module));
    }
  }

  private checkView(): void {
    if (VIEWS.includes(this.view)) {
      if (this.problem?.operation === 'attribute:view') this.clearProblem();
      return;
    }
    this.reportBadAttribute('view', String(this.view), '"reduced" or "full"');
    this.view = 'reduced';
  }

  private adoptFullViewStyles(module: FullViewModule): void {
    const root = this.renderRoot as ShadowRoot;
    const sheet = module.fullViewStyles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** Settles once the full view's part, when asked for, is loaded and rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (!(await this.fullView.settled())) done = await super.getUpdateComplete();
    return done;
  }

  private get s(): ContactStrings {
    return this.strings(contactStrings);
  }

  override render() {
    const contact = this.contact;
    if (!contact) return this.renderProblem();
    const full = this.view === 'full';
    const more = full ? this.fullView.module : undefined;
    const context = more && this.fullViewContext();
    const loading = full && this.fullView.loading;
    return html`${this.renderProblem()}
      <article part="card" aria-labelledby="name" aria-busy=${loading ? 'true' : 'false'}>
        ${this.renderHeader(contact)} ${this.renderIdentities(contact)} ${this.renderTags(contact)}
        ${more && context ? more.renderProperties(contact, context) : nothing} ${this.renderSections(contact, full)}
        ${more && context ? more.renderNotes(contact.notes ?? [], context) : nothing}
        ${more ? more.renderContactHistory(contact.id) : nothing}
        ${loading ? html`<p part="full-loading" class="muted">${this.common.loading}</p>` : nothing}
      </article>`;
  }

  private fullViewContext(): FullViewContext {
    return {
      s: this.s,
      stage: (stage) => this.stageLabel(stage),
      dateTime: (iso) => formatDateTime(iso, this.locale),
    };
  }

  /** The name, else the first identity, else "Unnamed contact". */
  private displayName(contact: Contact): string {
    const name = contactName(contact);
    if (name) return name;
    const phone = contact.phones?.[0];
    if (phone) return formatPhone(phone);
    return contact.emails?.[0] ?? contact.identities?.[0]?.value ?? this.s.unnamed;
  }

  private stageLabel(stage: string): string {
    const s = this.s;
    // Typed by the definition's stages (a type-only import: nothing added to the pop), so a new stage needs its label here.
    const known: Record<KnownLeadStage, string> = { Lead: s.stageLead, Prospect: s.stageProspect, Customer: s.stageCustomer };
    return known[stage as KnownLeadStage] ?? stage;
  }

  private renderHeader(contact: Contact): TemplateResult {
    return html`<header part="header">
      <div class="title">
        <h2 part="name" id="name">${this.displayName(contact)}</h2>
        ${contact.blocked ? html`<span part="badge blocked-badge">${this.s.blocked}</span>` : nothing}
        ${contact.leadStage
          ? html`<span part="badge lead-stage"
              ><span class="visually-hidden">${this.s.leadStage}: </span>${this.stageLabel(contact.leadStage)}</span
            >`
          : nothing}
      </div>
      <div part="actions"><slot name="actions"></slot></div>
    </header>`;
  }

  /** Phones and emails from the display lists plus any identity missing from them. */
  private identityRows(contact: Contact): { label: string; items: Shown[] }[] {
    const ids = contact.identities ?? [];
    const of = (kind: IdentityKind) => ids.filter((i) => i.kind === kind).map((i) => i.value);
    const s = this.s;
    const phones = unique('phone', [...(contact.phones ?? []), ...of('phone')]);
    const emails = unique('email', [...(contact.emails ?? []), ...of('email')]);
    const rows = [
      { label: s.phone, items: phones.map((value) => ({ kind: 'phone' as const, value, text: formatPhone(value) })) },
      { label: s.email, items: emails.map((value) => ({ kind: 'email' as const, value, text: value })) },
      ...SOCIAL_KINDS.map((kind) => ({
        label: s[kind],
        items: unique(kind, of(kind)).map((value) => ({ kind, value, text: value })),
      })),
    ];
    return rows.filter((row) => row.items.length > 0);
  }

  private renderIdentity(item: Shown, forms: Identity[]): TemplateResult {
    if (forms.some((f) => f.kind === item.kind && sameIdentity(item.kind, f.value, item.value))) {
      return html`<dd part="identity identity-highlight">
        <mark>${item.text}</mark> <span class="visually-hidden">${this.s.currentInteraction}</span>
      </dd>`;
    }
    return html`<dd part="identity">${item.text}</dd>`;
  }

  private renderIdentities(contact: Contact): TemplateResult | typeof nothing {
    const rows = this.identityRows(contact);
    if (rows.length === 0) return nothing;
    const forms = this.highlighted;
    return html`<dl part="identities" aria-label=${this.s.identities}>
      ${rows.map((row) => html`<div><dt>${row.label}</dt>${row.items.map((item) => this.renderIdentity(item, forms))}</div>`)}
    </dl>`;
  }

  private renderTags(contact: Contact): TemplateResult | typeof nothing {
    const tags = contact.tags ?? [];
    if (tags.length === 0) return nothing;
    return html`<ul part="tags" aria-label=${this.s.tags}>
      ${tags.map((tag) => html`<li part="tag">${tag}</li>`)}
    </ul>`;
  }

  private renderSections(contact: Contact, open: boolean): TemplateResult | typeof nothing {
    const sections = this.sections ?? [];
    if (sections.length === 0) return nothing;
    const custom = contact.custom ?? {};
    return html`<div part="sections">
      ${sections.map(
        (section) => html`<details part="section" ?open=${open}>
          <summary part="section-summary">${section.title}</summary>
          <dl part="section-fields">
            ${section.fields.map((field) => {
              const value = custom[field.key];
              const empty = field.type !== 'checkbox' && isEmptyFieldValue(value);
              return html`<div>
                <dt>${field.label}</dt>
                <dd class=${empty ? 'muted' : ''}>${formatFieldValue(field, value, this.locale)}</dd>
              </div>`;
            })}
          </dl>
        </details>`,
      )}
    </div>`;
  }
}

/**
 * The forms the interaction's ClientID may be stored in: a phone also in
 * its equivalent forms (a Brazil mobile without the 9th digit, ...), so the
 * identity it was matched through is the one emphasised.
 */
function highlightForms(h: Identity | undefined): Identity[] {
  if (!h?.value) return [];
  if (h.kind !== 'phone') return [h];
  return equivalentForms({ kind: 'phone', value: `+${h.value.replace(/\D/g, '')}` }).map((f) => f.identity);
}
