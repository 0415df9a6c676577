import { css } from 'lit';

/**
 * The styles of the directory's on-demand part (the dialogs and the columns
 * menu), adopted by the element when that part loads.
 */
export const dialogStyles = css`
  @layer ucrm {
    [part='columns-fieldset'] {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: var(--_space) 0 0;
    }
    [part='columns-list'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: calc(var(--_space) / 2) var(--_space);
    }
    [part='column-option'] {
      display: flex;
      align-items: center;
      gap: calc(var(--_space) / 2);
    }
    [part='column-option'] label {
      flex: 1;
    }
    [part='column-up'],
    [part='column-down'] {
      min-height: 1.75rem;
      padding: 0 calc(var(--_space) / 2);
    }
    ucrm-dialog form {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    ucrm-dialog p {
      margin: 0;
    }
    [part='merge-primary'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space) calc(var(--_space) * 2);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [part='merge-preview'] {
      border-collapse: collapse;
      width: 100%;
    }
    [part='merge-preview'] caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: calc(var(--_space) / 2);
    }
    [part='merge-preview'] th,
    [part='merge-preview'] td {
      text-align: start;
      padding: calc(var(--_space) / 2);
      border-bottom: 1px solid var(--_border);
    }
    [part='merge-pick'] {
      width: 100%;
    }
    [part='merge-warning'] {
      color: var(--_danger);
      font-weight: 600;
    }
    [part='import-mapping'],
    [part='import-skipped'] {
      border-collapse: collapse;
      width: 100%;
    }
    [part='import-mapping'] caption,
    [part='import-skipped'] caption {
      text-align: start;
      font-weight: 600;
    }
    [part='import-mapping'] th,
    [part='import-mapping'] td,
    [part='import-skipped'] th,
    [part='import-skipped'] td {
      text-align: start;
      padding: calc(var(--_space) / 2);
      border-bottom: 1px solid var(--_border);
    }
    [part='import-progress'] {
      width: 100%;
    }
    [part='import-mode'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space) calc(var(--_space) * 2);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [part='delete-confirm'] {
      background: var(--_danger);
      border-color: var(--_danger);
    }
  }
`;
