import { css } from 'lit';

export const wrapUpTimerStyles = css`
  @layer ucrm {
    :host {
      --_wrap-up: var(--ucrm-wrap-up-color, #6d28d9);
      --_wrap-up-text: var(--ucrm-wrap-up-text-color, #ffffff);
      display: inline-block;
    }
    [part~='button'] {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) * 0.75);
      background: var(--_wrap-up);
      border-color: var(--_wrap-up);
      color: var(--_wrap-up-text);
      border-radius: 999px;
      font-weight: 600;
    }
    [part~='button']:hover {
      filter: brightness(1.1);
    }
    [part~='icon'] {
      width: 1em;
      height: 1em;
      flex: none;
    }
    [part~='time'] {
      font-variant-numeric: tabular-nums;
    }
    [part~='over'] {
      color: var(--_muted);
    }
  }
`;
