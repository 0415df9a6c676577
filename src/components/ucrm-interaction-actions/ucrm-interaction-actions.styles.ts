import { css } from 'lit';

export const interactionActionsStyles = css`
  @layer ucrm {
    :host {
      display: inline-block;
      position: relative;
    }
    [part~='menu-button'] {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 2rem;
      padding: calc(var(--_space) * 0.5);
    }
    [part~='icon'] {
      width: 1rem;
      height: 1rem;
      fill: currentColor;
    }
    [part~='menu'] {
      position: absolute;
      inset-inline-end: 0;
      top: calc(100% + 0.25rem);
      z-index: 10;
      display: flex;
      flex-direction: column;
      min-width: 14rem;
      max-width: min(20rem, 90vw);
      padding: 0.25rem 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      box-shadow: var(--_shadow), 0 4px 12px rgb(0 0 0 / 0.12);
    }
    [part~='menu'][hidden] {
      display: none;
    }
    [part~='menu-item'] {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.1rem;
      width: 100%;
      border: none;
      border-radius: 0;
      background: none;
      text-align: start;
      padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    }
    [part~='menu-item']:hover,
    [part~='menu-item']:focus {
      background: var(--_bg-alt);
    }
    [part~='menu-item'][aria-disabled='true'] {
      cursor: not-allowed;
    }
    [part~='menu-item'][aria-disabled='true'] [part~='item-label'] {
      color: var(--_muted);
    }
    [part~='item-note'] {
      color: var(--_muted);
      font-size: 0.85em;
    }
    [part~='error'] {
      position: absolute;
      inset-inline-end: 0;
      top: calc(100% + 0.25rem);
      z-index: 9;
      width: min(20rem, 90vw);
    }
  }
`;
