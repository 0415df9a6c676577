import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  formatCountdown,
  formatDuration,
  nextTickDelay,
  parseDeadline,
  secondsLeft,
  systemClock,
  type Clock,
} from '../../core/disposition/index.js';
import { isChannel } from '../../core/identity/index.js';
import { CHANNELS, type Channel } from '../../core/types.js';
import { UcrmWrapUpEndEvent } from '../../events.js';
import { wrapUpStrings } from '../../i18n/strings/wrap-up.js';
import { UcrmElement } from '../shared/ucrm-element.js';
import { wrapUpTimerStyles } from './ucrm-wrap-up-timer.styles.js';

type EndReason = 'timeout' | 'manual';

/**
 * The wrap-up countdown shown after a phone interaction finishes: the agent
 * is unavailable for new calls until it runs out, or until they click it.
 *
 * The period is fixed by an absolute `deadline`; given only `seconds`, the
 * timer fixes `deadline` when it starts and reflects it, so a host that
 * re-renders or re-mounts the timer passes the same deadline back and the
 * countdown carries on instead of restarting.
 *
 * **Phone only** (seed 002: the wrap-up period follows a call). Given a
 * `channel` other than `phone`, the timer never counts down: `seconds`,
 * `deadline` and `start()` are ignored, `running` stays false, no
 * `ucrm-wrap-up-end` is fired, and it shows one quiet line, "No wrap-up
 * after WhatsApp interactions" (part `not-applicable`), so a host that
 * mounts it for every interaction sees why nothing counts instead of a blank
 * space. Without `channel` it behaves as before (a phone call is assumed).
 *
 * @summary Wrap-up countdown; click to end it early.
 *
 * @fires ucrm-wrap-up-end - `{reason: 'timeout' | 'manual'}`, once per period: at zero, or when the agent clicks.
 *
 * @csspart button - The countdown button (click ends the wrap-up).
 * @csspart icon - The clock icon in the button.
 * @csspart label - The "Wrap-up" text.
 * @csspart time - The `mm:ss` countdown.
 * @csspart over - The text shown once the period has ended.
 * @csspart not-applicable - "No wrap-up after <channel> interactions", for a channel that is not phone.
 * @csspart announcer - The polite live region (start and end only, never every second).
 * @csspart error - A malformed attribute message.
 *
 * @cssproperty [--ucrm-wrap-up-color=#6d28d9] - The button's background (purple by default).
 * @cssproperty [--ucrm-wrap-up-text-color=#ffffff] - The button's text colour.
 */
export class UcrmWrapUpTimer extends UcrmElement {
  static override styles = [...UcrmElement.styles, wrapUpTimerStyles];
  static override catalogs = [wrapUpStrings];

  /** The campaign's `wrapUpSeconds`; used to fix `deadline` when none is given. 0 means no wrap-up. */
  @property({ type: Number }) seconds?: number;

  /**
   * When the period ends: epoch ms or an ISO 8601 date-time with a zone.
   * Set by the timer from `seconds` when not given (read it back to keep the
   * countdown across a re-mount). A new value starts a new period.
   */
  @property({ reflect: true }) deadline?: number | string;

  /**
   * The channel of the interaction that ended. Wrap-up follows phone calls
   * only: any other channel shows "no wrap-up" and never counts down.
   * Unset means phone.
   */
  @property({ reflect: true }) channel?: Channel;

  /** True while counting down (reflected, read-only: set by the timer). */
  @property({ type: Boolean, reflect: true }) running = false;

  /** Where time comes from; tests and hosts with a server clock may replace it. Property only. */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private left = 0;
  @state() private announcement = '';
  @state() private ended?: EndReason;

  /** The deadline of the current period, once it is started. */
  private activeDeadline?: number;
  private tickHandle?: unknown;

  /** Starts a new period of `seconds` (default: the `seconds` property) from now. */
  start(seconds = this.seconds): void {
    if (!this.appliesToChannel) return;
    if (seconds === undefined || !(seconds > 0)) return;
    this.deadline = this.clock.now() + seconds * 1000;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached: pick up the same deadline where it stands now.
    if (this.running) this.tick();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTicking();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('seconds') && this.seconds !== undefined && !(this.seconds >= 0)) {
      // Report what the host wrote ("soon"), not the parsed NaN.
      const written = this.getAttribute('seconds') ?? String(this.seconds);
      this.reportBadAttribute('seconds', written, this.strings(wrapUpStrings).expectedSeconds);
    }
    if (changed.has('channel') && this.channel !== undefined && !isChannel(this.channel)) {
      this.reportBadAttribute('channel', String(this.channel), CHANNELS.join(' | '));
    }
    if (changed.has('channel') && !this.appliesToChannel) this.stopPeriod();
    if (changed.has('deadline') || changed.has('seconds') || changed.has('channel')) this.syncPeriod();
  }

  /** Wrap-up follows phone calls only (an unknown channel is reported and read as phone). */
  private get appliesToChannel(): boolean {
    return this.channel === undefined || this.channel === 'phone' || !isChannel(this.channel);
  }

  /** A channel without wrap-up: no countdown, no end event, nothing left to announce. */
  private stopPeriod(): void {
    this.stopTicking();
    this.running = false;
    this.ended = undefined;
    this.activeDeadline = undefined;
    this.announcement = '';
  }

  private syncPeriod(): void {
    if (!this.appliesToChannel) return;
    const given = this.deadline;
    let deadline = parseDeadline(given);
    if (given !== undefined && given !== null && given !== '' && deadline === undefined) {
      this.reportBadAttribute('deadline', String(given), this.strings(wrapUpStrings).expectedDeadline);
    }
    if (deadline === undefined && this.activeDeadline === undefined && this.seconds !== undefined && this.seconds > 0) {
      deadline = this.clock.now() + this.seconds * 1000;
      this.deadline = deadline;
    }
    if (deadline === undefined || deadline === this.activeDeadline) return;
    this.activeDeadline = deadline;
    this.ended = undefined;
    this.running = true;
    this.announcement = this.strings(wrapUpStrings).started(
      formatDuration(secondsLeft(deadline, this.clock.now()), this.locale),
    );
    this.tick();
  }

  private tick(): void {
    this.stopTicking();
    const deadline = this.activeDeadline;
    if (deadline === undefined || !this.running) return;
    const now = this.clock.now();
    this.left = secondsLeft(deadline, now);
    if (this.left === 0) {
      this.end('timeout');
      return;
    }
    if (this.isConnected) this.tickHandle = this.clock.setTimeout(() => this.tick(), nextTickDelay(deadline, now));
  }

  private stopTicking(): void {
    if (this.tickHandle !== undefined) this.clock.clearTimeout(this.tickHandle);
    this.tickHandle = undefined;
  }

  private end(reason: EndReason): void {
    if (!this.running) return;
    this.stopTicking();
    this.running = false;
    this.ended = reason;
    const s = this.strings(wrapUpStrings);
    this.announcement = reason === 'timeout' ? s.endedTimeout : s.endedManual;
    this.dispatchEvent(new UcrmWrapUpEndEvent({ reason }));
  }

  override render() {
    const s = this.strings(wrapUpStrings);
    if (!this.appliesToChannel) {
      return html`${this.renderProblem()}<span part="not-applicable">${s.notApplicable(this.channel!)}</span>`;
    }
    return html`${this.renderProblem()}
      ${this.running
        ? html`<button
            type="button"
            part="button"
            title=${s.endNow}
            aria-describedby="hint"
            @click=${() => this.end('manual')}
          >
            <svg part="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.5" />
              <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
            </svg>
            <span part="label">${s.label}</span>
            <span part="time">${formatCountdown(this.left)}</span>
          </button>
          <span id="hint" class="visually-hidden">${s.hint}</span>`
        : this.ended
          ? html`<span part="over">${s.over}</span>`
          : nothing}
      <div part="announcer" role="status" aria-live="polite" class="visually-hidden">${this.announcement}</div>`;
  }
}
