import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { systemClock, type Clock } from '../../core/disposition/index.js';
import { canQuote, contactDraftFromPreChat, type Interaction, type InteractionChange, type Message } from '../../core/interactions/index.js';
import type { Campaign, ContactDraft } from '../../core/types.js';
import { UcrmMessageSentEvent } from '../../events.js';
import { composerStrings } from '../../i18n/strings/composer.js';
import { conversationStrings } from '../../i18n/strings/conversation.js';
import { LazyChunk } from '../shared/lazy-chunk.js';
import { UcrmInteractionElement } from '../shared/ucrm-interaction-element.js';
import { WindowGate } from './composer-gate.js';
import { ConversationComposer } from './composer-controller.js';
import { ConversationFormats } from './conversation-formats.js';
import { ConversationHistory } from './conversation-history.js';
import { LiveAnnouncer } from './live-announcer.js';
import { MessageList } from './message-list.js';
import type { MessageViewContext } from './message-view.js';
import { renderPreChat } from './pre-chat-panel.js';
import { ConversationPresence } from './presence.js';
import { SendQueue } from './send-queue.js';
import { conversationStyles } from './ucrm-conversation.styles.js';

/**
 * One interaction's conversation (Chatwoot's model, seeds 001, 002, 004): the
 * messages of every author (customer, agent, bot, system, internal notes)
 * grouped by day and virtualized, opening at the newest and keeping the
 * reading position while older pages load or new messages arrive (a "new
 * messages" pill); message states with Meta's names, updated live; replies
 * with quotes (WhatsApp); and a composer with templates (approved HSM only
 * where WhatsApp requires them), emoji, attachments by category within the
 * campaign provider's limits, voice messages (Ogg/Opus for WhatsApp) and,
 * for email, subject, CC/BCC and the rich-text editor of
 * `<ucrm-new-interaction>`. Drafts survive a reload, per interaction.
 *
 * Sending is safe: each message carries an idempotency key; one that never
 * left the page and one the channel refused stay in the list with their
 * reason and Retry, which sends the same key again (never a second message).
 *
 * @summary An interaction's messages and composer: states, replies, templates, attachments, voice, email.
 *
 * @fires ucrm-message-sent - `{message}` once the source accepted a message the agent sent.
 * @fires ucrm-error - `{operation, code, message}`: `load`, `load-older`, `voice`, `resend` (a failed message's files could not be read back), `attribute:interaction-id`.
 *
 * @csspart base - The wrapper.
 * @csspart header - Who else is here, the customer typing.
 * @csspart presence - "Bruno also viewing", "Ana is typing…".
 * @csspart pre-chat - The pre-chat form's fields.
 * @csspart list - The scrolling message list (virtualized).
 * @csspart day-separator - A day's heading in the list.
 * @csspart message - One message (also `message-in`, `message-out`, `message-customer`, `message-agent`, `message-bot`, `internal`, `message-queued`).
 * @csspart system-message - A system line.
 * @csspart author - A message's author.
 * @csspart internal-badge - "Internal note".
 * @csspart text - A message's text.
 * @csspart subject - An email's subject.
 * @csspart email-body - An email's sanitized body.
 * @csspart attachments - A message's files; `attachment`, `attachment-preview`, `attachment-link`, `attachment-size`.
 * @csspart voice - A voice message's player.
 * @csspart quote - The message a reply quotes; `quote-author`, `quote-text`, `quote-file`, `quote-preview`, `quote-file-name`.
 * @csspart time - A message's time.
 * @csspart tick - A status tick (`tick-pending`, `tick-sent`, `tick-delivered`, `tick-read`, `tick-failed`).
 * @csspart message-error - Why a message failed, with Retry (`retry-button`).
 * @csspart reply-button - The reply action (on hover or focus).
 * @csspart new-messages - The "new messages" pill.
 * @csspart composer - The composer form; `mode`, `message-input`, `send-button`, `template-select`, `variables`, `preview`, `reply-quote`, `cancel-reply`, `window-note`, `composer-note`, `composer-error`.
 * @csspart emoji-button - Opens the emoji picker (`emoji-popover`, `emoji-picker`).
 * @csspart attach-button - Opens the attachment categories (`categories`, `category-button`, `attachment-list`, `rejections`).
 * @csspart voice-record - Records a voice message (`voice-stop`, `voice-preview`, `voice-discard`, `voice-status`, `voice-error`).
 * @csspart announcer - The polite live region.
 * @csspart error - A failure, with Retry.
 *
 * @cssproperty [--ucrm-conversation-height=32rem] - The element's height (the list scrolls inside).
 * @cssproperty [--ucrm-conversation-in-bg] - Inbound bubbles.
 * @cssproperty [--ucrm-conversation-out-bg] - Outbound bubbles.
 * @cssproperty [--ucrm-conversation-note-bg] - Internal notes.
 * @cssproperty [--ucrm-conversation-read-color=light-dark(#1d6fb8, #58a6ff)] - The two blue checks.
 */
export class UcrmConversation extends UcrmInteractionElement {
  static override styles = [...UcrmInteractionElement.styles, conversationStyles];
  static override catalogs = [conversationStrings, composerStrings];

  /** The interaction shown. */
  @property({ attribute: 'interaction-id' }) interactionId?: string;

  /** The agent at this desk (whose messages are "You"); defaults to the source's agent when it has one. */
  @property({ attribute: 'agent-id' }) agentId?: string;

  /** The interaction, when the host has it already (saves a `get`); kept current from the source. Property only. */
  @property({ attribute: false }) interaction?: Interaction;

  /** The interaction's campaign (templates, provider limits, signature); else read from the CRM source. Property only. */
  @property({ attribute: false }) campaignConfig?: Campaign;

  /** Where "now" comes from (the WhatsApp window, typing timeouts): tests pass the simulator's clock. Property only. */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** URL of the emoji data JSON (`emoji-picker-element-data`'s format) when the host serves its own; by default the kit's copy for the element's language, served next to its modules (never a CDN). */
  @property({ attribute: 'emoji-data' }) emojiData?: string;

  /** Messages per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  @state() private current?: Interaction;
  @state() private campaignLoaded?: Campaign;
  @state() private queueVersion = 0;

  // Each part of the conversation is a controller of its own (this file wires them).
  private readonly formats = new ConversationFormats();
  private readonly queue = new SendQueue({
    source: () => this.interactionSource,
    now: () => this.clock.now(),
    online: () => navigator.onLine,
    changed: () => (this.queueVersion += 1),
    accepted: (message) => this.accepted(message),
  });
  private readonly announcer = new LiveAnnouncer(this);
  private readonly gate = new WindowGate(this, () => this.clock);
  private readonly presence = new ConversationPresence(this, {
    clock: () => this.clock,
    source: () => this.interactionSource,
    interactionId: () => this.interactionId,
    me: () => this.me,
  });
  private readonly history = new ConversationHistory(this, {
    source: () => this.interactionSource,
    interactionId: () => this.interactionId,
    pageSize: () => this.pageSize,
    queued: (id) => this.queue.of(id),
    queueVersion: () => this.queueVersion,
    notFound: (id) => this.strings(conversationStrings).notFound(id),
    holdPosition: () => this.list.holdPosition(),
    releasePosition: (failed) => this.list.releasePosition(failed),
    failed: (operation, error, retry) => this.reportError(operation, error, retry),
  });
  private readonly list = new MessageList(this, {
    rows: () => this.history.rows,
    element: () => this.renderRoot.querySelector<HTMLElement>('[part~="list"]'),
    mayLoadOlder: () => this.history.hasOlder && !this.history.loadingOlder && !this.history.loading,
    loadOlder: () => void this.history.older(),
    loadingOlder: () => this.history.loadingOlder,
    failed: (error, retry) => this.reportError('load', error, retry),
  });
  private readonly composer = new ConversationComposer(this, {
    interactionId: () => this.interactionId,
    interaction: () => this.current,
    campaign: () => this.campaign,
    me: () => this.me,
    locale: () => this.locale,
    strings: () => ({ s: this.strings(conversationStrings), cs: this.strings(composerStrings) }),
    emojiData: () => this.emojiData,
    messages: () => this.history.messages,
    byId: () => this.history.byId,
    gate: this.gate,
    queue: this.queue,
    dateTime: () => this.formats.of(this.locale).dateTime,
    typed: () => this.presence.typed(),
    reportError: (operation, error, retry) => this.reportError(operation, error, retry),
  });
  private readonly sanitizer = new LazyChunk(this, () => import('../ucrm-new-interaction/email-html.js'), {
    failed: () => undefined,
  });
  private readonly onOnline = () => this.queue.retryUnsent();

  /** What the pre-chat form (or a bot) collected, as a new contact's draft for the screen pop's create form. */
  get preChatDraft(): ContactDraft | undefined {
    return contactDraftFromPreChat(this.current?.preChat);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
  }

  override disconnectedCallback(): void {
    // The controllers stop their loads and timers and release the previews.
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    this.presence.report('idle');
  }

  override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (const chunk of [this.list.virtualizer, this.sanitizer]) if (!(await chunk.settled())) done = (await super.getUpdateComplete()) && done;
    return done;
  }

  // ---- data -------------------------------------------------------------------------

  protected override interactionSourceChanged(): void {
    this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('interaction') && this.interaction && this.interaction.id === this.interactionId) this.current = this.interaction;
    if (changed.has('interactionId') && changed.get('interactionId') !== undefined) this.load();
    if (changed.has('interactionId')) this.composer.open(this.interactionId);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.composer.updated();
    if (changed.has('current' as keyof UcrmConversation)) this.gate.watch(this.current);
  }

  private get me(): string | undefined {
    return this.agentId ?? this.interactionSource.agentId;
  }

  private get campaign(): Campaign | undefined {
    return this.campaignConfig ?? this.campaignLoaded;
  }

  private load(): void {
    const id = this.interactionId;
    this.history.clear();
    this.list.clear();
    this.presence.clear();
    if (!id || !this.isConnected) return;
    this.clearProblem();
    const known = this.interaction?.id === id ? this.interaction : undefined;
    this.history
      .open(id, known, (interaction) => {
        this.current = interaction;
        this.list.stick();
        this.presence.report('viewing');
        const signal = this.history.signal;
        if (signal) void this.loadCampaign(interaction, signal);
      })
      .catch((error: unknown) => this.reportError('load', error, () => this.load()));
  }

  private async loadCampaign(interaction: Interaction, signal: AbortSignal): Promise<void> {
    if (this.campaignConfig) return;
    try {
      const campaigns = await this.activeSource.listCampaigns({ signal });
      this.campaignLoaded = campaigns.find((c) => c.id === interaction.campaign);
    } catch {
      // Without the campaign there are no templates or signature; the conversation still works.
    }
  }

  protected override interactionChanged(change: InteractionChange): void {
    const id = this.interactionId;
    if (!id) return;
    if (change.type === 'interaction' && change.interaction.id === id) {
      this.current = change.interaction;
    } else if (change.type === 'message' && change.message.interactionId === id) {
      if (this.history.loading) return; // the page being loaded has it
      const known = this.history.merge(change.message);
      if (!known) this.arrived(change.message);
      else if (change.message.status === 'failed' && known.status !== 'failed') {
        this.announcer.announce(this.strings(conversationStrings).announceFailed(change.message.error ?? ''));
      }
    } else if (change.type === 'activity' && change.interactionId === id) {
      this.presence.seen(change.who, change.activity);
    }
  }

  /** A message new to this list: followed when the agent is at the end (or wrote it), counted on the pill otherwise. */
  private arrived(message: Message): void {
    const mine = message.direction === 'out' && message.author.kind === 'agent' && message.author.id === this.me;
    this.list.arrived(mine);
    if (!mine) {
      const s = this.strings(conversationStrings);
      const author = message.author.kind === 'bot' ? s.bot(message.author.name) : message.author.name;
      const body = message.text ?? message.subject ?? (message.attachments?.length ? s.attachment(message.attachments[0]!.name) : message.voice ? s.voiceNote : '');
      this.announcer.announce(s.announceMessage(author, body));
      if (message.author.kind === 'customer') this.presence.customerSpoke();
    }
  }

  /** The source accepted a message this agent sent (first time only). */
  private accepted(message: Message): void {
    if (message.interactionId === this.interactionId && !this.history.merge(message)) this.list.stick();
    const s = this.strings(conversationStrings);
    this.announcer.announce(message.internal ? s.noteAdded : s.sent);
    this.dispatchEvent(new UcrmMessageSentEvent({ message }));
  }

  // ---- rendering -------------------------------------------------------------------------

  async scrollToBottom(): Promise<void> {
    return this.list.scrollToBottom();
  }

  private viewContext(): MessageViewContext {
    const s = this.strings(conversationStrings);
    const channel = this.current?.channel ?? 'webchat';
    const writable = this.composer.access().access === 'full';
    const format = this.formats.of(this.locale);
    return {
      s,
      time: format.time,
      size: format.size,
      dayLabel: (at) => this.formats.dayLabel(at, this.locale, this.clock.now()),
      byId: this.history.byId,
      clean: this.sanitizer.module?.sanitizeEmailHtml,
      canQuote: (m) => writable && canQuote(channel, m),
      canResend: (m) => writable && m.direction === 'out' && m.author.kind === 'agent' && !!(m.text || m.template),
      onReply: (m) => this.composer.replyTo(m),
      onRetry: (key) => void this.queue.retry(key),
      onResend: (m) => this.composer.resend(m),
      onQuote: (id) => void this.list.scrollToMessage(id),
    };
  }

  override render(): TemplateResult {
    const s = this.strings(conversationStrings);
    if (!this.interactionId) return html`<div part="base"><p part="empty">${s.noInteraction}</p></div>`;
    const interaction = this.current;
    const history = this.history;
    if (history.messages.some((m) => m.html) && !this.sanitizer.module) this.sanitizer.with(() => undefined);
    // Not a landmark of its own: the host (the workspace's conversation area) names the region.
    return html`<div part="base">
      ${this.renderProblem()} ${this.presence.render(s, this.formats.of(this.locale).list)} ${renderPreChat(interaction?.preChat, s)}
      ${this.list.render({
        s,
        loading: history.loading,
        loadingOlder: history.loadingOlder,
        empty: !history.messages.length,
        context: () => this.viewContext(),
      })}
      ${interaction ? this.composer.render(interaction) : nothing} ${this.announcer.render()}
    </div>`;
  }
}
