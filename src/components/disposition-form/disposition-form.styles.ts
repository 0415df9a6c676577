import { css } from 'lit';

export const dispositionFormStyles = css`
  @layer ucrm {
    :host {
      display: grid;
      gap: var(--_space);
    }
    fieldset {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    legend {
      font-weight: 600;
      padding: 0 calc(var(--_space) * 0.5);
    }
    .field {
      display: grid;
      gap: calc(var(--_space) * 0.5);
    }
    label {
      font-weight: 500;
    }
    select,
    textarea,
    input {
      width: 100%;
    }
    textarea {
      resize: vertical;
    }
    .muted,
    [part~='counter'],
    [part~='time-zone'] {
      color: var(--_muted);
      font-weight: normal;
    }
    [part~='counter'] {
      justify-self: end;
      font-size: 0.9em;
    }
    [part~='counter'].over,
    [part~='field-error'] {
      color: var(--_danger);
    }
    .field p,
    [part~='note'] {
      margin: 0;
    }
    [part~='actions'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: center;
    }
    button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.6;
    }
    [part~='hints'] {
      margin: 0;
      padding-inline-start: 1.25em;
      color: var(--_muted);
    }
    [part~='summary'] {
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg-alt);
    }
    [part~='summary'] .summary-title {
      margin: 0 0 calc(var(--_space) * 0.5);
      font-weight: 600;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: calc(var(--_space) * 0.25) var(--_space);
      margin: 0;
    }
    dt {
      color: var(--_muted);
    }
    dd {
      margin: 0;
      white-space: pre-wrap;
    }
    [part~='status']:empty {
      display: none;
    }
  }
`;
