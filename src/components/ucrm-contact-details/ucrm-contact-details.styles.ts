import { css } from 'lit';

export const contactDetailsStyles = css`
  @layer ucrm {
    :host {
      display: block;
    }
    [part='base'] {
      display: grid;
      gap: calc(var(--_space) * 1.5);
    }
    [part='header'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
    }
    h2,
    h3,
    h4 {
      margin: 0;
    }
    h2 {
      font-size: 1.25rem;
    }
    h3 {
      font-size: 1rem;
      margin-bottom: calc(var(--_space) * 0.5);
    }
    h4 {
      font-size: 0.875rem;
      color: var(--_muted);
      font-weight: 500;
    }
    [part~='badge'] {
      padding: 0.1em 0.5em;
      border-radius: 999px;
      font-size: 0.8125rem;
      border: 1px solid currentColor;
    }
    [part~='blocked-badge'] {
      color: var(--_danger);
    }
    fieldset {
      border: 1px solid var(--_border, #ccc);
      border-radius: var(--_radius, 6px);
      margin: 0 0 var(--_space);
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: var(--_space);
    }
    .inline-form {
      display: flex;
      flex-wrap: wrap;
      align-items: start;
      gap: var(--_space);
      margin-top: calc(var(--_space) * 0.5);
    }
    /* Level with the inputs (below their labels), whether or not an error shows under them. */
    .inline-form > button {
      margin-top: calc(1.4em + var(--_space) * 0.25);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.5);
    }
    [part='note-list'] {
      display: grid;
    }
    [part='identity'],
    [part='tag'] {
      display: inline-flex;
      align-items: center;
      gap: 0.25em;
      padding: 0.1em 0.25em 0.1em 0.6em;
      border: 1px solid var(--_border, #ccc);
      border-radius: 999px;
    }
    [part='remove-identity'],
    [part='remove-tag'] {
      min-height: 1.75rem;
      min-width: 1.75rem;
      padding: 0;
      border-radius: 999px;
    }
    [part='note'] p {
      margin: 0;
    }
    [part='note-meta'] {
      color: var(--_muted);
      font-size: 0.8125rem;
    }
    textarea {
      width: 100%;
      font: inherit;
    }
    [part='duplicates'] {
      border-left: 4px solid var(--_warning, #b26a00);
      padding-left: var(--_space);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
  }
`;
