/**
 * The attachment rules of each messaging provider, as data: the one place to
 * change when a provider changes its limits (issue 6, "Attachments").
 */
import type { Provider } from '../types.js';

export type AttachmentCategory = 'image' | 'video' | 'audio' | 'document';

/**
 * Bytes in one "MB" of the table. Decimal on purpose: when a provider counts
 * in MiB, a decimal check is stricter, so nothing we accept is refused later.
 */
export const MEGABYTE = 1_000_000;

/** Accepted extensions (lower case, without the dot) by category, as the product lists them. */
export const ATTACHMENT_EXTENSIONS: Readonly<Record<AttachmentCategory, readonly string[]>> = {
  // `.webm` is listed with the images by the product documentation; kept as is.
  image: ['jpg', 'png', 'jpeg', 'gif', 'webp', 'svg', 'webm'],
  video: ['mp4', 'mov'],
  document: ['txt', 'pdf', 'rar', 'zip', 'doc', 'docx', 'xls', 'csv', 'xlsx'],
  // `.acc` is in the product list next to `.aac`; both are accepted.
  audio: ['mp3', 'wav', 'ogg', 'acc', 'm4a', 'aac', 'flac'],
};

/** Maximum size in bytes per provider and category. */
export const PROVIDER_LIMITS: Readonly<Record<Provider, Readonly<Record<AttachmentCategory, number>>>> = {
  meta: { image: 8 * MEGABYTE, audio: 25 * MEGABYTE, video: 25 * MEGABYTE, document: 100 * MEGABYTE },
  gupshup: { image: 5 * MEGABYTE, audio: 16 * MEGABYTE, video: 16 * MEGABYTE, document: 100 * MEGABYTE },
  'whatsapp-business': {
    image: 5 * MEGABYTE,
    audio: 16 * MEGABYTE,
    video: 16 * MEGABYTE,
    document: 100 * MEGABYTE,
  },
};
