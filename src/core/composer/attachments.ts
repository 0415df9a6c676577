/**
 * Attachment rules: which channels take files and voice notes, and whether one
 * file is accepted for a campaign's provider. Limits come from
 * `attachment-limits.ts`.
 */
import type { Channel, Provider } from '../types.js';
import {
  ATTACHMENT_EXTENSIONS,
  PROVIDER_LIMITS,
  type AttachmentCategory,
} from './attachment-limits.js';

/** Channels that carry text messages (Phone is the only voice channel). */
const TEXT_CHANNELS: readonly Channel[] = ['whatsapp', 'sms', 'email', 'webchat', 'instagram', 'messenger', 'telegram'];

/** Files can be attached on every text channel except SMS and Instagram. */
export function channelAcceptsAttachments(channel: Channel): boolean {
  return TEXT_CHANNELS.includes(channel) && channel !== 'sms' && channel !== 'instagram';
}

/** Voice notes can be recorded on every text channel except SMS and Email. */
export function channelAcceptsVoiceNotes(channel: Channel): boolean {
  return TEXT_CHANNELS.includes(channel) && channel !== 'sms' && channel !== 'email';
}

/** The lower-case extension of a file name, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.length - 1 ? '' : name.slice(dot + 1).toLowerCase();
}

export function categoryOf(name: string): AttachmentCategory | undefined {
  const ext = extensionOf(name);
  return (Object.keys(ATTACHMENT_EXTENSIONS) as AttachmentCategory[]).find((category) =>
    ATTACHMENT_EXTENSIONS[category].includes(ext),
  );
}

/**
 * The limits for a provider. A campaign without a provider (e.g. Email) gets
 * the strictest limit of the table for each category, so a file accepted here
 * is accepted by any of them.
 */
export function limitsFor(provider?: Provider): Record<AttachmentCategory, number> {
  if (provider) return { ...PROVIDER_LIMITS[provider] };
  const rows = Object.values(PROVIDER_LIMITS);
  const strictest = (category: AttachmentCategory) => Math.min(...rows.map((row) => row[category]));
  return {
    image: strictest('image'),
    audio: strictest('audio'),
    video: strictest('video'),
    document: strictest('document'),
  };
}

/** What the rules need from a file (a `File` fits). */
export interface FileLike {
  name: string;
  size: number;
}

export type AttachmentCheck =
  | { ok: true; category: AttachmentCategory }
  | { ok: false; reason: 'channel' }
  | { ok: false; reason: 'type'; extension: string }
  | { ok: false; reason: 'size'; category: AttachmentCategory; size: number; limit: number };

/** Whether `file` can be attached on `channel` for a campaign using `provider`. */
export function checkAttachment(file: FileLike, channel: Channel, provider?: Provider): AttachmentCheck {
  if (!channelAcceptsAttachments(channel)) return { ok: false, reason: 'channel' };
  const category = categoryOf(file.name);
  if (!category) return { ok: false, reason: 'type', extension: extensionOf(file.name) };
  const limit = limitsFor(provider)[category];
  if (file.size > limit) return { ok: false, reason: 'size', category, size: file.size, limit };
  return { ok: true, category };
}

/** The `accept` attribute value of a file input: every accepted extension. */
export function acceptAttribute(): string {
  return Object.values(ATTACHMENT_EXTENSIONS)
    .flat()
    .map((ext) => `.${ext}`)
    .join(',');
}
