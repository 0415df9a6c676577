import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { formatDuration, systemClock, type Clock } from '../../core/disposition/index.js';
import { CrmError, isAborted } from '../../core/errors.js';
import type { Interaction, InteractionChange, TransferMode, TransferTo } from '../../core/interactions/index.js';
import type { Contact } from '../../core/types.js';
import type { InteractionSource, TransferTargets } from '../../data/interactions/source.js';
import { UcrmTransferEndedEvent, UcrmTransferStartedEvent } from '../../events.js';
import { callStrings, type CallStrings } from '../../i18n/strings/calls.js';
import { UcrmSingleInteractionElement } from '../shared/ucrm-single-interaction-element.js';
import { checkNumber, destinationKinds, isValidAgent, targetLabel, type DestinationKind } from './transfer-choices.js';
import { transferStyles } from './ucrm-transfer.styles.js';

const SEARCH_LIMIT = 8;

/**
 * Transfers an interaction (seed 002). Destinations: an **agent** (green
 * available, red not; only agents connected without a status or break can be
 * chosen), a **campaign** (open or closed by its hours) and, for calls, an
 * **external number** (typed and checked as a phone number, or picked from
 * the contacts through the CRM source's search). Calls transfer **blind**
 * (the agent is free at once) or **attended** (the agent consults the
 * recipient first): during the consultation the other transfer options are
 * disabled until the agent completes or cancels it (the call controls keep
 * working). Text channels transfer to an agent or a campaign that takes the
 * same channel.
 *
 * Every step is a request to the interaction source; the element shows what
 * it answers. A transfer nobody answers within the campaign's
 * `transferTimeoutSeconds` comes back to the agent, and the element says so.
 *
 * @summary Blind or attended transfer to an agent, a campaign or an external number.
 *
 * @fires ucrm-transfer-started - `{interactionId, to, mode}` once the source accepted the transfer.
 * @fires ucrm-transfer-ended - `{interactionId, outcome: 'completed' | 'cancelled' | 'declined' | 'timeout'}` when it ends, however it ends.
 * @fires ucrm-error - `{operation, code, message}`: `get`, `transfer-targets`, `transfer`, `complete-transfer`, `cancel-transfer`, `search`.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The title.
 * @csspart form - The transfer form.
 * @csspart destinations - The destination kinds (agent, campaign, external number).
 * @csspart targets - The list of agents or campaigns, or the number field.
 * @csspart target - One agent or campaign (also `target-valid` / `target-invalid`).
 * @csspart availability - Its green / red dot and words.
 * @csspart number-input - The external number.
 * @csspart search-input - The contact search.
 * @csspart search-results - Contacts' numbers to pick.
 * @csspart modes - Blind or attended.
 * @csspart field-error - Why the form cannot be sent yet.
 * @csspart submit - Transfer (or Call to consult).
 * @csspart progress - The transfer in progress (consultation or waiting), with its actions.
 * @csspart progress-status - What is happening: waiting for an answer, consulting, or the consulted agent answered.
 * @csspart complete-button - Completes an attended transfer.
 * @csspart cancel-button - Cancels the transfer.
 * @csspart notice - How the last transfer ended (e.g. nobody answered: it is back).
 * @csspart announcer - The polite live region.
 * @csspart error - A refused or failed request, with Retry.
 *
 * @cssproperty [--ucrm-transfer-valid=light-dark(#1a7f37, #3fb950)] - An available agent or open campaign (green).
 * @cssproperty [--ucrm-transfer-invalid=light-dark(#b42318, #ff7b72)] - An unavailable agent or closed campaign (red).
 */
export class UcrmTransfer extends UcrmSingleInteractionElement {
  static override styles = [...UcrmSingleInteractionElement.styles, transferStyles];
  static override catalogs = [callStrings];

  /** ISO 3166 region for external numbers typed without a country code. */
  @property({ attribute: 'default-region' }) defaultRegion?: string;

  /** Where "comes back within" reads the time. Property only. */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private targets?: TransferTargets;
  @state() private kind: DestinationKind = 'agent';
  @state() private agentId?: string;
  @state() private campaignId?: string;
  @state() private number = '';
  @state() private mode: TransferMode = 'blind';
  @state() private query = '';
  @state() private fieldError = '';
  @state() private busy?: 'start' | 'complete' | 'cancel';
  @state() private notice = '';
  @state() private announcement = '';

  /** The last transfer outcome already reported, so each one fires once. */
  private reportedOutcomeAt?: string;

  private readonly searchTask = new Task(this, {
    task: async ([query, source], { signal }) => {
      if (!query || !source) return [];
      const result = await source.search(query, { signal, limit: SEARCH_LIMIT });
      return result.items.filter((c) => c.phones.length > 0);
    },
    args: () => [this.kind === 'number' ? this.query.trim() : '', this.query.trim() ? this.activeSource : undefined] as const,
    onError: (error) => {
      if (!isAborted(error)) this.reportError('search', error, () => void this.searchTask.run());
    },
  });

  private get s(): CallStrings {
    return this.strings(callStrings);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const map = changed as Map<PropertyKey, unknown>;
    if (map.has('current')) this.onInteractionChanged(map.get('current') as Interaction | undefined, this.current);
    if (!destinationKinds(this.current).includes(this.kind)) this.kind = 'agent';
    if (this.current && this.current.channel !== 'phone') this.mode = 'blind';
  }

  protected override interactionIdChanged(): void {
    super.interactionIdChanged();
    this.targets = undefined;
    this.notice = '';
    this.fieldError = '';
    this.reportedOutcomeAt = undefined;
  }

  protected override interactionNotFound(id: string): string {
    return this.s.interactionNotFound(id);
  }

  protected override interactionChanged(change: InteractionChange): void {
    super.interactionChanged(change);
    if (change.type === 'presence' && this.targets) {
      // An agent's presence changed: who is a valid destination changes with it.
      const agents = this.targets.agents.map((a) => (a.id === change.agentId ? { ...a, presence: change.presence } : a));
      this.targets = { ...this.targets, agents };
    }
  }

  protected override adoptLoaded(found: Interaction): void {
    // An outcome from before this element opened is history, not news.
    if (this.current?.id !== found.id || !this.reportedOutcomeAt) this.reportedOutcomeAt = found.lastTransfer?.at;
    super.adoptLoaded(found);
  }

  protected override async loadRelated(id: string, source: InteractionSource, signal: AbortSignal): Promise<void> {
    try {
      const targets = await source.transferTargets(id, { signal });
      if (signal.aborted) return;
      this.targets = targets;
      if (this.problem?.operation === 'transfer-targets') this.clearProblem();
    } catch (error) {
      if (!signal.aborted) this.reportError('transfer-targets', error, () => void this.load());
    }
  }

  /** A transfer that ended (however) is reported once, with a visible notice. */
  private onInteractionChanged(before: Interaction | undefined, after: Interaction | undefined): void {
    // The consulted agent picked up: worth saying, since the sender decides next.
    if (after?.transfer?.answeredAt && before?.id === after.id && before.transfer && !before.transfer.answeredAt) {
      this.announcement = this.s.consultAnswered(this.targetWords(after.transfer.target));
    }
    const last = after?.lastTransfer;
    if (!after || !last || last.at === this.reportedOutcomeAt) return;
    if (before && before.id !== after.id) return;
    this.reportedOutcomeAt = last.at;
    this.notice = this.s.outcome(last.outcome);
    this.announcement = this.notice;
    this.dispatchEvent(new UcrmTransferEndedEvent({ interactionId: after.id, outcome: last.outcome }));
  }

  // ---- Commands ----

  private chosenTarget(): TransferTo | undefined {
    const s = this.s;
    this.fieldError = '';
    if (this.kind === 'agent') {
      const agent = this.targets?.agents.find((a) => a.id === this.agentId);
      if (!agent || !isValidAgent(agent)) this.fieldError = s.chooseAgent;
      return this.fieldError ? undefined : { agentId: agent!.id };
    }
    if (this.kind === 'campaign') {
      if (!this.campaignId) this.fieldError = s.chooseCampaign;
      return this.fieldError ? undefined : { campaignId: this.campaignId! };
    }
    const number = checkNumber(this.number, this.defaultRegion);
    if (!number) this.fieldError = s.invalidNumber;
    return number ? { number } : undefined;
  }

  private async start(event: Event): Promise<void> {
    event.preventDefault();
    const id = this.interactionId;
    if (!id || this.busy || this.locked) return;
    const to = this.chosenTarget();
    if (!to) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], [part~="targets"] input:not([disabled])')?.focus();
      return;
    }
    const mode = this.current?.channel === 'phone' ? this.mode : 'blind';
    this.busy = 'start';
    this.notice = '';
    try {
      const answer = await this.interactionSource.transfer(id, { to, mode });
      if (answer.id === this.interactionId) this.current = answer;
      if (this.problem?.operation === 'transfer') this.clearProblem();
      this.announcement = this.s.started(this.targetWords(to));
      this.dispatchEvent(new UcrmTransferStartedEvent({ interactionId: id, to, mode }));
    } catch (error) {
      if (!isAborted(error)) this.reportError('transfer', error, (error as CrmError).code === 'unavailable' ? () => void this.start(new Event('submit')) : undefined);
    } finally {
      this.busy = undefined;
    }
  }

  private async finishTransfer(action: 'complete' | 'cancel'): Promise<void> {
    const id = this.interactionId;
    if (!id || this.busy) return;
    this.busy = action;
    const operation = `${action}-transfer`;
    try {
      const source = this.interactionSource;
      const answer = action === 'complete' ? await source.completeTransfer(id) : await source.cancelTransfer(id);
      if (answer.id === this.interactionId) this.current = answer;
      if (this.problem?.operation === operation) this.clearProblem();
    } catch (error) {
      if (!isAborted(error)) this.reportError(operation, error, (error as CrmError).code === 'unavailable' ? () => void this.finishTransfer(action) : undefined);
    } finally {
      this.busy = undefined;
    }
  }

  private pick(contact: Contact, phone: string): void {
    this.number = phone;
    this.query = '';
    this.fieldError = '';
    this.announcement = this.s.pickNumber(`${contact.firstName} ${contact.lastName}`.trim(), phone);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="number-input"]')?.focus());
  }

  // ---- Rendering ----

  /** A transfer of this agent is in progress: the form waits for it to end. */
  private get locked(): boolean {
    return !!this.current?.transfer;
  }

  private targetWords(to: TransferTo): string {
    const s = this.s;
    return targetLabel(to, this.targets, { agent: s.agentTarget, campaign: s.campaignTarget, number: s.numberTarget });
  }

  override render(): TemplateResult {
    const s = this.s;
    const interaction = this.current;
    const transferable = interaction?.status === 'active';
    return html`<div part="base">
      <h3 part="heading">${interaction?.title ? s.transferTitle(interaction.title) : s.transfer}</h3>
      ${interaction?.transfer ? this.renderProgress(interaction) : nothing}
      ${this.notice ? html`<p part="notice" data-outcome=${interaction?.lastTransfer?.outcome ?? nothing}>${this.notice}</p>` : nothing}
      ${interaction && !transferable && !interaction.transfer ? html`<p part="unavailable">${s.notTransferable}</p>` : nothing}
      ${this.renderForm(!transferable || this.locked)}
      ${this.renderProblem()}
      <div part="announcer" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderProgress(interaction: Interaction): TemplateResult {
    const s = this.s;
    const transfer = interaction.transfer!;
    const target = this.targetWords(transfer.target);
    const consulting = transfer.mode === 'attended' && interaction.call?.state === 'consulting';
    const deadline = transfer.deadline ? Date.parse(transfer.deadline) : NaN;
    const left = Number.isFinite(deadline) ? Math.max(0, Math.ceil((deadline - this.clock.now()) / 1000)) : undefined;
    return html`<div part="progress" role="group" aria-label=${s.transfer} aria-busy=${this.busy ? 'true' : nothing}>
      <p part="progress-status">${consulting ? (transfer.answeredAt ? s.consultAnswered(target) : s.consulting(target)) : s.waiting(target)}</p>
      ${consulting ? html`<p part="consulting-note">${s.consultingNote}</p>` : nothing}
      ${!consulting && left !== undefined ? html`<p part="deadline">${s.returnsIn(formatDuration(left, this.locale))}</p>` : nothing}
      <div part="progress-actions">
        ${consulting
          ? html`<button type="button" class="primary" part="complete-button" ?disabled=${!!this.busy} @click=${() => void this.finishTransfer('complete')}>
              ${this.busy === 'complete' ? s.working : s.complete}
            </button>`
          : nothing}
        <button type="button" part="cancel-button" ?disabled=${!!this.busy} @click=${() => void this.finishTransfer('cancel')}>
          ${this.busy === 'cancel' ? s.working : s.cancel}
        </button>
      </div>
    </div>`;
  }

  private renderForm(disabled: boolean): TemplateResult {
    const s = this.s;
    const phone = this.current?.channel === 'phone';
    const kinds = destinationKinds(this.current);
    const names: Record<DestinationKind, string> = { agent: s.toAgent, campaign: s.toCampaign, number: s.toNumber };
    return html`<form part="form" novalidate @submit=${(e: Event) => void this.start(e)} aria-busy=${this.busy === 'start' ? 'true' : nothing}>
      <fieldset part="destinations" ?disabled=${disabled}>
        <legend>${s.destination}</legend>
        ${kinds.map(
          (kind) => html`<label part="destination">
            <input
              type="radio"
              name="kind"
              value=${kind}
              .checked=${this.kind === kind}
              @change=${() => {
                this.kind = kind;
                this.fieldError = '';
              }}
            />
            ${names[kind]}
          </label>`,
        )}
      </fieldset>
      ${this.kind === 'agent' ? this.renderAgents(disabled) : this.kind === 'campaign' ? this.renderCampaigns(disabled) : this.renderNumber(disabled)}
      ${phone
        ? html`<fieldset part="modes" ?disabled=${disabled}>
            <legend>${s.mode}</legend>
            ${(['blind', 'attended'] as const).map(
              (mode) => html`<label part="mode">
                <input type="radio" name="mode" value=${mode} .checked=${this.mode === mode} aria-describedby="hint-${mode}" @change=${() => (this.mode = mode)} />
                ${mode === 'blind' ? s.blind : s.attended}
                <span part="hint" id="hint-${mode}">${mode === 'blind' ? s.blindHint : s.attendedHint}</span>
              </label>`,
            )}
          </fieldset>`
        : nothing}
      ${this.fieldError && this.kind !== 'number' ? html`<p part="field-error" id="field-error" role="alert">${this.fieldError}</p>` : nothing}
      <button type="submit" class="primary" part="submit" ?disabled=${disabled || !!this.busy}>
        ${this.busy === 'start' ? s.working : phone && this.mode === 'attended' ? s.startAttended : s.start}
      </button>
    </form>`;
  }

  private renderAgents(disabled: boolean): TemplateResult {
    const s = this.s;
    const agents = this.targets?.agents;
    return html`<fieldset part="targets" ?disabled=${disabled} aria-busy=${agents ? nothing : 'true'}>
      <legend>${s.agents}</legend>
      ${agents && agents.length === 0 ? html`<p>${s.noAgents}</p>` : nothing}
      ${(agents ?? []).map((agent) => {
        const valid = isValidAgent(agent);
        return html`<label part="target ${valid ? 'target-valid' : 'target-invalid'}">
          <input
            type="radio"
            name="agent"
            value=${agent.id}
            ?disabled=${!valid}
            .checked=${this.agentId === agent.id}
            @change=${() => {
              this.agentId = agent.id;
              this.fieldError = '';
            }}
          />
          <span part="target-name">${agent.name}</span>
          <span part="availability" data-valid=${valid ? 'true' : 'false'}>
            <span class="dot" aria-hidden="true"></span>${valid ? s.available : s.notAvailable(s.presenceName(agent.presence))}
          </span>
        </label>`;
      })}
    </fieldset>`;
  }

  private renderCampaigns(disabled: boolean): TemplateResult {
    const s = this.s;
    const campaigns = this.targets?.campaigns;
    return html`<fieldset part="targets" ?disabled=${disabled} aria-busy=${campaigns ? nothing : 'true'}>
      <legend>${s.campaigns}</legend>
      ${campaigns && campaigns.length === 0 ? html`<p>${s.noCampaigns}</p>` : nothing}
      ${(campaigns ?? []).map(
        (campaign) => html`<label part="target ${campaign.open ? 'target-valid' : 'target-invalid'}">
          <input
            type="radio"
            name="campaign"
            value=${campaign.id}
            .checked=${this.campaignId === campaign.id}
            @change=${() => {
              this.campaignId = campaign.id;
              this.fieldError = '';
            }}
          />
          <span part="target-name">${campaign.name}</span>
          <span part="availability" data-valid=${campaign.open ? 'true' : 'false'}>
            <span class="dot" aria-hidden="true"></span>${campaign.open ? s.open : s.closed}
          </span>
        </label>`,
      )}
    </fieldset>`;
  }

  private renderNumber(disabled: boolean): TemplateResult {
    const s = this.s;
    const invalid = !!this.fieldError;
    return html`<fieldset part="targets" ?disabled=${disabled}>
      <legend>${s.toNumber}</legend>
      <label for="number">${s.number}</label>
      <input
        id="number"
        part="number-input"
        type="tel"
        autocomplete="off"
        .value=${this.number}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'number-hint number-error' : 'number-hint'}
        @input=${(e: Event) => {
          this.number = (e.target as HTMLInputElement).value;
          this.fieldError = '';
        }}
      />
      <span part="hint" id="number-hint">${s.numberHint}</span>
      ${invalid ? html`<p part="field-error" id="number-error">${this.fieldError}</p>` : nothing}
      <label for="search">${s.searchContacts}</label>
      <input
        id="search"
        part="search-input"
        type="search"
        autocomplete="off"
        .value=${this.query}
        @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
      />
      ${this.renderResults()}
    </fieldset>`;
  }

  private renderResults(): TemplateResult | typeof nothing {
    const s = this.s;
    if (!this.query.trim()) return nothing;
    return this.searchTask.render({
      pending: () => html`<p part="search-status" role="status">${s.searching}</p>`,
      complete: (contacts) =>
        contacts.length === 0
          ? html`<p part="search-status" role="status">${s.noMatches}</p>`
          : html`<ul part="search-results" aria-label=${s.searchContacts}>
              ${contacts.flatMap((contact) =>
                contact.phones.map(
                  (phone) => html`<li>
                    <button type="button" part="search-result" @click=${() => this.pick(contact, phone)}>
                      ${s.pickNumber(`${contact.firstName} ${contact.lastName}`.trim(), phone)}
                    </button>
                  </li>`,
                ),
              )}
            </ul>`,
      error: () => nothing,
    }) as TemplateResult | typeof nothing;
  }
}
