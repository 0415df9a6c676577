import { css } from 'lit';

export const agentWorkspaceStyles = css`
  @layer ucrm {
    :host {
      --_inbox-width: var(--ucrm-workspace-inbox-width, 22rem);
      display: block;
      height: var(--ucrm-workspace-height, 100vh);
      min-height: 0;
      background: var(--_bg);
    }
    [part~='base'] {
      display: flex;
      flex-direction: column;
      height: 100%;
      min-height: 0;
    }
    [part~='topbar'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space) calc(var(--_space) * 2);
      padding: var(--_space) calc(var(--_space) * 2);
      border-bottom: 1px solid var(--_border);
      background: var(--_bg-alt);
    }
    [part~='heading'] {
      margin: 0;
      font-size: 1.1em;
      margin-inline-end: auto;
    }
    [part~='presence'] {
      display: flex;
      align-items: center;
      gap: var(--_space);
    }
    [part~='presence-select'][data-presence='available'] {
      border-color: var(--_success);
    }
    [part~='presence-select'][data-presence='break'],
    [part~='presence-select'][data-presence='busy'] {
      border-color: var(--_warning);
    }
    [part~='presence-select'][data-presence='disconnected'] {
      border-color: var(--_danger);
    }
    [part~='layout'] {
      flex: 1 1 auto;
      min-height: 0;
      display: grid;
      grid-template-columns: var(--_inbox-width) minmax(0, 1fr);
    }
    :host([layout='stacked']) [part~='layout'] {
      grid-template-columns: minmax(0, 1fr);
    }
    [part~='layout'][data-forms] {
      grid-template-columns: var(--_inbox-width) minmax(0, 1fr) var(--ucrm-forms-panel-width, 24rem);
    }
    :host([layout='stacked']) [part~='layout'][data-forms] {
      grid-template-columns: minmax(0, 1fr);
    }
    [part~='forms'] {
      border-inline-start: 1px solid var(--_border);
      overflow: auto;
    }
    :host([layout='stacked']) [part~='forms'] {
      position: fixed;
      inset: 0;
      z-index: 20;
    }
    [part~='forms-menu'] {
      position: relative;
    }
    [part~='forms-menu-list'] {
      position: absolute;
      z-index: 21;
      inset-inline-start: 0;
      top: 100%;
      min-width: 16rem;
      margin: 0;
      padding: calc(var(--_space) * 0.5);
      list-style: none;
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: 0 4px 12px rgb(0 0 0 / 15%);
    }
    [part~='forms-menu-list'][hidden] {
      display: none;
    }
    [part~='forms-menu-item'] {
      width: 100%;
      text-align: start;
      border: none;
      background: none;
    }
    [part~='inbox'] {
      min-height: 0;
      overflow: auto;
      padding: var(--_space);
      border-inline-end: 1px solid var(--_border);
    }
    :host([layout='stacked']) [part~='inbox'] {
      border-inline-end: none;
    }
    [part~='detail'] {
      min-width: 0;
      min-height: 0;
      overflow: auto;
      padding: var(--_space) calc(var(--_space) * 2);
    }
    [part~='detail'][hidden],
    [part~='inbox'][hidden] {
      display: none;
    }
    [part~='back-button'] {
      margin-bottom: var(--_space);
    }
    [part~='detail-header'] {
      display: flex;
      align-items: flex-start;
      justify-content: space-between;
      gap: var(--_space);
      padding-bottom: var(--_space);
      border-bottom: 1px solid var(--_border);
    }
    [part~='detail-title'] {
      margin: 0;
      font-size: 1.15em;
      overflow-wrap: anywhere;
    }
    [part~='detail-meta'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      margin: 0.25rem 0 0;
      color: var(--_muted);
    }
    [part~='detail-status'][data-status='finished'] {
      color: var(--_text);
      font-weight: 600;
    }
    [part~='finished-note'],
    [part~='form-note'] {
      margin: var(--_space) 0 0;
      padding: var(--_space);
      border-radius: var(--_radius);
      background: var(--_bg-alt);
    }
    [part~='detail-body'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      grid-template-areas:
        'contact conversation'
        'contact form'
        'contact disposition';
      align-items: start;
      gap: calc(var(--_space) * 2);
      padding-top: calc(var(--_space) * 2);
    }
    :host([layout='stacked']) [part~='detail-body'] {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'conversation' 'form' 'contact' 'disposition';
    }
    [part~='contact-section'] {
      grid-area: contact;
      min-width: 0;
    }
    [part~='conversation'] {
      grid-area: conversation;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: var(--_space);
      min-height: 8rem;
      padding: calc(var(--_space) * 2);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg-alt);
    }
    [part~='conversation'] p {
      margin: 0;
    }
    [part~='placeholder'] {
      color: var(--_muted);
    }
    [part~='call-state'] {
      font-weight: 600;
    }
    [part~='form-note'] {
      grid-area: form;
      margin: 0;
    }
    [part~='disposition-section'] {
      grid-area: disposition;
      min-width: 0;
    }
    [part~='empty'] {
      margin: calc(var(--_space) * 4) auto;
      max-width: 28rem;
      text-align: center;
      color: var(--_muted);
    }
  }
`;
