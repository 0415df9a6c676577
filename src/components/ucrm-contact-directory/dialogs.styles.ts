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
    /* The import preview: a scrolling, virtualized list of the file's rows. */
    [part='import-preview'] {
      display: block;
      height: min(18rem, 45vh);
      overflow: auto;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin-block: calc(var(--_space) / 2);
    }
    [part~='import-row'] {
      display: grid;
      grid-template-columns: 5.5em 6em 1fr auto;
      gap: calc(var(--_space) / 2);
      align-items: baseline;
      padding: calc(var(--_space) / 2);
      border-bottom: 1px solid var(--_border);
      width: 100%;
      box-sizing: border-box;
    }
    [part~='import-row-skip'] [part='import-row-outcome'] {
      color: var(--_muted);
    }
    [part='import-row-outcome'] {
      font-weight: 600;
    }
    [part='import-counts'],
    [part='import-outcome'] {
      font-weight: 600;
    }
    [part='import-error'] {
      color: var(--_danger);
    }
    @media (max-width: 30rem) {
      [part~='import-row'] {
        grid-template-columns: auto 1fr;
      }
      [part='import-row-reason'] {
        grid-column: 1 / -1;
      }
    }
    [part='delete-confirm'] {
      background: var(--_danger);
      border-color: var(--_danger);
    }
  }
`;
