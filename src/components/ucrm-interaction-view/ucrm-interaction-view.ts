import { html, nothing, type PropertyValues, type ReactiveElement, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
// The package's entry also re-exports helpers the view does not use; it ships CommonJS only, so nothing would tree-shake them.
import { StoreController } from '@nanostores/lit/lib/StoreController.js';
import { toCrmError } from '../../core/errors.js';
import { isChannel, matchReason } from '../../core/identity/index.js';
import { randomId } from '../../core/util/index.js';
import type { Channel, Contact, ContactDraft, InteractionContext, MatchReason, ViewState } from '../../core/types.js';
import { CHANNELS } from '../../core/types.js';
import { persistenceErrorOf, resolveWithSource, unreadableRecordsOf } from '../../data/resolve-with-source.js';
import type { CrmSource } from '../../data/source.js';
import {
  UcrmContactCreatedEvent,
  UcrmContactSelectedEvent,
  UcrmErrorEvent,
  UcrmResolvedEvent,
  type UcrmContactSubmitEvent,
} from '../../events.js';
import { loadTranslations } from '../../i18n/localize.js';
import { interactionViewStrings } from '../../i18n/strings/interaction-view.js';
import { matchReasonStrings } from '../../i18n/strings/match-reason.js';
import { activeInteraction } from '../../state/interaction-store.js';
import { contactName } from '../contact-matcher/contact-label.js';
import { UcrmRegionalElement } from '../shared/ucrm-regional-element.js';
import { UcrmElement } from '../shared/ucrm-element.js';
import type { AssignPanel } from './assign-panel.js';
import { autoCreateDraft } from './draft.js';
import { loadOnDemand, OnDemandLoader } from './on-demand-loader.js';
import { interactionViewStyles } from './ucrm-interaction-view.styles.js';
import {
  renderCandidates,
  renderContact,
  renderCreate,
  renderHeader,
  renderSearchMatcher,
  renderSkeleton,
} from './view-parts.js';
import {
  chooseContext,
  contextKey,
  settledAnnouncement,
  settledState,
  type InteractionViewMode,
  type Outcome,
  type Selection,
} from './view-state.js';

export type { InteractionViewMode };

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
 * @csspart back-button - "Back to the matching contacts", on the create form opened from the candidates ("None of these").
 * @csspart error - The error message, with Retry.
 *
 * @cssproperty --ucrm-interaction-view-min-height - Height kept across states so nothing jumps while loading (default `16rem`).
 */
export class UcrmInteractionView extends UcrmRegionalElement {
  static override styles = [...UcrmElement.styles, interactionViewStyles];
  static override catalogs = [interactionViewStrings, matchReasonStrings];

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

  /**
   * What is already known about the customer when no contact matches (a
   * `ContactDraft`: a webchat visitor's pre-chat form, fields a bot
   * collected), e.g. `{firstName: 'Rich', lastName: 'Key', emails:
   * ['rich@example.com']}`. The create form fills the fields the agent has
   * not typed in with it (never overwriting what they typed) and says so;
   * its other properties (lead stage, custom values) go with the new
   * contact. Property only.
   */
  @property({ attribute: false }) prefill?: ContactDraft;

  @state() private outcome?: Outcome;
  @state() private loading = false;
  @state() private selected?: Selection;
  @state() private searching = false;
  @state() private creating = false;
  /** The agent chose "None of these — create a new contact" among the candidates. */
  @state() private createInstead = false;
  @state() private announcement = '';
  @state() private persistWarning = false;

  private readonly store = new StoreController(this, activeInteraction);
  private context?: InteractionContext;
  private contextKey?: string;
  /** One key per interaction: a double submit or a retry creates one contact. */
  private idempotencyKey: string = randomId();
  private lastDraft?: ContactDraft;
  /** Storage problems already reported (each source's error object), so each is reported once. */
  /** Storage problems already reported, per source: each kind once, however often a source rebuilds its error object. */
  private readonly persistReported = new WeakMap<object, Set<'storage' | 'records'>>();
  /** The matcher, the create form and the assign UI, imported when a state first shows them. */
  private readonly onDemand = new OnDemandLoader(this, {
    loaded: () => this.clearProblemOf('load'),
    failed: (error) => this.reportError('load', error, () => this.requestUpdate()),
  });

  /** Assigning the ClientID to a searched contact; made on the first pick that needs it (see `onSearchPicked`). */
  private assign?: AssignPanel;

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
    const settled = settledState(this.selected, this.outcome);
    return settled === 'candidates' && this.createInstead ? 'create' : settled;
  }

  private get region(): string | undefined {
    return this.regionOrProvided(this.defaultRegion);
  }

  private get s() {
    return this.strings(interactionViewStrings);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.validateAttributes(changed);
    const context = chooseContext({
      followStore: this.followStore,
      store: this.store.value,
      interaction: this.interaction,
      contactId: this.contactId,
      clientId: this.clientId,
      channel: this.channel,
      campaign: this.campaign,
    });
    const safe = context && !isChannel(context.channel) ? { ...context, channel: this.badChannel(context.channel) } : context;
    const key = contextKey(safe);
    if (key !== this.contextKey) this.startInteraction(safe, key);
    this.loadWhatIsShown();
  }

  protected override firstUpdated(): void {
    this.onDemand.prefetchWhenIdle();
  }

  /** Imports the on-demand elements the coming render shows (see `render`). */
  private loadWhatIsShown(): void {
    const base = this.baseState;
    // Before the first resolution settles, `idle` only means "not resolved yet".
    const settled = !!this.outcome || !!this.selected;
    if (this.searching || (settled && (base === 'candidates' || base === 'idle'))) this.onDemand.load('contact-matcher');
    if (base === 'create') this.onDemand.load('ucrm-contact-form');
  }

  /** Settles once the on-demand elements shown, and the card's full view when shown, are loaded and rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const card = this.renderRoot.querySelector<ReactiveElement>('ucrm-contact-card');
    const cardDone = card?.updateComplete ? await card.updateComplete : true;
    return (await this.onDemand.rendered(this.renderRoot)) && cardDone && done;
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
    if (changed.has('defaultRegion')) this.checkRegionAttribute(this.defaultRegion);
    if (changed.has('channel') && (this.channel === undefined || isChannel(this.channel))) {
      this.reportedChannel = undefined;
      this.clearProblemOf('attribute:channel');
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
    this.idempotencyKey = context?.interactionId ? `interaction:${context.interactionId}` : randomId();
    this.selected = undefined;
    this.createInstead = false;
    this.searching = false;
    this.assign?.flow.reset();
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
    this.announcement = settledAnnouncement(this.s, state, outcome);
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

  /** A LocalSource that lost its storage still works from memory: say so once, without blocking. */
  private checkPersistence(): void {
    const source = this.activeSource;
    const error = persistenceErrorOf(source);
    this.persistWarning = !!error;
    // Records left out (kept in storage for recovery) are the developer's to see, not the agent's;
    // the source already warned in the console about them.
    const unreadable = unreadableRecordsOf(source);
    const problem = error ?? unreadable;
    if (!problem || !source) return;
    const kind = error ? 'storage' : 'records';
    let seen = this.persistReported.get(source);
    if (!seen) this.persistReported.set(source, (seen = new Set()));
    if (seen.has(kind)) return;
    seen.add(kind);
    const crmError = toCrmError(problem);
    if (error) console.warn(`<${this.localName}> persist: ${crmError.message}`);
    this.dispatchEvent(new UcrmErrorEvent({ operation: 'persist', code: crmError.code, message: crmError.message }));
  }

  // ── The agent's actions ────────────────────────────────────────────────

  private onCandidatePicked(event: UcrmContactSelectedEvent): void {
    // The matcher's event stops here; the view fires its own, from itself.
    event.stopPropagation();
    this.select(event.detail.contact, event.detail.reason);
  }

  /** "None of these": the create form, with the ClientID pre-filled, instead of the candidates. */
  private onCreateInstead(event: Event): void {
    event.stopPropagation();
    this.createInstead = true;
    this.announcement = this.s.announceCreate;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector('ucrm-contact-form')?.shadowRoot?.querySelector<HTMLElement>('input')?.focus(),
    );
  }

  /** Back from that form to the candidates; what was typed goes (the form is per interaction and choice). */
  private backToCandidates(): void {
    this.createInstead = false;
    this.clearProblemOf('create');
    this.announcement = this.s.announceCandidates(this.candidates.length);
    this.focusAfterUpdate('[part=matcher]');
  }

  private select(contact: Contact, reason?: MatchReason): void {
    this.selected = reason ? { contact, reason } : { contact };
    this.searching = false;
    this.assign?.flow.cancel();
    this.announcement = this.s.announceContact;
    this.dispatchEvent(new UcrmContactSelectedEvent(reason ? { contact, reason } : { contact }));
    this.focusAfterUpdate('[part=content]');
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
    this.clearProblemOf('create');
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
    this.assign?.flow.cancel();
    this.focusAfterUpdate('[part=matcher]');
  }

  private closeSearch(): void {
    this.searching = false;
    this.assign?.flow.cancel();
    this.clearProblemOf('assign');
    this.focusAfterUpdate('[part=search-button]');
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
    let assign = this.assign;
    if (!assign) {
      const key = this.contextKey;
      try {
        const { AssignPanel } = await loadOnDemand();
        await loadTranslations(AssignPanel.catalogs, this.locale);
        assign = this.assign ??= this.createAssignPanel(AssignPanel);
      } catch (error) {
        this.reportError('load', error);
        return;
      }
      // A newer interaction may have arrived meanwhile: the pick was for the old one.
      if (key !== this.contextKey) return;
    }
    await assign.flow.ask(contact, identity, this.candidates);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part=assign] button')?.focus();
  }

  private createAssignPanel(Panel: typeof AssignPanel): AssignPanel {
    const panel: AssignPanel = new Panel(this, {
      source: () => this.activeSource,
      undoTimeout: () => this.undoTimeout,
      locale: () => this.locale,
      nameOf: (contact) => this.nameOf(contact),
      cancelLabel: () => this.common.cancel,
      assigned: (contact, _identity, announcement) => {
        this.checkPersistence();
        this.select(contact);
        this.announcement = announcement;
      },
      undone: (_contact, _identity, announcement) => {
        // Back to what the interaction resolved to before the assignment.
        this.selected = undefined;
        this.announcement = announcement;
      },
      failed: (operation, error, retry) => {
        this.reportError(operation, error, retry);
      },
      confirm: () => {
        this.clearProblemOf('assign');
        void panel.flow.confirm();
      },
      open: (contact) => this.select(contact),
      close: () => this.closeSearch(),
    });
    return panel;
  }

  private nameOf(contact: Contact): string {
    return contactName(contact) || this.s.unnamed;
  }

  /** Clears the shown failure when it is one of `operation` (another one stays). */
  private clearProblemOf(operation: string): void {
    if (this.problem?.operation === operation) this.clearProblem();
  }

  private focusAfterUpdate(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  // ── Rendering ──────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const state = this.state;
    const base = this.baseState;
    return html`<section part="base" aria-label=${this.s.label}>
      ${this.renderHeader(state, base)}
      ${this.persistWarning ? html`<p part="notice" class="warning">${this.s.persistenceWarning}</p>` : nothing}
      ${this.renderProblem()}
      ${this.searching ? this.renderSearch() : nothing}
      <div
        part="content"
        tabindex="-1"
        aria-busy=${state === 'loading' ? 'true' : 'false'}
        ?hidden=${this.searching || (state === 'error' && this.problem?.operation === 'resolve')}
      >
        ${state === 'loading' ? renderSkeleton(this.s) : this.renderBase(state, base)}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }

  private renderHeader(state: ViewState, base: ViewState): TemplateResult {
    return renderHeader({
      s: this.s,
      context: this.context,
      identity: this.outcome?.resolution.identity,
      searching: this.searching,
      // Idle already shows the search; loading has nothing to search from yet.
      canSearch: this.searching || (base !== 'idle' && state !== 'loading') || state === 'error',
      toggleSearch: () => (this.searching ? this.closeSearch() : this.openSearch()),
    });
  }

  private renderBase(state: ViewState, base: ViewState): TemplateResult | typeof nothing {
    const resolution = this.outcome?.resolution;
    switch (base) {
      case 'contact':
        return renderContact({
          m: this.strings(matchReasonStrings),
          contact: this.contact!,
          reason: this.selected ? this.selected.reason : resolution?.candidates?.[0]?.reason,
          sections: resolution?.sections ?? [],
          view: this.view,
          identity: resolution?.identity,
          undo: this.assign?.renderUndo() ?? nothing,
        });
      case 'candidates':
        return renderCandidates(
          this.s,
          resolution?.candidates ?? [],
          (event) => this.onCandidatePicked(event),
          (event) => this.onCreateInstead(event),
        );
      case 'create':
        return renderCreate({
          s: this.s,
          key: this.contextKey,
          channel: this.context?.channel ?? 'phone',
          clientId: this.context?.clientId,
          invalid: resolution?.state === 'invalid',
          identity: resolution?.identity,
          sections: resolution?.sections ?? [],
          busy: this.creating,
          submitted: (event) => void this.onSubmit(event),
          back: this.createInstead ? () => this.backToCandidates() : undefined,
          prefill: this.prefill,
        });
      case 'idle':
        // With nothing to resolve, the manual search is the whole view.
        return state === 'error' ? nothing : renderSearchMatcher(this.activeSource, (event) => void this.onSearchPicked(event));
      default:
        return nothing;
    }
  }

  private renderSearch(): TemplateResult {
    const dismissed = (event: Event) => {
      event.stopPropagation();
      this.closeSearch();
    };
    return html`<div class="search" @keydown=${this.onSearchKeydown}>
      ${renderSearchMatcher(this.activeSource, (event) => void this.onSearchPicked(event), dismissed)}
      ${this.assign?.renderQuestion() ?? nothing}
    </div>`;
  }
}
