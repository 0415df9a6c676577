import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { formatDuration, nextTickDelay, systemClock, type Clock } from '../../core/disposition/index.js';
import { isAborted, toCrmError } from '../../core/errors.js';
import type { ContactFilter, FilterValidation } from '../../core/filters/index.js';
import { byNewestActivity, compileInteractionFilter, type InboxTab, type Interaction, type InteractionChange } from '../../core/interactions/index.js';
import type { Campaign } from '../../core/types.js';
import type { InboxView, InteractionSource, ScheduledAttempt } from '../../data/interactions/source.js';
import { directoryStrings } from '../../i18n/strings/directory.js';
import { inboxViewsStrings } from '../../i18n/strings/inbox-views.js';
import {
  UcrmErrorEvent,
  UcrmInteractionOpenEvent,
  UcrmInteractionTakenEvent,
  UcrmTransferAnsweredEvent,
  type UcrmInteractionStartEvent,
} from '../../events.js';
import { transferOffersStrings } from '../../i18n/strings/transfer-offers.js';
import { workspaceStrings } from '../../i18n/strings/workspace.js';
import type { UcrmNewInteraction } from '../ucrm-new-interaction/ucrm-new-interaction.js';
import { UcrmInteractionElement } from '../shared/ucrm-interaction-element.js';
import { applyChange, place, splitPending, titleOf, without, type InboxLists } from './inbox-lists.js';
import { offerSecondsLeft, renderOffers, senderOf } from './inbox-offers.js';
import { renderRow, type RowColumn, type RowContext } from './inbox-row.js';
import { EMPTY_FILTER, renderBatchBar, renderDrawer, renderScheduled, renderViewsBar, validateDrawerFilter } from './inbox-views.js';
import { inboxStyles } from './ucrm-inbox.styles.js';

const TABS: readonly InboxTab[] = ['pending', 'active'];
const EMPTY: InboxLists = { pending: [], active: [], offers: [] };

/**
 * The agent's inbox: **Pending** (unassigned interactions of their
 * campaigns) and **Active** (assigned to them, including finished ones not
 * yet closed), each with its count and an unread mark, newest activity
 * first, kept live from the interaction source (another agent's take removes
 * an item from Pending at once).
 *
 * A click (or Enter) on a pending interaction takes it: it moves to Active
 * and opens. When another agent won the race, a message says so and the item
 * leaves the list. **New** opens `<ucrm-new-interaction>`; the inbox answers
 * its `ucrm-interaction-start` with the source's `start()` (unless the host
 * cancels it), and the new interaction appears in Active and opens.
 *
 * **Transfers for you** (issue 21): a transfer another agent offers to this
 * one shows above the tabs (whichever tab is shown: it times out) with who
 * sends it, the customer, channel, campaign and the time left before it
 * returns to its sender, announced politely when it arrives or goes. Accept
 * moves it to Active and opens it (an attended consultation stays with the
 * sender, who completes it); Decline sends it back. A transfer that timed
 * out meanwhile says so and fires `ucrm-error`.
 *
 * Keyboard: Tab reaches the tabs (Left/Right switch), then the list, a grid:
 * Up/Down move between interactions, Home/End to the first/last, Left/Right
 * between an interaction and its Disposition button, Enter opens or takes.
 *
 * @summary Pending and Active interactions, live; take, open, start new ones.
 *
 * @fires ucrm-interaction-taken - `{interaction}` the agent took a pending interaction (the source's answer).
 * @fires ucrm-interaction-open - `{interaction, panel?}` open this interaction (after a take, a start, a click in Active; `panel: 'disposition'` from a row's Disposition button).
 * @fires ucrm-interaction-start - From the embedded `<ucrm-new-interaction>` (cancelable: a host that cancels it starts the interaction itself).
 * @fires ucrm-transfer-answered - `{interaction, answer}` the agent accepted or declined a transfer offered to them (the source's answer).
 * @fires ucrm-error - `{operation, code, message}`: `list`, `take`, `start`, `answer-transfer`, `list-campaigns`, or `attribute:tab`.
 *
 * @csspart base - The wrapper.
 * @csspart header - The title and the New button.
 * @csspart title - The "Inbox" heading.
 * @csspart new-button - Opens the composer.
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab (also `tab-pending`, `tab-active`, and `tab-selected` on the selected one).
 * @csspart count - A tab's number of interactions.
 * @csspart unread-mark - The dot on a tab with unread messages.
 * @csspart panel - The tab panel.
 * @csspart list - The grid of interactions.
 * @csspart row - One interaction (also `row-open` on the open one, `row-finished`).
 * @csspart item - The row's main button (take or open).
 * @csspart item-title - The customer's name or ClientID.
 * @csspart item-meta - Channel, campaign and time.
 * @csspart unread - The unread count badge.
 * @csspart finished - The "Finished" mark.
 * @csspart disposition-button - A row's Disposition button (Active only).
 * @csspart empty - The empty list message.
 * @csspart loading - The loading message.
 * @csspart notice - A take lost to another agent.
 * @csspart offers - Transfers offered to the agent (above the tabs, only when there are some).
 * @csspart offers-title - Its "Transfers for you" heading.
 * @csspart offer-list - The list of offers.
 * @csspart offer - One offer (also `offer-attended` for a consultation).
 * @csspart offer-summary - Who transfers which customer, channel and campaign.
 * @csspart offer-deadline - The time left before it returns to its sender.
 * @csspart offer-actions - Its buttons.
 * @csspart accept-button - Accept the transfer.
 * @csspart decline-button - Decline it (on an accepted consultation: leave it).
 * @csspart offer-answering - "Answering…" while the source answers.
 * @csspart composer-dialog - The dialog around `<ucrm-new-interaction>`.
 * @csspart composer - The `<ucrm-new-interaction>`.
 * @csspart announcer - The polite live region.
 * @csspart error - A failure, with Retry.
 *
 * @cssproperty [--ucrm-inbox-unread-color=#0b5cad] - The unread badge and mark.
 * @cssproperty [--ucrm-inbox-open-color=light-dark(#e7f0fa, #1a2a3f)] - The background of the open interaction's row.
 * @cssproperty [--ucrm-inbox-offer-color=light-dark(#fff4e0, #33270f)] - The background of a transfer offered to the agent.
 */
export class UcrmInbox extends UcrmInteractionElement {
  static override styles = [...UcrmInteractionElement.styles, inboxStyles];
  static override catalogs = [workspaceStrings, inboxViewsStrings, directoryStrings, transferOffersStrings];

  /** The tab shown: `pending` or `active`. Reflected; the inbox switches it itself after a take or a start. */
  @property({ reflect: true }) tab: InboxTab = 'pending';

  /** The agent whose inbox this is: an interaction assigned to someone else leaves it. */
  @property({ attribute: 'agent-id' }) agentId?: string;

  /** The interaction open beside the inbox (its row is marked). */
  @property({ attribute: 'selected-id' }) selectedId?: string;

  /** Campaigns, for their names; property only. Without it they come from the CRM source. */
  @property({ attribute: false }) campaigns?: Campaign[];

  /** Where the time left of a transfer offer is read and ticks are scheduled (tests and the simulator pass theirs). */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private lists: InboxLists = EMPTY;
  @state() private loading = false;
  @state() private loaded = false;
  @state() private taking = new Set<string>();
  /** Transfer offers being answered. */
  @state() private answering: ReadonlySet<string> = new Set();
  /** Bumped every second while an offer counts down (the render reads the clock). */
  @state() private tick = 0;
  private tickHandle?: unknown;
  @state() private notice = '';
  @state() private announcement = '';
  /** The row and column (its checkbox, the interaction, its Disposition button) that hold the grid's tab stop. */
  @state() private focusId?: string;
  @state() private focusColumn: RowColumn = 'item';

  // Views, the filter drawer and batch actions (seed 004).
  @state() private views: InboxView[] = [];
  /** The view picked ('' or undefined: all interactions). */
  @state() private viewId?: string;
  @state() private drawerOpen = false;
  /** The drawer's filter: the list follows it as it changes (when it is valid). */
  @state() private filter: ContactFilter = EMPTY_FILTER;
  @state() private viewName = '';
  @state() private viewPublic = false;
  @state() private viewError?: string;
  @state() private viewBusy = false;
  @state() private selection: ReadonlySet<string> = new Set();
  @state() private batchTag = '';
  @state() private batchError?: string;
  @state() private batchBusy = false;
  @state() private confirmingDelete = false;
  /** Rescheduled attempts (undefined: the source lists none). */
  @state() private scheduled?: ScheduledAttempt[];
  private scheduledQueued = false;

  private loadAbort?: AbortController;
  private composerObserver?: MutationObserver;

  private readonly campaignsTask = new Task(this, {
    task: ([source], { signal }) => (source ? source.listCampaigns({ signal }) : Promise.resolve(undefined)),
    // Names only: without a list the rows show campaign ids.
    args: () => [this.campaigns ? undefined : this.activeSource] as const,
    onError: (error) => {
      if (!isAborted(error)) console.warn(`<${this.localName}> list-campaigns: ${toCrmError(error).message}`);
    },
  });

  private get s() {
    return this.strings(workspaceStrings);
  }

  private get shownTab(): InboxTab {
    return TABS.includes(this.tab) ? this.tab : 'pending';
  }

  private get campaignNames(): Map<string, string> {
    const list = this.campaigns ?? (this.campaignsTask.value as Campaign[] | undefined) ?? [];
    return new Map(list.map((c) => [c.id, c.name]));
  }

  /** Reads both lists again from the source. */
  async refresh(): Promise<void> {
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    const source = this.interactionSource;
    this.loading = true;
    try {
      const [pending, active] = await Promise.all(
        TABS.map((tab) => source.list({ tab, signal: abort.signal })),
      );
      if (abort.signal.aborted) return;
      this.lists = { ...splitPending(pending, this.agentId), active: [...active].sort(byNewestActivity) };
      this.loaded = true;
      if (this.problem?.operation === 'list') this.clearProblem();
    } catch (error) {
      if (!abort.signal.aborted) this.reportError('list', error, () => void this.refresh());
    } finally {
      if (this.loadAbort === abort) this.loading = false;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.composerObserver?.disconnect();
    this.stopTicking();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.scheduleTick();
  }

  protected override interactionSourceChanged(_source: InteractionSource): void {
    this.lists = EMPTY;
    this.loaded = false;
    this.selection = new Set();
    void this.refresh();
    void this.loadViews();
    this.queueScheduled();
  }

  protected override interactionChanged(change: InteractionChange): void {
    const before = this.lists.offers;
    const { lists, unknownActive } = applyChange(this.lists, change, this.agentId);
    this.lists = lists;
    if (lists.offers !== before) this.announceOffers(before, lists.offers);
    if (unknownActive) void this.refreshActive();
    if (change.type === 'removed' && this.selection.has(change.id)) {
      const next = new Set(this.selection);
      next.delete(change.id);
      this.selection = next;
    }
    // A disposition may schedule an attempt; a due attempt starts an interaction.
    if (change.type === 'interaction') this.queueScheduled();
  }

  // ---- Transfers offered to the agent (issue 21) ----

  /** Says politely that an offer arrived, or went without this agent's answer (timed out, cancelled). */
  private announceOffers(before: readonly Interaction[], after: readonly Interaction[]): void {
    const os = this.strings(transferOffersStrings);
    const arrived = after.find((o) => !before.some((b) => b.id === o.id));
    const gone = before.find((b) => !after.some((o) => o.id === b.id) && !this.answering.has(b.id));
    if (arrived) {
      const left = offerSecondsLeft(arrived, this.clock.now());
      this.announcement = os.arrived(senderOf(arrived, os), titleOf(arrived), left === undefined ? '' : formatDuration(left, this.locale));
    } else if (gone) {
      this.announcement = os.withdrawn(titleOf(gone));
    }
  }

  private async answerTransfer(offer: Interaction, answer: 'accept' | 'decline'): Promise<void> {
    const id = offer.id;
    if (this.answering.has(id)) return;
    this.answering = new Set(this.answering).add(id);
    const os = this.strings(transferOffersStrings);
    const from = senderOf(offer, os);
    const who = titleOf(offer);
    const hadFocus = !!(this.renderRoot as ShadowRoot).activeElement?.closest('[part~="offers"]');
    const next = this.lists.offers.find((o) => o.id !== id);
    try {
      const after = await this.interactionSource.answerTransfer(id, answer);
      if (this.problem?.operation === 'answer-transfer') this.clearProblem();
      this.notice = '';
      this.dispatchEvent(new UcrmTransferAnsweredEvent({ interaction: after, answer }));
      if (answer === 'accept' && !after.transfer) {
        // A blind transfer accepted: it is this agent's now.
        this.lists = place(this.lists, after, 'active');
        this.tab = 'active';
        this.focusId = after.id;
        this.focusColumn = 'item';
        this.announcement = os.accepted(who);
        this.dispatchEvent(new UcrmInteractionOpenEvent({ interaction: after }));
        if (hadFocus) await this.focusCurrent();
      } else if (answer === 'accept') {
        // A consultation accepted: still the sender's until they complete it.
        this.lists = applyChange(this.lists, { type: 'interaction', interaction: after }, this.agentId).lists;
        this.announcement = os.consultationAccepted(from);
        if (hadFocus) await this.focusOffer(id, 'decline-button');
      } else {
        this.lists = without(this.lists, id);
        this.announcement = os.declined(who, from);
        if (hadFocus) await this.focusAfterOffer(next);
      }
    } catch (error) {
      const crmError = toCrmError(error);
      if (crmError.code === 'conflict' || crmError.code === 'not-found') {
        // Timed out or cancelled meanwhile: the source no longer offers it.
        this.lists = without(this.lists, id);
        this.notice = os.gone;
        console.warn(`<${this.localName}> answer-transfer failed (${crmError.code}): ${crmError.message}`);
        this.dispatchEvent(new UcrmErrorEvent({ operation: 'answer-transfer', code: crmError.code, message: crmError.message || crmError.code }));
        if (hadFocus) await this.focusAfterOffer(next);
      } else {
        this.reportError('answer-transfer', error, () => void this.answerTransfer(offer, answer));
      }
    } finally {
      const rest = new Set(this.answering);
      rest.delete(id);
      this.answering = rest;
    }
  }

  private async focusOffer(id: string, part: 'accept-button' | 'decline-button'): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[part~="offer"][data-id="${CSS.escape(id)}"] [part~="${part}"]`)?.focus();
  }

  /** Keyboard focus after an offer left: the next offer, else the selected tab. */
  private async focusAfterOffer(next: Interaction | undefined): Promise<void> {
    if (next) return this.focusOffer(next.id, next.transfer?.answeredAt ? 'decline-button' : 'accept-button');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${this.shownTab}`)?.focus();
  }

  /** One tick per displayed second while an offer counts down. */
  private scheduleTick(): void {
    if (this.tickHandle !== undefined || !this.isConnected) return;
    const now = this.clock.now();
    const deadlines = this.lists.offers
      .map((o) => (o.transfer?.deadline ? Date.parse(o.transfer.deadline) : NaN))
      .filter((d) => Number.isFinite(d) && d > now);
    if (!deadlines.length) return;
    const delay = Math.min(...deadlines.map((d) => nextTickDelay(d, now)));
    this.tickHandle = this.clock.setTimeout(() => {
      this.tickHandle = undefined;
      this.tick += 1;
    }, delay);
  }

  private stopTicking(): void {
    if (this.tickHandle !== undefined) this.clock.clearTimeout(this.tickHandle);
    this.tickHandle = undefined;
  }

  // ---- Views, the filter drawer, batch actions, Scheduled (seed 004, 002) ----

  /** Reads the views this agent may use (theirs and the public ones). */
  async loadViews(): Promise<void> {
    try {
      this.views = await this.interactionSource.views();
      if (this.viewId && !this.views.some((v) => v.id === this.viewId)) this.pickView('');
      if (this.problem?.operation === 'views') this.clearProblem();
    } catch (error) {
      this.reportError('views', error, () => void this.loadViews());
    }
  }

  private queueScheduled(): void {
    const source = this.interactionSource;
    if (!source.scheduled || this.scheduledQueued) return;
    this.scheduledQueued = true;
    queueMicrotask(async () => {
      this.scheduledQueued = false;
      try {
        this.scheduled = (await source.scheduled?.()) ?? [];
      } catch (error) {
        this.reportError('scheduled', error, () => this.queueScheduled());
      }
    });
  }

  private get filterValidation(): FilterValidation {
    return validateDrawerFilter(this.filter);
  }

  /** The drawer's predicate, or undefined when there is nothing to apply (no conditions, or an invalid filter). */
  private get predicate(): ((interaction: Interaction) => boolean) | undefined {
    if (!this.filter.conditions.length || !this.filterValidation.ok) return undefined;
    return compileInteractionFilter(this.filter);
  }

  private pickView(id: string): void {
    const view = this.views.find((v) => v.id === id);
    this.viewId = view?.id;
    this.filter = view ? structuredClone(view.filter) : EMPTY_FILTER;
    this.viewName = view?.name ?? '';
    this.viewPublic = view?.public ?? false;
    this.viewError = undefined;
  }

  private async saveView(asNew: boolean): Promise<void> {
    if (this.viewBusy) return;
    const vs = this.strings(inboxViewsStrings);
    const current = this.views.find((v) => v.id === this.viewId);
    this.viewBusy = true;
    try {
      const saved = await this.interactionSource.saveView({
        ...(!asNew && current ? { id: current.id } : {}),
        name: this.viewName,
        public: this.viewPublic,
        filter: this.filter,
      });
      this.viewError = undefined;
      await this.loadViews();
      this.pickView(saved.id);
      this.announcement = vs.viewSaved(saved.name);
    } catch (error) {
      // Shown at the name: the agent keeps the filter and the name they typed.
      if (!isAborted(error)) this.viewError = toCrmError(error).message || this.common.errorCode(toCrmError(error).code);
    } finally {
      this.viewBusy = false;
    }
  }

  private async deleteView(): Promise<void> {
    const view = this.views.find((v) => v.id === this.viewId);
    if (!view || this.viewBusy) return;
    this.viewBusy = true;
    try {
      await this.interactionSource.deleteView(view.id);
      this.pickView('');
      await this.loadViews();
      this.announcement = this.strings(inboxViewsStrings).viewDeleted(view.name);
    } catch (error) {
      if (!isAborted(error)) this.viewError = toCrmError(error).message;
    } finally {
      this.viewBusy = false;
    }
  }

  private select(interaction: Interaction, on: boolean): void {
    const next = new Set(this.selection);
    if (on) next.add(interaction.id);
    else next.delete(interaction.id);
    this.selection = next;
    this.confirmingDelete = false;
  }

  private async runBatch(action: 'add' | 'remove' | 'delete'): Promise<void> {
    if (this.batchBusy) return;
    const vs = this.strings(inboxViewsStrings);
    const ids = [...this.selection];
    const tag = this.batchTag.trim();
    if (action !== 'delete' && !tag) {
      this.batchError = vs.needTag;
      return;
    }
    if (action === 'delete' && !this.confirmingDelete) {
      this.confirmingDelete = true;
      return;
    }
    this.batchBusy = true;
    this.batchError = undefined;
    const count = vs.interactions(ids.length, this.number(ids.length));
    try {
      if (action === 'delete') await this.interactionSource.batch(ids, { delete: true });
      else await this.interactionSource.batch(ids, { tags: action === 'add' ? { add: [tag] } : { remove: [tag] } });
      this.announcement = action === 'delete' ? vs.deleted(count) : action === 'add' ? vs.tagged(tag, count) : vs.untagged(tag, count);
      if (action === 'delete') this.selection = new Set();
      this.confirmingDelete = false;
      if (this.problem?.operation === 'batch') this.clearProblem();
    } catch (error) {
      this.reportError('batch', error, () => void this.runBatch(action));
    } finally {
      this.batchBusy = false;
    }
  }

  /** Without an agent id the inbox cannot tell whose an assigned interaction is: the source's Active list says. */
  private async refreshActive(): Promise<void> {
    try {
      const active = await this.interactionSource.list({ tab: 'active' });
      this.lists = { ...this.lists, active: [...active].sort(byNewestActivity) };
    } catch (error) {
      this.reportError('list', error, () => void this.refresh());
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('clock')) this.stopTicking();
    if (changed.has('tab') && !TABS.includes(this.tab)) {
      this.reportBadAttribute('tab', String(this.tab), 'pending | active');
    } else if (changed.has('tab') && this.problem?.operation === 'attribute:tab') {
      this.clearProblem();
    }
  }

  // ---- Commands ----

  private async take(interaction: Interaction): Promise<void> {
    const id = interaction.id;
    if (this.taking.has(id)) return;
    this.taking = new Set(this.taking).add(id);
    this.notice = '';
    const hadFocus = this.gridHasFocus();
    try {
      const taken = await this.interactionSource.take(id);
      if (this.problem?.operation === 'take') this.clearProblem();
      this.lists = place(this.lists, taken, 'active');
      this.tab = 'active';
      this.focusId = taken.id;
      this.focusColumn = 'item';
      this.announcement = this.s.taken(titleOf(taken));
      this.dispatchEvent(new UcrmInteractionTakenEvent({ interaction: taken }));
      this.dispatchEvent(new UcrmInteractionOpenEvent({ interaction: taken }));
      if (hadFocus) await this.focusCurrent();
    } catch (error) {
      if (toCrmError(error).code === 'conflict') {
        // The source says another agent has it: it is no longer pending for us.
        this.notice = this.s.takenByOther;
        this.lists = without(this.lists, id);
        if (hadFocus) await this.focusCurrent();
      } else {
        this.reportError('take', error, () => void this.take(interaction));
      }
    } finally {
      const next = new Set(this.taking);
      next.delete(id);
      this.taking = next;
    }
  }

  private open(interaction: Interaction, panel?: 'disposition'): void {
    this.focusId = interaction.id;
    this.dispatchEvent(new UcrmInteractionOpenEvent(panel ? { interaction, panel } : { interaction }));
  }

  private activate(interaction: Interaction): void {
    if (interaction.status === 'pending') void this.take(interaction);
    else this.open(interaction);
  }

  // ---- The composer ----

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private get composer(): UcrmNewInteraction | null {
    return this.renderRoot.querySelector('ucrm-new-interaction');
  }

  private openComposer(): void {
    const dialog = this.dialog;
    const composer = this.composer;
    if (!dialog || !composer) return;
    // The composer's own × sets `open` (reflected) to false: the dialog follows.
    this.composerObserver ??= new MutationObserver(() => {
      if (!this.composer?.open && this.dialog?.open) this.dialog.close();
    });
    this.composerObserver.observe(composer, { attributes: true, attributeFilter: ['open'] });
    composer.open = true;
    dialog.showModal();
    void composer.updateComplete.then(() =>
      composer.renderRoot.querySelector<HTMLElement>('input[name="channel"], [part~="panel"] button')?.focus(),
    );
  }

  private onDialogClose(): void {
    const composer = this.composer;
    if (composer) composer.open = false;
    this.renderRoot.querySelector<HTMLElement>('[part~="new-button"]')?.focus();
  }

  private async onStart(event: UcrmInteractionStartEvent): Promise<void> {
    const composer = event.target as UcrmNewInteraction;
    // Listeners above (the host) run after this one: one microtask later their cancel is known.
    await Promise.resolve();
    if (event.defaultPrevented) return;
    try {
      const started = await this.interactionSource.start(event.detail);
      composer.started();
      if (this.problem?.operation === 'start') this.clearProblem();
      this.lists = place(this.lists, started, 'active');
      this.tab = 'active';
      this.focusId = started.id;
      this.focusColumn = 'item';
      this.announcement = this.s.started(titleOf(started));
      this.dialog?.close();
      this.dispatchEvent(new UcrmInteractionOpenEvent({ interaction: started }));
    } catch (error) {
      if (isAborted(error)) return;
      const crmError = toCrmError(error);
      // Shown in the composer, which keeps everything the agent typed.
      composer.failed(crmError.message || this.common.errorCode(crmError.code));
    }
  }

  // ---- Keyboard ----

  private gridHasFocus(): boolean {
    const active = (this.renderRoot as ShadowRoot).activeElement;
    return !!active?.closest('[role="grid"]');
  }

  private async focusCurrent(): Promise<void> {
    await this.updateComplete;
    const row = this.visibleRows();
    const index = Math.max(0, row.findIndex((i) => i.id === this.focusId));
    const target = row[index];
    if (!target) return;
    this.focusId = target.id;
    await this.updateComplete;
    const part = this.focusColumn === 'disposition' ? 'disposition-button' : this.focusColumn === 'select' && this.selectable ? 'select' : 'item';
    this.renderRoot
      .querySelector<HTMLElement>(`[data-id="${CSS.escape(target.id)}"] [part~="${part}"]`)
      ?.focus();
  }

  private onGridKeydown(event: KeyboardEvent): void {
    const rows = this.visibleRows();
    if (!rows.length) return;
    const current = Math.max(0, rows.findIndex((i) => i.id === this.rovingId(rows)));
    let next = current;
    let column = this.focusColumn;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(rows.length - 1, current + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, current - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = rows.length - 1;
        break;
      case 'ArrowRight':
        column = column === 'select' ? 'item' : 'disposition';
        break;
      case 'ArrowLeft':
        column = column === 'disposition' ? 'item' : this.selectable ? 'select' : 'item';
        break;
      default:
        return;
    }
    event.preventDefault();
    const target = rows[next]!;
    if (column === 'disposition' && target.status === 'pending') column = 'item';
    this.focusId = target.id;
    this.focusColumn = column;
    void this.focusCurrent();
  }

  private onTabKeydown(event: KeyboardEvent): void {
    const index = TABS.indexOf(this.shownTab);
    let next: InboxTab | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') next = TABS[(index + 1) % TABS.length];
    else if (event.key === 'Home') next = TABS[0];
    else if (event.key === 'End') next = TABS[TABS.length - 1];
    if (!next) return;
    event.preventDefault();
    this.selectTab(next);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }

  /** Rows carry checkboxes while the drawer is open or something is selected. */
  private get selectable(): boolean {
    return this.drawerOpen || this.selection.size > 0;
  }

  private selectTab(tab: InboxTab): void {
    this.tab = tab;
    this.notice = '';
  }

  private visibleRows(tab: InboxTab = this.shownTab): Interaction[] {
    const predicate = this.predicate;
    return predicate ? this.lists[tab].filter(predicate) : this.lists[tab];
  }

  /** The row holding the grid's single tab stop: the focused one if still listed, else the first. */
  private rovingId(rows: Interaction[]): string | undefined {
    return rows.some((i) => i.id === this.focusId) ? this.focusId : rows[0]?.id;
  }

  // ---- Rendering ----

  private number(n: number): string {
    return new Intl.NumberFormat(this.locale).format(n);
  }

  override render(): TemplateResult {
    const s = this.s;
    const tab = this.shownTab;
    return html`<div part="base">
      <div part="header">
        <h2 part="title" id="inbox-title">${s.inbox}</h2>
        <button type="button" part="new-button" class="primary" aria-haspopup="dialog" @click=${this.openComposer}>
          ${s.newInteraction}
        </button>
      </div>
      ${renderOffers(this.lists.offers, {
        s: this.strings(transferOffersStrings),
        workspace: s,
        locale: this.locale,
        now: this.clock.now(),
        campaignNames: this.campaignNames,
        answering: this.answering,
        onAnswer: (offer, answer) => void this.answerTransfer(offer, answer),
      })}
      ${renderViewsBar(this.viewsContext())}
      ${renderDrawer(this.viewsContext())}
      <div part="tabs" role="tablist" aria-label=${s.tabs} @keydown=${this.onTabKeydown}>
        ${TABS.map((name) => this.renderTab(name, name === tab))}
      </div>
      ${this.renderProblem()} ${this.renderBatch()}
      ${this.notice
        ? html`<div part="notice" role="alert">
            <p>${this.notice}</p>
            <button type="button" part="dismiss-button" @click=${() => (this.notice = '')}>${this.common.dismiss}</button>
          </div>`
        : nothing}
      <div part="panel" role="tabpanel" id="panel" aria-labelledby="tab-${tab}">${this.renderList(tab)}</div>
      ${this.scheduled
        ? renderScheduled(this.strings(inboxViewsStrings), this.scheduled, this.locale, (id) => this.campaignNames.get(id) ?? id)
        : nothing}
      <div part="announcer" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      <dialog part="composer-dialog" aria-label=${s.newInteractionTitle} @close=${this.onDialogClose}>
        <ucrm-new-interaction
          part="composer"
          .source=${this.source}
          agent-id=${this.agentId ?? nothing}
          @ucrm-interaction-start=${this.onStart}
        ></ucrm-new-interaction>
      </dialog>
    </div>`;
  }

  private viewsContext() {
    const vs = this.strings(inboxViewsStrings);
    const total = this.lists[this.shownTab].length;
    return {
      s: vs,
      dir: this.strings(directoryStrings),
      views: this.views,
      viewId: this.viewId,
      agentId: this.agentId,
      drawerOpen: this.drawerOpen,
      filter: this.filter,
      validation: this.filterValidation,
      name: this.viewName,
      isPublic: this.viewPublic,
      saveError: this.viewError,
      busy: this.viewBusy,
      shown: this.number(this.visibleRows().length),
      total: this.number(total),
      onPickView: (id: string) => this.pickView(id),
      onToggleDrawer: () => (this.drawerOpen = !this.drawerOpen),
      onFilter: (filter: ContactFilter) => (this.filter = filter),
      onName: (name: string) => {
        this.viewName = name;
        this.viewError = undefined;
      },
      onPublic: (on: boolean) => (this.viewPublic = on),
      onSave: (asNew: boolean) => void this.saveView(asNew),
      onDelete: () => void this.deleteView(),
    };
  }

  private renderBatch() {
    const vs = this.strings(inboxViewsStrings);
    const count = this.selection.size;
    return renderBatchBar({
      s: vs,
      count,
      formattedCount: this.number(count),
      tag: this.batchTag,
      busy: this.batchBusy,
      error: this.batchError,
      confirm: this.confirmingDelete ? vs.confirmDelete(vs.interactions(count, this.number(count))) : undefined,
      onTag: (tag) => {
        this.batchTag = tag;
        this.batchError = undefined;
      },
      onAddTag: () => void this.runBatch('add'),
      onRemoveTag: () => void this.runBatch('remove'),
      onDelete: () => void this.runBatch('delete'),
      onClear: () => {
        this.selection = new Set();
        this.confirmingDelete = false;
      },
    });
  }

  private renderTab(tab: InboxTab, selected: boolean): TemplateResult {
    const s = this.s;
    const list = this.visibleRows(tab);
    const unread = list.some((i) => i.unread > 0);
    const label = tab === 'pending' ? s.pendingTab : s.activeTab;
    return html`<button
      type="button"
      role="tab"
      id="tab-${tab}"
      part="tab tab-${tab}${selected ? ' tab-selected' : ''}"
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="panel"
      tabindex=${selected ? '0' : '-1'}
      @click=${() => this.selectTab(tab)}
    >
      ${label}
      ${this.loaded
        ? html`<span part="count" aria-hidden="true">${this.number(list.length)}</span
            ><span class="visually-hidden">${s.tabCount(this.number(list.length))}</span>`
        : nothing}
      ${unread ? html`<span part="unread-mark" aria-hidden="true"></span><span class="visually-hidden">${s.tabUnread}</span>` : nothing}
    </button>`;
  }

  private renderList(tab: InboxTab): TemplateResult {
    const s = this.s;
    const rows = this.visibleRows(tab);
    if (!this.loaded) {
      return this.loading ? html`<p part="loading" role="status">${s.loadingList}</p>` : html``;
    }
    if (!rows.length) return html`<p part="empty">${tab === 'pending' ? s.emptyPending : s.emptyActive}</p>`;
    const roving = this.rovingId(rows);
    const context: RowContext = {
      strings: s,
      viewStrings: this.strings(inboxViewsStrings),
      selectable: this.selectable,
      selection: this.selection,
      onSelect: (interaction, on) => this.select(interaction, on),
      locale: this.locale,
      campaignNames: this.campaignNames,
      taking: this.taking,
      selectedId: this.selectedId,
      rovingId: roving,
      rovingColumn: this.focusColumn,
      number: (n) => this.number(n),
      onActivate: (interaction) => this.activate(interaction),
      onDisposition: (interaction) => this.open(interaction, 'disposition'),
      onFocus: (interaction, column) => {
        this.focusId = interaction.id;
        this.focusColumn = column;
      },
    };
    return html`<div
      part="list"
      role="grid"
      aria-label=${tab === 'pending' ? s.pendingList : s.activeList}
      aria-describedby="grid-hint"
      aria-multiselectable=${this.selectable ? 'true' : nothing}
      @keydown=${this.onGridKeydown}
    >
      ${rows.map((interaction) => renderRow(interaction, context))}
    </div>
    <p id="grid-hint" class="visually-hidden">${s.keyboardHint}</p>`;
  }
}
