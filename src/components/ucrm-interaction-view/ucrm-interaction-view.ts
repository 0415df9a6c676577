import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { Task } from '@lit/task';
import { isSupportedCountry } from 'libphonenumber-js/min';
import { toCrmError } from '../../core/errors.js';
import { isChannel, matchReason } from '../../core/identity.js';
import type { Channel, Contact, ContactDraft, InteractionContext, MatchReason, ViewState } from '../../core/types.js';
import { CHANNELS } from '../../core/types.js';
import type { CrmSource, Resolution } from '../../data/source.js';
import {
  UcrmContactCreatedEvent,
  UcrmContactSelectedEvent,
  UcrmErrorEvent,
  UcrmResolvedEvent,
  type UcrmContactSubmitEvent,
} from '../../events.js';
import { interactionViewStrings } from '../../i18n/strings/interaction-view.js';
import { matcherStrings } from '../../i18n/strings/matcher.js';
import { activeInteraction } from '../../state/interaction-store.js';
import { contactName, identityLabel, reasonArgs } from '../contact-matcher/contact-label.js';
import { UcrmDataElement } from '../shared/ucrm-data-element.js';
import { UcrmElement } from '../shared/ucrm-element.js';
import { AssignFlow, type PendingAssign, type UndoOffer } from './assign-flow.js';
import { autoCreateDraft, draftForClientId } from './draft.js';
import { persistenceErrorOf, resolveWithSource } from '../../data/resolve-with-source.js';
import { StoreController } from './store-controller.js';
import { interactionViewStyles } from './ucrm-interaction-view.styles.js';

export type InteractionViewMode = 'reduced' | 'full';

/** A settled resolution, and the contact `auto-create` made for it. */
interface Outcome {
  context?: InteractionContext;
  resolution: Resolution;
  created?: Contact;
}

/** Failures that replace the content with the error state (the rest show inline). */
const BLOCKING_FAILURES = new Set(['resolve', 'create']);
const VIEWS: readonly InteractionViewMode[] = ['reduced', 'full'];

/**
 * The screen pop: resolves the active interaction (ContactID, ClientID,
 * channel, campaign) to one contact, a list of candidates or a create form,
 * and shows only the custom sections enabled for the campaign.
 *
 * The interaction comes from, in order: the `interaction` property; the
 * `contact-id` / `client-id` attributes (with `channel` and `campaign`); the
 * shared `activeInteraction` store when neither is given. With `follow-store`
 * the store always wins, so one store drives every widget on the page.
 *
 * @summary Shows the contact of the active interaction, its candidates, or a create form.
 *
 * @fires ucrm-resolved - `{state, contact?, candidates?, context}` each time a resolution settles.
 * @fires ucrm-contact-selected - `{contact, reason?}` the agent picked a candidate or a search result.
 * @fires ucrm-contact-created - `{contact}` a contact was created (form or `auto-create`).
 * @fires ucrm-client-id-assigned - `{contact, identity, undone?}` the ClientID was added to a contact, or that was undone.
 * @fires ucrm-error - `{operation, code, message}` `resolve`, `create`, `assign`, `undo`, `persist` or `attribute:<name>` failed; also shown.
 *
 * @csspart base - The wrapper.
 * @csspart header - The interaction summary and the search button.
 * @csspart channel - The channel name in the header.
 * @csspart client-id - The ClientID in the header.
 * @csspart search-button - "Search another contact" / "Close search".
 * @csspart content - The current state's content.
 * @csspart skeleton - The loading placeholder.
 * @csspart notice - Informational lines (create hint, invalid ClientID, storage warning).
 * @csspart match-reason - How the shown contact matched, when by an equivalence rule.
 * @csspart matcher - The `<contact-matcher>` (candidates and search).
 * @csspart card - The `<ucrm-contact-card>`.
 * @csspart form - The `<ucrm-contact-form>`.
 * @csspart assign - The "Assign … to …?" confirmation.
 * @csspart undo - The "assigned … Undo" bar.
 * @csspart error - The error message, with Retry.
 *
 * @cssproperty --ucrm-interaction-view-min-height - Height kept across states so nothing jumps while loading (default `16rem`).
 */
export class UcrmInteractionView extends UcrmDataElement {
  static override styles = [...UcrmElement.styles, interactionViewStyles];

  /** ContactID of the interaction: shown directly when it exists. */
  @property({ attribute: 'contact-id' }) contactId?: string;

  /** ClientID of the interaction (phone, email, social id...), as it arrived. */
  @property({ attribute: 'client-id' }) clientId?: string;

  /** The interaction's channel; decides what kind of identity the ClientID is. Default `phone`. */
  @property() channel?: Channel;

  /** Campaign id: custom sections enabled for it are shown. */
  @property() campaign?: string;

  /** `reduced` (default) or `full` contact card. */
  @property({ reflect: true }) view: InteractionViewMode = 'reduced';

  /** ISO 3166 region for national phone numbers; defaults to the provider's. */
  @property({ attribute: 'default-region' }) defaultRegion?: string;

  /** Create the contact at once when nothing matches, instead of showing the form. */
  @property({ type: Boolean, attribute: 'auto-create' }) autoCreate = false;

  /** Always follow the shared `activeInteraction` store, ignoring `interaction` and the context attributes. */
  @property({ type: Boolean, attribute: 'follow-store' }) followStore = false;

  /** The whole interaction context at once; wins over the context attributes. Property only. */
  @property({ attribute: false }) interaction?: InteractionContext;

  /** How long (ms) Undo is offered after assigning a ClientID. */
  @property({ type: Number, attribute: 'undo-timeout' }) undoTimeout = 8000;

  @state() private outcome?: Outcome;
  @state() private loading = false;
  @state() private selected?: { contact: Contact; reason?: MatchReason };
  @state() private searching = false;
  @state() private creating = false;
  @state() private announcement = '';
  @state() private persistWarning = false;

  private readonly store = new StoreController(this, activeInteraction);
  private context?: InteractionContext;
  private contextKey?: string;
  /** One key per interaction: a double submit or a retry creates one contact. */
  private idempotencyKey: string = crypto.randomUUID();
  private lastDraft?: ContactDraft;
  private readonly persistReported = new WeakSet<CrmSource>();

  private readonly assignFlow = new AssignFlow(this, {
    source: () => this.activeSource,
    undoTimeout: () => this.undoTimeout,
    assigned: (contact, identity) => {
      this.checkPersistence();
      this.select(contact);
      this.announcement = this.s.assigned(identityLabel(identity), this.nameOf(contact));
    },
    undone: (contact, identity) => {
      // Back to what the interaction resolved to before the assignment.
      this.selected = undefined;
      this.announcement = this.s.undone(identityLabel(identity), this.nameOf(contact));
    },
    failed: (operation, error, retry) => {
      this.reportError(operation, error, retry);
    },
  });

  private readonly resolveTask = new Task(this, {
    task: ([, source, region, context], { signal }) => this.runResolution(source, region, context, signal),
    args: () => [this.contextKey, this.activeSource, this.region, this.context] as const,
    // The context object is new on every render; its key says whether it changed.
    argsEqual: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2],
    onComplete: (outcome) => this.settle(outcome),
    onError: (error) => this.fail(error),
  });

  /** What the view shows: `idle | loading | contact | candidates | create | search | error` (reflected as `state`). */
  get state(): ViewState {
    if (this.searching) return 'search';
    if (this.loading) return 'loading';
    if (this.problem && BLOCKING_FAILURES.has(this.problem.operation)) return 'error';
    return this.baseState;
  }

  /** The contact shown (resolved, picked or created), if any. */
  get contact(): Contact | undefined {
    if (this.selected) return this.selected.contact;
    return this.outcome?.resolution.state === 'contact' ? this.outcome.resolution.contact : undefined;
  }

  /** The contacts that matched the ClientID. */
  get candidates(): Contact[] {
    return this.outcome?.resolution.candidates?.map((candidate) => candidate.contact) ?? [];
  }

  /** The state below any search or error: what the resolution (or the agent's pick) settled on. */
  private get baseState(): ViewState {
    if (this.selected) return 'contact';
    const resolved = this.outcome?.resolution.state;
    if (!resolved || resolved === 'idle') return 'idle';
    return resolved === 'invalid' ? 'create' : resolved;
  }

  private get region(): string | undefined {
    const own = this.defaultRegion?.trim().toUpperCase();
    return own && isSupportedCountry(own) ? own : this.providedConfig?.defaultRegion;
  }

  private get s() {
    return this.strings(interactionViewStrings);
  }

  /** The interaction to show, from the property, the attributes or the store (see the class docs). */
  private readContext(): InteractionContext | undefined {
    if (this.followStore) return this.store.value;
    if (this.interaction) return this.interaction;
    const contactId = this.contactId?.trim() || undefined;
    const clientId = this.clientId?.trim() || undefined;
    if (!contactId && !clientId) return this.store.value;
    return { contactId, clientId, channel: this.channel ?? 'phone', campaign: this.campaign?.trim() || undefined };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.validateAttributes(changed);
    const context = this.readContext();
    const safe = context && !isChannel(context.channel) ? { ...context, channel: this.badChannel(context.channel) } : context;
    const key = safe ? JSON.stringify([safe.contactId, safe.clientId, safe.channel, safe.campaign, safe.interactionId]) : '';
    if (key !== this.contextKey) this.startInteraction(safe, key);
  }

  protected override updated(): void {
    // Reflected after the resolution task has marked itself loading in this same update.
    const current = this.state;
    if (this.getAttribute('state') !== current) this.setAttribute('state', current);
  }

  private validateAttributes(changed: PropertyValues<this>): void {
    if (changed.has('view') && !VIEWS.includes(this.view)) {
      this.reportBadAttribute('view', String(this.view), VIEWS.join(' | '));
      this.view = 'reduced';
    }
    if (changed.has('defaultRegion')) {
      const region = this.defaultRegion?.trim().toUpperCase();
      if (region && !isSupportedCountry(region)) {
        this.reportBadAttribute('default-region', this.defaultRegion ?? '', 'an ISO 3166 country code such as BR or UY');
      }
    }
    if (changed.has('channel') && (this.channel === undefined || isChannel(this.channel))) {
      this.reportedChannel = undefined;
      if (this.problem?.operation === 'attribute:channel') this.clearProblem();
    }
  }

  /** An unknown channel is reported once per value and read as `phone`, so the widget keeps working. */
  private reportedChannel?: string;
  private badChannel(value: unknown): Channel {
    if (this.reportedChannel !== String(value)) {
      this.reportedChannel = String(value);
      this.reportBadAttribute('channel', String(value), CHANNELS.join(' | '));
    }
    return 'phone';
  }

  /** A new interaction: forget everything about the previous one; the task aborts its resolution. */
  private startInteraction(context: InteractionContext | undefined, key: string): void {
    this.context = context;
    this.contextKey = key;
    // Nothing of the previous interaction is shown or exposed (header, `contact`) while this one loads.
    this.outcome = undefined;
    this.idempotencyKey = context?.interactionId ? `interaction:${context.interactionId}` : crypto.randomUUID();
    this.selected = undefined;
    this.searching = false;
    this.assignFlow.reset();
    this.lastDraft = undefined;
    if (this.problem && !this.problem.operation.startsWith('attribute:')) this.clearProblem();
  }

  private async runResolution(
    source: CrmSource,
    region: string | undefined,
    context: InteractionContext | undefined,
    signal: AbortSignal,
  ): Promise<Outcome> {
    this.loading = true;
    // Taken now: by the time the lookup answers, a newer interaction may have its own key.
    const idempotencyKey = this.idempotencyKey;
    if (!context) return { resolution: { state: 'idle', sections: [] } };
    const resolution = await resolveWithSource(source, context, { defaultRegion: region, signal });
    if (resolution.state !== 'create' || !this.autoCreate || !resolution.identity) return { context, resolution };
    // Not aborted by a newer interaction: the visitor did write to us, so the contact is made either way.
    const created = await source.createContact(autoCreateDraft(context.channel, resolution.identity), { idempotencyKey });
    this.dispatchEvent(new UcrmContactCreatedEvent({ contact: created }));
    return { context, resolution, created };
  }

  private settle(outcome: Outcome): void {
    this.loading = false;
    this.outcome = outcome;
    if (outcome.created) this.selected = { contact: outcome.created };
    this.checkPersistence();
    const state = this.baseState;
    const candidates = this.candidates;
    this.announcement = this.announce(state, outcome);
    this.dispatchEvent(
      new UcrmResolvedEvent({
        state,
        ...(this.contact ? { contact: this.contact } : {}),
        ...(state === 'candidates' ? { candidates } : {}),
        context: outcome.context ?? { channel: this.context?.channel ?? 'phone' },
      }),
    );
  }

  private fail(error: unknown): void {
    this.loading = false;
    this.outcome = undefined;
    const reported = this.reportError('resolve', error, () => void this.resolveTask.run());
    if (!reported) return;
    this.announcement = this.s.announceError;
    this.dispatchEvent(new UcrmResolvedEvent({ state: 'error', context: this.context ?? { channel: 'phone' } }));
  }

  private announce(state: ViewState, outcome: Outcome): string {
    const s = this.s;
    if (outcome.created) return s.announceCreated;
    switch (state) {
      case 'contact':
        return s.announceContact;
      case 'candidates':
        return s.announceCandidates(this.candidates.length);
      case 'create':
        return outcome.resolution.state === 'invalid' ? s.announceInvalid : s.announceCreate;
      default:
        return s.announceIdle;
    }
  }

  /** A LocalSource that lost its storage still works from memory: say so once, without blocking. */
  private checkPersistence(): void {
    const source = this.activeSource;
    const error = persistenceErrorOf(source);
    this.persistWarning = !!error;
    if (!error || this.persistReported.has(source)) return;
    this.persistReported.add(source);
    const crmError = toCrmError(error);
    console.warn(`<${this.localName}> persist: ${crmError.message}`);
    this.dispatchEvent(new UcrmErrorEvent({ operation: 'persist', code: crmError.code, message: crmError.message }));
  }

  // ── The agent's actions ────────────────────────────────────────────────

  private onCandidatePicked(event: UcrmContactSelectedEvent): void {
    // The matcher's event stops here; the view fires its own, from itself.
    event.stopPropagation();
    this.select(event.detail.contact, event.detail.reason);
  }

  private select(contact: Contact, reason?: MatchReason): void {
    this.selected = reason ? { contact, reason } : { contact };
    this.searching = false;
    this.assignFlow.cancel();
    this.announcement = this.s.announceContact;
    this.dispatchEvent(new UcrmContactSelectedEvent(reason ? { contact, reason } : { contact }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=content]')?.focus());
  }

  private async onSubmit(event: UcrmContactSubmitEvent): Promise<void> {
    event.stopPropagation();
    // The view owns the creation (the event is cancelable precisely for this).
    event.preventDefault();
    await this.create(event.detail.draft);
  }

  private async create(draft: ContactDraft): Promise<void> {
    if (this.creating) return;
    this.creating = true;
    this.lastDraft = draft;
    if (this.problem?.operation === 'create') this.clearProblem();
    const key = this.contextKey;
    try {
      const contact = await this.activeSource.createContact(draft, { idempotencyKey: this.idempotencyKey });
      this.dispatchEvent(new UcrmContactCreatedEvent({ contact }));
      // A write is when storage runs out of quota: say so as soon as it happens.
      this.checkPersistence();
      if (key !== this.contextKey) return;
      this.selected = { contact };
      this.announcement = this.s.announceCreated;
    } catch (error) {
      if (key !== this.contextKey) return;
      // The form stays mounted with what the agent typed; Retry submits its current value.
      this.reportError('create', error, () => void this.create(this.formValue() ?? draft));
    } finally {
      this.creating = false;
    }
  }

  private formValue(): ContactDraft | undefined {
    const form = this.renderRoot.querySelector('ucrm-contact-form') as (HTMLElement & { value?: ContactDraft }) | null;
    return form?.value ?? this.lastDraft;
  }

  private openSearch(): void {
    this.searching = true;
    this.assignFlow.cancel();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=matcher]')?.focus());
  }

  private closeSearch(): void {
    this.searching = false;
    this.assignFlow.cancel();
    if (this.problem?.operation === 'assign') this.clearProblem();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=search-button]')?.focus());
  }

  private onSearchKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.closeSearch();
  }

  /** A search result was picked: show it, or first ask to assign the ClientID to it. */
  private async onSearchPicked(event: UcrmContactSelectedEvent): Promise<void> {
    event.stopPropagation();
    const contact = event.detail.contact;
    const identity = this.outcome?.resolution.identity;
    if (!identity || matchReason(identity, contact, { defaultRegion: this.region })) {
      this.select(contact);
      return;
    }
    await this.assignFlow.ask(contact, identity, this.candidates);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part=assign] button')?.focus();
  }

  private confirmAssign(): void {
    if (this.problem?.operation === 'assign') this.clearProblem();
    void this.assignFlow.confirm();
  }

  private nameOf(contact: Contact): string {
    return contactName(contact) || this.s.unnamed;
  }

  // ── Rendering ──────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const state = this.state;
    const base = this.baseState;
    return html`<section part="base" aria-label=${this.s.label}>
      ${this.renderHeader(base)}
      ${this.persistWarning ? html`<p part="notice" class="warning">${this.s.persistenceWarning}</p>` : nothing}
      ${this.renderProblem()}
      ${this.searching ? this.renderSearch() : nothing}
      <div
        part="content"
        tabindex="-1"
        aria-busy=${state === 'loading' ? 'true' : 'false'}
        ?hidden=${this.searching || (state === 'error' && this.problem?.operation === 'resolve')}
      >
        ${state === 'loading' ? this.renderSkeleton() : this.renderBase(base)}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }

  private renderHeader(base: ViewState): TemplateResult {
    const context = this.context;
    const identity = this.outcome?.resolution.identity;
    const clientId = identity ? identityLabel(identity) : context?.clientId;
    const state = this.state;
    // Idle already shows the search; loading has nothing to search from yet.
    const canSearch = this.searching || (base !== 'idle' && state !== 'loading') || state === 'error';
    return html`<header part="header">
      ${context
        ? html`<span part="channel">${this.s.channel(context.channel)}</span>
            ${clientId ? html`<span part="client-id">${clientId}</span>` : nothing}`
        : html`<span part="channel">${this.s.noInteraction}</span>`}
      ${canSearch
        ? html`<button
            type="button"
            part="search-button"
            aria-expanded=${this.searching ? 'true' : 'false'}
            @click=${() => (this.searching ? this.closeSearch() : this.openSearch())}
          >
            ${this.searching ? this.s.closeSearch : this.s.searchAnother}
          </button>`
        : nothing}
    </header>`;
  }

  private renderSkeleton(): TemplateResult {
    return html`<div part="skeleton" aria-hidden="true">
        <span class="bone title"></span><span class="bone"></span><span class="bone short"></span>
        <span class="bone block"></span>
      </div>
      <span class="visually-hidden">${this.s.loading}</span>`;
  }

  private renderBase(base: ViewState): TemplateResult | typeof nothing {
    const resolution = this.outcome?.resolution;
    switch (base) {
      case 'contact':
        return this.renderContact();
      case 'candidates':
        return html`<p part="notice">${this.s.candidatesTitle(resolution?.candidates?.length ?? 0)}</p>
          <contact-matcher
            part="matcher"
            mode="candidates"
            .candidates=${resolution?.candidates ?? []}
            @ucrm-contact-selected=${this.onCandidatePicked}
            @ucrm-matcher-dismiss=${(event: Event) => event.stopPropagation()}
          ></contact-matcher>`;
      case 'create':
        return this.renderCreate();
      case 'idle':
        // With nothing to resolve, the manual search is the whole view.
        return this.state === 'error'
          ? nothing
          : html`<contact-matcher
              part="matcher"
              mode="search"
              .source=${this.activeSource}
              @ucrm-contact-selected=${this.onSearchPicked}
            ></contact-matcher>`;
      default:
        return nothing;
    }
  }

  private renderContact(): TemplateResult {
    const contact = this.contact!;
    const identity = this.outcome?.resolution.identity;
    const reason = this.selected ? this.selected.reason : this.outcome?.resolution.candidates?.[0]?.reason;
    const m = this.strings(matcherStrings);
    const undo = this.assignFlow.undo;
    return html`${undo ? this.renderUndo(undo) : nothing}
      ${reason && reason.rule !== 'exact'
        ? html`<p part="match-reason">${m.reason(...reasonArgs(reason))}</p>`
        : nothing}
      <ucrm-contact-card
        part="card"
        .contact=${contact}
        .sections=${this.outcome?.resolution.sections ?? []}
        .view=${this.view}
        .highlight=${identity}
      ></ucrm-contact-card>`;
  }

  private renderCreate(): TemplateResult {
    const resolution = this.outcome?.resolution;
    const context = this.context;
    const channel = context?.channel ?? 'phone';
    const invalid = resolution?.state === 'invalid';
    return html`<p part="notice" class=${invalid ? 'warning' : ''}>
        ${invalid ? this.s.invalidClientId(context?.clientId ?? '', this.s.channel(channel)) : this.s.createHint}
      </p>
      ${keyed(
        this.contextKey,
        html`<ucrm-contact-form
          part="form"
          .sections=${resolution?.sections ?? []}
          .initial=${draftForClientId(channel, resolution?.identity, context?.clientId)}
          .busy=${this.creating}
          @ucrm-contact-submit=${this.onSubmit}
        ></ucrm-contact-form>`,
      )}`;
  }

  private renderSearch(): TemplateResult {
    const pending = this.assignFlow.pending;
    return html`<div class="search" @keydown=${this.onSearchKeydown}>
      <contact-matcher
        part="matcher"
        mode="search"
        .source=${this.activeSource}
        @ucrm-contact-selected=${this.onSearchPicked}
        @ucrm-matcher-dismiss=${(event: Event) => {
          event.stopPropagation();
          this.closeSearch();
        }}
      ></contact-matcher>
      ${pending?.owners ? this.renderAssign(pending as Required<PendingAssign>) : nothing}
    </div>`;
  }

  private renderAssign(pending: Required<PendingAssign>): TemplateResult {
    const s = this.s;
    const clientId = identityLabel(pending.identity);
    const conflict = pending.owners.length > 0;
    return html`<div part="assign" role="group" aria-labelledby="assign-question">
      <p id="assign-question">${s.assignQuestion(clientId, this.nameOf(pending.contact))}</p>
      ${conflict
        ? html`<p class="warning">${s.assignConflict(clientId, pending.owners.map((o) => this.nameOf(o)).join(', '))}</p>`
        : nothing}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${pending.busy} @click=${() => this.confirmAssign()}>
          ${conflict ? s.assignAnyway : s.assign}
        </button>
        <button type="button" ?disabled=${pending.busy} @click=${() => this.select(pending.contact)}>
          ${s.openWithoutAssigning}
        </button>
        <button type="button" @click=${() => this.closeSearch()}>${this.common.cancel}</button>
      </div>
    </div>`;
  }

  private renderUndo(offer: UndoOffer): TemplateResult {
    return html`<div part="undo">
      <span>${this.s.assigned(identityLabel(offer.identity), this.nameOf(offer.contact))}</span>
      <button type="button" @click=${() => void this.assignFlow.undoLast()}>${this.s.undo}</button>
    </div>`;
  }
}

