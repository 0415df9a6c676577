import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { Task } from '@lit/task';
import { channelAcceptsAttachments, channelAcceptsVoiceNotes } from '../../core/composer/index.js';
import {
  availableChannels,
  campaignsFor,
  COMPOSER_CHANNELS,
  isComposerChannel,
  type Availability,
  type ComposerAgent,
  type ComposerChannel,
} from '../../core/composer/index.js';
import type { ComposerDraft } from '../../core/composer/index.js';
import { validateComposer, type ComposerError, type ComposerField } from '../../core/composer/index.js';
import type { Campaign } from '../../core/types.js';
import { UcrmInteractionStartEvent, type AttachmentInfo, type InteractionStartDetail } from '../../events.js';
import { composerStrings } from '../../i18n/strings/composer.js';
import { ANONYMOUS_AGENT, clearDraft, composerDrafts, saveDraft } from '../../state/composer-drafts.js';
import { UcrmRegionalElement } from '../shared/ucrm-regional-element.js';
import { UcrmElement } from '../shared/ucrm-element.js';
import { AddressChips } from './address-chips.js';
import { pickFiles, rejectionOf, renderAttachmentsField } from './attachments-field.js';
import { renderField, type ComposerForm } from './composer-form.js';
import { EmailBodyController } from './email-body-controller.js';
import { EmailSignature } from './email-signature.js';
import { renderEmailFields } from './email-fields.js';
import { renderMessageFields } from './message-fields.js';
import { renderNumberField } from './number-field.js';
import { composerStyles } from './ucrm-new-interaction.styles.js';
import { renderVoiceField } from './voice-field.js';
import { VoiceRecorderController } from './voice-recorder.js';

type Status = 'idle' | 'pending' | 'started' | 'refused' | 'failed';

/**
 * The outbound composer: "New" → channel → campaign → fields → "Start new
 * interaction". It enforces each channel's rules before anything is sent
 * (dial strings, E.164 numbers for the campaign's region, WhatsApp's HSM
 * rule, SMS segments, email addresses, attachment types and provider size
 * limits), keeps a draft per channel and agent across reloads, and asks the
 * host to start the interaction. The host performs the call or send.
 *
 * @summary Starts outbound Phone, WhatsApp, SMS and Email interactions, enforcing each channel's rules.
 *
 * @fires ucrm-interaction-start - `{channel, campaign, to, message?, template?, variables?, subject?, html?, cc?, bcc?, attachments, voiceNote?}`.
 *   Cancelable: `preventDefault()` means not started (the form is kept). Otherwise the form waits for `started()` or `failed(reason)`.
 * @fires ucrm-error - `{operation, code, message}` when the campaigns cannot be loaded or an attribute is invalid.
 *
 * @csspart new-button - The "New" button.
 * @csspart panel - The composer panel.
 * @csspart channels - The channel radio group.
 * @csspart campaign - The campaign select.
 * @csspart field - Each labelled field; also `to-field`, `message-field`, `template-field`, `subject-field`, `body-field`, `cc-field`, `bcc-field`.
 * @csspart input - Every text input, select and textarea.
 * @csspart hint - Help text under a field.
 * @csspart field-error - The message of a field that stops the start.
 * @csspart chip - A CC/BCC address chip; `chip-remove` its remove button.
 * @csspart counter - The SMS character and segment counter.
 * @csspart preview - The filled-in template preview.
 * @csspart toolbar - The Email formatting toolbar; `tool` each of its buttons.
 * @csspart editor - The Email body editor.
 * @csspart attachments - The attachment picker and list; `attachment` each file.
 * @csspart rejections - Files refused at selection, with the reason.
 * @csspart voice - The voice message recorder.
 * @csspart start-button - "Start new interaction".
 * @csspart status - The status line (starting, started, refused, failed).
 * @csspart unavailable - Why no channel can be offered.
 * @csspart error - A failure loading the campaigns, with Retry.
 *
 * @cssproperty --ucrm-composer-editor-min-height - Minimum height of the Email body editor (default 10rem).
 */
export class UcrmNewInteraction extends UcrmRegionalElement {
  static override styles = [...UcrmElement.styles, composerStyles];
  static override catalogs = [composerStrings];

  /** Whether the composer panel is shown (the "New" button opens it). */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The chosen channel: `phone`, `whatsapp`, `sms` or `email`. Set it to preselect one. */
  @property() channel?: ComposerChannel;

  /** The campaigns to offer; property only. Without it they come from the source's `listCampaigns()`. */
  @property({ attribute: false }) campaigns?: Campaign[];

  /**
   * The agent: `{ id, campaigns: [{ id, outbound: Channel[] }] }`, the campaigns
   * they belong to and the channels they may start interactions on in each.
   * Property only. Without it, every outbound channel of every campaign is offered
   * (the host has filtered the campaigns).
   */
  @property({ attribute: false }) agent?: ComposerAgent;

  /**
   * ISO 3166 region for national numbers when the campaign has no `region`;
   * defaults to the `<ucrm-provider>`'s.
   */
  @property({ attribute: 'default-region' }) defaultRegion?: string;

  /** Whose drafts these are (drafts are kept per agent); defaults to `agent.id`. */
  @property({ attribute: 'agent-id' }) agentId?: string;

  @state() private draft: ComposerDraft = {};
  @state() private errors: ComposerError[] = [];
  @state() private status: Status = 'idle';
  @state() private failure = '';
  @state() private attachments: Partial<Record<ComposerChannel, AttachmentInfo[]>> = {};
  @state() private rejections: string[] = [];

  private submitted = false;
  /** The channel of the request the host is starting. */
  private pendingChannel?: ComposerChannel;
  private draftsUnbind?: () => void;
  private loadedFor?: string;
  private readonly voice = new VoiceRecorderController(this);
  private readonly chips = new AddressChips(this, () => this.form);
  private readonly body = new EmailBodyController(this, {
    mount: () => this.renderRoot.querySelector<HTMLElement>('[part~="editor"]'),
    content: () => this.draft.html ?? '',
    label: () => this.s.body,
    describedBy: 'body-error',
    onChange: (html) => this.updateDraft({ html }),
    onError: (error) => this.reportError('loadEditor', error, () => this.requestUpdate()),
  });
  private readonly signature = new EmailSignature(
    this.body,
    () => this.draft,
    (patch) => this.updateDraft(patch),
  );

  private readonly campaignsTask = new Task(this, {
    task: async ([given, source, open], { signal }) => {
      if (given) return given;
      if (!open || !source) return undefined;
      return source.listCampaigns({ signal });
    },
    args: () => [this.campaigns, this.campaigns || !this.open ? undefined : this.activeSource, this.open] as const,
    onError: (error) => this.reportError('listCampaigns', error, () => void this.campaignsTask.run()),
  });

  /** The host started the interaction: its draft is cleared and the form reset. */
  started(): void {
    const channel = this.pendingChannel ?? this.channel;
    this.pendingChannel = undefined;
    this.status = 'started';
    if (!channel) return;
    clearDraft(this.draftsKey, channel);
    this.attachments = { ...this.attachments, [channel]: [] };
    if (channelAcceptsVoiceNotes(channel)) this.voice.discard();
    // The agent may have moved to another channel while the host was starting this one.
    if (channel === this.channel) this.resetForm();
  }

  /** The host could not start the interaction: `reason` is shown and everything typed is kept. */
  failed(reason: string): void {
    this.pendingChannel = undefined;
    this.status = 'failed';
    this.failure = reason;
  }

  private get s() {
    return this.strings(composerStrings);
  }

  private get draftsKey(): string {
    return this.agentId || this.agent?.id || ANONYMOUS_AGENT;
  }

  private get loadedCampaigns(): Campaign[] | undefined {
    return this.campaigns ?? this.campaignsTask.value;
  }

  private get offeredCampaigns(): Campaign[] {
    return this.channel ? campaignsFor(this.loadedCampaigns ?? [], this.channel, this.agent) : [];
  }

  private get campaign(): Campaign | undefined {
    return this.offeredCampaigns.find((c) => c.id === this.draft.campaignId);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.draftsUnbind?.();
    this.draftsUnbind = undefined;
    this.loadedFor = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('defaultRegion')) this.checkRegionAttribute(this.defaultRegion);
    if (changed.has('channel') && this.channel !== undefined && !isComposerChannel(this.channel)) {
      // An empty attribute just means "none chosen".
      if (String(this.channel) !== '') this.reportBadAttribute('channel', String(this.channel), COMPOSER_CHANNELS.join(' | '));
      this.channel = undefined;
    }
    const key = `${this.draftsKey}|${this.channel ?? ''}`;
    if (this.loadedFor !== key) {
      if (!this.draftsUnbind || !this.loadedFor?.startsWith(`${this.draftsKey}|`)) {
        this.draftsUnbind?.();
        // Listening mounts the persistent store, which re-reads localStorage.
        this.draftsUnbind = composerDrafts(this.draftsKey).listen(() => {});
      }
      this.loadedFor = key;
      this.loadDraft();
    }
    this.syncCampaign();
  }

  protected override updated(): void {
    if (this.channel === 'email' && this.open) void this.body.ensure().then((mounted) => mounted && this.signature.adoptEditorForm());
    else this.body.destroy();
  }

  private loadDraft(): void {
    const channel = this.channel;
    const stored = channel ? composerDrafts(this.draftsKey).get()[channel] : undefined;
    // A restored body is sanitized by the editor controller when it goes into the editor and before it is sent.
    this.startForm(stored ? { ...stored } : {});
  }

  /** Shows `draft` as nobody has pressed Start on it yet: no errors, nothing half-typed or refused. */
  private startForm(draft: ComposerDraft): void {
    this.draft = draft;
    this.errors = [];
    this.submitted = false;
    this.chips.clear();
    this.rejections = [];
    this.signature.forget();
    this.body.setContent(draft.html ?? '');
  }

  /** Picks the only campaign offered, drops one no longer offered, and adds the Email signature. */
  private syncCampaign(): void {
    const offered = this.offeredCampaigns;
    if (!this.channel || !this.loadedCampaigns) return;
    const current = offered.find((c) => c.id === this.draft.campaignId);
    if (!current && (this.draft.campaignId || offered.length === 1)) {
      this.updateDraft({ campaignId: offered.length === 1 ? offered[0].id : undefined });
    }
    const campaign = this.campaign;
    if (this.channel === 'email' && campaign) this.signature.sign(campaign);
  }

  private updateDraft(patch: Partial<ComposerDraft>): void {
    this.draft = { ...this.draft, ...patch };
    if (this.channel) saveDraft(this.draftsKey, this.channel, this.draft);
    if (this.status !== 'pending') this.status = 'idle';
    if (this.submitted) this.errors = this.validate().errors;
  }

  /** After a start: an empty draft, on the same campaign. */
  private resetForm(): void {
    this.startForm({ campaignId: this.draft.campaignId });
    this.syncCampaign();
  }

  private validate(): { errors: ComposerError[]; detail?: InteractionStartDetail } {
    const channel = this.channel;
    if (!channel) return { errors: [] };
    const result = validateComposer(channel, this.draft, this.campaign, {
      bodyEmpty: this.body.isEmpty(this.draft.html ?? ''),
      defaultRegion: this.regionOrProvided(this.defaultRegion),
    });
    if (!result.ok) return { errors: result.errors };
    const { request } = result;
    const detail: InteractionStartDetail = { ...request, attachments: [...(this.attachments[channel] ?? [])] };
    if (channelAcceptsVoiceNotes(channel) && this.voice.note) detail.voiceNote = this.voice.note;
    return { errors: [], detail };
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.status === 'pending' || !this.channel) return;
    if (!this.chips.commitTyped()) return this.focusFirstInvalid();
    this.submitted = true;
    const { errors, detail } = this.validate();
    this.errors = errors;
    if (!detail) return this.focusFirstInvalid();
    // The campaign (so its provider's limits) may have changed since the files were picked.
    const overLimit = detail.attachments
      .map(({ file }) => rejectionOf(file, detail.channel, this.campaign?.provider, this.s, this.locale))
      .filter((m): m is string => !!m);
    if (overLimit.length) {
      this.rejections = overLimit;
      return;
    }
    if (detail.html !== undefined) {
      try {
        detail.html = await this.body.sanitize(detail.html);
      } catch (error) {
        this.reportError('loadEditor', error, () => this.requestUpdate());
        return;
      }
      // Start may have been pressed again, or the channel changed, while the sanitizer loaded.
      // (TypeScript narrowed `status` before the await; it may have changed since.)
      if ((this.status as Status) === 'pending' || detail.channel !== this.channel) return;
    }
    const proceed = this.dispatchEvent(new UcrmInteractionStartEvent(detail));
    this.status = proceed ? 'pending' : 'refused';
    this.pendingChannel = proceed ? this.channel : undefined;
  }

  private async focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else if (this.errorFor('body')) this.body.focus();
  }

  private errorFor(field: ComposerField): ComposerError | undefined {
    return this.errors.find((e) => e.field === field);
  }

  /** The composer as the field renderers see it (see `composer-form.ts`). */
  private get form(): ComposerForm {
    return {
      s: this.s,
      locale: this.locale,
      draft: () => this.draft,
      campaign: () => this.campaign,
      errorFor: (field) => this.errorFor(field),
      update: (patch) => this.updateDraft(patch),
    };
  }

  private onFiles(files: File[]): void {
    const channel = this.channel;
    if (!channel) return;
    const { accepted, rejections } = pickFiles(files, channel, this.campaign?.provider, this.s, this.locale);
    this.attachments = { ...this.attachments, [channel]: [...(this.attachments[channel] ?? []), ...accepted] };
    this.rejections = rejections;
  }

  private removeAttachment(index: number): void {
    const channel = this.channel;
    if (!channel) return;
    const list = [...(this.attachments[channel] ?? [])];
    list.splice(index, 1);
    this.attachments = { ...this.attachments, [channel]: list };
  }

  private async openPanel(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    // The chosen channel, else the first one, else the panel's first button.
    const root = this.renderRoot;
    const target = ['input[name="channel"]:checked', 'input[name="channel"]', '[part~="panel"] button'].reduce<HTMLElement | null>(
      (found, selector) => found ?? root.querySelector<HTMLElement>(selector),
      null,
    );
    target?.focus();
  }

  private async closePanel(): Promise<void> {
    this.open = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="new-button"]')?.focus();
  }

  // ---- Rendering ----

  override render(): TemplateResult {
    const s = this.s;
    if (!this.open) {
      return html`<button type="button" part="new-button" class="primary" aria-expanded="false" @click=${this.openPanel}>
        ${s.newButton}
      </button>`;
    }
    return html`<section part="panel" aria-labelledby="title">
      <header part="header">
        <h2 id="title">${s.title}</h2>
        <button type="button" part="close-button" aria-label=${s.close} @click=${this.closePanel}>×</button>
      </header>
      ${this.renderProblem()} ${this.renderBody()}
    </section>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const campaigns = this.loadedCampaigns;
    if (!campaigns) {
      return this.problem ? nothing : html`<p part="loading" role="status">${this.s.loadingCampaigns}</p>`;
    }
    const availability = availableChannels(campaigns, this.agent);
    if (!availability.ok) return html`<p part="unavailable" role="status">${this.s.unavailable(availability.reason)}</p>`;
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${this.renderChannels(availability)} ${this.channel ? this.renderChannelForm(this.channel) : nothing}
    </form>`;
  }

  private renderChannels(availability: Availability & { ok: true }): TemplateResult {
    return html`<fieldset part="channels">
      <legend>${this.s.channel}</legend>
      ${availability.channels.map(
        (channel) => html`<label part="channel-option">
          <input
            type="radio"
            name="channel"
            value=${channel}
            .checked=${live(this.channel === channel)}
            @change=${() => (this.channel = channel)}
          />
          ${this.s.channelName(channel)}
        </label>`,
      )}
    </fieldset>`;
  }

  private renderChannelForm(channel: ComposerChannel): TemplateResult {
    const s = this.s;
    const offered = this.offeredCampaigns;
    if (!offered.length) return html`<p part="unavailable" role="status">${s.unavailable('no-permission')}</p>`;
    const form = this.form;
    return html`
      ${renderField(form, {
        field: 'campaign',
        label: s.campaign,
        control: (aria) => html`<select
          id=${aria.id}
          part="input campaign"
          aria-invalid=${ifDefined(aria.invalid)}
          aria-describedby=${ifDefined(aria.describedBy)}
          @change=${(e: Event) => this.updateDraft({ campaignId: (e.target as HTMLSelectElement).value || undefined })}
        >
          <option value="" ?selected=${!this.campaign}>${s.chooseCampaign}</option>
          ${offered.map((c) => html`<option value=${c.id} ?selected=${c.id === this.campaign?.id}>${c.name}</option>`)}
        </select>`,
      })}
      ${channel === 'email' ? renderEmailFields(form, this.chips, this.body) : renderNumberField(form, channel)}
      ${channel === 'whatsapp' || channel === 'sms' ? renderMessageFields(form, channel) : nothing}
      ${channelAcceptsAttachments(channel)
        ? renderAttachmentsField({
            strings: this.s,
            list: this.attachments[channel] ?? [],
            rejections: this.rejections,
            onFiles: (files) => this.onFiles(files),
            onRemove: (index) => this.removeAttachment(index),
          })
        : nothing}
      ${channelAcceptsVoiceNotes(channel) ? renderVoiceField(this.voice, this.s) : nothing}
      ${this.renderFooter()}
    `;
  }

  private renderFooter(): TemplateResult {
    const s = this.s;
    const pending = this.status === 'pending';
    const message =
      this.errors.length > 0
        ? s.fixErrors(this.errors.length)
        : ({ idle: '', pending: s.starting, started: s.started, refused: s.refused, failed: '' } as const)[this.status];
    return html`<footer part="footer">
      <button type="submit" part="start-button" class="primary" ?disabled=${pending}>${s.start}</button>
      <p part="status" role="status">${message}</p>
      ${this.status === 'failed' ? html`<p part="failure" role="alert">${s.failed(this.failure)}</p>` : nothing}
    </footer>`;
  }
}
