/**
 * The rich text editor of the Email body: Tiptap with the formatting the
 * product offers. Imported dynamically only when Email is chosen, so the
 * other channels never download it.
 */
import { Editor } from '@tiptap/core';
import { Highlight } from '@tiptap/extension-highlight';
import { TableKit } from '@tiptap/extension-table';
import { TextAlign } from '@tiptap/extension-text-align';
import StarterKit from '@tiptap/starter-kit';

export interface EmailEditorOptions {
  /** Where the editable area is mounted. */
  element: HTMLElement;
  /** Initial HTML (already sanitized). */
  content: string;
  /** Accessible name and description ids of the editable area. */
  label: string;
  describedBy?: string;
  /** Called on every content change. */
  onChange: (html: string, empty: boolean) => void;
  /** Called on every transaction (selection moves too) so the toolbar can follow. */
  onTransaction: () => void;
}

export type { Editor };
// The toolbar shows only around a loaded editor, so it loads with it.
export { renderEditorToolbar } from './editor-toolbar.js';

export function createEmailEditor(options: EmailEditorOptions): Editor {
  return new Editor({
    element: options.element,
    content: options.content,
    extensions: [
      // Its shortcuts: Mod-B/I/U, Mod-Shift-S (strike), Mod-Shift-7/8 (lists),
      // Mod-Alt-1..6 (headings), Shift-Enter (line break), Mod-Z (undo).
      StarterKit.configure({ link: { openOnClick: false }, code: false, codeBlock: false }),
      Highlight, // Mod-Shift-H
      TextAlign.configure({ types: ['heading', 'paragraph'] }), // Mod-Shift-L/E/R/J
      TableKit.configure({ table: { resizable: false } }),
    ],
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': options.label,
        ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
        part: 'editor-content',
      },
    },
    onUpdate: ({ editor }) => options.onChange(editor.getHTML(), editor.isEmpty),
    onTransaction: () => options.onTransaction(),
  });
}
