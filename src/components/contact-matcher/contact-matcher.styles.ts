import { css } from 'lit';

export const contactMatcherStyles = css`
  @layer ucrm {
    [part='base'] {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    [part='search-input'] {
      width: 100%;
    }
    [part='status'] {
      margin: 0;
      color: var(--_muted);
    }
    [part='listbox'] {
      list-style: none;
      margin: 0;
      padding: 0;
      /* The unprefixed name came first; kept so existing themes still apply. */
      max-height: var(--ucrm-contact-matcher-max-height, var(--contact-matcher-max-height, 20rem));
      overflow-y: auto;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
    }
    [part~='option'] {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0 var(--_space);
      padding: var(--_space) calc(var(--_space) * 1.5);
      border-bottom: 1px solid var(--_border);
      cursor: pointer;
    }
    [part~='option']:last-child {
      border-bottom: none;
    }
    [part~='option']:hover {
      background: var(--_bg-alt);
    }
    [part~='option-active'] {
      background: var(--_bg-alt);
      box-shadow: inset 3px 0 0 var(--_accent);
    }
    [part='listbox']:focus-visible [part~='option-active'],
    :host([mode='search']) [part~='option-active'] {
      outline: 2px solid var(--_focus);
      outline-offset: -2px;
    }
    [part='option-name'] {
      font-weight: 600;
    }
    [part='option-detail'],
    [part='option-reason'] {
      grid-column: 1 / -1;
      color: var(--_muted);
      font-size: 0.92em;
    }
    [part='option-reason'] {
      font-style: italic;
    }
    /* "None of these — create a new contact": apart from the contacts above it. */
    [part~='option-create'] {
      border-top: 1px dashed var(--_border);
    }
    [part~='option-create'] [part='option-name'] {
      color: var(--_accent);
    }
    [part='blocked-badge'] {
      align-self: start;
      padding: 0 calc(var(--_space) * 0.75);
      border-radius: 999px;
      border: 1px solid var(--_danger);
      color: var(--_danger);
      background: var(--_danger-bg);
      font-size: 0.8em;
      font-weight: 600;
    }
  }
`;
