/**
 * Message rules: statuses only move forward (carrier receipts arrive out of
 * order), and WhatsApp's 24-hour customer-service window (Meta): after 24 h
 * from the customer's last message only approved templates may be sent; an
 * interaction the agent starts opens with one (seed 002).
 */
import type { Interaction, MessageStatus } from './model.js';

export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

const RANK: Record<MessageStatus, number> = { pending: 0, sent: 1, delivered: 2, read: 3, failed: -1 };

/** Whether a message in `from` may move to `to`: forward only; `failed` only before delivery. */
export function canMoveStatus(from: MessageStatus, to: MessageStatus): boolean {
  if (from === 'failed' || from === to) return false;
  if (to === 'failed') return from === 'pending' || from === 'sent';
  return RANK[to] > RANK[from];
}

/** The window's end after a customer message at `at`. */
export function whatsappWindowEnd(at: number): string {
  return new Date(at + WHATSAPP_WINDOW_MS).toISOString();
}

/** WhatsApp outside the 24 h window (or before the customer ever wrote): templates only. */
export function needsTemplate(interaction: Pick<Interaction, 'channel' | 'whatsappWindowEndsAt'>, now: number): boolean {
  if (interaction.channel !== 'whatsapp') return false;
  const end = interaction.whatsappWindowEndsAt ? Date.parse(interaction.whatsappWindowEndsAt) : NaN;
  return !(end > now);
}

/** Seed 002: reply only to delivered or read messages (and customers' messages, which arrived). */
export function canReplyTo(message: { direction: 'in' | 'out'; status: MessageStatus }): boolean {
  return message.direction === 'in' || message.status === 'delivered' || message.status === 'read';
}
