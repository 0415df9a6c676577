import { css } from 'lit';

export const transferStyles = css`
  @layer ucrm {
    :host {
      --_valid: var(--ucrm-transfer-valid, light-dark(#1a7f37, #3fb950));
      --_invalid: var(--ucrm-transfer-invalid, light-dark(#b42318, #ff7b72));
    }
    [part~='base'] {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    [part~='heading'] {
      margin: 0;
      font-size: 1.05em;
    }
    [part~='form'] {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: 0;
      padding: var(--_space);
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 0.5);
    }
    fieldset:disabled {
      opacity: 0.6;
    }
    [part~='destinations'] {
      flex-direction: row;
      flex-wrap: wrap;
      gap: var(--_space) calc(var(--_space) * 2);
    }
    [part~='destinations'] legend {
      width: 100%;
    }
    [part~='targets'] {
      max-height: 18rem;
      overflow: auto;
    }
    /* Disabled (a transfer in progress), nothing in the list can take focus to scroll it: it does not scroll. */
    [part~='targets']:disabled {
      max-height: none;
      overflow: visible;
    }
    [part~='target'],
    [part~='mode'],
    [part~='destination'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 0.75);
    }
    [part~='target-invalid'] [part~='target-name'] {
      color: var(--_muted);
    }
    [part~='availability'] {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
      margin-inline-start: auto;
      color: var(--_muted);
      font-size: 0.9em;
    }
    [part~='availability'] .dot {
      width: 0.6rem;
      height: 0.6rem;
      border-radius: 50%;
      background: var(--_invalid);
    }
    [part~='availability'][data-valid='true'] .dot {
      background: var(--_valid);
    }
    [part~='hint'] {
      flex-basis: 100%;
      color: var(--_muted);
      font-size: 0.9em;
    }
    [part~='field-error'] {
      color: var(--_danger);
      margin: 0;
    }
    [part~='search-results'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    [part~='search-result'] {
      width: 100%;
      text-align: start;
    }
    [part~='submit'] {
      align-self: flex-start;
    }
    [part~='progress'] {
      border: 1px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_bg-alt);
      padding: var(--_space);
    }
    [part~='progress'] p {
      margin: 0 0 calc(var(--_space) * 0.5);
    }
    [part~='progress-actions'] {
      display: flex;
      gap: var(--_space);
    }
    [part~='notice'] {
      margin: 0;
      padding: var(--_space);
      border-radius: var(--_radius);
      background: var(--_bg-alt);
      border-inline-start: 3px solid var(--_accent);
    }
    [part~='notice'][data-outcome='timeout'],
    [part~='notice'][data-outcome='declined'] {
      border-inline-start-color: var(--_warning);
    }
  }
`;
