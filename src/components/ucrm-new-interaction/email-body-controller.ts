/**
 * Owns the Email body editor's life: imports Tiptap on first use (so other
 * channels never load it), mounts it where the composer renders its slot,
 * and destroys it when Email is left. The HTML sanitizer (DOMPurify) is
 * imported on first use too: every HTML that goes into the editor or comes
 * out of it passes through it.
 */
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { Editor } from '@tiptap/core';
import type { renderEditorToolbar } from './editor-toolbar.js';

type Sanitize = (html: string) => string;

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
  /** The toolbar renderer, which comes with the editor's chunk. */
  private toolbar?: typeof renderEditorToolbar;
  /** Set once the sanitizer is loaded; always set while `editor` is. */
  private clean?: Sanitize;
  private cleanLoad?: Promise<Sanitize>;

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
      const [{ createEmailEditor, renderEditorToolbar }, clean] = await Promise.all([import('./email-editor.js'), this.sanitizer()]);
      if (!mount.isConnected) return false;
      this.toolbar = renderEditorToolbar;
      this.editor = createEmailEditor({
        element: mount,
        content: clean(this.options.content()),
        label: this.options.label(),
        describedBy: this.options.describedBy,
        onChange: (html) => this.options.onChange(clean(html)),
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

  /** The formatting toolbar of the loaded editor; undefined before it is loaded. */
  renderToolbar(...args: Parameters<typeof renderEditorToolbar> extends [Editor, ...infer Rest] ? Rest : never): TemplateResult | undefined {
    return this.editor && this.toolbar ? this.toolbar(this.editor, ...args) : undefined;
  }

  /** The sanitizer, imported on first call (a failed import is retried on the next call). */
  sanitizer(): Promise<Sanitize> {
    this.cleanLoad ??= import('./email-html.js').then(
      ({ sanitizeEmailHtml }) => (this.clean = sanitizeEmailHtml),
      (error: unknown) => {
        this.cleanLoad = undefined;
        throw error;
      },
    );
    return this.cleanLoad;
  }

  /** `html` sanitized, once the sanitizer is loaded. */
  async sanitize(html: string): Promise<string> {
    return (await this.sanitizer())(html);
  }

  /**
   * Replaces the content (sanitized) without an update event; returns the
   * HTML in the editor's own (normalized, sanitized) form, or the input as
   * is when the editor is not loaded yet: it is sanitized when the editor
   * mounts with it, and before it is sent.
   */
  setContent(html: string): string {
    const { editor, clean } = this;
    if (!editor || !clean) return html;
    editor.commands.setContent(clean(html), { emitUpdate: false });
    return clean(editor.getHTML());
  }

  /** The current content in the editor's form (undefined before it is loaded). */
  get html(): string | undefined {
    const { editor, clean } = this;
    return editor && clean ? clean(editor.getHTML()) : undefined;
  }

  /** Whether the body has no content; falls back to reading `html` before the editor loads. */
  isEmpty(html: string): boolean {
    if (this.editor) return this.editor.isEmpty;
    // A template's content is inert (no script runs, no image loads), so the
    // HTML can be read there even before the sanitizer is loaded; active
    // elements do not count as content either way.
    const template = document.createElement('template');
    template.innerHTML = this.clean ? this.clean(html) : html;
    template.content.querySelectorAll('script, style, template, noscript').forEach((node) => node.remove());
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
