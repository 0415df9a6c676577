import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CrmError, isAborted, toCrmError } from '../../core/errors.js';
import type { TextFieldKey } from '../../core/contacts/index.js';
import { foldForMatch } from '../../core/filters/index.js';
import { identityKey, normalizeIdentity } from '../../core/identity/index.js';
import { MERGE_MAX, type PotentialDuplicate } from '../../core/merge/index.js';
import { randomId } from '../../core/util/index.js';
import type { Contact, ContactPatch, CustomSection, FieldDef, Identity, IdentityKind } from '../../core/types.js';
import { contactAdminOf, contactSyncOf, type ContactSyncStatus, type CrmSource } from '../../data/source.js';
import { UcrmContactUpdatedEvent, UcrmErrorEvent, UcrmMergeRequestEvent } from '../../events.js';
import { contactDetailsStrings } from '../../i18n/strings/contact-details.js';
import { contactFormStrings } from '../../i18n/strings/contact-form.js';
import { contactStrings } from '../../i18n/strings/contact.js';
import { contactSyncStrings } from '../../i18n/strings/contact-sync.js';
import { fieldDomId, fromRawValue, renderFieldInput, toRawValue, type FieldRawValue } from '../shared/field-input.js';
import { fieldStyles } from '../shared/field.styles.js';
import { fieldProblemMessage, validateFieldValue } from '../shared/field-validation.js';
import { UcrmRegionalElement } from '../shared/ucrm-regional-element.js';
import { UcrmElement } from '../shared/ucrm-element.js';
import { contactName, renderDuplicates, renderIdentities, renderNotes, renderTags, type TypedValue } from './details-lists.js';
import { contactDetailsStyles } from './ucrm-contact-details.styles.js';
import { renderSyncSection, syncLine, syncStatusStyles } from './sync-status.js';
import { renderContactHistory } from '../ucrm-contact-history/history-mount.js';
import { forAgents } from '../shared/agent-message.js';

export type ContactDetailsState = 'idle' | 'loading' | 'ready' | 'not-found' | 'error';

/** The contact properties edited beside the custom fields (key prefixed `contact.`). */
type SystemKey = TextFieldKey;
// The definition's writable text fields (core/contacts/fields.ts), spelled here so the details
// bundle does not carry the definition (~0.5 KiB gz); a Record, so the compiler refuses a missing or extra one.
const SYSTEM_KEY_SET: Record<SystemKey, true> = { firstName: true, lastName: true, leadStage: true, owner: true };
const SYSTEM_KEYS = Object.keys(SYSTEM_KEY_SET) as SystemKey[];
const EMPTY: TypedValue = { text: '', error: '' };
/** How often the sync status is asked again while a delivery is pending. */
const SYNC_POLL_MS = 10_000;
/** How often "2 minutes ago" is brought up to date. */
const SYNC_CLOCK_MS = 60_000;

/**
 * One contact, editable: its properties and custom fields (the same field
 * types as the custom sections), identities per channel (added normalized,
 * invalid input explained), tags with suggestions, notes with author and
 * time, unsubscribe from email, block/unblock, and a "potential duplicates"
 * prompt (same normalized identity, or same name and email) that asks to
 * merge them. Every change is saved through the source; what the agent
 * typed is never cleared by an error.
 *
 * Works with any `CrmSource`; with the contact management operations
 * (`ContactAdminSource`, e.g. the local source) it also suggests existing
 * tags and finds duplicates; with third-party CRM sync (`ContactSyncSource`,
 * e.g. the REST source of a server that syncs) a "Sync" section says where the
 * contact stands in each CRM, with Retry for a failed delivery.
 *
 * @summary View and edit one contact: properties, identities, tags, notes, block and unsubscribe, duplicates.
 *
 * @fires ucrm-contact-updated - `{contact}` after every saved change.
 * @fires ucrm-merge-request - `{ids}` (cancelable) the agent asked to merge the contact with its potential duplicates (the contact first). A `<ucrm-contact-directory>` around it opens its merge preview.
 * @fires ucrm-error - `{operation, code, message}`: `load`, `save`, `add-identity`, `remove-identity`, `tags`, `note`, `block`, `unsubscribe`, `sync-retry` failed (shown with a retry), `sync-status` (shown in the Sync section, with a retry), or `attribute:default-region`.
 *
 * @csspart base - The wrapper.
 * @csspart header - Name and badges; `name`, `blocked-badge`, `unsubscribed-badge`.
 * @csspart status - The polite live region ("Changes saved.").
 * @csspart properties - The properties form: `field`, `label`, `control`, `field-error`, `save-button`, `invalid-count`.
 * @csspart section - One custom section's fieldset.
 * @csspart identities - Identities per channel: `identity-kind`, `identity-list`, `identity`, `remove-identity`, `add-identity`, `identity-kind-select`, `identity-input`, `add-identity-button`.
 * @csspart tags - Tags: `tag-list`, `tag`, `remove-tag`, `add-tag`, `tag-input`, `tag-suggestions`, `add-tag-button`.
 * @csspart notes - Notes: `add-note`, `note-input`, `add-note-button`, `note-list`, `note`, `note-text`, `note-meta`.
 * @csspart history - The contact's interactions (`<ucrm-contact-history>`, loaded on demand).
 * @csspart flags - Unsubscribe and block: `unsubscribe-button`, `block-button`, `flag-note`.
 * @csspart sync - Third-party CRM sync status (only when the source reports it): `sync-list`, `sync-item` (with `sync-synced`, `sync-pending`, `sync-failed` or `sync-flagged`), `sync-text`, `sync-link`, `sync-retry`, `sync-message`, `sync-error`, `sync-reload`.
 * @csspart duplicates - The potential duplicates prompt: `duplicate`, `merge-duplicates`.
 * @csspart message - Loading, no contact, not found.
 * @csspart error - A failure, with `retry-button`.
 */
export class UcrmContactDetails extends UcrmRegionalElement {
  static override styles = [...UcrmElement.styles, fieldStyles, contactDetailsStyles, syncStatusStyles];
  static override catalogs = [contactDetailsStrings, contactFormStrings, contactStrings, contactSyncStrings];

  /** The id of the contact to show; it is loaded from the source. */
  @property({ attribute: 'contact-id' }) contactId = '';

  /** Who writes the notes added here (the agent's name). */
  @property() author = '';

  /** ISO 3166 region for national phone numbers typed as identities; defaults to the provider's. */
  @property({ attribute: 'default-region' }) defaultRegion = '';

  /** `idle` (no contact-id), `loading`, `ready`, `not-found` or `error`. Reflected, for CSS and tests. */
  @property({ reflect: true }) state: ContactDetailsState = 'idle';

  /** The contact as last loaded or saved. Read-only. */
  get contact(): Contact | undefined {
    return this.current;
  }

  @state() private current?: Contact;
  @state() private sections: CustomSection[] = [];
  @state() private suggestions: string[] = [];
  @state() private duplicates: PotentialDuplicate[] = [];
  /** What the agent typed in the properties form, by `contact.<key>` / `custom.<key>`. */
  @state() private draft: Record<string, FieldRawValue> = {};
  @state() private errors: Record<string, string> = {};
  @state() private identityKind: IdentityKind = 'phone';
  @state() private identity: TypedValue = EMPTY;
  @state() private tag: TypedValue = EMPTY;
  @state() private note: TypedValue = EMPTY;
  @state() private busy = false;
  @state() private announcement = '';
  /** The Sync section: absent (undefined) when the source does not report sync status. */
  @state() private sync?: { items?: ContactSyncStatus[]; problem?: string };
  @state() private syncRetrying: ReadonlySet<string> = new Set();
  @state() private syncNow = Date.now();

  private abort?: AbortController;
  private loadedFrom?: CrmSource;
  private syncTimer?: ReturnType<typeof setTimeout>;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('defaultRegion')) this.checkRegionAttribute(this.defaultRegion);
    if (changed.has('contactId') || this.activeSource !== this.loadedFrom) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    clearTimeout(this.syncTimer);
    // Loaded again when it comes back.
    this.loadedFrom = undefined;
  }

  private get region(): string | undefined {
    return this.regionOrProvided(this.defaultRegion);
  }

  private get s() {
    return this.strings(contactDetailsStrings);
  }

  // ---- loading -------------------------------------------------------------

  private async load(): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const source = (this.loadedFrom = this.activeSource);
    const id = this.contactId.trim();
    clearTimeout(this.syncTimer);
    if (this.current?.id !== id) this.sync = undefined;
    if (!id) {
      this.current = undefined;
      this.state = 'idle';
      return;
    }
    this.state = 'loading';
    try {
      const [contact, sections] = await Promise.all([
        source.getContact(id, { signal: abort.signal }),
        source.listSections({ signal: abort.signal }),
      ]);
      if (abort.signal.aborted) return;
      this.sections = sections;
      if (!contact) {
        this.current = undefined;
        this.state = 'not-found';
        this.reportError('load', forAgents(new CrmError('not-found', this.s.notFound)), () => void this.load());
        return;
      }
      if (this.problem?.operation === 'load') this.clearProblem();
      this.show(contact, true);
      this.state = 'ready';
      void this.loadExtras(abort.signal);
      void this.loadSync(abort.signal);
    } catch (error) {
      if (isAborted(error) || abort.signal.aborted) return;
      this.state = 'error';
      this.reportError('load', error, () => void this.load());
    }
  }

  /** Tag suggestions and duplicates: only sources with contact management have them. */
  private async loadExtras(signal?: AbortSignal): Promise<void> {
    const contact = this.current;
    if (!contact) return;
    try {
      const source = await contactAdminOf(this.activeSource);
      if (!source) return;
      const [tags, duplicates] = await Promise.all([
        source.listTags({ signal }),
        source.findDuplicates(contact.id, { signal }),
      ]);
      if (this.current?.id !== contact.id) return;
      this.suggestions = tags;
      this.duplicates = duplicates;
    } catch {
      // Suggestions and the prompt are extras: the details work without them.
    }
  }

  // ---- third-party CRM sync ------------------------------------------------

  /**
   * The contact's sync status, when the source reports it. A state that
   * changed since the last answer is announced in the live region; while a
   * delivery is pending the status is asked again every few seconds.
   */
  private async loadSync(signal?: AbortSignal): Promise<void> {
    const contact = this.current;
    if (!contact || !this.isConnected) return;
    clearTimeout(this.syncTimer);
    let source;
    try {
      source = await contactSyncOf(this.activeSource);
    } catch {
      return; // A source that cannot load: the contact's own load reports it.
    }
    if (!source) {
      this.sync = undefined;
      return;
    }
    const before = this.sync?.items;
    if (!this.sync) this.sync = {};
    try {
      const items = await source.syncStatus(contact.id, { signal });
      if (signal?.aborted || this.current?.id !== contact.id) return;
      if (before) this.announceSync(before, items);
      this.syncNow = Date.now();
      this.sync = { items };
      this.scheduleSync(items);
    } catch (error) {
      if (isAborted(error) || signal?.aborted || this.current?.id !== contact.id) return;
      const crmError = toCrmError(error);
      this.sync = { items: before, problem: `${this.strings(contactSyncStrings).loadFailed} ${this.agentMessage(crmError)}` };
      const technical = crmError.message || crmError.code;
      console.warn(`<${this.localName}> sync-status failed (${crmError.code}): ${technical}`);
      this.dispatchEvent(new UcrmErrorEvent({ operation: 'sync-status', code: crmError.code, message: technical }));
    }
  }

  private scheduleSync(items: readonly ContactSyncStatus[]): void {
    clearTimeout(this.syncTimer);
    if (!this.isConnected) return;
    if (items.some((item) => item.state === 'pending')) {
      this.syncTimer = setTimeout(() => void this.loadSync(), SYNC_POLL_MS);
    } else if (items.some((item) => item.syncedAt)) {
      this.syncTimer = setTimeout(() => {
        this.syncNow = Date.now();
        this.scheduleSync(items);
      }, SYNC_CLOCK_MS);
    }
  }

  private announceSync(before: readonly ContactSyncStatus[], after: readonly ContactSyncStatus[]): void {
    const s = this.strings(contactSyncStrings);
    const was = new Map(before.map((item) => [item.crm, item.state]));
    const changed = after.filter((item) => was.get(item.crm) !== item.state).map((item) => syncLine(item, s));
    if (changed.length) this.announcement = changed.join('. ');
  }

  private async retrySync(crm: string): Promise<void> {
    const contact = this.current;
    if (!contact) return;
    this.syncRetrying = new Set([...this.syncRetrying, crm]);
    try {
      const source = await contactSyncOf(this.activeSource);
      if (!source) return;
      await source.retrySync(contact.id, crm);
      if (this.problem?.operation === 'sync-retry') this.clearProblem();
      // Pending at once (announced), then whatever the server says.
      const before = this.sync?.items ?? [];
      const items = before.map((item) => (item.crm === crm ? { ...item, state: 'pending' as const, error: undefined } : item));
      this.announceSync(before, items);
      this.sync = { items };
      void this.loadSync();
    } catch (error) {
      this.reportError('sync-retry', error, () => void this.retrySync(crm));
    } finally {
      const rest = new Set(this.syncRetrying);
      rest.delete(crm);
      this.syncRetrying = rest;
    }
  }

  /** Shows a contact; a fresh load also resets the properties form to it. */
  private show(contact: Contact, resetDraft: boolean): void {
    this.current = contact;
    if (!resetDraft) return;
    const draft: Record<string, FieldRawValue> = {};
    for (const key of SYSTEM_KEYS) draft[`contact.${key}`] = contact[key] ?? '';
    for (const field of this.customFields) draft[`custom.${field.key}`] = toRawValue(field, contact.custom[field.key]);
    this.draft = draft;
    this.errors = {};
  }

  private get customFields(): FieldDef[] {
    const byKey = new Map<string, FieldDef>();
    for (const field of this.sections.flatMap((section) => section.fields)) if (!byKey.has(field.key)) byKey.set(field.key, field);
    return [...byKey.values()];
  }

  // ---- saving --------------------------------------------------------------

  /**
   * Runs one change through the source. On success shows the new contact,
   * fires `ucrm-contact-updated` and runs `done` (which clears what was typed);
   * on failure reports it with a retry and keeps everything typed.
   */
  private async change(operation: string, work: (source: CrmSource) => Promise<Contact>, done?: () => void): Promise<void> {
    this.busy = true;
    try {
      const contact = await work(this.activeSource);
      if (this.problem && !this.problem.operation.startsWith('attribute:')) this.clearProblem();
      this.show(contact, false);
      this.announcement = this.s.updated;
      done?.();
      this.dispatchEvent(new UcrmContactUpdatedEvent({ contact }));
      void this.loadExtras();
      void this.loadSync();
    } catch (error) {
      this.reportError(operation, error, () => void this.change(operation, work, done));
    } finally {
      this.busy = false;
    }
  }

  private fieldDef(key: string): FieldDef {
    if (key.startsWith('custom.')) return this.customFields.find((f) => f.key === key.slice(7))!;
    const name = key.slice(8) as SystemKey;
    const card = this.strings(contactStrings);
    const label = name === 'firstName' ? this.s.firstName : name === 'lastName' ? this.s.lastName : card[name];
    return { key, label, type: 'text' };
  }

  private saveProperties(): void {
    const form = this.strings(contactFormStrings);
    const errors: Record<string, string> = {};
    for (const [key, raw] of Object.entries(this.draft)) {
      const field = this.fieldDef(key);
      const badInput = this.renderRoot.querySelector<HTMLInputElement>(`#${fieldDomId('details', key)}`)?.validity?.badInput;
      const problem = validateFieldValue(field.type, raw, { required: field.required, badInput });
      if (problem) errors[key] = fieldProblemMessage(problem, form);
    }
    this.errors = errors;
    const contact = this.current;
    if (Object.keys(errors).length || !contact) return;
    const text = (key: SystemKey) => String(this.draft[`contact.${key}`] ?? '').trim();
    const custom = { ...contact.custom };
    for (const field of this.customFields) {
      const value = fromRawValue(field, this.draft[`custom.${field.key}`] ?? '');
      if (value === undefined) delete custom[field.key];
      else custom[field.key] = value;
    }
    const patch: ContactPatch = {
      firstName: text('firstName'),
      lastName: text('lastName'),
      leadStage: text('leadStage') || undefined,
      owner: text('owner') || undefined,
      custom,
    };
    void this.change('save', (source) => source.updateContact(contact.id, patch), () => {
      this.announcement = this.s.saved;
    });
  }

  private addIdentity(): void {
    const contact = this.current!;
    const result = normalizeIdentity(this.identityKind, this.identity.text, { defaultRegion: this.region });
    if (!result.ok) {
      this.identity = { ...this.identity, error: this.s.identityProblem(result.reason) };
      return;
    }
    const identity = result.identity;
    if (contact.identities.some((i) => identityKey(i) === identityKey(identity))) {
      this.identity = { ...this.identity, error: this.s.identityExists };
      return;
    }
    void this.change('add-identity', (source) => source.addIdentity(contact.id, identity), () => (this.identity = EMPTY));
  }

  private removeIdentity(identity: Identity): void {
    const contact = this.current!;
    void this.change('remove-identity', (source) => source.removeIdentity(contact.id, identity));
  }

  private addTag(): void {
    const contact = this.current!;
    const tag = this.tag.text.trim();
    if (!tag) return;
    if (contact.tags.some((t) => foldForMatch(t) === foldForMatch(tag))) {
      this.tag = { ...this.tag, error: this.s.tagExists };
      return;
    }
    void this.change('tags', (source) => source.updateContact(contact.id, { tags: [...contact.tags, tag] }), () => (this.tag = EMPTY));
  }

  private removeTag(tag: string): void {
    const contact = this.current!;
    void this.change('tags', (source) => source.updateContact(contact.id, { tags: contact.tags.filter((t) => t !== tag) }));
  }

  private addNote(): void {
    const contact = this.current!;
    const text = this.note.text.trim();
    if (!text) {
      this.note = { ...this.note, error: this.s.noteEmpty };
      return;
    }
    const author = this.author.trim() || undefined;
    void this.change(
      'note',
      async (source) => {
        const admin = await contactAdminOf(source);
        if (admin) return admin.addNote(contact.id, text, author);
        const note = { id: randomId(), text, ...(author ? { author } : {}), createdAt: new Date().toISOString() };
        return source.updateContact(contact.id, { notes: [...contact.notes, note] });
      },
      () => (this.note = EMPTY),
    );
  }

  private setFlag(flag: 'blocked' | 'unsubscribed'): void {
    const contact = this.current!;
    const value = !contact[flag];
    void this.change(flag === 'blocked' ? 'block' : 'unsubscribe', async (source) => {
      const admin = await contactAdminOf(source);
      if (!admin) return source.updateContact(contact.id, { [flag]: value });
      return flag === 'blocked' ? admin.setBlocked(contact.id, value) : admin.setUnsubscribed(contact.id, value);
    });
  }

  private requestMerge(): void {
    const contact = this.current!;
    const ids = [contact.id, ...this.duplicates.map((d) => d.contact.id)].slice(0, MERGE_MAX);
    this.dispatchEvent(new UcrmMergeRequestEvent({ ids }));
  }

  // ---- rendering -------------------------------------------------------------

  private renderField(key: string): TemplateResult {
    const field = this.fieldDef(key);
    return renderFieldInput({
      field,
      id: fieldDomId('details', key),
      value: this.draft[key] ?? (field.type === 'checkbox' ? false : ''),
      strings: this.strings(contactFormStrings),
      error: this.errors[key],
      onInput: (value) => {
        this.draft = { ...this.draft, [key]: value };
        if (this.errors[key]) this.errors = { ...this.errors, [key]: '' };
      },
    });
  }

  private renderProperties(): TemplateResult {
    const s = this.s;
    const card = this.strings(contactStrings);
    const invalid = Object.values(this.errors).filter(Boolean).length;
    const seen = new Set<string>();
    return html`<form
      part="properties"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        this.saveProperties();
      }}
    >
      <fieldset part="section">
        <legend>${card.properties}</legend>
        <div class="grid">${SYSTEM_KEYS.map((key) => this.renderField(`contact.${key}`))}</div>
      </fieldset>
      ${this.sections.map((section) => {
        const fields = section.fields.filter((f) => !seen.has(f.key) && seen.add(f.key));
        return fields.length
          ? html`<fieldset part="section">
              <legend>${section.title}</legend>
              <div class="grid">${fields.map((f) => this.renderField(`custom.${f.key}`))}</div>
            </fieldset>`
          : nothing;
      })}
      ${invalid ? html`<p part="invalid-count" role="alert">${s.invalidCount(invalid)}</p>` : nothing}
      <button type="submit" class="primary" part="save-button" ?disabled=${this.busy}>
        ${this.busy ? s.saving : s.save}
      </button>
    </form>`;
  }

  private renderFlags(contact: Contact): TemplateResult {
    const s = this.s;
    return html`<section part="flags" aria-labelledby="flags-title">
      <h3 id="flags-title">${s.statusTitle}</h3>
      ${contact.unsubscribed ? html`<p part="flag-note">${s.unsubscribedNote}</p>` : nothing}
      ${contact.blocked ? html`<p part="flag-note">${s.blockedNote}</p>` : nothing}
      <div class="actions">
        <button type="button" part="unsubscribe-button" ?disabled=${this.busy} @click=${() => this.setFlag('unsubscribed')}>
          ${contact.unsubscribed ? s.resubscribe : s.unsubscribe}
        </button>
        <button type="button" part="block-button" ?disabled=${this.busy} @click=${() => this.setFlag('blocked')}>
          ${contact.blocked ? s.unblock : s.block}
        </button>
      </div>
    </section>`;
  }

  private renderContact(contact: Contact): TemplateResult {
    const s = this.s;
    const card = this.strings(contactStrings);
    const common = { contact, s, busy: this.busy };
    return html`<header part="header">
        <h2 part="name">${contactName(contact, card)}</h2>
        ${contact.blocked ? html`<span part="badge blocked-badge">${card.blocked}</span>` : nothing}
        ${contact.unsubscribed ? html`<span part="badge unsubscribed-badge">${card.unsubscribed}</span>` : nothing}
      </header>
      ${renderDuplicates(this.duplicates, s, card, () => this.requestMerge())} ${this.renderProperties()}
      ${renderIdentities({
        ...common,
        card,
        kind: this.identityKind,
        value: this.identity,
        setKind: (kind) => (this.identityKind = kind),
        setText: (text) => (this.identity = { text, error: '' }),
        add: () => this.addIdentity(),
        remove: (identity) => this.removeIdentity(identity),
      })}
      ${renderTags({
        ...common,
        suggestions: this.suggestions,
        value: this.tag,
        setText: (text) => (this.tag = { text, error: '' }),
        add: () => this.addTag(),
        remove: (tag) => this.removeTag(tag),
      })}
      ${renderNotes({
        ...common,
        card,
        locale: this.locale,
        value: this.note,
        setText: (text) => (this.note = { text, error: '' }),
        add: () => this.addNote(),
      })}
      ${renderContactHistory(contact.id)}
      ${this.renderFlags(contact)}
      ${this.sync
        ? renderSyncSection({
            items: this.sync.items,
            problem: this.sync.problem,
            retrying: this.syncRetrying,
            s: this.strings(contactSyncStrings),
            locale: this.locale,
            now: this.syncNow,
            retry: (crm) => void this.retrySync(crm),
            reload: () => void this.loadSync(),
          })
        : nothing}`;
  }

  override render() {
    const s = this.s;
    const contact = this.current;
    return html`<article part="base" aria-label=${s.title}>
      <p part="status" role="status" class="visually-hidden">${this.announcement}</p>
      ${this.renderProblem()}
      ${this.state === 'ready' && contact
        ? this.renderContact(contact)
        : html`<p part="message">
            ${this.state === 'loading' ? s.loading : this.state === 'idle' ? s.noContact : ''}
          </p>`}
    </article>`;
  }
}

