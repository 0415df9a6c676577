import { css } from 'lit';

export const conferenceStyles = css`
  @layer ucrm {
    :host {
      --_speaking: var(--ucrm-conference-speaking, light-dark(#1a7f37, #3fb950));
      --_list-height: var(--ucrm-conference-list-height, 24rem);
    }
    [part~='base'] {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    [part~='heading'] {
      margin: 0;
      font-size: 1.05em;
    }
    [part~='count'] {
      color: var(--_muted);
      font-weight: normal;
    }
    [part~='room-state'],
    [part~='empty'] {
      margin: 0;
      color: var(--_muted);
    }
    [part~='actions'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    [part~='list'] {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: var(--_list-height);
      overflow: auto;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [part~='participant'] {
      display: flex;
      align-items: center;
      gap: calc(var(--_space) * 0.75);
      padding: calc(var(--_space) * 0.5) var(--_space);
    }
    [part~='participant'] + [part~='participant'] {
      border-top: 1px solid var(--_border);
    }
    [part~='speaking'] {
      width: 0.7rem;
      height: 0.7rem;
      border-radius: 50%;
      border: 2px solid var(--_border);
      flex: none;
    }
    [part~='speaking'].on {
      background: var(--_speaking);
      border-color: var(--_speaking);
      box-shadow: 0 0 0 3px color-mix(in srgb, var(--_speaking) 25%, transparent);
    }
    [part~='name'] {
      font-weight: 600;
    }
    [part~='speaking-label'] {
      color: var(--_speaking);
      font-size: 0.9em;
    }
    [part~='muted'] {
      color: var(--_muted);
      font-size: 0.9em;
    }
    [part~='participant-actions'] {
      display: flex;
      gap: calc(var(--_space) * 0.5);
      margin-inline-start: auto;
    }
    /* aria-disabled, not disabled: a button busy with its own command keeps the keyboard focus. */
    button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.55;
    }
    [part~='mute-button'][aria-pressed='true'] {
      background: var(--_bg-alt);
      border-color: var(--_accent);
    }
    @media (prefers-reduced-motion: no-preference) {
      [part~='speaking'].on {
        animation: ucrm-speaking 1.2s ease-in-out infinite;
      }
    }
    @keyframes ucrm-speaking {
      50% {
        box-shadow: 0 0 0 5px color-mix(in srgb, var(--_speaking) 10%, transparent);
      }
    }
  }
`;
