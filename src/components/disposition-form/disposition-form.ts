import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus } from '@lit/task';
import { hasLevelBelow, levelsFor, pathOf, selectAt, type DispositionLevel } from '../../core/disposition/index.js';
import { CrmError } from '../../core/errors.js';
import {
  availableActions,
  isInteractionStatus,
  offersReschedule,
  type ActionState,
  type BlockReason,
  type DispositionAction,
} from '../../core/interactions/index.js';
import { browserTimeZone, isValidTimeZone, validateReschedule, type RescheduleCheck } from '../../core/disposition/index.js';
import type { Campaign, InteractionStatus } from '../../core/types.js';
import { UcrmDispositionSavedEvent, type DispositionSavedDetail } from '../../events.js';
import { dispositionStrings } from '../../i18n/strings/disposition.js';
import { loadDispositionDraft, saveDispositionDraft, type DispositionDraft } from '../../state/disposition-drafts.js';
import { UcrmDataElement } from '../shared/ucrm-data-element.js';
import { renderClosedSummary, renderRescheduleField } from './disposition-parts.js';
import { renderFormField } from '../shared/form-field.js';
import { dispositionFormStyles } from './disposition-form.styles.js';
import { canRecord } from './recorder.js';
import { forAgents } from '../shared/agent-message.js';

export type { DispositionRecord, DispositionRecorder } from './recorder.js';

const DEFAULT_COMMENT_MAX = 500;

type SavedDisposition = NonNullable<DispositionDraft['saved']>;

/**
 * Records the outcome of an interaction: a cascading disposition (one select
 * per level of the campaign's tree), an optional or required comment, and
 * the actions the interaction's status allows (see
 * `core/interaction-lifecycle`). A disposition can be chosen while the
 * interaction is still active; with an `interaction-id` it is kept in
 * localStorage, so a page reload finds it.
 *
 * The campaign comes from the `campaignConfig` property when set, otherwise
 * from the source's campaigns by the `campaign` id.
 *
 * After Save and close (or Close) the form shows the closed summary; the
 * host stays the owner of `interaction-status`.
 *
 * @summary Cascading disposition, comment, Save / Save and close / Reschedule / Close.
 *
 * @fires ucrm-disposition-saved - After a successful save (once the source recorded it, when it can): detail `interactionId?`, `path` (`{id, label}` list), `comment`, `close`, `rescheduleAt?` (ISO instant).
 * @fires ucrm-error - `{operation, code, message}`: `load-campaign`, `save-disposition` or a bad attribute.
 *
 * @csspart form - The fieldset around levels, comment and reschedule.
 * @csspart level - One level: its label and select.
 * @csspart select - A level's select.
 * @csspart comment - The comment textarea.
 * @csspart counter - The comment's character counter.
 * @csspart reschedule - The reschedule date-time picker block.
 * @csspart reschedule-input - The `datetime-local` input.
 * @csspart time-zone - The agent's time zone note.
 * @csspart field-error - A reschedule time problem.
 * @csspart actions - The action buttons.
 * @csspart action - Each action button (also `action-save`, `action-save-and-close`, `action-reschedule`, `action-close`).
 * @csspart hints - Why disabled actions are disabled.
 * @csspart summary - The read-only summary of a closed interaction.
 * @csspart status - The polite live region (saved, loading).
 * @csspart error - A failure, with Retry where it makes sense.
 */
export class DispositionForm extends UcrmDataElement {
  static override styles = [...UcrmDataElement.styles, dispositionFormStyles];
  static override catalogs = [dispositionStrings];

  /** Id of the interaction's campaign, looked up in the source's campaigns. */
  @property() campaign?: string;

  /** The campaign itself (dispositions, commentRequired, outboundHub). Wins over `campaign` when set. Property only. */
  @property({ attribute: false }) campaignConfig?: Campaign;

  /** The interaction's id: keys the kept draft and goes out in the event. */
  @property({ attribute: 'interaction-id' }) interactionId?: string;

  /** `active` (default), `finished` or `closed`. Finished is not closed: closing is an action. */
  @property({ attribute: 'interaction-status' }) interactionStatus: InteractionStatus = 'active';

  /** The agent's IANA time zone for reschedules; defaults to the browser's. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /** The comment's length limit. */
  @property({ type: Number, attribute: 'comment-max-length' }) commentMaxLength = DEFAULT_COMMENT_MAX;

  @state() private selection: string[] = [];
  @state() private comment = '';
  @state() private rescheduleLocal = '';
  @state() private lastSaved?: SavedDisposition;
  @state() private saving = false;
  @state() private closedHere = false;
  @state() private message = '';

  private readonly campaignTask = new Task(this, {
    task: async ([id, source], { signal }) => {
      if (!id || !source) return undefined;
      const campaigns = await source.listCampaigns({ signal });
      const found = campaigns.find((campaign) => campaign.id === id);
      if (!found) throw forAgents(new CrmError('not-found', this.strings(dispositionStrings).campaignNotFound(id)));
      return found;
    },
    // The source is only needed (and the default one only created) when looking a campaign up.
    args: () =>
      this.campaignConfig || !this.campaign
        ? ([undefined, undefined] as const)
        : ([this.campaign, this.activeSource] as const),
    onComplete: () => {
      if (this.problem?.operation === 'load-campaign') this.clearProblem();
    },
    onError: (error) => this.reportError('load-campaign', error, () => void this.campaignTask.run()),
  });

  private get effectiveCampaign(): Campaign | undefined {
    return this.campaignConfig ?? (this.campaign ? this.campaignTask.value : undefined);
  }

  private get status(): InteractionStatus {
    if (this.closedHere) return 'closed';
    return isInteractionStatus(this.interactionStatus) ? this.interactionStatus : 'active';
  }

  private get zone(): string {
    return this.timeZone && isValidTimeZone(this.timeZone) ? this.timeZone : browserTimeZone();
  }

  private get maxLength(): number {
    const max = this.commentMaxLength;
    return Number.isInteger(max) && max > 0 ? max : DEFAULT_COMMENT_MAX;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const s = this.strings(dispositionStrings);
    if (changed.has('interactionStatus') && !isInteractionStatus(this.interactionStatus)) {
      this.reportBadAttribute('interaction-status', String(this.interactionStatus), s.expectedStatus);
    }
    if (changed.has('timeZone') && this.timeZone && !isValidTimeZone(this.timeZone)) {
      this.reportBadAttribute('time-zone', this.timeZone, s.expectedTimeZone);
    }
    if (changed.has('commentMaxLength') && this.maxLength !== this.commentMaxLength) {
      const written = this.getAttribute('comment-max-length') ?? String(this.commentMaxLength);
      this.reportBadAttribute('comment-max-length', written, s.expectedMaxLength);
    }
    if (changed.has('interactionId')) this.restoreDraft();
  }

  /** A new interaction: its kept draft, or a blank form. */
  private restoreDraft(): void {
    const draft = this.interactionId ? loadDispositionDraft(this.interactionId) : undefined;
    this.selection = draft?.selection ?? [];
    this.comment = draft?.comment ?? '';
    this.rescheduleLocal = draft?.rescheduleLocal ?? '';
    this.lastSaved = draft?.saved;
    this.closedHere = false;
    this.message = '';
  }

  private keepDraft(change: Partial<Omit<DispositionDraft, 'updatedAt'>>): void {
    if (this.interactionId) saveDispositionDraft(this.interactionId, change);
  }

  private choose(depth: number, id: string): void {
    this.selection = selectAt(this.selection, depth, id);
    this.message = '';
    this.keepDraft({ selection: this.selection });
  }

  private onComment(event: Event): void {
    this.comment = (event.target as HTMLTextAreaElement).value;
    this.keepDraft({ comment: this.comment });
  }

  private onReschedule(event: Event): void {
    this.rescheduleLocal = (event.target as HTMLInputElement).value;
    this.keepDraft({ rescheduleLocal: this.rescheduleLocal });
  }

  private rescheduleCheck(): RescheduleCheck {
    return validateReschedule(this.rescheduleLocal, this.zone, Date.now());
  }

  private actions(): ActionState[] {
    const campaign = this.effectiveCampaign;
    return availableActions({
      status: this.status,
      campaign,
      selection: this.selection,
      comment: this.comment,
      commentMaxLength: this.maxLength,
      rescheduleReady: offersReschedule(campaign, this.selection) && this.rescheduleCheck().ok,
    });
  }

  private async run(action: DispositionAction): Promise<void> {
    // Recomputed at click time: the state may have changed since the render (e.g. a Retry later on).
    const current = this.actions().find((candidate) => candidate.action === action);
    if (!current?.enabled || this.saving) {
      // e.g. the reschedule time passed since the last render: show why.
      this.requestUpdate();
      return;
    }
    const campaign = this.effectiveCampaign;
    const check = action === 'reschedule' ? this.rescheduleCheck() : undefined;
    const close = action === 'save-and-close' || action === 'close';
    const detail: DispositionSavedDetail = {
      ...(this.interactionId ? { interactionId: this.interactionId } : {}),
      path: action === 'close' ? [] : pathOf(campaign?.dispositions, this.selection),
      comment: action === 'close' ? '' : this.comment.trim(),
      close,
      ...(check?.ok ? { rescheduleAt: check.iso } : {}),
    };
    const source = this.activeSource;
    if (canRecord(source)) {
      this.saving = true;
      try {
        await source.saveDisposition({ ...detail, ...(campaign ? { campaignId: campaign.id } : {}) });
      } catch (error) {
        this.reportError('save-disposition', error, () => void this.run(action));
        return;
      } finally {
        this.saving = false;
      }
    }
    if (this.problem?.operation === 'save-disposition') this.clearProblem();
    const { interactionId: _id, ...saved } = detail;
    this.lastSaved = { ...saved, savedAt: Date.now() };
    this.keepDraft({ saved: this.lastSaved });
    this.closedHere = close;
    this.message = this.savedMessage(detail);
    this.dispatchEvent(new UcrmDispositionSavedEvent(detail));
  }

  private savedMessage(detail: DispositionSavedDetail): string {
    const s = this.strings(dispositionStrings);
    if (detail.rescheduleAt) return s.rescheduled(this.formatInstant(detail.rescheduleAt));
    if (detail.close) return detail.path.length ? s.savedAndClosed : s.closedDone;
    return s.saved;
  }

  private formatInstant(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: this.zone }).format(
      new Date(iso),
    );
  }

  private number(n: number): string {
    return new Intl.NumberFormat(this.locale).format(n);
  }

  override render() {
    const s = this.strings(dispositionStrings);
    const loading = this.campaignTask.status === TaskStatus.PENDING && !this.campaignConfig;
    return html`${this.renderProblem()}
      ${this.status === 'closed' ? this.renderSummary() : loading ? nothing : this.renderForm()}
      <div part="status" role="status" aria-live="polite">${loading ? s.loadingCampaign : this.message}</div>`;
  }

  private renderForm() {
    const campaign = this.effectiveCampaign;
    // A campaign that failed to load: keep what the agent chose (state and draft) for the Retry.
    if (this.campaign && !campaign && !this.campaignConfig) return nothing;
    const actions = this.actions();
    const tree = campaign?.dispositions;
    if (!tree?.length) {
      return html`<p part="note">${this.strings(dispositionStrings).noDispositions}</p>
        ${this.renderActions(actions)}`;
    }
    return html`<fieldset part="form" ?disabled=${this.saving}>
        <legend>${this.strings(dispositionStrings).title}</legend>
        ${this.renderLevels(levelsFor(tree, this.selection))} ${this.renderComment(!!campaign?.commentRequired)}
        ${offersReschedule(campaign, this.selection) ? this.renderReschedule() : nothing}
      </fieldset>
      ${this.renderActions(actions)}`;
  }

  private renderLevels(levels: DispositionLevel[]) {
    const s = this.strings(dispositionStrings);
    const open = levels.at(-1);
    const next = open && !open.selected && hasLevelBelow(open) ? levels.length + 1 : undefined;
    return html`${levels.map((level) =>
      renderFormField({
        id: `level-${level.depth}`,
        label: level.parent ? s.level(this.number(level.depth + 1), level.parent.label) : s.firstLevel,
        fieldPart: 'level',
        control: (aria) => html`<select
          id=${aria.id}
          part="select"
          @change=${(event: Event) => this.choose(level.depth, (event.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!level.selected}>${s.choose}</option>
          ${level.options.map(
            (option) => html`<option value=${option.id} ?selected=${level.selected?.id === option.id}>${option.label}</option>`,
          )}
        </select>`,
      }),
    )}
    ${next
      ? renderFormField({
          id: 'level-next',
          label: s.nextLevel(this.number(next)),
          fieldPart: 'level',
          control: (aria) => html`<select id=${aria.id} part="select" disabled><option>${s.chooseAboveFirst}</option></select>`,
        })
      : nothing}`;
  }

  /** The comment, marked required or optional, with its character counter (which also says when it is too long). */
  private renderComment(required: boolean) {
    const s = this.strings(dispositionStrings);
    const tooLong = this.comment.length > this.maxLength;
    return renderFormField({
      id: 'comment',
      label: s.comment,
      mark: required ? s.required : s.optional,
      invalid: tooLong,
      describedBy: 'comment-counter',
      fieldPart: 'comment-field',
      control: (aria) => html`<textarea
        id=${aria.id}
        part="comment"
        rows="3"
        maxlength=${this.maxLength}
        ?required=${required}
        aria-invalid=${ifDefined(aria.invalid)}
        aria-describedby=${ifDefined(aria.describedBy)}
        .value=${live(this.comment)}
        @input=${this.onComment}
      ></textarea>`,
      after: html`<div id="comment-counter" part="counter" class=${tooLong ? 'over' : ''}>${s.counter(this.number(this.comment.length), this.number(this.maxLength))}</div>`,
    });
  }

  private renderReschedule() {
    const check = this.rescheduleCheck();
    return renderRescheduleField({
      strings: this.strings(dispositionStrings),
      zone: this.zone,
      locale: this.locale,
      now: Date.now(),
      value: this.rescheduleLocal,
      check,
      onInput: (event: Event) => this.onReschedule(event),
    });
  }

  private renderActions(actions: ActionState[]) {
    const s = this.strings(dispositionStrings);
    const labels: Record<DispositionAction, string> = {
      save: s.save,
      'save-and-close': s.saveAndClose,
      reschedule: s.reschedule,
      close: s.close,
    };
    const reasons = [...new Set(actions.flatMap((a) => (a.reason ? [a.reason] : [])))];
    return html`<div part="actions">
        ${actions.map(
          (a) =>
            html`<button
              type="button"
              part="action action-${a.action}"
              class=${a.action === 'save' || a.action === 'reschedule' ? '' : 'primary'}
              aria-disabled=${a.enabled && !this.saving ? 'false' : 'true'}
              aria-describedby=${a.reason ? `why-${a.reason}` : nothing}
              @click=${() => void this.run(a.action)}
            >
              ${labels[a.action]}
            </button>`,
        )}
        ${this.saving ? html`<span class="muted">${s.saving}</span>` : nothing}
      </div>
      ${reasons.length
        ? html`<ul part="hints">
            ${reasons.map((reason) => html`<li id="why-${reason}">${this.reasonText(reason)}</li>`)}
          </ul>`
        : nothing}`;
  }

  private reasonText(reason: BlockReason): string {
    const s = this.strings(dispositionStrings);
    switch (reason) {
      case 'not-finished':
      case 'closed':
        return s.whyNotFinished;
      case 'incomplete':
        return s.whyIncomplete;
      case 'comment-required':
        return s.whyCommentRequired;
      case 'comment-too-long':
        return s.whyCommentTooLong(this.number(this.maxLength));
      case 'reschedule-time':
        return s.whyRescheduleTime;
    }
  }

  private renderSummary() {
    return renderClosedSummary(this.strings(dispositionStrings), this.lastSaved, (iso) => this.formatInstant(iso));
  }
}
