import { css } from 'lit';

export const formsPanelStyles = css`
  @layer ucrm {
    :host {
      display: block;
      min-width: 0;
      min-height: 0;
      background: var(--_bg);
    }
    :host(:not([open])) {
      display: none;
    }
    :host([expanded]) {
      position: fixed;
      inset: 0;
      z-index: 20;
      overflow: auto;
    }
    [part~='base'] {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      height: 100%;
      padding: var(--_space) calc(var(--_space) * 2);
      box-sizing: border-box;
    }
    [part~='header'] {
      display: flex;
      align-items: center;
      gap: var(--_space);
    }
    [part~='title'] {
      margin: 0 auto 0 0;
      font-size: 1.1em;
    }
    [part~='expand-button'][aria-pressed='true'] {
      border-color: var(--_accent);
      color: var(--_accent);
    }
    [part~='tabs'] {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.5);
      border-bottom: 1px solid var(--_border);
    }
    [part~='form-heading'] {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space);
    }
    [part~='tab'] {
      border: none;
      border-bottom: 3px solid transparent;
      border-radius: 0;
      background: none;
      color: var(--_muted);
    }
    [part~='tab-selected'] {
      color: var(--_accent);
      border-bottom-color: var(--_accent);
    }
    [part~='tab-close'] {
      border: none;
      background: none;
      min-width: 2rem;
    }
    [part~='body'] {
      flex: 1 1 auto;
      min-height: 0;
    }
    [part~='form-title'] {
      margin: 0;
      font-size: 1rem;
    }
    [part~='form'] {
      display: grid;
      gap: var(--_space);
    }
    [part~='section'] {
      display: grid;
      gap: var(--_space);
      margin: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [part~='section-title'] {
      font-weight: 600;
    }
    [part~='mandatory'],
    [part~='draft-hint'],
    [part~='external-note'] {
      margin: 0;
      color: var(--_muted);
      font-size: 0.85em;
    }
    [part~='form-error'] {
      margin: 0;
      color: var(--_danger);
    }
    [part~='status'] {
      margin: 0;
      color: var(--_success);
    }
    [part~='status']:empty {
      display: none;
    }
    [part~='save-button'] {
      justify-self: start;
    }
    [part~='frame'] {
      width: 100%;
      height: var(--ucrm-forms-frame-height, 32rem);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: #fff;
    }
    :host([expanded]) [part~='frame'] {
      height: calc(100vh - 10rem);
    }
  }
`;
