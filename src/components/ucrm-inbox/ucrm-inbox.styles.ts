import { css } from 'lit';

export const inboxStyles = css`
  @layer ucrm {
    :host {
      --_unread: var(--ucrm-inbox-unread-color, #0b5cad);
      --_open: var(--ucrm-inbox-open-color, light-dark(#e7f0fa, #1a2a3f));
      --_offer: var(--ucrm-inbox-offer-color, light-dark(#fff4e0, #33270f));
      display: block;
      min-width: 0;
    }
    [part~='base'] {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      height: 100%;
      min-height: 0;
    }
    [part~='header'] {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space);
    }
    [part~='title'] {
      margin: 0;
      font-size: 1.1em;
    }
    [part~='views'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 0.75);
    }
    [part~='view-select'] {
      flex: 1 1 8rem;
      min-width: 0;
    }
    [part~='drawer'],
    [part~='batch'] {
      display: grid;
      gap: var(--_space);
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg-alt);
    }
    [part~='filter'] {
      margin: 0;
      border: none;
      padding: 0;
      display: grid;
      gap: calc(var(--_space) * 0.75);
    }
    [part~='conditions'] {
      display: grid;
      gap: calc(var(--_space) * 0.5);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    [part~='condition'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
    }
    [part~='condition-value'] {
      flex: 1 1 6rem;
      min-width: 0;
    }
    [part~='expression-error'],
    [part~='condition-problem'],
    [part~='batch-confirm'] {
      color: var(--_danger);
    }
    [part~='expression-error'] p,
    [part~='filter-summary'],
    [part~='filter-status'],
    [part~='view-note'],
    [part~='batch-count'],
    [part~='batch-confirm'] {
      margin: 0;
    }
    [part~='view-form'] {
      display: grid;
      gap: calc(var(--_space) * 0.75);
    }
    [part~='view-actions'] {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.5);
    }
    [part~='cell-select'] {
      display: flex;
      align-items: center;
      padding-inline-start: calc(var(--_space) * 0.5);
    }
    [part~='tags'] {
      color: var(--_muted);
    }
    [part~='scheduled'] {
      border-top: 1px solid var(--_border);
      padding-top: var(--_space);
    }
    [part~='scheduled-title'],
    [part~='offers-title'] {
      margin: 0 0 calc(var(--_space) * 0.5);
      font-size: 1em;
    }
    [part~='scheduled-list'],
    [part~='offer-list'] {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: calc(var(--_space) * 0.5);
    }
    [part~='scheduled-item'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    [part~='scheduled-empty'] {
      margin: 0;
      color: var(--_muted);
    }
    [part~='offer'] {
      display: grid;
      gap: calc(var(--_space) * 0.5);
      padding: var(--_space);
      border: 1px solid var(--_warning);
      border-radius: var(--_radius);
      background: var(--_offer);
      color: var(--_text);
    }
    [part~='offer-summary'],
    [part~='offer-deadline'] {
      margin: 0;
    }
    [part~='offer-deadline'] {
      font-variant-numeric: tabular-nums;
    }
    [part~='offer-actions'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
    }
    [part~='offer-answering'] {
      color: var(--_muted);
    }
    [part~='tabs'] {
      display: flex;
      border-bottom: 1px solid var(--_border);
    }
    [part~='tab'] {
      flex: 1 1 0;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: calc(var(--_space) * 0.75);
      border: none;
      border-bottom: 3px solid transparent;
      border-radius: 0;
      background: none;
      color: var(--_muted);
      font-weight: 600;
    }
    [part~='tab-selected'] {
      color: var(--_accent);
      border-bottom-color: var(--_accent);
    }
    [part~='count'] {
      min-width: 1.5em;
      padding: 0 0.4em;
      border-radius: 999px;
      background: var(--_bg-alt);
      color: var(--_text);
      font-variant-numeric: tabular-nums;
      font-weight: 500;
    }
    [part~='unread-mark'] {
      width: 0.5em;
      height: 0.5em;
      border-radius: 50%;
      background: var(--_unread);
    }
    [part~='panel'] {
      flex: 1 1 auto;
      min-height: 0;
      overflow: auto;
    }
    [part~='list'] {
      display: flex;
      flex-direction: column;
    }
    [part~='row'] {
      display: flex;
      align-items: stretch;
      border-bottom: 1px solid var(--_border);
    }
    [part~='row-open'] {
      background: var(--_open);
      box-shadow: inset 3px 0 0 var(--_accent);
    }
    [part~='cell'] {
      display: flex;
      min-width: 0;
    }
    [part~='cell']:first-child {
      flex: 1 1 auto;
    }
    [part~='item'] {
      flex: 1 1 auto;
      min-width: 0;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.15rem;
      text-align: start;
      border: none;
      border-radius: 0;
      background: none;
      padding: var(--_space);
    }
    [part~='item']:hover {
      background: var(--_bg-alt);
    }
    [part~='item'][aria-busy='true'] {
      cursor: progress;
      opacity: 0.7;
    }
    [part~='item-title'] {
      font-weight: 600;
      max-width: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    [part~='item-meta'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.6rem;
      color: var(--_muted);
      font-size: 0.9em;
    }
    [part~='unread'] {
      padding: 0 0.45em;
      border-radius: 999px;
      background: var(--_unread);
      color: #fff;
      font-weight: 600;
    }
    [part~='finished'] {
      padding: 0 0.45em;
      border-radius: 999px;
      border: 1px solid var(--_muted);
      color: var(--_text);
    }
    [part~='cell-actions'] {
      align-items: center;
      padding-inline-end: calc(var(--_space) * 0.5);
    }
    [part~='disposition-button'] {
      font-size: 0.85em;
      padding: calc(var(--_space) * 0.4) var(--_space);
    }
    [part~='empty'],
    [part~='loading'] {
      color: var(--_muted);
      padding: var(--_space);
      margin: 0;
    }
    [part~='notice'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      padding: var(--_space);
      border: 1px solid var(--_warning);
      border-radius: var(--_radius);
      background: light-dark(#fff8c5, #3d3511);
      color: var(--_text);
    }
    [part~='notice'] p {
      margin: 0;
      flex: 1 1 10rem;
    }
    [part~='composer-dialog'] {
      width: min(36rem, calc(100vw - 1rem));
      max-height: calc(100vh - 2rem);
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_text);
    }
    [part~='composer-dialog']::backdrop {
      background: rgb(0 0 0 / 0.35);
    }
  }
`;
