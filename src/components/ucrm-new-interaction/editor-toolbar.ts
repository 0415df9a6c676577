/**
 * The Email body toolbar, rendered by the composer around the lazily loaded
 * Tiptap editor. Buttons show their state with `aria-pressed`; arrow keys
 * move between them (the ARIA toolbar pattern), Tab leaves the toolbar.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Editor } from '@tiptap/core';
import type { ComposerStrings } from '../../i18n/strings/composer.js';
type Chain = ReturnType<Editor['chain']>;

interface ToolButton {
  label: string;
  symbol: string;
  run: (chain: Chain) => Chain;
  /** For toggles: whether the format is on at the selection. */
  active?: (editor: Editor) => boolean;
  part?: string;
}

function buttons(s: ComposerStrings): ToolButton[][] {
  return [
    [
      { label: s.bold, symbol: 'B', run: (c) => c.toggleBold(), active: (e) => e.isActive('bold'), part: 'bold' },
      { label: s.italic, symbol: 'I', run: (c) => c.toggleItalic(), active: (e) => e.isActive('italic'), part: 'italic' },
      { label: s.underline, symbol: 'U', run: (c) => c.toggleUnderline(), active: (e) => e.isActive('underline'), part: 'underline' },
      { label: s.strike, symbol: 'S', run: (c) => c.toggleStrike(), active: (e) => e.isActive('strike'), part: 'strike' },
      { label: s.highlight, symbol: 'H', run: (c) => c.toggleHighlight(), active: (e) => e.isActive('highlight'), part: 'highlight' },
    ],
    [
      { label: s.bulletList, symbol: '•', run: (c) => c.toggleBulletList(), active: (e) => e.isActive('bulletList') },
      { label: s.orderedList, symbol: '1.', run: (c) => c.toggleOrderedList(), active: (e) => e.isActive('orderedList') },
    ],
    [
      { label: s.alignLeft, symbol: '⇤', run: (c) => c.setTextAlign('left'), active: (e) => e.isActive({ textAlign: 'left' }) },
      { label: s.alignCenter, symbol: '↔', run: (c) => c.setTextAlign('center'), active: (e) => e.isActive({ textAlign: 'center' }) },
      { label: s.alignRight, symbol: '⇥', run: (c) => c.setTextAlign('right'), active: (e) => e.isActive({ textAlign: 'right' }) },
      { label: s.alignJustify, symbol: '☰', run: (c) => c.setTextAlign('justify'), active: (e) => e.isActive({ textAlign: 'justify' }) },
    ],
    [
      { label: s.horizontalRule, symbol: '―', run: (c) => c.setHorizontalRule() },
      { label: s.hardBreak, symbol: '↵', run: (c) => c.setHardBreak() },
      { label: s.insertTable, symbol: '▦', run: (c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: false }), part: 'insert-table' },
    ],
  ];
}

function tableButtons(s: ComposerStrings): ToolButton[] {
  return [
    { label: s.addRow, symbol: '+≡', run: (c) => c.addRowAfter() },
    { label: s.addColumn, symbol: '+‖', run: (c) => c.addColumnAfter() },
    { label: s.deleteRow, symbol: '−≡', run: (c) => c.deleteRow() },
    { label: s.deleteColumn, symbol: '−‖', run: (c) => c.deleteColumn() },
    { label: s.deleteTable, symbol: '✕▦', run: (c) => c.deleteTable() },
  ];
}

/** Arrow keys, Home and End move focus between the toolbar's controls. */
function onToolbarKeydown(event: KeyboardEvent): void {
  const keys = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const toolbar = event.currentTarget as HTMLElement;
  const items = [...toolbar.querySelectorAll<HTMLElement>('button, select')];
  const index = items.indexOf(event.target as HTMLElement);
  if (index < 0) return;
  event.preventDefault();
  const next =
    event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : (index + (event.key === 'ArrowRight' ? 1 : -1) + items.length) % items.length;
  items[next].focus();
}

function renderButton(editor: Editor, button: ToolButton): TemplateResult {
  const pressed = button.active?.(editor);
  return html`<button
    type="button"
    part="tool${button.part ? ` tool-${button.part}` : ''}"
    title=${button.label}
    aria-pressed=${pressed === undefined ? nothing : String(pressed)}
    @mousedown=${(e: Event) => e.preventDefault()}
    @click=${() => button.run(editor.chain().focus()).run()}
  >
    <span aria-hidden="true">${button.symbol}</span><span class="visually-hidden">${button.label}</span>
  </button>`;
}

function blockValue(editor: Editor): string {
  for (let level = 1; level <= 6; level++) if (editor.isActive('heading', { level })) return String(level);
  return '0';
}

export function renderEditorToolbar(editor: Editor, s: ComposerStrings, selectId: string): TemplateResult {
  const onBlock = (event: Event) => {
    const level = Number((event.target as HTMLSelectElement).value);
    const chain = editor.chain().focus();
    (level ? chain.setHeading({ level: level as 1 | 2 | 3 | 4 | 5 | 6 }) : chain.setParagraph()).run();
  };
  const current = blockValue(editor);
  return html`<div part="toolbar" role="toolbar" aria-label=${s.toolbar} @keydown=${onToolbarKeydown}>
    <label class="visually-hidden" for=${selectId}>${s.blockType}</label>
    <select id=${selectId} part="block-type" @change=${onBlock}>
      <option value="0" ?selected=${current === '0'}>${s.paragraph}</option>
      ${[1, 2, 3, 4, 5, 6].map((level) => html`<option value=${level} ?selected=${current === String(level)}>${s.heading(level)}</option>`)}
    </select>
    ${buttons(s).map((group) => html`<span part="tool-group">${group.map((b) => renderButton(editor, b))}</span>`)}
    ${editor.isActive('table')
      ? html`<span part="tool-group">${tableButtons(s).map((b) => renderButton(editor, b))}</span>`
      : nothing}
  </div>`;
}
