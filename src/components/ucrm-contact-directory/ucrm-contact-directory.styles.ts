import { css } from 'lit';

export const contactDirectoryStyles = css`
  @layer ucrm {
    /* The theme sizes text inputs; checkboxes and radios keep their natural box. */
    input[type='checkbox'],
    input[type='radio'] {
      min-height: auto;
      padding: 0;
      margin: 0 0.35em 0 0;
      vertical-align: middle;
    }
    [part='base'] {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    [part='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
    }
    [part='search-input'] {
      flex: 1 1 14rem;
    }
    [part='status'],
    [part='selected-count'],
    [part='empty'],
    [part='filter-status'],
    [part='expression-hint'] {
      margin: 0;
      color: var(--_muted);
    }
    [part='filter'] {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space);
      margin: 0;
    }
    [part='match'] {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 2);
    }
    [part='conditions'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    [part='condition'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
    }
    /* Waiting for its value: skipped by the list until complete. */
    [part='condition'][data-incomplete] [part='condition-number'] {
      color: var(--_warning);
    }
    [part='condition-number'] {
      min-width: 1.5rem;
      font-weight: 600;
      text-align: end;
    }
    [part='condition-problem'] {
      flex-basis: 100%;
      margin: 0 0 0 2rem;
      color: var(--_danger);
    }
    [part='add-condition'] {
      align-self: flex-start;
    }
    [part='expression'] {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) / 2);
    }
    [part='expression-input'] {
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    }
    [part='expression-input'][aria-invalid='true'] {
      border-color: var(--_danger);
    }
    [part='expression-error'] {
      padding: var(--_space);
      border: 1px solid var(--_danger);
      border-radius: var(--_radius);
      background: var(--_danger-bg);
      color: var(--_danger);
    }
    [part='expression-error'] p {
      margin: 0;
    }
    [part='expression-error-title'] {
      font-weight: 600;
    }
    [part='expression-preview'] {
      white-space: pre;
      color: var(--_text);
    }
    [part='expression-mark'] {
      background: var(--_danger);
      color: var(--_bg);
      border-radius: 2px;
    }
    [part='layout'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: flex-start;
    }
    [part='views'] {
      flex: 0 1 12rem;
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    [part='view-list'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    [part~='view'] {
      width: 100%;
      text-align: start;
      border-color: transparent;
      background: none;
    }
    [part~='view-active'] {
      background: var(--_bg-alt);
      border-color: var(--_border);
      font-weight: 600;
    }
    [part='view-note'] {
      color: var(--_muted);
      font-weight: normal;
    }
    [part='save-view'] summary {
      cursor: pointer;
      color: var(--_accent);
    }
    [part='save-view'] form {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) / 2);
      margin-top: calc(var(--_space) / 2);
    }
    [part='main'] {
      flex: 1 1 30rem;
      min-width: 0;
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    [part='columns-menu'] summary {
      cursor: pointer;
      color: var(--_accent);
    }
    [part='table'] {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [role='row'] {
      display: grid;
      grid-template-columns:
        2.5rem repeat(var(--_columns), minmax(var(--ucrm-contact-directory-column-width, 0), 1fr))
        var(--ucrm-contact-directory-actions-width, 10.5rem);
      align-items: center;
      width: 100%;
      border-bottom: 1px solid var(--_border);
    }
    [part='header-row'] {
      background: var(--_bg-alt);
      font-weight: 600;
    }
    [part='body'] {
      display: block;
      height: var(--ucrm-contact-directory-height, 28rem);
      /* Columns shrink (with ellipsis) instead of scrolling sideways: a horizontal
         scrollbar appearing would change the height the virtualizer measures. */
      overflow-x: hidden;
      overflow-y: auto;
    }
    [part~='row-selected'] {
      background: var(--_bg-alt);
    }
    /* One height for every row, loaded or still loading, so the virtualizer's measures hold. */
    [part~='row'] {
      min-height: 2.5rem;
    }
    [part~='row-loading'] {
      color: var(--_muted);
    }
    [part='details-dialog'] {
      --ucrm-dialog-width: min(48rem, 95vw);
    }
    [part='no-admin'] {
      color: var(--_danger);
    }
    [part='view-delete'] {
      min-height: 1.75rem;
      padding: 0 calc(var(--_space) / 2);
    }
    [part~='cell'] {
      padding: calc(var(--_space) / 2) var(--_space);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    [part='open-button'] {
      border: none;
      background: none;
      padding: 0;
      min-height: auto;
      color: var(--_accent);
      text-decoration: underline;
      text-align: start;
      max-width: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    [part~='actions-cell'] button {
      min-height: 1.75rem;
      padding: 0 calc(var(--_space) / 2);
      max-width: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    [part='dialog-actions'] {
      display: flex;
      justify-content: flex-end;
      gap: var(--_space);
    }
    [part='merge-refusal'] {
      margin: 0;
      color: var(--_danger);
    }
  }
`;
