import { css } from 'lit';

export const callControlsStyles = css`
  @layer ucrm {
    :host {
      --_signal-good: var(--ucrm-call-signal-good, light-dark(#1a7f37, #3fb950));
      --_signal-fair: var(--ucrm-call-signal-fair, light-dark(#bc4c00, #f0883e));
      --_signal-poor: var(--ucrm-call-signal-poor, light-dark(#b42318, #ff7b72));
      --_pressed-bg: var(--ucrm-call-pressed-bg, light-dark(#ddf4ff, #12324f));
      --_end-bg: var(--ucrm-call-end-bg, #b42318);
      --_end-text: var(--ucrm-call-end-text, #ffffff);
    }
    [part~='base'] {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    [part~='status'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      margin: 0;
    }
    [part~='state'] {
      font-weight: 600;
    }
    [part~='parked-by'] {
      color: var(--_muted);
    }
    [part~='timer'] {
      font-variant-numeric: tabular-nums;
      margin-inline-start: auto;
    }
    [part~='signal'] {
      display: inline-flex;
      width: 1.25rem;
      height: 1.1rem;
    }
    [part~='signal'] svg {
      width: 100%;
      height: 100%;
    }
    [part~='signal'] rect.off {
      fill: var(--_border);
    }
    [part~='signal-good'] rect.on {
      fill: var(--_signal-good);
    }
    [part~='signal-fair'] rect.on {
      fill: var(--_signal-fair);
    }
    [part~='signal-poor'] rect.on {
      fill: var(--_signal-poor);
    }
    [part~='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.75);
    }
    [part~='control'] {
      display: inline-flex;
      flex-direction: column;
      align-items: center;
      gap: 0.15rem;
      min-width: 4.5rem;
    }
    [part~='control'][data-on] {
      background: var(--_pressed-bg);
      border-color: var(--_accent);
    }
    [part~='control'][aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.55;
    }
    [part~='control'][data-pending] {
      cursor: progress;
      opacity: 1;
      border-style: dashed;
    }
    [part~='control-end'] {
      background: var(--_end-bg);
      border-color: var(--_end-bg);
      color: var(--_end-text);
    }
    [part~='control-icon'] {
      width: 1.1rem;
      height: 1.1rem;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.4;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    [part~='control-end'] [part~='control-icon'] {
      fill: currentColor;
    }
    [part~='keypad'] {
      display: grid;
      grid-template-columns: repeat(3, 3rem);
      gap: calc(var(--_space) * 0.5);
    }
    [part~='key'] {
      font-variant-numeric: tabular-nums;
      font-size: 1.1em;
    }
    [part~='key'][aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.55;
    }
    [part~='sent-digits'] {
      grid-column: 1 / -1;
      min-height: 1.4em;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
  }
`;
