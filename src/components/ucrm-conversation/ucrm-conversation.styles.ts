import { css } from 'lit';

export const conversationStyles = css`
  @layer ucrm {
    :host {
      --_in-bg: var(--ucrm-conversation-in-bg, var(--_bg-alt));
      --_out-bg: var(--ucrm-conversation-out-bg, light-dark(#e3f1e6, #12321c));
      --_note-bg: var(--ucrm-conversation-note-bg, light-dark(#fff6d6, #3a2f0b));
      --_read: var(--ucrm-conversation-read-color, light-dark(#1d6fb8, #58a6ff));
      display: block;
      height: var(--ucrm-conversation-height, 32rem);
      min-height: 0;
    }
    [part~='base'] {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 0.75);
      height: 100%;
      min-height: 0;
    }
    [part~='presence'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      margin: 0;
      color: var(--_muted);
      font-size: 0.9em;
    }
    [part~='pre-chat'] {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 0.75);
    }
    [part~='pre-chat'] dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem var(--_space);
      margin: var(--_space) 0 0;
    }
    [part~='pre-chat'] dl > div {
      display: contents;
    }
    [part~='pre-chat'] dt {
      color: var(--_muted);
    }
    [part~='pre-chat'] dd {
      margin: 0;
    }
    .list-wrap {
      position: relative;
      flex: 1 1 auto;
      min-height: 6rem;
      display: flex;
      flex-direction: column;
    }
    .list {
      flex: 1 1 auto;
      min-height: 0;
      overflow: auto;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
    }
    .list:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 1px;
    }
    .item {
      width: 100%;
      box-sizing: border-box;
      padding: 0.2rem var(--_space);
    }
    .row {
      display: flex;
    }
    .row.out {
      justify-content: flex-end;
    }
    .row.day,
    .row.system {
      justify-content: center;
      color: var(--_muted);
      font-size: 0.85em;
    }
    .row.day span {
      padding: 0.1rem 0.6rem;
      border-radius: 999px;
      background: var(--_bg-alt);
    }
    .row.system p {
      margin: 0;
    }
    .bubble {
      position: relative;
      max-width: min(80%, 40rem);
      padding: 0.4rem 0.6rem;
      border-radius: var(--_radius);
      background: var(--_in-bg);
      overflow-wrap: anywhere;
    }
    .row.out .bubble {
      background: var(--_out-bg);
    }
    .bubble.internal {
      background: var(--_note-bg);
      border: 1px dashed var(--_warning);
    }
    [part~='message-header'] {
      display: flex;
      gap: var(--_space);
      font-size: 0.85em;
      font-weight: 600;
    }
    [part~='internal-badge'] {
      font-weight: 400;
      font-style: italic;
    }
    [part~='text'],
    [part~='subject'] {
      margin: 0.2rem 0;
      white-space: pre-wrap;
    }
    [part~='subject'] {
      font-weight: 600;
    }
    [part~='message-footer'] {
      display: flex;
      justify-content: flex-end;
      align-items: center;
      gap: 0.25rem;
      color: var(--_muted);
      font-size: 0.8em;
    }
    [part~='tick'] {
      fill: none;
      stroke: var(--_muted);
      stroke-width: 1.6;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    [part~='tick-read'] {
      stroke: var(--_read);
    }
    [part~='tick-failed'] {
      stroke: var(--_danger);
    }
    [part~='message-error'] {
      margin: 0.3rem 0 0;
      color: var(--_danger);
      font-size: 0.9em;
    }
    [part~='attachments'] {
      list-style: none;
      margin: 0.25rem 0;
      padding: 0;
      display: grid;
      gap: 0.25rem;
    }
    [part~='attachment-preview'] {
      display: block;
      max-width: 14rem;
      max-height: 10rem;
      border-radius: calc(var(--_radius) / 2);
    }
    [part~='attachment-size'] {
      margin-inline-start: 0.4rem;
      color: var(--_muted);
      font-size: 0.85em;
    }
    .quote {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.1rem;
      width: 100%;
      margin: 0.2rem 0;
      padding: 0.25rem 0.5rem;
      border: none;
      border-inline-start: 3px solid var(--_accent);
      border-radius: calc(var(--_radius) / 2);
      background: rgb(0 0 0 / 0.05);
      color: inherit;
      font: inherit;
      text-align: start;
    }
    [part~='quote-author'] {
      font-weight: 600;
      font-size: 0.85em;
    }
    [part~='quote-text'] {
      font-size: 0.9em;
      overflow: hidden;
      display: -webkit-box;
      -webkit-line-clamp: 3;
      -webkit-box-orient: vertical;
    }
    [part~='quote-preview'] {
      max-height: 2.5rem;
      vertical-align: middle;
      margin-inline-end: 0.3rem;
    }
    .reply {
      position: absolute;
      inset-block-start: 0.2rem;
      inset-inline-end: -2.2rem;
      opacity: 0;
      padding: 0.1rem 0.35rem;
    }
    .row.out .reply {
      inset-inline-end: auto;
      inset-inline-start: -2.2rem;
    }
    .reply .label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    .bubble:hover .reply,
    .bubble:focus-within .reply,
    .reply:focus-visible {
      opacity: 1;
    }
    [part~='new-messages'] {
      position: absolute;
      inset-block-end: var(--_space);
      inset-inline-start: 50%;
      transform: translateX(-50%);
      border-radius: 999px;
      box-shadow: var(--_shadow);
      background: var(--_accent);
      color: var(--_accent-text);
    }
    [part~='composer'] {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 0.75);
      position: relative;
    }
    [part~='mode'] {
      display: flex;
      gap: var(--_space);
      border: none;
      margin: 0;
      padding: 0;
    }
    [part~='window-note'],
    [part~='composer-note'] {
      margin: 0;
      padding: 0.4rem 0.6rem;
      border-radius: var(--_radius);
      background: var(--_bg-alt);
      border-inline-start: 3px solid var(--_warning);
    }
    [part~='window-time'] {
      margin: 0;
      color: var(--_muted);
      font-size: 0.85em;
    }
    [part~='composer-error'],
    [part~='rejections'],
    [part~='voice-error'] {
      margin: 0;
      color: var(--_danger);
    }
    [part~='rejections'] ul {
      margin: 0;
      padding-inline-start: 1.2rem;
    }
    [part~='reply-quote'] {
      display: flex;
      align-items: flex-start;
      gap: var(--_space);
    }
    [part~='message-input'] {
      width: 100%;
      box-sizing: border-box;
      resize: vertical;
      font: inherit;
    }
    [part~='message-input'][readonly] {
      background: var(--_bg-alt);
    }
    [part~='variables'] {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      display: grid;
      gap: calc(var(--_space) * 0.5);
    }
    [part~='preview'] {
      padding: 0.3rem 0.5rem;
      border-radius: var(--_radius);
      background: var(--_out-bg);
      white-space: pre-wrap;
    }
    [part~='preview-text'] {
      margin: 0;
    }
    [part~='composer-actions'] {
      display: flex;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
    }
    [part~='send-button'] {
      margin-inline-start: auto;
    }
    [part~='attach'] {
      position: relative;
    }
    [part~='categories']:not([hidden]) {
      position: absolute;
      inset-block-end: 100%;
      inset-inline-start: 0;
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      padding: 0.3rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      box-shadow: var(--_shadow);
      z-index: 2;
    }
    [part~='attachment-list'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
    }
    [part~='attachment-list'] [part~='attachment'] {
      display: flex;
      align-items: center;
      gap: 0.3rem;
      padding: 0.15rem 0.4rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [part~='attachment-list'] [part~='attachment-preview'] {
      max-height: 2.5rem;
    }
    [part~='voice'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
    }
    [part~='voice-status'] {
      margin: 0;
    }
    [part~='emoji-popover'] {
      position: absolute;
      inset-block-end: 100%;
      inset-inline-start: 0;
      z-index: 3;
      background: var(--_bg);
      box-shadow: var(--_shadow);
      border-radius: var(--_radius);
    }
    [part~='editor'] {
      min-height: 6rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.3rem 0.5rem;
    }
    [part~='editor'] .ProseMirror {
      outline: none;
      white-space: pre-wrap;
      min-height: 5rem;
    }
    [part~='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem;
    }
    [part~='email-body'] {
      overflow-wrap: anywhere;
    }
    [part~='email-body'] img {
      max-width: 100%;
    }
  }
`;
