import { css } from 'lit';

export const dialogStyles = css`
  @layer ucrm {
    :host {
      /* The host takes no room in the page: only the dialog, in the top layer, is drawn. */
      display: contents;
    }
    [part='dialog'] {
      box-sizing: border-box;
      width: var(--ucrm-dialog-width, auto);
      max-width: var(--ucrm-dialog-max-width, min(40rem, 95vw));
      padding: var(--ucrm-dialog-padding, 1em);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: var(--_shadow);
      color: var(--_text);
      background: var(--_bg);
    }
    [part='dialog'][open] {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    [part='dialog']::backdrop {
      background: var(--ucrm-dialog-backdrop, rgb(0 0 0 / 0.1));
    }
    [part='title'] {
      margin: 0;
      font-size: 1.1em;
    }
  }
`;
