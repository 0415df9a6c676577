import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  channelAcceptsAttachments,
  channelAcceptsVoiceNotes,
  missingVariables,
  templatesFor,
  type AttachmentCategory,
  type ComposerDraft,
} from '../../core/composer/index.js';
import { systemClock, type Clock } from '../../core/disposition/index.js';
import { CrmError, isAborted } from '../../core/errors.js';
import {
  canQuote,
  composeMode,
  contactDraftFromPreChat,
  mergeMessages,
  quoteOf,
  windowRemaining,
  type ActivityActor,
  type ConversationActivity,
  type Interaction,
  type InteractionChange,
  type Message,
} from '../../core/interactions/index.js';
import type { Campaign, ContactDraft } from '../../core/types.js';
import type { SendDraft } from '../../data/interactions/source.js';
import { UcrmMessageSentEvent, type AttachmentInfo } from '../../events.js';
import { composerStrings } from '../../i18n/strings/composer.js';
import { conversationStrings } from '../../i18n/strings/conversation.js';
import {
  loadConversationDraft,
  saveConversationDraft,
  type ConversationDraft,
} from '../../state/conversation-drafts.js';
import { LazyChunk } from '../shared/lazy-chunk.js';
import { UcrmInteractionElement } from '../shared/ucrm-interaction-element.js';
import { AddressChips } from '../ucrm-new-interaction/address-chips.js';
import { pickFiles } from '../ucrm-new-interaction/attachments-field.js';
import type { ComposerForm } from '../ucrm-new-interaction/composer-form.js';
import { EmailBodyController } from '../ucrm-new-interaction/email-body-controller.js';
import { EmailSignature } from '../ucrm-new-interaction/email-signature.js';
import { VoiceRecorderController } from '../ucrm-new-interaction/voice-recorder.js';
import { renderComposer } from './conversation-composer.js';
import { EmojiPopover } from './emoji-popover.js';
import { buildRows, dayKey, type Row } from './message-rows.js';
import { renderRow, type MessageViewContext } from './message-view.js';
import { SendQueue } from './send-queue.js';
import { conversationStyles } from './ucrm-conversation.styles.js';

type VirtualizerModule = typeof import('@lit-labs/virtualizer/virtualize.js');
type VirtualizerLike = {
  element(index: number): { scrollIntoView(options?: ScrollIntoViewOptions): void } | undefined;
  layoutComplete: Promise<void>;
};

/** How long a "typing" report lasts without a new one. */
const TYPING_TTL_MS = 6000;
/** This agent's typing is reported at most this often. */
const TYPING_REPORT_MS = 3000;
/** Within this many pixels of the end, the list follows new messages. */
const BOTTOM_SLACK_PX = 48;

interface OtherActivity {
  who: ActivityActor;
  activity: ConversationActivity;
  at: number;
}

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
 * @fires ucrm-error - `{operation, code, message}`: `load`, `load-older`, `voice`, `attribute:interaction-id`.
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
 * @cssproperty [--ucrm-conversation-read-color=#1d7fd1] - The two blue checks.
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

  /** URL of the emoji data JSON (`emoji-picker-element-data`) when the host serves it; the picker's default otherwise. */
  @property({ attribute: 'emoji-data' }) emojiData?: string;

  /** Messages per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  @state() private current?: Interaction;
  @state() private messages: readonly Message[] = [];
  @state() private loading = false;
  @state() private loadingOlder = false;
  @state() private hasOlder = false;
  @state() private draft: ConversationDraft = {};
  @state() private files: AttachmentInfo[] = [];
  @state() private rejections: string[] = [];
  @state() private formError?: string;
  @state() private voiceBusy = false;
  @state() private voiceError?: string;
  @state() private categoriesOpen = false;
  @state() private unseen = 0;
  @state() private announcement = '';
  @state() private others = new Map<string, OtherActivity>();
  @state() private campaignLoaded?: Campaign;
  @state() private queueVersion = 0;

  private rows: Row[] = [];
  private rowsFor?: [readonly Message[], number];
  private byId = new Map<string, Message>();
  private previews = new Map<File, string>();
  private loadAbort?: AbortController;
  private atBottom = true;
  private stickToBottom = false;
  private anchor?: { key: string; offset: number };
  /** An older page is loading or the reading position is being restored: scrolling loads nothing more. */
  private restoring = false;
  private lastTypingReport = 0;
  private typingIdle?: unknown;
  private expiry?: unknown;
  private windowTimer?: unknown;
  private dayFormat?: [string, Intl.DateTimeFormat, Intl.RelativeTimeFormat];
  private formats?: { locale: string; time: Intl.DateTimeFormat; size: Intl.NumberFormat; dateTime: Intl.DateTimeFormat; list: Intl.ListFormat };

  private readonly queue = new SendQueue({
    source: () => this.interactionSource,
    now: () => this.clock.now(),
    online: () => navigator.onLine,
    changed: () => (this.queueVersion += 1),
    accepted: (message) => this.accepted(message),
  });

  private readonly virtualizer = new LazyChunk<VirtualizerModule>(this, () => import('@lit-labs/virtualizer/virtualize.js'), {
    failed: (error, retry) => this.reportError('load', error, retry),
  });
  private readonly sanitizer = new LazyChunk(this, () => import('../ucrm-new-interaction/email-html.js'), {
    failed: () => undefined,
  });
  private readonly voice = new VoiceRecorderController(this);
  private readonly emailBody = new EmailBodyController(this, {
    mount: () => this.renderRoot.querySelector<HTMLElement>('[part~="editor"]'),
    content: () => this.draft.html ?? '',
    label: () => this.strings(composerStrings).body,
    describedBy: '',
    onChange: (value) => this.updateDraft({ html: value }),
    onError: (error) => this.reportError('load', error),
  });
  private readonly signature = new EmailSignature(
    this.emailBody,
    () => this.draft as ComposerDraft,
    (patch) => this.updateDraft(patch),
  );
  private readonly chips = new AddressChips(this, () => this.composerForm());
  private readonly emoji = new EmojiPopover(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.emoji-mount'),
    locale: () => this.locale,
    dataSource: () => this.emojiData,
    label: () => this.strings(conversationStrings).emojiPicker,
    onPick: (emoji) => this.insertText(emoji),
    onClose: () => this.renderRoot.querySelector<HTMLElement>('[part~="emoji-button"]')?.focus(),
  });
  private readonly onOnline = () => this.queue.retryUnsent();

  /** What the pre-chat form (or a bot) collected, as a new contact's draft for the screen pop's create form. */
  get preChatDraft(): ContactDraft | undefined {
    return contactDraftFromPreChat(this.current?.preChat);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    this.virtualizer.with(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    this.report('idle');
    this.loadAbort?.abort();
    for (const handle of [this.typingIdle, this.expiry, this.windowTimer]) if (handle !== undefined) this.clock.clearTimeout(handle);
    for (const url of this.previews.values()) URL.revokeObjectURL(url);
    this.previews.clear();
  }

  override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (const chunk of [this.virtualizer, this.sanitizer]) if (!(await chunk.settled())) done = (await super.getUpdateComplete()) && done;
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
    if (changed.has('interactionId')) {
      this.draft = this.interactionId ? loadConversationDraft(this.me, this.interactionId) : {};
      this.files = [];
      this.rejections = [];
      this.formError = undefined;
    }
    const rowsFor = this.rowsFor;
    if (!rowsFor || rowsFor[0] !== this.messages || rowsFor[1] !== this.queueVersion) {
      this.rows = buildRows(this.messages, this.interactionId ? this.queue.of(this.interactionId) : []);
      this.rowsFor = [this.messages, this.queueVersion];
    }
  }

  private get me(): string | undefined {
    return this.agentId ?? (this.interactionSource as { agentId?: string }).agentId;
  }

  private get campaign(): Campaign | undefined {
    return this.campaignConfig ?? this.campaignLoaded;
  }

  private load(): void {
    this.loadAbort?.abort();
    const id = this.interactionId;
    this.messages = [];
    this.byId = new Map();
    this.hasOlder = false;
    this.unseen = 0;
    this.others = new Map();
    if (!id) return;
    if (!this.isConnected) return;
    const abort = new AbortController();
    this.loadAbort = abort;
    const source = this.interactionSource;
    this.loading = true;
    this.clearProblem();
    const known = this.interaction?.id === id ? this.interaction : undefined;
    Promise.all([known ? Promise.resolve(known) : source.get(id, { signal: abort.signal }), source.messages(id, { limit: this.pageSize }, { signal: abort.signal })])
      .then(([interaction, page]) => {
        if (abort.signal.aborted) return;
        if (!interaction) throw new CrmError('not-found', this.strings(conversationStrings).notFound(id));
        this.current = interaction;
        this.setMessages(mergeMessages(this.messages, page));
        this.hasOlder = page.length >= this.pageSize;
        this.stickToBottom = true;
        this.report('viewing');
        void this.loadCampaign(interaction, abort.signal);
      })
      .catch((error: unknown) => {
        if (!isAborted(error) && !abort.signal.aborted) this.reportError('load', error, () => this.load());
      })
      .finally(() => {
        if (this.loadAbort === abort) this.loading = false;
      });
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

  private async loadOlder(): Promise<void> {
    const id = this.interactionId;
    const oldest = this.messages[0];
    if (!id || !oldest || this.loadingOlder || this.restoring || !this.hasOlder) return;
    this.loadingOlder = true;
    this.restoring = true;
    this.anchor = this.findAnchor();
    try {
      const page = await this.interactionSource.messages(id, { before: oldest.id, limit: this.pageSize });
      if (id !== this.interactionId) return;
      this.hasOlder = page.length >= this.pageSize;
      this.setMessages(mergeMessages(this.messages, page));
    } catch (error) {
      this.anchor = undefined;
      this.restoring = false;
      this.reportError('load-older', error, () => void this.loadOlder());
    } finally {
      this.loadingOlder = false;
      // Without an anchor there is nothing to restore (updated() restores it otherwise).
      if (!this.anchor) this.restoring = false;
    }
  }

  /** The list and its index by id; `changed` (what was merged) spares rebuilding the index of a long history. */
  private setMessages(next: readonly Message[], changed?: readonly Message[]): void {
    if (next === this.messages) return;
    this.messages = next;
    if (changed && next.length - changed.length <= this.byId.size) {
      const byId = new Map(this.byId);
      for (const m of changed) byId.set(m.id, next.find((n) => n.id === m.id && n.status === m.status) ?? m);
      this.byId = byId;
    } else {
      this.byId = new Map(next.map((m) => [m.id, m]));
    }
  }

  protected override interactionChanged(change: InteractionChange): void {
    const id = this.interactionId;
    if (!id) return;
    if (change.type === 'interaction' && change.interaction.id === id) {
      this.current = change.interaction;
    } else if (change.type === 'message' && change.message.interactionId === id) {
      if (this.loading) return; // the page being loaded has it
      const known = this.byId.get(change.message.id);
      this.setMessages(mergeMessages(this.messages, [change.message]), [change.message]);
      if (!known) this.arrived(change.message);
      else if (change.message.status === 'failed' && known.status !== 'failed') {
        this.announce(this.strings(conversationStrings).announceFailed(change.message.error ?? ''));
      }
    } else if (change.type === 'activity' && change.interactionId === id) {
      this.activity(change.who, change.activity);
    }
  }

  /** A message new to this list: followed when the agent is at the end (or wrote it), counted on the pill otherwise. */
  private arrived(message: Message): void {
    const mine = message.direction === 'out' && message.author.kind === 'agent' && message.author.id === this.me;
    if (mine || this.atBottom) this.stickToBottom = true;
    else this.unseen += 1;
    if (!mine) {
      const s = this.strings(conversationStrings);
      const author = message.author.kind === 'bot' ? s.bot(message.author.name) : message.author.name;
      const body = message.text ?? message.subject ?? (message.attachments?.length ? s.attachment(message.attachments[0]!.name) : message.voice ? s.voiceNote : '');
      this.announce(s.announceMessage(author, body));
      if (message.author.kind === 'customer') this.others.delete('customer');
    }
  }

  private accepted(message: Message): void {
    if (message.interactionId === this.interactionId) {
      const known = this.byId.has(message.id);
      this.setMessages(mergeMessages(this.messages, [message]), [message]);
      if (!known) this.stickToBottom = true;
    }
    const s = this.strings(conversationStrings);
    this.announce(message.internal ? s.noteAdded : s.sent);
    this.dispatchEvent(new UcrmMessageSentEvent({ message }));
  }

  private announce(text: string): void {
    // A repeated text is still announced: the region is emptied first.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  // ---- presence of others -----------------------------------------------------------

  private activity(who: ActivityActor, activity: ConversationActivity): void {
    if (who.kind === 'agent' && who.id === this.me) return;
    const key = who.kind === 'customer' ? 'customer' : `agent:${who.id ?? who.name}`;
    const next = new Map(this.others);
    if (activity === 'idle') next.delete(key);
    else next.set(key, { who, activity, at: this.clock.now() });
    this.others = next;
    this.scheduleExpiry();
  }

  /** A "typing" that is not renewed ends after a while (the channel may never say it stopped). */
  private scheduleExpiry(): void {
    if (this.expiry !== undefined) this.clock.clearTimeout(this.expiry);
    this.expiry = undefined;
    const typing = [...this.others.values()].filter((o) => o.activity === 'typing');
    if (!typing.length) return;
    const next = Math.min(...typing.map((o) => o.at)) + TYPING_TTL_MS - this.clock.now();
    this.expiry = this.clock.setTimeout(() => {
      this.expiry = undefined;
      const now = this.clock.now();
      const kept = new Map(this.others);
      for (const [key, other] of kept) {
        if (other.activity === 'typing' && now - other.at >= TYPING_TTL_MS) {
          if (other.who.kind === 'customer') kept.delete(key);
          else kept.set(key, { ...other, activity: 'viewing' });
        }
      }
      this.others = kept;
      this.scheduleExpiry();
    }, Math.max(0, next));
  }

  private report(activity: ConversationActivity): void {
    const id = this.interactionId;
    const source = this.interactionSource;
    if (!id || !source.reportActivity) return;
    source.reportActivity(id, activity).catch(() => undefined); // presence is best effort
  }

  private typed(): void {
    const now = this.clock.now();
    if (now - this.lastTypingReport >= TYPING_REPORT_MS) {
      this.lastTypingReport = now;
      this.report('typing');
    }
    if (this.typingIdle !== undefined) this.clock.clearTimeout(this.typingIdle);
    this.typingIdle = this.clock.setTimeout(() => {
      this.typingIdle = undefined;
      this.lastTypingReport = 0;
      this.report('viewing');
    }, TYPING_REPORT_MS + 1000);
  }

  // ---- draft ---------------------------------------------------------------------------

  private updateDraft(patch: Partial<ConversationDraft>): void {
    const next: ConversationDraft = { ...this.draft, ...patch };
    for (const key of Object.keys(patch) as (keyof ConversationDraft)[]) if (patch[key] === undefined) delete next[key];
    this.draft = next;
    this.formError = undefined;
    if (this.interactionId) saveConversationDraft(this.me, this.interactionId, next);
  }

  private composerForm(): ComposerForm {
    return {
      s: this.strings(composerStrings),
      locale: this.locale,
      draft: () => this.draft as ComposerDraft,
      campaign: () => this.campaign,
      errorFor: () => undefined,
      update: (patch) => this.updateDraft(patch),
    };
  }

  private insertText(text: string): void {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#message');
    const value = this.draft.message ?? '';
    const start = area?.selectionStart ?? value.length;
    const end = area?.selectionEnd ?? value.length;
    this.updateDraft({ message: value.slice(0, start) + text + value.slice(end) });
    void this.updateComplete.then(() => {
      if (!area) return;
      area.focus();
      area.setSelectionRange(start + text.length, start + text.length);
    });
  }

  /** The email subject: what the agent typed, else "Re:" the conversation's last subject. */
  private subject(): string {
    if (this.draft.subject !== undefined) return this.draft.subject;
    const last = [...this.messages].reverse().find((m) => m.subject)?.subject;
    return last ? (/^re:/i.test(last) ? last : `Re: ${last}`) : '';
  }

  // ---- sending -------------------------------------------------------------------------

  private access(): { access: 'full' | 'notes' | 'none'; note?: string } {
    const s = this.strings(conversationStrings);
    const interaction = this.current;
    if (!interaction) return { access: 'none' };
    if (interaction.channel === 'phone') return { access: 'none', note: s.phoneChannel };
    if (interaction.status === 'closed') return { access: 'none' };
    const me = this.me;
    if (interaction.status === 'pending' || !interaction.assignee) return { access: 'none', note: s.readOnlyUnassigned };
    if (me && interaction.assignee !== me) return { access: 'none', note: s.readOnly(interaction.assignee) };
    if (interaction.status === 'finished') return { access: 'notes', note: s.finishedNote };
    return { access: 'full' };
  }

  private async send(): Promise<void> {
    const id = this.interactionId;
    const interaction = this.current;
    if (!id || !interaction) return;
    const s = this.strings(conversationStrings);
    const { access } = this.access();
    if (access === 'none') return;
    const internal = access === 'notes' || !!this.draft.internal;
    const draft = this.draft;
    const channel = interaction.channel;

    // A voice message goes on its own.
    if (!internal && this.voice.state === 'recorded' && this.voice.note) return this.sendVoice(id, interaction);

    const out: SendDraft = {};
    if (internal) {
      const text = (draft.message ?? '').trim();
      if (!text) return this.refuse(s.emptyMessage);
      out.text = text;
      out.internal = true;
    } else {
      const template = this.template();
      const mode = composeMode(interaction, this.clock.now());
      if (mode.kind === 'templates-only' && !template) {
        this.renderRoot.querySelector<HTMLElement>('#template')?.focus();
        return this.refuse(mode.reason === 'first-message' ? s.firstMessageTemplate : s.windowClosed);
      }
      if (template) {
        const missing = missingVariables(template.body, draft.variables ?? {});
        if (missing.length) {
          this.renderRoot.querySelector<HTMLElement>(`#var-${CSS.escape(missing[0]!)}`)?.focus();
          return this.refuse(s.missingVariables(missing.map((n) => `{{${n}}}`).join(', ')));
        }
        const variables = Object.fromEntries(Object.entries(draft.variables ?? {}).filter(([k]) => template.body.includes(k)).map(([k, v]) => [k, v.trim()]));
        out.template = { id: template.id, variables };
      }
      if (channel === 'email') {
        if (!this.chips.commitTyped()) return;
        const html = this.emailBody.html ?? draft.html ?? '';
        const empty = this.emailBody.isEmpty(html);
        if (!empty) out.html = await this.emailBody.sanitize(html);
        const subject = this.subject().trim();
        if (subject) out.subject = subject;
        if (this.draft.cc?.length) out.cc = [...this.draft.cc];
        if (this.draft.bcc?.length) out.bcc = [...this.draft.bcc];
      } else if (!template) {
        const text = (draft.message ?? '').trim();
        if (text) out.text = text;
      }
      if (this.files.length) out.files = this.files.map((f) => f.file);
      if (draft.replyTo && this.byId.has(draft.replyTo)) out.replyTo = draft.replyTo;
      if (!out.text && !out.template && !out.html && !out.files?.length) return this.refuse(s.emptyMessage);
    }
    // What was typed is now the queued message (shown with its state): the composer is free again.
    this.clearComposer(internal);
    await this.queue.send(id, out);
  }

  private async sendVoice(id: string, interaction: Interaction): Promise<void> {
    const s = this.strings(conversationStrings);
    const note = this.voice.note!;
    this.voiceBusy = true;
    this.voiceError = undefined;
    let voice: Blob = note;
    try {
      if (interaction.channel === 'whatsapp') {
        const { toOggOpus } = await import('./voice-ogg.js');
        voice = await toOggOpus(note);
      }
    } catch (error) {
      // The recording is kept: the agent can try again or discard it.
      this.voiceError = s.voiceFailed(error instanceof Error ? error.message : String(error));
      this.reportError('voice', error);
      return;
    } finally {
      this.voiceBusy = false;
    }
    const replyTo = this.draft.replyTo && this.byId.has(this.draft.replyTo) ? this.draft.replyTo : undefined;
    this.voice.discard();
    if (replyTo) this.updateDraft({ replyTo: undefined });
    await this.queue.send(id, { voice, ...(replyTo ? { replyTo } : {}) });
  }

  private refuse(reason: string): void {
    this.formError = reason;
  }

  private clearComposer(internal: boolean): void {
    if (internal) {
      this.updateDraft({ message: undefined });
      return;
    }
    for (const url of this.previews.values()) URL.revokeObjectURL(url);
    this.previews.clear();
    this.files = [];
    this.rejections = [];
    this.updateDraft({ message: undefined, templateId: undefined, variables: undefined, replyTo: undefined, subject: undefined, cc: undefined, bcc: undefined, html: undefined, signedFor: undefined });
    this.chips.clear();
    this.signature.forget();
    if (this.current?.channel === 'email') {
      this.emailBody.setContent('');
      if (this.campaign) this.signature.sign(this.campaign);
    }
  }

  private retry(key: string): void {
    void this.queue.retry(key);
  }

  /** A message the carrier failed: its text or template sent again, once (the key is the failed message's). */
  private resend(message: Message): void {
    const id = this.interactionId;
    if (!id) return;
    const draft: SendDraft = {
      ...(message.template ? { template: message.template } : message.text ? { text: message.text } : {}),
      ...(message.html ? { html: message.html } : {}),
      ...(message.subject ? { subject: message.subject } : {}),
      ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    };
    void this.queue.send(id, draft, `resend:${message.id}`);
  }

  private template() {
    const channel = this.current?.channel;
    if (!channel || !this.draft.templateId) return undefined;
    return templatesFor(this.campaign?.templates, channel).find((t) => t.id === this.draft.templateId);
  }

  // ---- attachments -----------------------------------------------------------------------

  private pickCategory(category: AttachmentCategory): void {
    this.renderRoot.querySelector<HTMLInputElement>(`[part~="file-input"][data-category="${category}"]`)?.click();
  }

  private addFiles(files: File[]): void {
    const interaction = this.current;
    if (!interaction) return;
    const { accepted, rejections } = pickFiles(files, interaction.channel, this.campaign?.provider, this.strings(composerStrings), this.locale);
    for (const a of accepted) if (a.category === 'image' && a.file.type.startsWith('image/')) this.previews.set(a.file, URL.createObjectURL(a.file));
    this.files = [...this.files, ...accepted];
    this.rejections = rejections;
    this.categoriesOpen = false;
    if (rejections.length) this.formError = undefined;
  }

  private removeFile(index: number): void {
    const removed = this.files[index];
    if (removed) {
      const url = this.previews.get(removed.file);
      if (url) URL.revokeObjectURL(url);
      this.previews.delete(removed.file);
    }
    this.files = this.files.filter((_, i) => i !== index);
  }

  // ---- scrolling -------------------------------------------------------------------------

  private get list(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="list"]');
  }

  private virtualizerOf(list: HTMLElement): VirtualizerLike | undefined {
    const ref = this.virtualizer.module?.virtualizerRef;
    return ref ? (list as unknown as Record<symbol, VirtualizerLike | undefined>)[ref] : undefined;
  }

  private onScroll(): void {
    const list = this.list;
    if (!list) return;
    this.atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < BOTTOM_SLACK_PX;
    if (this.atBottom && this.unseen) this.unseen = 0;
    if (list.scrollTop < 64 && this.hasOlder && !this.loadingOlder && !this.restoring && !this.loading) void this.loadOlder();
  }

  /** The first row in view and how far below the list's top it is. */
  private findAnchor(): { key: string; offset: number } | undefined {
    const list = this.list;
    if (!list) return undefined;
    const { top, bottom } = list.getBoundingClientRect();
    // A day's separator moves when older messages of that day arrive: anchor on a message.
    for (const item of list.querySelectorAll<HTMLElement>('.item:not([data-key^="day:"])')) {
      const rect = item.getBoundingClientRect();
      if (rect.bottom > top && rect.top < bottom) return { key: item.dataset.key!, offset: rect.top - top };
    }
    // Nothing rendered in view yet (the virtualizer catches up with a jump to the top): the oldest message is what is there.
    const first = this.rows.find((r) => r.kind !== 'day');
    return first ? { key: first.key, offset: 0 } : undefined;
  }

  /** Scrolls to the row `index` (through the virtualizer, which renders it first). */
  private async reveal(index: number, block: ScrollLogicalPosition): Promise<HTMLElement | undefined> {
    const list = this.list;
    if (!list) return undefined;
    const virtualizer = this.virtualizerOf(list);
    if (!virtualizer) return undefined;
    try {
      // Its layout exists once the first render is laid out.
      await virtualizer.layoutComplete;
      virtualizer.element(index)?.scrollIntoView({ block });
      await virtualizer.layoutComplete;
    } catch {
      // Disconnected meanwhile, or no layout yet: nothing to scroll.
      return undefined;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return list.querySelector<HTMLElement>(`.item[data-key="${CSS.escape(this.rows[index]?.key ?? '')}"]`) ?? undefined;
  }

  async scrollToBottom(): Promise<void> {
    const list = this.list;
    if (!list || !this.rows.length) return;
    await this.reveal(this.rows.length - 1, 'end');
    list.scrollTop = list.scrollHeight;
    this.atBottom = true;
    this.unseen = 0;
  }

  private async scrollToMessage(id: string): Promise<void> {
    const index = this.rows.findIndex((r) => r.key === id);
    if (index < 0) return;
    const item = await this.reveal(index, 'center');
    item?.querySelector<HTMLElement>('[part~="message"]')?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.stickToBottom && this.rows.length && this.virtualizer.module && this.list) {
      this.stickToBottom = false;
      void this.scrollToBottom();
    }
    const anchor = this.anchor;
    if (anchor && !this.loadingOlder && this.list) {
      this.anchor = undefined;
      void this.keepAnchor(anchor);
    }
    if (this.current?.channel === 'email' && this.access().access === 'full' && !this.draft.internal) {
      void this.emailBody.ensure().then((mounted) => mounted && this.signature.adoptEditorForm());
      if (this.campaign && !this.draft.signedFor) this.signature.sign(this.campaign);
    } else if (this.emailBody.editor) {
      this.emailBody.destroy();
    }
    if (changed.has('current' as keyof UcrmConversation)) this.scheduleWindowEnd();
  }

  private async keepAnchor(anchor: { key: string; offset: number }): Promise<void> {
    try {
      const index = this.rows.findIndex((r) => r.key === anchor.key);
      if (index < 0) return;
      const item = await this.reveal(index, 'start');
      const list = this.list;
      if (!item || !list) return;
      const offset = item.getBoundingClientRect().top - list.getBoundingClientRect().top;
      list.scrollTop += offset - anchor.offset;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    } finally {
      this.restoring = false;
    }
  }

  /** Re-renders when the WhatsApp window closes, so the input says so before the agent types. */
  private scheduleWindowEnd(): void {
    if (this.windowTimer !== undefined) this.clock.clearTimeout(this.windowTimer);
    this.windowTimer = undefined;
    const left = this.current ? windowRemaining(this.current, this.clock.now()) : undefined;
    if (left !== undefined) {
      this.windowTimer = this.clock.setTimeout(() => {
        this.windowTimer = undefined;
        this.requestUpdate();
      }, left + 1);
    }
  }

  // ---- rendering -------------------------------------------------------------------------

  private dayLabel(at: string): string {
    if (this.dayFormat?.[0] !== this.locale) {
      this.dayFormat = [
        this.locale,
        new Intl.DateTimeFormat(this.locale, { dateStyle: 'full' }),
        new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' }),
      ];
    }
    const [, date, relative] = this.dayFormat;
    const now = new Date(this.clock.now());
    const today = dayKey(now.toISOString());
    const yesterday = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 12).toISOString());
    const key = dayKey(at);
    const word = key === today ? relative.format(0, 'day') : key === yesterday ? relative.format(-1, 'day') : undefined;
    return word ? word.charAt(0).toLocaleUpperCase(this.locale) + word.slice(1) : date.format(new Date(at));
  }

  /** Intl formatters, made once per locale (a render of a long list must not build them per row). */
  private get format() {
    if (this.formats?.locale !== this.locale) {
      const locale = this.locale;
      this.formats = {
        locale,
        time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }),
        size: new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }),
        dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }),
        list: new Intl.ListFormat(locale, { type: 'conjunction' }),
      };
    }
    return this.formats;
  }

  private viewContext(): MessageViewContext {
    const s = this.strings(conversationStrings);
    const channel = this.current?.channel ?? 'webchat';
    const writable = this.access().access === 'full';
    return {
      s,
      time: this.format.time,
      size: this.format.size,
      dayLabel: (at) => this.dayLabel(at),
      byId: this.byId,
      clean: this.sanitizer.module?.sanitizeEmailHtml,
      canQuote: (m) => writable && canQuote(channel, m),
      canResend: (m) => writable && m.direction === 'out' && m.author.kind === 'agent' && !!(m.text || m.template),
      onReply: (m) => {
        this.updateDraft({ replyTo: m.id, internal: undefined });
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#message, #template')?.focus());
      },
      onRetry: (key) => this.retry(key),
      onResend: (m) => this.resend(m),
      onQuote: (id) => void this.scrollToMessage(id),
    };
  }

  override render(): TemplateResult {
    const s = this.strings(conversationStrings);
    if (!this.interactionId) return html`<div part="base"><p part="empty">${s.noInteraction}</p></div>`;
    const interaction = this.current;
    if (this.messages.some((m) => m.html) && !this.sanitizer.module) this.sanitizer.with(() => undefined);
    // Not a landmark of its own: the host (the workspace's conversation area) names the region.
    return html`<div part="base">
      ${this.renderProblem()} ${this.renderHeader()}
      ${interaction?.preChat && Object.keys(interaction.preChat).length ? this.renderPreChat(interaction.preChat) : nothing}
      <div part="list-wrap" class="list-wrap">
        ${this.renderList()}
        ${this.unseen
          ? html`<button type="button" part="new-messages" @click=${() => void this.scrollToBottom()}>${s.newMessages(this.unseen)} ↓</button>`
          : nothing}
      </div>
      ${interaction ? this.renderComposer(interaction) : nothing}
      <div part="announcer" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderHeader(): TemplateResult | typeof nothing {
    const s = this.strings(conversationStrings);
    const others = [...this.others.values()];
    if (!others.length) return nothing;
    const viewing = others.filter((o) => o.who.kind === 'agent' && o.activity === 'viewing').map((o) => o.who.name);
    const typing = others.filter((o) => o.activity === 'typing');
    const list = this.format.list;
    return html`<p part="header presence">
      ${viewing.length ? html`<span part="viewing">${s.viewing(list.format(viewing))}</span>` : nothing}
      ${typing.map((o) => html`<span part="typing">${o.who.kind === 'customer' ? s.customerTyping(o.who.name) : s.typing(o.who.name)}</span>`)}
    </p>`;
  }

  private renderPreChat(preChat: Record<string, string>): TemplateResult {
    const s = this.strings(conversationStrings);
    return html`<details part="pre-chat" open>
      <summary>${s.preChat}</summary>
      <dl>
        ${Object.entries(preChat).map(([key, value]) => html`<div><dt>${key}</dt><dd>${value}</dd></div>`)}
      </dl>
      <p part="hint">${s.preChatHint}</p>
    </details>`;
  }

  private renderList(): TemplateResult {
    const s = this.strings(conversationStrings);
    const virtualize = this.virtualizer.module?.virtualize;
    if ((this.loading && !this.messages.length) || !virtualize) {
      return html`<div part="list" class="list" role="region" aria-label=${s.messages} aria-busy="true"><p part="loading" role="status">${s.loading}</p></div>`;
    }
    if (!this.rows.length) {
      return html`<div part="list" class="list" role="region" aria-label=${s.messages}><p part="empty">${s.noMessages}</p></div>`;
    }
    const ctx = this.viewContext();
    return html`${this.loadingOlder ? html`<p part="loading-older" role="status">${s.loadingOlder}</p>` : nothing}
      <div part="list" class="list" role="region" aria-label=${s.messages} tabindex="0" @scroll=${this.onScroll}>
        ${virtualize({
          items: this.rows,
          keyFunction: (row: Row) => row.key,
          renderItem: (row: Row) => html`<div class="item" data-key=${row.key}>${renderRow(row, ctx)}</div>`,
          scroller: true,
        })}
      </div>`;
  }

  private renderComposer(interaction: Interaction): TemplateResult {
    const s = this.strings(conversationStrings);
    const cs = this.strings(composerStrings);
    const { access, note } = this.access();
    const now = this.clock.now();
    const mode = composeMode(interaction, now);
    const left = windowRemaining(interaction, now);
    const template = this.template();
    const quoted = this.draft.replyTo ? this.byId.get(this.draft.replyTo) : undefined;
    const time = this.format.dateTime;
    const templates = templatesFor(this.campaign?.templates, interaction.channel);
    return renderComposer({
      s,
      cs,
      channel: interaction.channel,
      draft: this.draft.subject === undefined && interaction.channel === 'email' ? { ...this.draft, subject: this.subject() } : this.draft,
      access,
      ...(note ? { accessNote: note } : {}),
      mode,
      ...(left !== undefined && left < 4 * 60 * 60 * 1000 ? { windowNote: s.windowCloses(time.format(new Date(now + left))) } : {}),
      templates,
      ...(template ? { template } : {}),
      missing: [],
      ...(quoted ? { quote: quoteOf(quoted) } : {}),
      files: this.files,
      previews: this.previews,
      rejections: this.rejections,
      attachments: channelAcceptsAttachments(interaction.channel),
      voiceAllowed: channelAcceptsVoiceNotes(interaction.channel),
      voice: this.voice,
      ...(this.voiceBusy ? { voiceNote: s.voiceConverting } : {}),
      ...(this.voiceError ? { voiceError: this.voiceError } : {}),
      categoriesOpen: this.categoriesOpen,
      emojiOpen: this.emoji.open,
      emojiLoading: this.emoji.chunk.loading,
      emojiFailed: this.emoji.failed,
      ...(interaction.channel === 'email' ? { emailChips: this.chips, emailBody: this.emailBody } : {}),
      ...(this.formError ? { formError: this.formError } : {}),
      busy: this.voiceBusy,
      update: (patch) => this.updateDraft(patch),
      setVariable: (name, value) => this.updateDraft({ variables: { ...(this.draft.variables ?? {}), [name]: value } }),
      onKeydown: (event) => {
        if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
        event.preventDefault();
        void this.send();
      },
      onInput: (event) => {
        this.updateDraft({ message: (event.target as HTMLTextAreaElement).value });
        this.typed();
      },
      onSend: () => void this.send(),
      onCancelReply: () => {
        this.updateDraft({ replyTo: undefined });
        this.renderRoot.querySelector<HTMLElement>('#message')?.focus();
      },
      onToggleCategories: () => (this.categoriesOpen = !this.categoriesOpen),
      onPickCategory: (category) => this.pickCategory(category),
      onFiles: (_category, files) => this.addFiles(files),
      onRemoveFile: (index) => this.removeFile(index),
      onToggleEmoji: () => this.emoji.toggle(),
    });
  }
}
