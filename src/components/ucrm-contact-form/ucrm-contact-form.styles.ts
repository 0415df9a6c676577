import { css } from 'lit';

export const contactFormStyles = css`
  @layer ucrm {
    :host {
      --_form-gap: var(--ucrm-contact-form-gap, calc(var(--_space) * 1.5));
      --_form-columns: var(--ucrm-contact-form-columns, repeat(auto-fit, minmax(12rem, 1fr)));
    }
    form {
      display: grid;
      gap: var(--_form-gap);
    }
    .grid {
      display: grid;
      grid-template-columns: var(--_form-columns);
      gap: var(--_form-gap);
    }
    fieldset {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-width: 0;
    }
    legend {
      padding: 0 calc(var(--_space) * 0.5);
      font-weight: 600;
    }
    .row {
      display: flex;
      gap: var(--_space);
      align-items: end;
    }
    .row > .field {
      flex: 1;
    }
    [part~='footer'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: center;
    }
    [part~='status'] {
      margin: 0;
      color: var(--_muted);
    }
    .spinner {
      display: inline-block;
      width: 1em;
      height: 1em;
      border: 2px solid currentColor;
      border-right-color: transparent;
      border-radius: 50%;
      vertical-align: -0.15em;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 3s;
      }
    }
  }
`;
