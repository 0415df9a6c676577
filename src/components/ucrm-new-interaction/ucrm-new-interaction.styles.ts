import { css } from 'lit';

export const composerStyles = css`
  @layer ucrm {
    :host {
      --_editor-min-height: var(--ucrm-composer-editor-min-height, 10rem);
    }
    [part~='panel'] {
      display: grid;
      gap: var(--_space);
      padding: calc(var(--_space) * 2);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      box-shadow: var(--_shadow);
    }
    [part~='header'] {
      display: flex;
      justify-content: space-between;
      align-items: center;
    }
    h2 {
      margin: 0;
      font-size: 1.1em;
    }
    form {
      display: grid;
      gap: calc(var(--_space) * 1.5);
    }
    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: 0;
      padding: var(--_space);
    }
    [part~='channels'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space) calc(var(--_space) * 2);
    }
    [part~='field'] {
      display: grid;
      gap: calc(var(--_space) / 2);
    }
    label,
    legend,
    [part~='label'] {
      font-weight: 600;
    }
    [part~='channel-option'] {
      font-weight: normal;
      display: inline-flex;
      gap: calc(var(--_space) / 2);
      align-items: center;
    }
    [part~='hint'],
    [part~='counter'] {
      margin: 0;
      color: var(--_muted);
      font-size: 0.9em;
    }
    [part~='field-error'],
    [part~='voice-error'],
    [part~='failure'],
    [part~='rejections'] {
      margin: 0;
      color: var(--_danger);
    }
    [part~='field-error'][hidden] {
      display: none;
    }
    [aria-invalid='true'],
    [part~='editor'].invalid {
      border-color: var(--_danger);
    }
    [part~='chips'] {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) / 2);
      align-items: center;
    }
    [part~='chip-list'],
    [part~='attachment-list'] {
      display: contents;
      list-style: none;
    }
    [part~='chip'],
    [part~='attachment'] {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) / 2);
      padding: 0 0 0 var(--_space);
      border: 1px solid var(--_border);
      border-radius: 999px;
      background: var(--_bg-alt);
    }
    [part~='chip'] button,
    [part~='attachment'] button {
      border: none;
      background: transparent;
      min-height: 1.5rem;
      padding: 0 var(--_space);
    }
    [part~='chips'] input {
      flex: 1 1 12rem;
    }
    [part~='preview'] {
      padding: var(--_space);
      border-radius: var(--_radius);
      background: var(--_bg-alt);
      white-space: pre-wrap;
    }
    [part~='preview'] p {
      margin: 0;
    }
    [part~='preview-label'] {
      color: var(--_muted);
      font-size: 0.85em;
    }
    [part~='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) / 2);
      align-items: center;
    }
    [part~='tool-group'] {
      display: inline-flex;
      gap: 2px;
    }
    [part~='tool'] {
      min-width: 2rem;
      padding: 0 calc(var(--_space) / 2);
    }
    [part~='tool'][aria-pressed='true'] {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_accent-text);
    }
    [part~='editor'] {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [part~='editor'] .ProseMirror {
      min-height: var(--_editor-min-height);
      padding: var(--_space);
      outline: none;
      white-space: pre-wrap;
    }
    [part~='editor']:focus-within {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    [part~='editor'] table {
      border-collapse: collapse;
      width: 100%;
    }
    [part~='editor'] td,
    [part~='editor'] th {
      border: 1px solid var(--_border);
      padding: 0.25rem;
      min-width: 2rem;
      vertical-align: top;
    }
    [part~='editor'] mark {
      background: light-dark(#fff3a3, #4d4410);
      color: inherit;
    }
    [part~='attachments'],
    [part~='voice'],
    [part~='footer'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: center;
    }
    [part~='rejections'] {
      flex-basis: 100%;
    }
    [part~='rejections'] ul {
      margin: 0;
      padding-left: 1.2em;
    }
    [part~='status'] {
      margin: 0;
    }
  }
`;
