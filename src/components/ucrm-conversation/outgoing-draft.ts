/**
 * What Send sends: the agent's draft turned into the source's `SendDraft`,
 * or the reason it cannot go (before anything leaves the page): an empty
 * message, free text outside the WhatsApp window, a template with variables
 * left empty. Also the draft a failed message is sent again with.
 */
import { missingVariables } from '../../core/composer/index.js';
import type { ComposeMode, Message } from '../../core/interactions/index.js';
import type { Channel, MessageTemplate } from '../../core/types.js';
import type { SendDraft } from '../../data/interactions/source.js';
import type { AttachmentInfo } from '../../events.js';
import type { ConversationStrings } from '../../i18n/strings/conversation.js';
import type { ConversationDraft } from '../../state/conversation-drafts.js';

/** The draft to send, or why not (and the field to move the agent to, a CSS selector). */
export type Outgoing = { draft: SendDraft } | { refused: string; focus?: string };

/** An email's own parts (subject, CC/BCC, the sanitized body); undefined when an address typed is refused (the field says why). */
export type EmailParts = Pick<SendDraft, 'html' | 'subject' | 'cc' | 'bcc'>;

export interface OutgoingInput {
  s: ConversationStrings;
  draft: ConversationDraft;
  /** An internal note (only text, never to the customer). */
  internal: boolean;
  channel: Channel;
  mode: ComposeMode;
  template?: MessageTemplate;
  files: readonly AttachmentInfo[];
  /** The messages shown (a reply names one of them). */
  byId: ReadonlyMap<string, Message>;
  email: () => Promise<EmailParts | undefined>;
}

/** Undefined: nothing to send and nothing to say (an email address field shows its own error). */
export async function outgoingDraft(input: OutgoingInput): Promise<Outgoing | undefined> {
  const { s, draft } = input;
  if (input.internal) {
    const text = (draft.message ?? '').trim();
    return text ? { draft: { text, internal: true } } : { refused: s.emptyMessage };
  }
  const out: SendDraft = {};
  const template = input.template;
  if (input.mode.kind === 'templates-only' && !template) {
    return { refused: input.mode.reason === 'first-message' ? s.firstMessageTemplate : s.windowClosed, focus: '#template' };
  }
  if (template) {
    const missing = missingVariables(template.body, draft.variables ?? {});
    if (missing.length) return { refused: s.missingVariables(missing.map((n) => `{{${n}}}`).join(', ')), focus: `#var-${CSS.escape(missing[0]!)}` };
    const variables = Object.fromEntries(
      Object.entries(draft.variables ?? {})
        .filter(([k]) => template.body.includes(k))
        .map(([k, v]) => [k, v.trim()]),
    );
    out.template = { id: template.id, variables };
  }
  if (input.channel === 'email') {
    const parts = await input.email();
    if (!parts) return undefined;
    Object.assign(out, parts);
  } else if (!template) {
    const text = (draft.message ?? '').trim();
    if (text) out.text = text;
  }
  if (input.files.length) out.files = input.files.map((f) => f.file);
  if (draft.replyTo && input.byId.has(draft.replyTo)) out.replyTo = draft.replyTo;
  if (!out.text && !out.template && !out.html && !out.files?.length) return { refused: s.emptyMessage };
  return { draft: out };
}

/**
 * A message the carrier failed, sent again: its text or template, email
 * parts, reply, and its files and voice note — read back from the links the
 * message shows (an object URL in the simulator, a signed download on REST),
 * so nothing the agent sent is dropped on the second try.
 */
export async function resendDraft(message: Message, signal?: AbortSignal): Promise<SendDraft> {
  const bytes = async (url: string) => {
    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error(`The file of the failed message could not be read again (HTTP ${response.status}).`);
    return response.blob();
  };
  const files = await Promise.all((message.attachments ?? []).map(async (a) => new File([await bytes(a.url)], a.name, { type: a.type })));
  const voice = message.voice ? await bytes(message.voice.url) : undefined;
  return {
    ...(message.template ? { template: message.template } : message.text ? { text: message.text } : {}),
    ...(message.html ? { html: message.html } : {}),
    ...(message.subject ? { subject: message.subject } : {}),
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    ...(files.length ? { files } : {}),
    ...(voice ? { voice } : {}),
  };
}
