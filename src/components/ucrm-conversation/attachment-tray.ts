/**
 * The files the agent attached to the next message: picked by category
 * (image, video, document, audio), checked against the channel and the
 * campaign provider's formats and size limits (seed 002) with the refused
 * ones and their reasons kept for the composer to show, and image previews
 * whose object URLs are released when a file leaves the tray.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AttachmentCategory } from '../../core/composer/index.js';
import type { Channel, Provider } from '../../core/types.js';
import type { AttachmentInfo } from '../../events.js';
import type { Locale } from '../../i18n/localize.js';
import type { ComposerStrings } from '../../i18n/strings/composer.js';
import { pickFiles } from '../ucrm-new-interaction/attachments-field.js';

export class AttachmentTray implements ReactiveController {
  files: AttachmentInfo[] = [];
  rejections: string[] = [];
  categoriesOpen = false;
  readonly previews = new Map<File, string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The hidden file input of a category (its button opens the browser's picker through it). */
    private readonly fileInput: (category: AttachmentCategory) => HTMLInputElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.releasePreviews();
  }

  toggleCategories(): void {
    this.categoriesOpen = !this.categoriesOpen;
    this.host.requestUpdate();
  }

  pick(category: AttachmentCategory): void {
    this.fileInput(category)?.click();
  }

  /** Adds what the channel and provider accept; answers whether some were refused. */
  add(files: File[], channel: Channel, provider: Provider | undefined, strings: ComposerStrings, locale: Locale): boolean {
    const { accepted, rejections } = pickFiles(files, channel, provider, strings, locale);
    for (const a of accepted) if (a.category === 'image' && a.file.type.startsWith('image/')) this.previews.set(a.file, URL.createObjectURL(a.file));
    this.files = [...this.files, ...accepted];
    this.rejections = rejections;
    this.categoriesOpen = false;
    this.host.requestUpdate();
    return rejections.length > 0;
  }

  remove(index: number): void {
    const removed = this.files[index];
    if (removed) {
      const url = this.previews.get(removed.file);
      if (url) URL.revokeObjectURL(url);
      this.previews.delete(removed.file);
    }
    this.files = this.files.filter((_, i) => i !== index);
    this.host.requestUpdate();
  }

  /** Empties the tray (sent, or another conversation). */
  clear(): void {
    this.releasePreviews();
    this.files = [];
    this.rejections = [];
    this.host.requestUpdate();
  }

  private releasePreviews(): void {
    for (const url of this.previews.values()) URL.revokeObjectURL(url);
    this.previews.clear();
  }
}
