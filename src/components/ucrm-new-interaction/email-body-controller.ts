/**
 * Owns the Email body editor's life: imports Tiptap on first use (so other
 * channels never load it), mounts it where the composer renders its slot,
 * and destroys it when Email is left.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Editor } from '@tiptap/core';
import { sanitizeEmailHtml } from './email-html.js';

export interface EmailBodyOptions {
  /** The element the editor mounts into, when it is rendered. */
  mount: () => HTMLElement | null;
  /** The HTML to start from. */
  content: () => string;
  label: () => string;
  describedBy: string;
  /** Every edit, already sanitized. */
  onChange: (html: string) => void;
  /** Tiptap could not be loaded. */
  onError: (error: unknown) => void;
}

export class EmailBodyController implements ReactiveController {
  /** The live editor, once loaded and mounted. */
  editor?: Editor;
  private loading = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: EmailBodyOptions,
  ) {
    host.addController(this);
  }

  /**
   * Loads and mounts the editor if its slot is rendered and it is not there
   * yet; resolves true when it mounted one.
   */
  async ensure(): Promise<boolean> {
    const mount = this.options.mount();
    if (!mount || this.loading || (this.editor && mount.contains(this.editor.view.dom))) return false;
    this.destroy();
    this.loading = true;
    try {
      const { createEmailEditor } = await import('./email-editor.js');
      if (!mount.isConnected) return false;
      this.editor = createEmailEditor({
        element: mount,
        content: this.options.content(),
        label: this.options.label(),
        describedBy: this.options.describedBy,
        onChange: (html) => this.options.onChange(sanitizeEmailHtml(html)),
        onTransaction: () => this.host.requestUpdate(),
      });
      this.host.requestUpdate();
      return true;
    } catch (error) {
      this.options.onError(error);
      return false;
    } finally {
      this.loading = false;
    }
  }

  /**
   * Replaces the content without an update event; returns the HTML in the
   * editor's own (normalized, sanitized) form, or the input when not loaded.
   */
  setContent(html: string): string {
    if (!this.editor) return html;
    this.editor.commands.setContent(html, { emitUpdate: false });
    return sanitizeEmailHtml(this.editor.getHTML());
  }

  /** The current content in the editor's form (undefined before it is loaded). */
  get html(): string | undefined {
    return this.editor ? sanitizeEmailHtml(this.editor.getHTML()) : undefined;
  }

  /** Whether the body has no content; falls back to reading `html` before the editor loads. */
  isEmpty(html: string): boolean {
    if (this.editor) return this.editor.isEmpty;
    const template = document.createElement('template');
    template.innerHTML = sanitizeEmailHtml(html);
    return !template.content.textContent?.trim() && !template.content.querySelector('hr, table');
  }

  focus(): void {
    this.editor?.commands.focus();
  }

  destroy(): void {
    this.editor?.destroy();
    this.editor = undefined;
  }

  hostDisconnected(): void {
    this.destroy();
  }
}
