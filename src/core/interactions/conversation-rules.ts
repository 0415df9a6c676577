/**
 * What the conversation view decides before anything is sent (seeds 001,
 * 002, 004; DESIGN.md "Rules from the seeds"): whether free text may be
 * written or only a template, which messages can be quoted, how a quote
 * reads, how a message list merges pages and live changes, why a send
 * failed (it never left, or the channel refused it), and what a webchat
 * pre-chat form offers a new contact.
 */
import { CrmError } from '../errors.js';
import type { Channel, ContactDraft } from '../types.js';
import { canMoveStatus, canReplyTo, needsTemplate } from './message-rules.js';
import type { Interaction, Message, MessageAttachment } from './model.js';

/**
 * What the agent may write now: anything, or only an approved template
 * (WhatsApp: the first message of an interaction the agent started, and
 * again 24 h after the customer's last message).
 */
export type ComposeMode = { kind: 'free' } | { kind: 'templates-only'; reason: 'first-message' | 'window-closed' };

export function composeMode(interaction: Pick<Interaction, 'channel' | 'whatsappWindowEndsAt'>, now: number): ComposeMode {
  if (!needsTemplate(interaction, now)) return { kind: 'free' };
  // No window ever opened: the customer has not written yet (an interaction the agent started).
  return { kind: 'templates-only', reason: interaction.whatsappWindowEndsAt ? 'window-closed' : 'first-message' };
}

/** Milliseconds until the WhatsApp window closes (undefined when there is none open). */
export function windowRemaining(interaction: Pick<Interaction, 'channel' | 'whatsappWindowEndsAt'>, now: number): number | undefined {
  if (interaction.channel !== 'whatsapp' || !interaction.whatsappWindowEndsAt) return undefined;
  const left = Date.parse(interaction.whatsappWindowEndsAt) - now;
  return left > 0 ? left : undefined;
}

/** Reply-to exists on WhatsApp only (seed 002). */
export function channelHasReplies(channel: Channel): boolean {
  return channel === 'whatsapp';
}

/**
 * Whether `message` can be quoted in a reply: WhatsApp; a customer's message,
 * or an outbound one (agent or bot) the carrier delivered or read; never an
 * internal note, a system line, a one-check or a failed message.
 */
export function canQuote(channel: Channel, message: Pick<Message, 'direction' | 'status' | 'internal' | 'author'>): boolean {
  if (!channelHasReplies(channel) || message.internal || message.author.kind === 'system') return false;
  return canReplyTo(message);
}

/** How a quote reads: who wrote it, and its text or its first file. */
export interface QuoteSummary {
  id: string;
  /** The author's name (a bot's own name when quoting a bot). */
  author: string;
  authorKind: Message['author']['kind'];
  text?: string;
  /** The first attachment (its preview and name), when the message has files. */
  attachment?: Pick<MessageAttachment, 'name' | 'url' | 'category' | 'type'>;
  voice?: boolean;
}

export function quoteOf(message: Message): QuoteSummary {
  const file = message.attachments?.[0];
  const text = message.text?.trim() || (message.html ? textOfHtml(message.html) : undefined);
  return {
    id: message.id,
    author: message.author.name,
    authorKind: message.author.kind,
    ...(text ? { text: text.length > 200 ? `${text.slice(0, 199)}…` : text } : {}),
    ...(file ? { attachment: { name: file.name, url: file.url, category: file.category, type: file.type } } : {}),
    ...(message.voice ? { voice: true } : {}),
  };
}

/** Text of an email body for a quote, without parsing it as a document (tags dropped, spaces folded). */
function textOfHtml(html: string): string {
  return html
    .replace(/<(style|script)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const byTime = (a: Message, b: Message) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * `incoming` (a page or a live change) folded into `list` (oldest first): one
 * entry per id, in time order; a message already known keeps a later status
 * (a stale page must not move a read message back to sent). Returns `list`
 * itself when nothing changed.
 */
export function mergeMessages(list: readonly Message[], incoming: readonly Message[]): readonly Message[] {
  if (!incoming.length) return list;
  const index = new Map(list.map((m, i) => [m.id, i]));
  let next: Message[] | undefined;
  let added = false;
  for (const message of incoming) {
    const at = index.get(message.id);
    if (at === undefined) {
      next ??= list.slice();
      index.set(message.id, next.length);
      next.push(message);
      added = true;
      continue;
    }
    const current = (next ?? list)[at]!;
    if (current === message) continue;
    const keepStatus = current.status !== message.status && !canMoveStatus(current.status, message.status);
    next ??= list.slice();
    next[at] = keepStatus ? { ...message, status: current.status, ...(current.error ? { error: current.error } : {}) } : message;
  }
  if (!next) return list;
  // Appending the newest is the common case: sort only when the order broke.
  if (added) {
    for (let i = 1; i < next.length; i++) {
      if (byTime(next[i - 1]!, next[i]!) > 0) {
        next.sort(byTime);
        break;
      }
    }
  }
  return next;
}

/**
 * Why a send failed. `unsent`: it may never have left the page (offline, a
 * network error, a timeout) — sending again with the same idempotency key is
 * safe. `refused`: the source or channel answered no (a rule, a conflict) —
 * the reason says what to change.
 */
export type SendFailure = { kind: 'unsent'; message: string } | { kind: 'refused'; code: string; message: string };

export function classifySendError(error: unknown, online = true): SendFailure {
  if (error instanceof CrmError) {
    if (error.code === 'unavailable' || error.code === 'timeout' || !online) return { kind: 'unsent', message: error.message };
    return { kind: 'refused', code: error.code, message: error.message };
  }
  // fetch's TypeError, a dropped connection: nothing says the source heard it.
  return { kind: 'unsent', message: error instanceof Error ? error.message : String(error) };
}

/** Pre-chat keys understood as contact fields (seed 004: name, email, phone, country, time zone). */
const NAME_KEYS = ['name', 'fullname', 'full_name'];

/**
 * A new contact's draft from what a webchat pre-chat form (or a bot)
 * collected: the name split in two, the email and phone as identities, the
 * rest (country, time zone, anything else) as custom fields; lead stage Lead.
 */
export function contactDraftFromPreChat(preChat: Readonly<Record<string, string>> | undefined): ContactDraft | undefined {
  if (!preChat) return undefined;
  const draft: ContactDraft = { leadStage: 'Lead' };
  const custom: Record<string, unknown> = {};
  for (const [rawKey, rawValue] of Object.entries(preChat)) {
    const value = rawValue.trim();
    if (!value) continue;
    const key = rawKey.toLowerCase().replace(/[\s-]+/g, '_');
    if (NAME_KEYS.includes(key)) {
      const [first, ...rest] = value.split(/\s+/);
      draft.firstName = first;
      draft.lastName = rest.join(' ');
    } else if (key === 'first_name' || key === 'firstname') draft.firstName = value;
    else if (key === 'last_name' || key === 'lastname') draft.lastName = value;
    else if (key === 'email') draft.emails = [value];
    else if (key === 'phone' || key === 'mobile') draft.phones = [value];
    else custom[rawKey] = value;
  }
  if (Object.keys(custom).length) draft.custom = custom;
  return Object.keys(draft).length > 1 ? draft : undefined;
}
