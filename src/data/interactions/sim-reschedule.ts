/**
 * Reschedule in the simulated carrier (seed 002, Outbound Hub): a
 * disposition's `rescheduleAt` becomes a scheduled attempt, listed for its
 * agent, and at its time (on the simulator's clock) the source starts the
 * outbound attempt. One attempt per interaction: saving the disposition again
 * moves it. Kept out of `simulated-source.ts` so the carrier's core stays one
 * job; the source calls `schedule` after a disposition and hands `fire`.
 */
import type { Interaction } from '../../core/interactions/index.js';
import type { TimerSet } from './sim-clock.js';
import type { ScheduledAttempt } from './source.js';

export class RescheduleQueue {
  readonly #attempts = new Map<string, { attempt: ScheduledAttempt; cancel: () => void }>();
  #counter = 0;

  constructor(
    private readonly timers: TimerSet,
    /** Starts the attempt (the source's outbound start); runs once, at `attempt.at`. */
    private readonly fire: (attempt: ScheduledAttempt) => void,
  ) {}

  /**
   * Schedules (or moves) the next attempt for `interaction`, whose saved
   * disposition holds `rescheduleAt`; `now` is the clock's epoch ms. A time
   * that does not parse schedules nothing.
   */
  schedule(interaction: Interaction, agentId: string, channel: Interaction['channel'], now: number): ScheduledAttempt | undefined {
    const at = interaction.disposition?.rescheduleAt;
    const due = at ? Date.parse(at) : NaN;
    if (!at || !Number.isFinite(due)) return undefined;
    this.cancel(interaction.id);
    this.#counter += 1;
    const attempt: ScheduledAttempt = {
      id: `attempt-${this.#counter}`,
      interactionId: interaction.id,
      campaign: interaction.campaign,
      channel,
      clientId: interaction.context.clientId ?? interaction.title ?? '',
      ...(interaction.contactId ? { contactId: interaction.contactId } : {}),
      ...(interaction.title ? { title: interaction.title } : {}),
      agentId,
      at: new Date(due).toISOString(),
    };
    const cancel = this.timers.after(due - now, () => {
      this.#attempts.delete(interaction.id);
      this.fire(attempt);
    });
    this.#attempts.set(interaction.id, { attempt, cancel });
    return attempt;
  }

  cancel(interactionId: string): void {
    this.#attempts.get(interactionId)?.cancel();
    this.#attempts.delete(interactionId);
  }

  /** The attempts of `agentId` still to come, soonest first. */
  list(agentId: string): ScheduledAttempt[] {
    return [...this.#attempts.values()]
      .map((entry) => entry.attempt)
      .filter((attempt) => attempt.agentId === agentId)
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
}
