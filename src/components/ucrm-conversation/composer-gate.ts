/**
 * What the agent may write in this conversation, told before they type: the
 * customer (full), only internal notes (a finished interaction), or nothing
 * (phone, closed, unassigned, someone else's), with the reason; and the
 * WhatsApp window (seed 002): templates only for the first message and once
 * 24 hours passed after the customer's last one, the closing time shown
 * during its last hours, and a re-render the moment it closes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Clock } from '../../core/disposition/index.js';
import { composeMode, windowRemaining, type ComposeMode, type Interaction } from '../../core/interactions/index.js';
import type { ConversationStrings } from '../../i18n/strings/conversation.js';

export type Access = 'full' | 'notes' | 'none';

/** The closing time is shown during the window's last hours. */
const WINDOW_NOTE_MS = 4 * 60 * 60 * 1000;

/** Who writes to whom: the agent at this desk (`me`) and the interaction's state. */
export function composerAccess(interaction: Interaction | undefined, me: string | undefined, s: ConversationStrings): { access: Access; note?: string } {
  if (!interaction) return { access: 'none' };
  if (interaction.channel === 'phone') return { access: 'none', note: s.phoneChannel };
  if (interaction.status === 'closed') return { access: 'none' };
  if (interaction.status === 'pending' || !interaction.assignee) return { access: 'none', note: s.readOnlyUnassigned };
  if (me && interaction.assignee !== me) return { access: 'none', note: s.readOnly(interaction.assignee) };
  if (interaction.status === 'finished') return { access: 'notes', note: s.finishedNote };
  return { access: 'full' };
}

export class WindowGate implements ReactiveController {
  private timer?: unknown;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clock: () => Clock,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Free text, or templates only (and why), now. */
  mode(interaction: Interaction): ComposeMode {
    return composeMode(interaction, this.clock().now());
  }

  /** "The window closes at …" during its last hours; undefined otherwise. */
  note(interaction: Interaction, s: ConversationStrings, format: Intl.DateTimeFormat): string | undefined {
    const now = this.clock().now();
    const left = windowRemaining(interaction, now);
    return left !== undefined && left < WINDOW_NOTE_MS ? s.windowCloses(format.format(new Date(now + left))) : undefined;
  }

  /** Re-renders when the WhatsApp window of `interaction` closes, so the input says so before the agent types. */
  watch(interaction: Interaction | undefined): void {
    this.cancel();
    const left = interaction ? windowRemaining(interaction, this.clock().now()) : undefined;
    if (left !== undefined) {
      this.timer = this.clock().setTimeout(() => {
        this.timer = undefined;
        this.host.requestUpdate();
      }, left + 1);
    }
  }

  private cancel(): void {
    if (this.timer !== undefined) this.clock().clearTimeout(this.timer);
    this.timer = undefined;
  }
}
