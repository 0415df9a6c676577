import { css } from 'lit';

export const contactCardStyles = css`
  @layer ucrm {
    :host {
      --_card-padding: var(--ucrm-contact-card-padding, calc(var(--_space) * 2));
      --_card-bg: var(--ucrm-contact-card-background, var(--_bg));
      --_card-border: var(--ucrm-contact-card-border, 1px solid var(--_border));
      --_card-name-size: var(--ucrm-contact-card-name-size, 1.25rem);
      --_chip-bg: var(--ucrm-contact-card-chip-background, var(--_bg-alt));
      --_chip-color: var(--ucrm-contact-card-chip-color, var(--_text));
      --_highlight-bg: var(--ucrm-contact-card-highlight-background, light-dark(#fff8c5, #3d3511));
    }
    [part~='card'] {
      display: grid;
      gap: calc(var(--_space) * 1.5);
      padding: var(--_card-padding);
      background: var(--_card-bg);
      border: var(--_card-border);
      border-radius: var(--_radius);
    }
    [part~='error'] {
      margin-block-end: var(--_space);
    }
    [part~='header'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: flex-start;
      justify-content: space-between;
    }
    .title {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: center;
      min-width: 0;
    }
    [part~='name'] {
      margin: 0;
      font-size: var(--_card-name-size);
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    [part~='badge'] {
      display: inline-block;
      padding: 0 var(--_space);
      border: 1px solid var(--_border);
      border-radius: 999px;
      font-size: 0.75rem;
      line-height: 1.5rem;
      white-space: nowrap;
    }
    [part~='blocked-badge'] {
      border-color: var(--_danger);
      background: var(--_danger-bg);
      color: var(--_danger);
      font-weight: 600;
    }
    [part~='actions'] {
      display: flex;
      gap: var(--_space);
    }
    dl {
      display: grid;
      grid-template-columns: minmax(6rem, max-content) 1fr;
      gap: calc(var(--_space) * 0.5) calc(var(--_space) * 2);
      margin: 0;
    }
    dl > div {
      display: contents;
    }
    dt {
      color: var(--_muted);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    dd + dd {
      grid-column: 2;
    }
    mark {
      background: var(--_highlight-bg);
      color: inherit;
      font-weight: 600;
      border-radius: 2px;
    }
    [part~='tags'] {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.5);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    [part~='tag'] {
      padding: 0 var(--_space);
      border-radius: 999px;
      background: var(--_chip-bg);
      color: var(--_chip-color);
      border: 1px solid var(--_border);
      font-size: 0.75rem;
      line-height: 1.5rem;
    }
    [part~='sections'] {
      display: grid;
      gap: var(--_space);
    }
    [part~='section'] {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [part~='section-summary'] {
      padding: var(--_space);
      cursor: pointer;
      font-weight: 600;
    }
    [part~='section'] dl {
      padding: 0 var(--_space) var(--_space);
    }
    .muted {
      color: var(--_muted);
    }
    /* The full view's notes are styled by card-full-view.ts, which loads with them. */
  }
`;
