import { css } from 'lit';

/** Layout of the fields `renderFormField` draws (contact form, contact details). */
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
    /* The label is first in the markup, as in every field; a checkbox is drawn before it. */
    .field--check > :not(label) {
      order: -1;
    }
    .field--check [part~='field-error'] {
      grid-column: 1 / -1;
      order: 1;
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
    .muted {
      color: var(--_muted);
      font-weight: 400;
      font-size: 0.75rem;
    }
    [part~='field-error'] {
      margin: 0;
      color: var(--_danger);
      font-size: 0.8125rem;
    }
  }
`;
