/**
 * The composer's state and actions (the element draws it with
 * `renderComposer`): the draft of this conversation (saved per agent and
 * interaction, so it survives a reload), the attachment tray, the voice
 * recorder, the emoji picker and, for email, CC/BCC, the rich-text editor and
 * the signature of `<ucrm-new-interaction>`. Send turns the draft into a
 * queued message (the send queue keeps it safe) and frees the composer.
 */
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { channelAcceptsAttachments, channelAcceptsVoiceNotes, templatesFor, type ComposerDraft } from '../../core/composer/index.js';
import { quoteOf, type Interaction, type Message } from '../../core/interactions/index.js';
import type { Campaign, MessageTemplate } from '../../core/types.js';
import type { Locale } from '../../i18n/localize.js';
import type { ComposerStrings } from '../../i18n/strings/composer.js';
import type { ConversationStrings } from '../../i18n/strings/conversation.js';
import { loadConversationDraft, saveConversationDraft, type ConversationDraft } from '../../state/conversation-drafts.js';
import { AddressChips } from '../ucrm-new-interaction/address-chips.js';
import type { ComposerForm } from '../ucrm-new-interaction/composer-form.js';
import { EmailBodyController } from '../ucrm-new-interaction/email-body-controller.js';
import { EmailSignature } from '../ucrm-new-interaction/email-signature.js';
import { VoiceRecorderController } from '../ucrm-new-interaction/voice-recorder.js';
import { AttachmentTray } from './attachment-tray.js';
import { composerAccess, type Access, type WindowGate } from './composer-gate.js';
import { renderComposer } from './conversation-composer.js';
import { EmojiPopover } from './emoji-popover.js';
import { outgoingDraft, resendDraft } from './outgoing-draft.js';
import type { SendQueue } from './send-queue.js';

export interface ConversationComposerOptions {
  interactionId: () => string | undefined;
  interaction: () => Interaction | undefined;
  campaign: () => Campaign | undefined;
  /** The agent at this desk. */
  me: () => string | undefined;
  locale: () => Locale;
  strings: () => { s: ConversationStrings; cs: ComposerStrings };
  emojiData: () => string | undefined;
  messages: () => readonly Message[];
  byId: () => ReadonlyMap<string, Message>;
  gate: WindowGate;
  queue: SendQueue;
  /** For the time the WhatsApp window closes. */
  dateTime: () => Intl.DateTimeFormat;
  /** The agent typed (presence). */
  typed: () => void;
  reportError: (operation: 'load' | 'voice' | 'resend', error: unknown, retry?: () => void) => void;
}

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

export class ConversationComposer implements ReactiveController {
  draft: ConversationDraft = {};
  private formError?: string;
  private voiceBusy = false;
  private voiceError?: string;
  private readonly tray: AttachmentTray;
  private readonly voice: VoiceRecorderController;
  private readonly emailBody: EmailBodyController;
  private readonly signature: EmailSignature;
  private readonly chips: AddressChips;
  readonly emoji: EmojiPopover;

  constructor(
    private readonly host: Host,
    private readonly options: ConversationComposerOptions,
  ) {
    host.addController(this);
    this.tray = new AttachmentTray(host, (category) => this.query<HTMLInputElement>(`[part~="file-input"][data-category="${category}"]`));
    this.voice = new VoiceRecorderController(host);
    this.emailBody = new EmailBodyController(host, {
      mount: () => this.query<HTMLElement>('[part~="editor"]'),
      content: () => this.draft.html ?? '',
      label: () => options.strings().cs.body,
      describedBy: '',
      onChange: (value) => this.update({ html: value }),
      onError: (error) => options.reportError('load', error),
    });
    this.signature = new EmailSignature(
      this.emailBody,
      () => this.draft as ComposerDraft,
      (patch) => this.update(patch),
    );
    this.chips = new AddressChips(host, () => this.form());
    this.emoji = new EmojiPopover(host, {
      container: () => this.query<HTMLElement>('.emoji-mount'),
      locale: options.locale,
      dataSource: options.emojiData,
      label: () => options.strings().s.emojiPicker,
      onPick: (emoji) => this.insertText(emoji),
      onClose: () => this.query<HTMLElement>('[part~="emoji-button"]')?.focus(),
    });
  }

  hostConnected(): void {}

  /** Another conversation: its saved draft, nothing attached, no error. */
  open(interactionId: string | undefined): void {
    this.draft = interactionId ? loadConversationDraft(this.options.me(), interactionId) : {};
    this.tray.clear();
    this.formError = undefined;
  }

  /** Whether the agent writes to the customer, only notes, or nothing (and why). */
  access(): { access: Access; note?: string } {
    return composerAccess(this.options.interaction(), this.options.me(), this.options.strings().s);
  }

  /** After each render: the email editor mounted (and signed) while it is shown, destroyed when not. */
  updated(): void {
    const campaign = this.options.campaign();
    if (this.options.interaction()?.channel === 'email' && this.access().access === 'full' && !this.draft.internal) {
      void this.emailBody.ensure().then((mounted) => mounted && this.signature.adoptEditorForm());
      if (campaign && !this.draft.signedFor) this.signature.sign(campaign);
    } else if (this.emailBody.editor) {
      this.emailBody.destroy();
    }
  }

  /** Answer `message` (its quote above the input), moving the agent to the input. */
  replyTo(message: Message): void {
    this.update({ replyTo: message.id, internal: undefined });
    void this.host.updateComplete.then(() => this.query<HTMLElement>('#message, #template')?.focus());
  }

  async send(): Promise<void> {
    const id = this.options.interactionId();
    const interaction = this.options.interaction();
    if (!id || !interaction) return;
    const { access } = this.access();
    if (access === 'none') return;
    const internal = access === 'notes' || !!this.draft.internal;
    // A voice message goes on its own.
    if (!internal && this.voice.state === 'recorded' && this.voice.note) return this.sendVoice(id, interaction);
    const outgoing = await outgoingDraft({
      s: this.options.strings().s,
      draft: this.draft,
      internal,
      channel: interaction.channel,
      mode: this.options.gate.mode(interaction),
      ...(internal ? {} : { template: this.template() }),
      files: internal ? [] : this.tray.files,
      byId: this.options.byId(),
      email: async () => {
        if (!this.chips.commitTyped()) return undefined;
        const html = this.emailBody.html ?? this.draft.html ?? '';
        const body = this.emailBody.isEmpty(html) ? undefined : await this.emailBody.sanitize(html);
        const subject = this.subject().trim();
        return {
          ...(body !== undefined ? { html: body } : {}),
          ...(subject ? { subject } : {}),
          ...(this.draft.cc?.length ? { cc: [...this.draft.cc] } : {}),
          ...(this.draft.bcc?.length ? { bcc: [...this.draft.bcc] } : {}),
        };
      },
    });
    if (!outgoing) return;
    if ('refused' in outgoing) {
      if (outgoing.focus) this.query<HTMLElement>(outgoing.focus)?.focus();
      this.formError = outgoing.refused;
      this.host.requestUpdate();
      return;
    }
    // What was typed is now the queued message (shown with its state): the composer is free again.
    this.clear(internal);
    await this.options.queue.send(id, outgoing.draft);
  }

  /** A message the carrier failed: sent again with its files and voice note, once (the key is the failed message's). */
  resend(message: Message): void {
    const id = this.options.interactionId();
    if (!id) return;
    resendDraft(message).then(
      (draft) => this.options.queue.send(id, draft, `resend:${message.id}`),
      (error: unknown) => this.options.reportError('resend', error, () => this.resend(message)),
    );
  }

  /** Inserts `text` (an emoji) where the caret is. */
  insertText(text: string): void {
    const area = this.query<HTMLTextAreaElement>('#message');
    const value = this.draft.message ?? '';
    const start = area?.selectionStart ?? value.length;
    const end = area?.selectionEnd ?? value.length;
    this.update({ message: value.slice(0, start) + text + value.slice(end) });
    void this.host.updateComplete.then(() => {
      if (!area) return;
      area.focus();
      area.setSelectionRange(start + text.length, start + text.length);
    });
  }

  render(interaction: Interaction): TemplateResult {
    const { s, cs } = this.options.strings();
    const { access, note } = this.access();
    const template = this.template();
    const quoted = this.draft.replyTo ? this.options.byId().get(this.draft.replyTo) : undefined;
    const windowNote = this.options.gate.note(interaction, s, this.options.dateTime());
    const tray = this.tray;
    return renderComposer({
      s,
      cs,
      channel: interaction.channel,
      draft: this.draft.subject === undefined && interaction.channel === 'email' ? { ...this.draft, subject: this.subject() } : this.draft,
      access,
      ...(note ? { accessNote: note } : {}),
      mode: this.options.gate.mode(interaction),
      ...(windowNote ? { windowNote } : {}),
      templates: templatesFor(this.options.campaign()?.templates, interaction.channel),
      ...(template ? { template } : {}),
      missing: [],
      ...(quoted ? { quote: quoteOf(quoted) } : {}),
      files: tray.files,
      previews: tray.previews,
      rejections: tray.rejections,
      attachments: channelAcceptsAttachments(interaction.channel),
      voiceAllowed: channelAcceptsVoiceNotes(interaction.channel),
      voice: this.voice,
      ...(this.voiceBusy ? { voiceNote: s.voiceConverting } : {}),
      ...(this.voiceError ? { voiceError: this.voiceError } : {}),
      categoriesOpen: tray.categoriesOpen,
      emojiOpen: this.emoji.open,
      emojiLoading: this.emoji.chunk.loading,
      emojiFailed: this.emoji.failed,
      ...(interaction.channel === 'email' ? { emailChips: this.chips, emailBody: this.emailBody } : {}),
      ...(this.formError ? { formError: this.formError } : {}),
      busy: this.voiceBusy,
      update: (patch) => this.update(patch),
      setVariable: (name, value) => this.update({ variables: { ...(this.draft.variables ?? {}), [name]: value } }),
      onKeydown: (event) => {
        if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
        event.preventDefault();
        void this.send();
      },
      onInput: (event) => {
        this.update({ message: (event.target as HTMLTextAreaElement).value });
        this.options.typed();
      },
      onSend: () => void this.send(),
      onCancelReply: () => {
        this.update({ replyTo: undefined });
        this.query<HTMLElement>('#message')?.focus();
      },
      onToggleCategories: () => tray.toggleCategories(),
      onPickCategory: (category) => tray.pick(category),
      onFiles: (_category, files) => this.addFiles(interaction, files),
      onRemoveFile: (index) => tray.remove(index),
      onToggleEmoji: () => this.emoji.toggle(),
    });
  }

  private query<E extends Element>(selector: string): E | null {
    return this.host.renderRoot.querySelector<E>(selector);
  }

  private update(patch: Partial<ConversationDraft>): void {
    const next: ConversationDraft = { ...this.draft, ...patch };
    for (const key of Object.keys(patch) as (keyof ConversationDraft)[]) if (patch[key] === undefined) delete next[key];
    this.draft = next;
    this.formError = undefined;
    this.host.requestUpdate();
    const id = this.options.interactionId();
    if (id) saveConversationDraft(this.options.me(), id, next);
  }

  private form(): ComposerForm {
    return {
      s: this.options.strings().cs,
      locale: this.options.locale(),
      draft: () => this.draft as ComposerDraft,
      campaign: () => this.options.campaign(),
      errorFor: () => undefined,
      update: (patch) => this.update(patch),
    };
  }

  private addFiles(interaction: Interaction, files: File[]): void {
    const refused = this.tray.add(files, interaction.channel, this.options.campaign()?.provider, this.options.strings().cs, this.options.locale());
    if (refused) this.formError = undefined;
  }

  /** The email subject: what the agent typed, else "Re:" the conversation's last subject. */
  private subject(): string {
    if (this.draft.subject !== undefined) return this.draft.subject;
    const last = [...this.options.messages()].reverse().find((m) => m.subject)?.subject;
    return last ? (/^re:/i.test(last) ? last : `Re: ${last}`) : '';
  }

  private template(): MessageTemplate | undefined {
    const channel = this.options.interaction()?.channel;
    if (!channel || !this.draft.templateId) return undefined;
    return templatesFor(this.options.campaign()?.templates, channel).find((t) => t.id === this.draft.templateId);
  }

  private async sendVoice(id: string, interaction: Interaction): Promise<void> {
    const s = this.options.strings().s;
    const note = this.voice.note!;
    this.voiceBusy = true;
    this.voiceError = undefined;
    this.host.requestUpdate();
    let voice: Blob = note;
    try {
      if (interaction.channel === 'whatsapp') {
        const { toOggOpus } = await import('./voice-ogg.js');
        voice = await toOggOpus(note);
      }
    } catch (error) {
      // The recording is kept: the agent can try again or discard it.
      this.voiceError = s.voiceFailed(error instanceof Error ? error.message : String(error));
      this.options.reportError('voice', error);
      return;
    } finally {
      this.voiceBusy = false;
      this.host.requestUpdate();
    }
    const replyTo = this.draft.replyTo && this.options.byId().has(this.draft.replyTo) ? this.draft.replyTo : undefined;
    this.voice.discard();
    if (replyTo) this.update({ replyTo: undefined });
    await this.options.queue.send(id, { voice, ...(replyTo ? { replyTo } : {}) });
  }

  private clear(internal: boolean): void {
    if (internal) {
      this.update({ message: undefined });
      return;
    }
    this.tray.clear();
    this.update({ message: undefined, templateId: undefined, variables: undefined, replyTo: undefined, subject: undefined, cc: undefined, bcc: undefined, html: undefined, signedFor: undefined });
    this.chips.clear();
    this.signature.forget();
    const campaign = this.options.campaign();
    if (this.options.interaction()?.channel === 'email') {
      this.emailBody.setContent('');
      if (campaign) this.signature.sign(campaign);
    }
  }
}
