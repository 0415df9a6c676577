import { css } from 'lit';

/** Layout of the controls `renderFieldInput` draws (form, directory editor). */
export const fieldStyles = css`
  @layer ucrm {
    .field {
      display: grid;
      gap: calc(var(--_space) * 0.25);
      align-content: start;
    }
    .field--check {
      grid-template-columns: auto 1fr;
      align-items: center;
      column-gap: var(--_space);
    }
    .field--check .field-error {
      grid-column: 1 / -1;
    }
    .field--check input {
      min-height: auto;
      width: 1.1rem;
      height: 1.1rem;
      margin: 0;
    }
    .field input:not([type='checkbox']),
    .field select {
      width: 100%;
    }
    .field input[readonly] {
      background: var(--_bg-alt);
    }
    .field [aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .field label {
      font-weight: 500;
    }
    .required {
      color: var(--_muted);
      font-weight: 400;
      font-size: 0.75rem;
    }
    .field-error {
      margin: 0;
      color: var(--_danger);
      font-size: 0.8125rem;
    }
  }
`;
