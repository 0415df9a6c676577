import { css } from 'lit';

export const interactionViewStyles = css`
  @layer ucrm {
    [part='base'] {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      /* Every state keeps this height, so the skeleton never makes the page jump. */
      min-height: var(--ucrm-interaction-view-min-height, 16rem);
    }
    [part='header'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      padding-bottom: var(--_space);
      border-bottom: 1px solid var(--_border);
    }
    [part='channel'] {
      font-weight: 600;
    }
    [part='client-id'] {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    [part='search-button'] {
      margin-inline-start: auto;
    }
    [part='content'] {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      outline: none;
    }
    [part='content'][hidden] {
      display: none;
    }
    [part='notice'],
    [part='match-reason'] {
      margin: 0;
      color: var(--_muted);
    }
    .warning {
      color: var(--_warning);
    }
    [part='match-reason'] {
      font-style: italic;
    }
    .search {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    [part='assign'],
    [part='undo'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg-alt);
    }
    [part='assign'] p {
      margin: 0;
      flex-basis: 100%;
    }
    [part='assign'] .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    [part='undo'] span {
      flex: 1 1 auto;
    }
    [part='skeleton'] {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      padding: var(--_space);
    }
    .bone {
      display: block;
      height: 0.9rem;
      width: 70%;
      border-radius: var(--_radius);
      background: linear-gradient(90deg, var(--_bg-alt), var(--_border), var(--_bg-alt));
      background-size: 200% 100%;
      animation: ucrm-shimmer 1.4s ease-in-out infinite;
    }
    .bone.title {
      height: 1.4rem;
      width: 45%;
    }
    .bone.short {
      width: 35%;
    }
    .bone.block {
      height: 6rem;
      width: 100%;
    }
    @media (prefers-reduced-motion: reduce) {
      .bone {
        animation: none;
      }
    }
    @keyframes ucrm-shimmer {
      from {
        background-position: 100% 0;
      }
      to {
        background-position: -100% 0;
      }
    }
  }
`;
