import { css } from 'lit';

/**
 * Design tokens. Each public `--ucrm-*` custom property is read once into a
 * private `--_*` variable, so a host can set tokens anywhere up the tree
 * (`:root`, a wrapper, the element itself) and every element follows.
 * Everything sits in `@layer ucrm` so host overrides win.
 *
 * Dark theme: every colour default is `light-dark(light, dark)`, so an element
 * follows the CSS `color-scheme` where it sits (inherited like any property):
 * `color-scheme: light dark` on the page follows the system setting,
 * `color-scheme: dark` on any ancestor forces dark (docs/theming.md). The dark
 * values pass WCAG AA on a dark page (`Canvas`) and on the surfaces below.
 */
export const themeStyles = css`
  @layer ucrm {
    :host {
      --_font: var(--ucrm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
      --_font-size: var(--ucrm-font-size, 0.875rem);
      --_text: var(--ucrm-color-text, light-dark(#1f2328, #e6edf3));
      --_muted: var(--ucrm-color-text-muted, light-dark(#57606a, #9198a1));
      --_bg: var(--ucrm-color-surface, light-dark(#ffffff, #0d1117));
      --_bg-alt: var(--ucrm-color-surface-alt, light-dark(#f6f8fa, #161b22));
      --_border: var(--ucrm-color-border, light-dark(#d0d7de, #3d444d));
      --_accent: var(--ucrm-color-accent, light-dark(#0b5cad, #4493f8));
      --_accent-text: var(--ucrm-color-on-accent, light-dark(#ffffff, #0d1117));
      --_danger: var(--ucrm-color-danger, light-dark(#b42318, #ff7b72));
      --_danger-bg: var(--ucrm-color-danger-surface, light-dark(#fef3f2, #2d1214));
      --_success: var(--ucrm-color-success, light-dark(#1a7f37, #3fb950));
      --_warning: var(--ucrm-color-warning, light-dark(#9a6700, #d29922));
      --_focus: var(--ucrm-color-focus, light-dark(#0969da, #58a6ff));
      --_radius: var(--ucrm-radius, 6px);
      --_space: var(--ucrm-space, 0.5rem);
      --_shadow: var(--ucrm-shadow, 0 1px 3px light-dark(rgb(0 0 0 / 0.12), rgb(0 0 0 / 0.6)));

      display: block;
      box-sizing: border-box;
      font-family: var(--_font);
      font-size: var(--_font-size);
      color: var(--_text);
      line-height: 1.4;
    }
    :host([hidden]) {
      display: none;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    :focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    button {
      font: inherit;
      cursor: pointer;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_text);
      padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
      min-height: 2rem;
    }
    button.primary {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_accent-text);
    }
    button:disabled {
      cursor: not-allowed;
      opacity: 0.6;
    }
    input,
    select,
    textarea {
      font: inherit;
      color: var(--_text);
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 0.75);
      min-height: 2rem;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
      border: 0;
    }
    [part~='error'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: center;
      padding: var(--_space);
      border: 1px solid var(--_danger);
      border-radius: var(--_radius);
      background: var(--_danger-bg);
      color: var(--_danger);
    }
    [part~='error'] p {
      margin: 0;
      flex: 1 1 12rem;
    }
  }
`;
