import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { systemClock, type Clock } from '../../core/disposition/index.js';
import { isAborted } from '../../core/errors.js';
import {
  SELECTABLE_PRESENCES,
  type Interaction,
  type InteractionChange,
  type Presence,
} from '../../core/interactions/index.js';
import type { Campaign, Contact, InteractionContext } from '../../core/types.js';
import type { InteractionSource } from '../../data/interactions/source.js';
import type { CrmSource } from '../../data/source.js';
import {
  UcrmInteractionClosedEvent,
  type InteractionPanel,
  type UcrmInteractionOpenEvent,
  type UcrmFormsPanelToggleEvent,
  type UcrmPanelRequestEvent,
  type UcrmResolvedEvent,
} from '../../events.js';
import { workspaceStrings } from '../../i18n/strings/workspace.js';
import { formsStrings } from '../../i18n/strings/forms.js';
import type { UcrmFormsPanel } from '../ucrm-forms-panel/ucrm-forms-panel.js';
import { renderFormsMenu } from './workspace-forms.js';
import { recordThroughInteractions } from '../shared/interaction-recorder.js';
import { UcrmInteractionElement } from '../shared/ucrm-interaction-element.js';
import { titleOf } from '../ucrm-inbox/inbox-lists.js';
import type { DispositionRecorder } from '../disposition-form/recorder.js';
import { renderDetail, type DetailContext } from './workspace-detail.js';
import { agentWorkspaceStyles } from './ucrm-agent-workspace.styles.js';

export type PopView = 'reduced' | 'full';
const POP_VIEWS: readonly PopView[] = ['reduced', 'full'];

/** Below this width the inbox and the open interaction are stacked (one at a time). */
const STACKED_BELOW_PX = 720;

/**
 * The agent's desk during interactions: the inbox on the left; the open
 * interaction on the right with its screen pop (`<ucrm-interaction-view>`,
 * which links the interaction to the contact it resolves, creates or is
 * assigned), the conversation or call area, its disposition form and its
 * actions menu; the agent's presence and the wrap-up countdown in the top
 * bar. Narrower than 720 px it shows one pane at a time, with a way back
 * to the inbox.
 *
 * Wrap-up: after a phone interaction finishes the source puts the agent in
 * `wrap-up` (no inbound calls); the countdown runs the campaign's
 * `wrapUpSeconds`, and its end (or a click on it) makes the agent available.
 *
 * @summary Inbox, screen pop, disposition, actions, presence and wrap-up in one agent desk.
 *
 * @fires ucrm-interaction-open - From the inbox (see `<ucrm-inbox>`).
 * @fires ucrm-interaction-taken - From the inbox.
 * @fires ucrm-interaction-finished - From the actions menu.
 * @fires ucrm-interaction-closed - `{interaction}` closed from the actions menu or the disposition form's Save and close / Close.
 * @fires ucrm-resolved - From the screen pop (and the other `<ucrm-interaction-view>` events).
 * @fires ucrm-disposition-saved - From the disposition form.
 * @fires ucrm-wrap-up-end - From the wrap-up countdown.
 * @fires ucrm-form-submit - From the forms panel.
 * @fires ucrm-forms-panel-toggle - From the forms panel.
 * @fires ucrm-call-action - From the call controls.
 * @fires ucrm-transfer-started - From the transfer panel.
 * @fires ucrm-transfer-ended - From the transfer panel.
 * @fires ucrm-error - `{operation, code, message}`: `presence`, `link-contact`, `call`, `list-campaigns`, `attribute:pop-view`, and the children's.
 *
 * @csspart base - The wrapper.
 * @csspart topbar - The top bar.
 * @csspart heading - The workspace's name.
 * @csspart presence - The presence selector's block.
 * @csspart presence-select - The presence `<select>`.
 * @csspart wrap-up - The `<ucrm-wrap-up-timer>`.
 * @csspart layout - The two panes.
 * @csspart inbox - The `<ucrm-inbox>`.
 * @csspart detail - The open interaction's pane.
 * @csspart back-button - "Back to inbox" (stacked layout).
 * @csspart detail-header - The open interaction's title, meta and actions.
 * @csspart actions - The `<ucrm-interaction-actions>`.
 * @csspart pop - The `<ucrm-interaction-view>`.
 * @csspart conversation - The conversation or call area.
 * @csspart call-controls - The `<ucrm-call-controls>` of a phone interaction.
 * @csspart conference - The `<ucrm-conference>`, in the agent's conference room.
 * @csspart transfer-section - Where `<ucrm-transfer>` opens (the actions menu's Transfer).
 * @csspart transfer - The `<ucrm-transfer>`.
 * @csspart forms - The `<ucrm-forms-panel>` (campaign forms, side panel or full screen).
 * @csspart forms-menu - The forms menu (forms opened without an interaction).
 * @csspart forms-menu-button - Shows the forms menu's list.
 * @csspart forms-menu-list - "Form – Campaign" entries.
 * @csspart forms-menu-item - One entry.
 * @csspart disposition - The `<disposition-form>`.
 * @csspart empty - Nothing open.
 * @csspart announcer - The polite live region.
 * @csspart error - A failure, with Retry.
 *
 * @cssproperty [--ucrm-workspace-inbox-width=22rem] - The inbox pane's width (side by side).
 * @cssproperty [--ucrm-workspace-height=100vh] - The workspace's height.
 */
export class UcrmAgentWorkspace extends UcrmInteractionElement {
  static override styles = [...UcrmInteractionElement.styles, agentWorkspaceStyles];
  static override catalogs = [workspaceStrings, formsStrings];

  /** The agent working here: their Active interactions and presence. */
  @property({ attribute: 'agent-id' }) agentId?: string;

  /** How the screen pop shows the contact: `reduced` (default) or `full`. */
  @property({ attribute: 'pop-view' }) popView: PopView = 'reduced';

  /** ISO 3166 region for national phone numbers in the screen pop and the composer. */
  @property({ attribute: 'default-region' }) defaultRegion?: string;

  /** Where the wrap-up countdown reads time (tests, a server clock). Property only. */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** `stacked` below 720 px (one pane at a time), `split` otherwise. Reflected, read-only. */
  @property({ reflect: true }) layout: 'split' | 'stacked' = 'split';

  @state() private open?: Interaction;
  /** The screen pop's context, fixed when an interaction opens (a link must not make it resolve again). */
  @state() private popContext?: InteractionContext;
  @state() private pane: 'inbox' | 'detail' = 'inbox';
  /** The campaign forms panel (`<ucrm-forms-panel>`): shown, full screen; the forms menu's list shown. */
  @state() private formsOpen = false;
  /** The actions menu asked for Transfer on the open interaction. */
  @state() private showTransfer = false;
  @state() private formsExpanded = false;
  @state() private formsMenuOpen = false;
  @state() private presenceNow?: Presence;
  @state() private presenceBusy = false;
  /** The last phone interaction of this agent that finished: its campaign's wrap-up applies. */
  @state() private lastCall?: Interaction;
  @state() private announcement = '';

  private resizeObserver?: ResizeObserver;
  private recorder?: { crm: CrmSource; interactions: InteractionSource; source: CrmSource & DispositionRecorder };
  private presenceAbort?: AbortController;

  private readonly campaignsTask = new Task(this, {
    task: ([source], { signal }) => source.listCampaigns({ signal }),
    args: () => [this.activeSource] as const,
    onError: (error) => this.reportError('list-campaigns', error, () => void this.campaignsTask.run()),
  });

  private get s() {
    return this.strings(workspaceStrings);
  }

  private get campaigns(): Campaign[] | undefined {
    return this.campaignsTask.value;
  }

  private campaignOf(interaction: Interaction | undefined): Campaign | undefined {
    return interaction ? this.campaigns?.find((c) => c.id === interaction.campaign) : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver ??= new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      if (width > 0) this.layout = width < STACKED_BELOW_PX ? 'stacked' : 'split';
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.presenceAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('popView')) {
      if (!POP_VIEWS.includes(this.popView)) this.reportBadAttribute('pop-view', String(this.popView), 'reduced | full');
      else if (this.problem?.operation === 'attribute:pop-view') this.clearProblem();
    }
  }

  protected override interactionSourceChanged(source: InteractionSource): void {
    this.closeDetail();
    void this.loadPresence(source);
  }

  protected override interactionChanged(change: InteractionChange): void {
    if (change.type === 'presence') {
      if (!this.agentId) void this.loadPresence(this.interactionSource);
      else if (change.agentId === this.agentId) this.presenceNow = change.presence;
      return;
    }
    if (change.type === 'removed') {
      if (change.id === this.open?.id) this.closeDetail();
      return;
    }
    if (change.type !== 'interaction') return;
    const next = change.interaction;
    const mine = !this.agentId || next.assignee === this.agentId;
    if (mine && next.channel === 'phone' && next.status === 'finished' && (!this.lastCall || this.lastCall.id === next.id || next.finishedAt! >= (this.lastCall.finishedAt ?? ''))) {
      this.lastCall = next;
    }
    if (next.id !== this.open?.id) return;
    if (next.status === 'closed' || (this.agentId && next.assignee && next.assignee !== this.agentId)) {
      this.announcement = this.s.interactionClosed(titleOf(next));
      this.closeDetail();
    } else {
      this.open = next;
    }
  }

  private async loadPresence(source: InteractionSource): Promise<void> {
    this.presenceAbort?.abort();
    const abort = (this.presenceAbort = new AbortController());
    try {
      const presence = await source.presence({ signal: abort.signal });
      if (!abort.signal.aborted) this.presenceNow = presence;
    } catch (error) {
      if (!abort.signal.aborted) this.reportError('presence', error, () => void this.loadPresence(source));
    }
  }

  private async setPresence(presence: Presence): Promise<void> {
    this.presenceBusy = true;
    try {
      this.presenceNow = await this.interactionSource.setPresence(presence);
      this.announcement = this.s.presenceNow(this.s.presenceName(this.presenceNow));
      if (this.problem?.operation === 'presence') this.clearProblem();
    } catch (error) {
      // The select goes back to what the source says.
      this.requestUpdate();
      this.reportError('presence', error, () => void this.setPresence(presence));
    } finally {
      this.presenceBusy = false;
    }
  }

  // ---- The open interaction ----

  private openInteraction(interaction: Interaction, panel?: InteractionPanel): void {
    if (interaction.id !== this.open?.id) {
      this.showTransfer = false;
      this.popContext = {
        ...interaction.context,
        channel: interaction.channel,
        campaign: interaction.campaign,
        interactionId: interaction.id,
        ...(interaction.contactId ? { contactId: interaction.contactId } : {}),
      };
    }
    this.open = interaction;
    this.pane = 'detail';
    if (panel) void this.showPanel(panel);
    else if (this.layout === 'stacked') void this.focusIn('[part~="detail-title"]');
  }

  private closeDetail(): void {
    const hadFocus = !!(this.renderRoot as ShadowRoot | undefined)?.activeElement?.closest?.('[part~="detail"]');
    this.open = undefined;
    this.popContext = undefined;
    this.showTransfer = false;
    this.pane = 'inbox';
    if (hadFocus) void this.focusIn('[part~="inbox"]');
  }

  private backToInbox(): void {
    this.pane = 'inbox';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="inbox"]')?.focus());
  }

  private async focusIn(selector: string): Promise<void> {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    target?.focus();
  }

  private async showPanel(panel: InteractionPanel): Promise<void> {
    if (panel === 'form') {
      // The same button opens and closes the form (seed 002).
      this.formsOpen = !this.formsOpen;
      if (this.formsOpen) await this.focusFormsPanel();
    } else if (panel === 'transfer') {
      this.showTransfer = true;
      await this.updateComplete;
      const transfer = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('ucrm-transfer');
      await transfer?.updateComplete;
      transfer?.scrollIntoView?.({ block: 'nearest' });
      transfer?.shadowRoot?.querySelector<HTMLElement>('input:not([disabled]), button:not([disabled])')?.focus();
    } else if (panel === 'disposition') {
      await this.updateComplete;
      const form = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('disposition-form');
      await form?.updateComplete;
      form?.scrollIntoView?.({ block: 'nearest' });
      form?.shadowRoot?.querySelector<HTMLElement>('select, button:not([aria-disabled="true"])')?.focus();
    }
  }

  private get formsPanel(): UcrmFormsPanel | null {
    return this.renderRoot.querySelector('ucrm-forms-panel');
  }

  private async focusFormsPanel(): Promise<void> {
    await this.updateComplete;
    const panel = this.formsPanel;
    await panel?.updateComplete;
    panel?.shadowRoot?.querySelector<HTMLElement>('input, select, textarea, iframe, [part~="close-button"]')?.focus();
  }

  /** The forms menu: opens a campaign's form in its own tab of the panel. */
  private openManualForm(campaignId: string): void {
    this.formsMenuOpen = false;
    this.formsPanel?.openForm(campaignId);
    void this.focusFormsPanel();
  }

  private async onPanelRequest(event: UcrmPanelRequestEvent): Promise<void> {
    // The host hears it after us: one microtask later its cancel is known.
    await Promise.resolve();
    if (!event.defaultPrevented) await this.showPanel(event.detail.panel);
  }

  /** The screen pop found, created or was given the contact: the interaction is linked to it. */
  private async link(contact: Contact | undefined, context?: InteractionContext): Promise<void> {
    const open = this.open;
    if (!open || !contact) return;
    if (context?.interactionId && context.interactionId !== open.id) return;
    if (open.contactId === contact.id) return;
    try {
      const linked = await this.interactionSource.linkContact(open.id, contact.id);
      if (this.open?.id === linked.id) this.open = linked;
      if (this.problem?.operation === 'link-contact') this.clearProblem();
    } catch (error) {
      this.reportError('link-contact', error, () => void this.link(contact, context));
    }
  }

  private onResolved(event: UcrmResolvedEvent): void {
    if (event.detail.state === 'contact') void this.link(event.detail.contact, event.detail.context);
  }

  private async endCall(): Promise<void> {
    const open = this.open;
    if (!open) return;
    try {
      const result = await this.interactionSource.call(open.id, { type: 'hangup' });
      if (this.open?.id === result.id) this.open = result;
    } catch (error) {
      if (!isAborted(error)) this.reportError('call', error, () => void this.endCall());
    }
  }

  /** The disposition form's source: the CRM source, recording through the interaction source. */
  private get recordingSource(): CrmSource & DispositionRecorder {
    const crm = this.activeSource;
    const interactions = this.interactionSource;
    if (this.recorder?.crm !== crm || this.recorder.interactions !== interactions) {
      const source = recordThroughInteractions(crm, interactions, (interaction, record) => {
        if (this.open?.id === interaction.id && interaction.status !== 'closed') this.open = interaction;
        if (record.close && interaction.status === 'closed') {
          this.announcement = this.s.interactionClosed(titleOf(interaction));
          this.dispatchEvent(new UcrmInteractionClosedEvent({ interaction }));
          if (this.open?.id === interaction.id) this.closeDetail();
        }
      });
      this.recorder = { crm, interactions, source };
    }
    return this.recorder.source;
  }

  // ---- Rendering ----

  override render(): TemplateResult {
    const stackedDetail = this.layout === 'stacked' && this.pane === 'detail' && !!this.open;
    return html`<div part="base">
      ${this.renderTopbar()} ${this.renderProblem()}
      <div part="layout" data-pane=${stackedDetail ? 'detail' : 'inbox'} data-forms=${this.formsOpen ? 'open' : nothing}>
        <ucrm-inbox
          part="inbox"
          tabindex="-1"
          ?hidden=${stackedDetail}
          .interactions=${this.interactions}
          .source=${this.source}
          .campaigns=${this.campaigns}
          agent-id=${this.agentId ?? nothing}
          selected-id=${this.open?.id ?? nothing}
          @ucrm-interaction-open=${(event: UcrmInteractionOpenEvent) => this.openInteraction(event.detail.interaction, event.detail.panel)}
        ></ucrm-inbox>
        <section
          part="detail"
          aria-label=${this.open ? titleOf(this.open) : this.s.workspace}
          ?hidden=${this.layout === 'stacked' && !stackedDetail}
        >
          ${this.open && this.popContext ? renderDetail(this.detailContext(this.open, this.popContext)) : html`<p part="empty">${this.s.nothingOpen}</p>`}
        </section>
        <ucrm-forms-panel
          part="forms"
          .source=${this.source}
          .campaigns=${this.campaigns}
          agent-id=${this.agentId ?? nothing}
          campaign=${this.open?.campaign ?? nothing}
          interaction-id=${this.open?.id ?? nothing}
          contact-id=${this.open?.contactId ?? nothing}
          ?open=${this.formsOpen}
          ?expanded=${this.formsExpanded}
          @ucrm-forms-panel-toggle=${(event: UcrmFormsPanelToggleEvent) => {
            this.formsOpen = event.detail.open;
            this.formsExpanded = event.detail.expanded;
          }}
        ></ucrm-forms-panel>
      </div>
      <div part="announcer" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private detailContext(open: Interaction, popContext: InteractionContext): DetailContext {
    return {
      strings: this.s,
      locale: this.locale,
      interaction: open,
      popContext,
      campaign: this.campaignOf(open),
      popView: POP_VIEWS.includes(this.popView) ? this.popView : 'reduced',
      defaultRegion: this.defaultRegion,
      stacked: this.layout === 'stacked',
      interactions: this.interactions,
      source: this.source,
      recordingSource: this.recordingSource,
      onBack: () => this.backToInbox(),
      onResolved: (event) => this.onResolved(event),
      onContact: (contact) => void this.link(contact),
      onPanelRequest: (event) => void this.onPanelRequest(event),
      onEndCall: () => void this.endCall(),
      agentId: this.agentId,
      clock: this.clock,
      showTransfer: this.showTransfer,
    };
  }

  private renderTopbar(): TemplateResult {
    const s = this.s;
    const presence = this.presenceNow;
    const choosable = !presence || SELECTABLE_PRESENCES.includes(presence);
    const wrapUp = presence === 'wrap-up' ? this.wrapUpPeriod() : undefined;
    return html`<div part="topbar">
      <h2 part="heading">${s.workspace}</h2>
      <div part="presence">
        <label for="presence">${s.presence}</label>
        <select
          id="presence"
          part="presence-select"
          data-presence=${presence ?? nothing}
          aria-busy=${this.presenceBusy ? 'true' : nothing}
          ?disabled=${!presence}
          @change=${(event: Event) => void this.setPresence((event.target as HTMLSelectElement).value as Presence)}
        >
          ${choosable ? nothing : html`<option value=${presence!} selected disabled>${s.presenceName(presence!)}</option>`}
          ${SELECTABLE_PRESENCES.map(
            (option) => html`<option value=${option} ?selected=${option === presence}>${s.presenceName(option)}</option>`,
          )}
        </select>
      </div>
      ${renderFormsMenu({
        strings: this.strings(formsStrings),
        campaigns: this.campaigns ?? [],
        open: this.formsMenuOpen,
        onToggle: (open) => (this.formsMenuOpen = open),
        onChoose: (campaign) => this.openManualForm(campaign),
      })}
      ${wrapUp
        ? html`<ucrm-wrap-up-timer
            part="wrap-up"
            .clock=${this.clock}
            .seconds=${wrapUp.seconds}
            .deadline=${wrapUp.deadline}
            @ucrm-wrap-up-end=${() => void this.setPresence('available')}
          ></ucrm-wrap-up-timer>`
        : nothing}
    </div>`;
  }

  /** The running wrap-up: from the last call's end, for its campaign's seconds. */
  private wrapUpPeriod(): { seconds: number; deadline?: number } | undefined {
    const call = this.lastCall;
    const seconds = this.campaignOf(call)?.wrapUpSeconds;
    if (!call || !seconds || !(seconds > 0)) return undefined;
    const finishedAt = call.finishedAt ? Date.parse(call.finishedAt) : NaN;
    return Number.isFinite(finishedAt) ? { seconds, deadline: finishedAt + seconds * 1000 } : { seconds };
  }
}
