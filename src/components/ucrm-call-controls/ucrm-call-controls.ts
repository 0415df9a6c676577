import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { systemClock, type Clock } from '../../core/disposition/index.js';
import { CrmError, isAborted } from '../../core/errors.js';
import type { CallCommand, CallState, Interaction, SignalLevel } from '../../core/interactions/index.js';
import { UcrmCallActionEvent, type CallAction } from '../../events.js';
import { callStrings, type CallStrings } from '../../i18n/strings/calls.js';
import { UcrmSingleInteractionElement } from '../shared/ucrm-single-interaction-element.js';
import { controlItems, isKeypadKey, KEYPAD_KEYS, type ControlId, type ControlItem } from './call-control-items.js';
import { elapsedSeconds, formatClock, isoDuration, nextSecondIn, spokenDuration } from './call-time.js';
import { callControlsStyles } from './ucrm-call-controls.styles.js';

const SIGNAL_BARS: Record<SignalLevel, number> = { good: 3, fair: 2, poor: 1 };

/**
 * The call canvas of a phone interaction (seed 002), one toolbar in the
 * manner of Flex's: **Mute**, **Hold** (the customer hears music),
 * **Keypad** (DTMF; while it is open the keyboard's digits, `*` and `#`
 * are sent too), **Park** / **Unpark** (the call stays in Active; only the
 * agent who parked it can unpark it — the control says who did),
 * **Conference** (sends the call to the agent's room; in the room itself,
 * **Join**), **End call**; the state, a call timer from the interaction's
 * start, and the signal quality (green / orange / red bars with a text
 * alternative).
 *
 * Every control is a request to the interaction source: the control shows a
 * pending look while it is in flight, then the state the source answers
 * (never an optimistic guess); a refusal is shown with the source's reason.
 * Changes from elsewhere (the customer hangs up, the line degrades) arrive
 * through the source's watch. State changes are announced in a polite live
 * region.
 *
 * Keyboard: the toolbar is one Tab stop; Left/Right, Home/End move between
 * controls (disabled ones too: their description says why); Enter or Space
 * presses; digits, `*`, `#` dial while the keypad is open.
 *
 * @summary Mute, hold, keypad, park, conference and end call for a phone interaction, with timer and signal.
 *
 * @fires ucrm-call-action - `{interactionId, action, digits?}` once the source accepted a command (`mute`, `unmute`, `hold`, `resume`, `park`, `unpark`, `hangup`, `dtmf`, `conference`, `join-conference`).
 * @fires ucrm-error - `{operation, code, message}`: `get`, `call`, `conference`, `join-conference`.
 *
 * @csspart base - The wrapper.
 * @csspart status - The state line (state, parked by, timer, signal).
 * @csspart state - The call's state.
 * @csspart parked-by - Who parked the call.
 * @csspart timer - The call timer.
 * @csspart signal - The signal icon (also `signal-good`, `signal-fair`, `signal-poor`).
 * @csspart toolbar - The controls.
 * @csspart control - Each control (also `control-<id>`: mute, hold, keypad, park, conference, end).
 * @csspart control-icon - A control's icon.
 * @csspart control-label - A control's name.
 * @csspart keypad - The keypad (12 keys).
 * @csspart key - A keypad key.
 * @csspart sent-digits - The digits the source accepted.
 * @csspart announcer - The polite live region.
 * @csspart error - A refused or failed command, with Retry or Dismiss.
 *
 * @cssproperty [--ucrm-call-signal-good=light-dark(#1a7f37, #3fb950)] - The signal icon when good (green).
 * @cssproperty [--ucrm-call-signal-fair=light-dark(#bc4c00, #f0883e)] - The signal icon when fair (orange).
 * @cssproperty [--ucrm-call-signal-poor=light-dark(#b42318, #ff7b72)] - The signal icon when poor (red).
 * @cssproperty [--ucrm-call-pressed-bg=light-dark(#ddf4ff, #12324f)] - A toggle that is on (muted, held, parked).
 * @cssproperty [--ucrm-call-end-bg=#b42318] - The End call button.
 * @cssproperty [--ucrm-call-end-text=#ffffff] - The End call button's text.
 */
export class UcrmCallControls extends UcrmSingleInteractionElement {
  static override styles = [...UcrmSingleInteractionElement.styles, callControlsStyles];
  static override catalogs = [callStrings];

  /** The agent at this desk (who may unpark). Defaults to the source's agent, else the interaction's assignee. */
  @property({ attribute: 'agent-id' }) agentId?: string;

  /** The call's state as the source last said (reflected, read-only). */
  @property({ attribute: 'call-state', reflect: true }) callState?: CallState;

  /** Where the call timer reads time (tests, a server clock). Property only. */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private pending?: ControlId;
  @state() private keypadOpen = false;
  @state() private sentDigits = '';
  @state() private announcement = '';
  @state() private now = 0;
  @state() private focusIndex = 0;
  @state() private parkerName?: string;

  private tickHandle?: unknown;
  private dtmfQueue = '';

  private get s(): CallStrings {
    return this.strings(callStrings);
  }

  /** The agent at the desk. */
  private get me(): string | undefined {
    return this.agentId ?? this.interactionSource.agentId ?? this.current?.assignee;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onDigitKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onDigitKey);
    this.stopTicking();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((changed as Map<PropertyKey, unknown>).has('current')) {
      const before = (changed as Map<PropertyKey, unknown>).get('current') as Interaction | undefined;
      this.onCallChanged(before, this.current);
    }
    if (changed.has('clock')) this.startTicking();
  }

  protected override interactionIdChanged(): void {
    super.interactionIdChanged();
    this.keypadOpen = false;
    this.sentDigits = '';
    this.announcement = '';
    this.parkerName = undefined;
  }

  protected override interactionNotFound(id: string): string {
    return this.s.interactionNotFound(id);
  }

  /** What the agent hears about a change the source reported, and the timer and parker that follow it. */
  private onCallChanged(before: Interaction | undefined, after: Interaction | undefined): void {
    this.callState = after?.call?.state;
    this.startTicking();
    const was = before?.id === after?.id ? before?.call : undefined;
    const call = after?.call;
    if (!call) return;
    const s = this.s;
    const said: string[] = [];
    if (was && was.muted !== call.muted) said.push(call.muted ? s.nowMuted : s.nowUnmuted);
    if (was && was.state !== call.state) said.push(s.nowState(this.stateText(after!)));
    if (was && was.signal !== call.signal) said.push(s.signalNow(s.signal(call.signal)));
    if (said.length) this.announcement = said.join(' ');
    if (call.state !== 'parked' || !call.parkedBy || call.parkedBy === this.me) this.parkerName = undefined;
    else if (call.parkedBy !== was?.parkedBy || this.parkerName === undefined) void this.lookUpParker(after!.id, call.parkedBy);
    if (call.state !== 'connected' && call.state !== 'consulting') this.keypadOpen = false;
  }

  /** The parker's name, from the agents the source lists as transfer targets (the id if it does not know them). */
  private async lookUpParker(id: string, agentId: string): Promise<void> {
    this.parkerName = agentId;
    try {
      const { agents } = await this.interactionSource.transferTargets(id);
      const name = agents.find((a) => a.id === agentId)?.name;
      if (name && this.current?.call?.parkedBy === agentId) this.parkerName = name;
    } catch {
      // The id is shown instead: the name is a nicety, the lock is the source's.
    }
  }

  // ---- The timer ----

  private startTicking(): void {
    this.stopTicking();
    this.now = this.clock.now();
    const current = this.current;
    if (!this.isConnected || !current?.call || current.call.state === 'ended' || current.status !== 'active') return;
    this.tickHandle = this.clock.setTimeout(() => {
      this.tickHandle = undefined;
      this.startTicking();
    }, nextSecondIn(current.startedAt, this.now));
  }

  private stopTicking(): void {
    if (this.tickHandle !== undefined) this.clock.clearTimeout(this.tickHandle);
    this.tickHandle = undefined;
  }

  // ---- Commands ----

  private async press(item: ControlItem): Promise<void> {
    const interaction = this.current;
    if (!interaction || !item.enabled || this.pending) return;
    const call = interaction.call!;
    switch (item.id) {
      case 'mute':
        return this.command(item.id, call.muted ? 'unmute' : 'mute', { type: call.muted ? 'unmute' : 'mute' });
      case 'hold':
        return this.command(item.id, call.state === 'held' ? 'resume' : 'hold', { type: call.state === 'held' ? 'resume' : 'hold' });
      case 'park':
        return this.command(item.id, call.state === 'parked' ? 'unpark' : 'park', { type: call.state === 'parked' ? 'unpark' : 'park' });
      case 'end':
        return this.command(item.id, 'hangup', { type: 'hangup' });
      case 'conference':
        return this.command(item.id, interaction.conferenceRoom ? 'join-conference' : 'conference');
      case 'keypad':
        this.keypadOpen = !this.keypadOpen;
        return;
    }
  }

  /** Sends one command; the controls show the state the source answers. */
  private async command(control: ControlId, action: CallAction, callCommand?: CallCommand): Promise<void> {
    const id = this.interactionId;
    if (!id) return;
    const operation = action === 'conference' || action === 'join-conference' ? action : 'call';
    this.pending = control;
    try {
      const source = this.interactionSource;
      if (callCommand) {
        const answer = await source.call(id, callCommand);
        if (answer.id === this.interactionId) this.current = answer;
      } else {
        if (action === 'join-conference') await source.joinConference();
        else await source.sendToConference(id);
        // The answer is the room; this call's own state is read back.
        const answer = await source.get(id);
        if (answer && answer.id === this.interactionId) this.current = answer;
      }
      if (this.problem?.operation === operation) this.clearProblem();
      const digits = callCommand?.type === 'dtmf' ? callCommand.digits : undefined;
      if (digits) {
        this.sentDigits += digits;
        this.announcement = this.s.digitsSent(digits);
      }
      this.dispatchEvent(new UcrmCallActionEvent({ interactionId: id, action, ...(digits ? { digits } : {}) }));
    } catch (error) {
      if (!isAborted(error)) {
        const retry = () => void this.command(control, action, callCommand);
        this.reportError(operation, error, (error as CrmError).code === 'unavailable' ? retry : undefined);
      }
      this.dtmfQueue = '';
    } finally {
      this.pending = undefined;
    }
    if (this.dtmfQueue) this.sendDigits('');
  }

  /** Keypad digits go one command at a time; keys pressed meanwhile wait their turn. */
  private sendDigits(key: string): void {
    this.dtmfQueue += key;
    if (this.pending || !this.dtmfQueue) return;
    const digits = this.dtmfQueue;
    this.dtmfQueue = '';
    void this.command('keypad', 'dtmf', { type: 'dtmf', digits });
  }

  private readonly onDigitKey = (event: KeyboardEvent): void => {
    if (!this.keypadOpen || event.ctrlKey || event.metaKey || event.altKey || !isKeypadKey(event.key)) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
    event.preventDefault();
    this.sendDigits(event.key);
  };

  // ---- The toolbar pattern ----

  private controls(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="toolbar"] > [part~="control"]')];
  }

  private onToolbarKeydown(event: KeyboardEvent): void {
    const controls = this.controls();
    const count = controls.length;
    if (!count) return;
    let next = this.focusIndex;
    if (event.key === 'ArrowRight') next = (next + 1) % count;
    else if (event.key === 'ArrowLeft') next = (next - 1 + count) % count;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else return;
    event.preventDefault();
    this.focusIndex = next;
    controls[next]?.focus();
  }

  // ---- Rendering ----

  private stateText(interaction: Interaction): string {
    const call = interaction.call!;
    const s = this.s;
    if (call.state === 'parked' && call.parkedBy) return call.parkedBy === this.me ? s.parkedByYou : s.parkedBy(this.parkerName ?? call.parkedBy);
    if (interaction.conferenceRoom && call.state === 'conference') return s.conferenceRoom;
    return s.stateName(call.state);
  }

  override render(): TemplateResult {
    const interaction = this.current;
    const s = this.s;
    if (interaction && !interaction.call) {
      return html`<div part="base"><p part="status">${s.notACall}</p>${this.renderProblem()}</div>`;
    }
    const items = controlItems(interaction, this.me);
    const focusIndex = Math.min(this.focusIndex, Math.max(0, items.length - 1));
    return html`<div part="base">
      ${interaction ? this.renderStatus(interaction) : nothing}
      <div
        part="toolbar"
        role="toolbar"
        aria-label=${s.callControls}
        aria-busy=${this.pending ? 'true' : nothing}
        @keydown=${this.onToolbarKeydown}
      >
        ${items.map((item, index) => this.renderControl(item, index === focusIndex, index))}
      </div>
      ${this.keypadOpen ? this.renderKeypad() : nothing}
      <div class="visually-hidden" aria-hidden="true">
        <span id="hint-mute">${s.muteHint}</span>
        <span id="hint-hold">${s.holdHint}</span>
        <span id="hint-keypad">${s.keypadHint}</span>
        <span id="hint-park">${this.parkHint(interaction)}</span>
        <span id="hint-conference">${interaction?.conferenceRoom ? s.joinHint : s.conferenceHint}</span>
      </div>
      ${this.renderProblem()}
      <div part="announcer" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private parkHint(interaction: Interaction | undefined): string {
    const call = interaction?.call;
    if (call?.state === 'parked' && call.parkedBy && call.parkedBy !== this.me) return this.s.onlyParkerUnparks(this.parkerName ?? call.parkedBy);
    if (call?.state === 'parked') return this.s.parkedByYou;
    return this.s.parkHint;
  }

  private renderStatus(interaction: Interaction): TemplateResult {
    const s = this.s;
    const call = interaction.call!;
    const ended = call.state === 'ended' || interaction.status !== 'active';
    const seconds = elapsedSeconds(interaction.startedAt, this.now, ended ? (interaction.finishedAt ?? interaction.updatedAt) : undefined);
    const parked = call.state === 'parked' && call.parkedBy;
    return html`<div part="status">
      <span part="state" data-state=${call.state}>${parked ? s.stateName('parked') : this.stateText(interaction)}</span>
      ${parked ? html`<span part="parked-by">${this.stateText(interaction)}</span>` : nothing}
      <span part="timer">
        <span class="visually-hidden">${s.duration}: ${spokenDuration(seconds, this.locale)}</span>
        <time datetime=${isoDuration(seconds)} aria-hidden="true">${formatClock(seconds, this.locale)}</time>
      </span>
      ${ended ? nothing : this.renderSignal(call.signal)}
    </div>`;
  }

  private renderSignal(level: SignalLevel): TemplateResult {
    const s = this.s;
    const bars = SIGNAL_BARS[level];
    const label = level === 'poor' ? `${s.signal(level)}. ${s.signalPoorHint}` : s.signal(level);
    return html`<span part="signal signal-${level}" data-level=${level} role="img" aria-label=${label} title=${label}>
      <svg viewBox="0 0 18 16" aria-hidden="true" focusable="false">
        ${[0, 1, 2].map(
          (i) => svg`<rect x=${1 + i * 6} y=${10 - i * 4} width="4" height=${5 + i * 4} rx="1" class=${i < bars ? 'on' : 'off'}></rect>`,
        )}
      </svg>
    </span>`;
  }

  private renderControl(item: ControlItem, tabbable: boolean, index: number): TemplateResult {
    const s = this.s;
    const room = !!this.current?.conferenceRoom;
    const parked = this.current?.call?.state === 'parked';
    const label = {
      mute: s.mute,
      hold: s.hold,
      keypad: s.keypad,
      park: parked ? s.unpark : s.park,
      conference: room ? s.joinConference : s.conference,
      end: s.endCall,
    }[item.id];
    const pending = this.pending === item.id;
    const enabled = item.enabled && !this.pending;
    const toggle = item.id === 'mute' || item.id === 'hold';
    const described = item.id === 'end' ? undefined : `hint-${item.id}`;
    return html`<button
      type="button"
      part="control control-${item.id}"
      tabindex=${tabbable ? '0' : '-1'}
      aria-disabled=${enabled ? 'false' : 'true'}
      aria-pressed=${toggle ? (item.pressed ? 'true' : 'false') : nothing}
      aria-expanded=${item.id === 'keypad' ? (this.keypadOpen ? 'true' : 'false') : nothing}
      aria-controls=${item.id === 'keypad' ? 'keypad' : nothing}
      aria-describedby=${described ?? nothing}
      aria-busy=${pending ? 'true' : nothing}
      data-pending=${pending ? '' : nothing}
      data-on=${item.pressed ? '' : nothing}
      @click=${() => void this.press(item)}
      @focus=${() => (this.focusIndex = index)}
    >
      ${this.icon(item.id)}
      <span part="control-label">${label}</span>
      ${pending ? html`<span class="visually-hidden">${s.working}</span>` : nothing}
    </button>`;
  }

  private renderKeypad(): TemplateResult {
    const s = this.s;
    const enabled = !!controlItems(this.current, this.me).find((i) => i.id === 'keypad')?.enabled;
    return html`<div part="keypad" id="keypad" role="group" aria-label=${s.keypadDigits}>
      ${KEYPAD_KEYS.map(
        (key) => html`<button
          type="button"
          part="key"
          aria-label=${s.key(key)}
          aria-disabled=${enabled ? 'false' : 'true'}
          @click=${() => (enabled ? this.sendDigits(key) : undefined)}
        >
          ${key}
        </button>`,
      )}
      <output part="sent-digits">${this.sentDigits ? `${s.sentDigits}: ${this.sentDigits}` : ''}</output>
    </div>`;
  }

  private icon(id: ControlId): TemplateResult {
    const paths: Record<ControlId, string> = {
      mute: 'M8 1.5a2 2 0 0 0-2 2v4a2 2 0 0 0 4 0v-4a2 2 0 0 0-2-2zM4 7.5a4 4 0 0 0 8 0M8 11.5v3',
      hold: 'M5 3v10M11 3v10',
      keypad: 'M3 3h2v2H3zM7 3h2v2H7zM11 3h2v2h-2zM3 7h2v2H3zM7 7h2v2H7zM11 7h2v2h-2zM7 11h2v2H7z',
      park: 'M4 14V2h4.5a3 3 0 0 1 0 6H4',
      conference: 'M5.5 6a2 2 0 1 0 0-.1M10.5 6a2 2 0 1 0 0-.1M1.5 13c0-2 2-3.5 4-3.5s4 1.5 4 3.5M8 10c.7-.4 1.6-.5 2.5-.5 2 0 4 1.5 4 3.5',
      end: 'M1.5 9.5c4-3.5 9-3.5 13 0l-1.5 2-2.5-1v-2c-1.7-.5-3.3-.5-5 0v2l-2.5 1z',
    };
    return html`<svg part="control-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      ${svg`<path d=${paths[id]}></path>`}
    </svg>`;
  }
}
