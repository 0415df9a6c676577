import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { systemClock, type Clock } from '../../core/disposition/index.js';
import { isAborted, type CrmError } from '../../core/errors.js';
import type { ConferenceParticipant, Interaction, InteractionChange } from '../../core/interactions/index.js';
import type { InteractionSource } from '../../data/interactions/source.js';
import { callStrings, type CallStrings } from '../../i18n/strings/calls.js';
import { UcrmInteractionElement } from '../shared/ucrm-interaction-element.js';
import { conferenceStyles } from './ucrm-conference.styles.js';

type Busy = { kind: 'join' | 'mute-all' } | { kind: 'mute' | 'remove'; id: string };

/**
 * The agent's own conference room (seed 002), itself an interaction: the
 * calls sent to it wait there; the agent **joins** to talk with everyone,
 * sees who is in and who is **speaking**, **mutes / unmutes** one
 * participant, **mutes all** (everyone but the agent) and **removes** one
 * (which ends that call). A participant who hangs up leaves the list; the
 * room ends when everyone has left. No limit on participants (tested with
 * 20 on the simulator).
 *
 * Commands go to the interaction source and the list shows what it answers.
 * The room's calls arrive through the source's watch, and so do who is in
 * and who is speaking: the room's interaction carries its `participants`
 * (the simulated carrier and the reference server push every change of
 * it). A source whose room change lacks them is read again on changes and
 * every `refresh-ms` while the room has participants, on the injectable
 * clock.
 *
 * @summary The agent's conference room: participants, speaking, mute, mute all, remove, join.
 *
 * @fires ucrm-error - `{operation, code, message}`: `list`, `participants`, `join-conference`, `mute-all`, `mute-participant`, `remove-participant`.
 *
 * @csspart base - The wrapper.
 * @csspart heading - "Conference room" and the count.
 * @csspart count - How many participants.
 * @csspart room-state - Joined or waiting.
 * @csspart actions - Join and Mute all.
 * @csspart join-button - Join the room.
 * @csspart mute-all-button - Mute everyone but the agent.
 * @csspart list - The participants.
 * @csspart participant - One participant (with `data-speaking`, `data-muted`).
 * @csspart name - A participant's name.
 * @csspart speaking - The speaking indicator.
 * @csspart muted - The muted badge.
 * @csspart mute-button - Mute / unmute one participant.
 * @csspart remove-button - Remove one participant (ends their call).
 * @csspart empty - The room is empty.
 * @csspart announcer - The polite live region.
 * @csspart error - A refused or failed command, with Retry.
 *
 * @cssproperty [--ucrm-conference-speaking=light-dark(#1a7f37, #3fb950)] - The speaking indicator.
 * @cssproperty [--ucrm-conference-list-height=24rem] - The list's height before it scrolls.
 */
export class UcrmConference extends UcrmInteractionElement {
  static override styles = [...UcrmInteractionElement.styles, conferenceStyles];
  static override catalogs = [callStrings];

  /** How often who is speaking is read again, in ms (0: only on changes). */
  @property({ attribute: 'refresh-ms', type: Number }) refreshMs = 1000;

  /** Where the refresh reads time. Property only. */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private room?: Interaction;
  @state() private participants: readonly ConferenceParticipant[] = [];
  @state() private loaded = false;
  @state() private busy?: Busy;
  @state() private announcement = '';

  private abort?: AbortController;
  private refreshQueued = false;
  private pollHandle?: unknown;

  private get s(): CallStrings {
    return this.strings(callStrings);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.stopPolling();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('refreshMs') || changed.has('clock')) this.schedulePoll();
  }

  protected override interactionSourceChanged(_source: InteractionSource): void {
    this.room = undefined;
    this.participants = [];
    this.loaded = false;
    void this.load();
  }

  protected override interactionChanged(change: InteractionChange): void {
    if (change.type !== 'interaction') return;
    const changed = change.interaction;
    if (changed.conferenceRoom) {
      if (this.room && changed.id !== this.room.id) return;
      if (changed.status === 'closed' || changed.status === 'finished') {
        if (this.room) this.announcement = this.s.roomEnded;
        this.room = undefined;
        this.participants = [];
        this.schedulePoll();
        return;
      }
      this.room = changed;
      // The room's change carries who is in and who speaks (both sources push it): no read needed.
      if (changed.participants) {
        this.announceMoves(this.participants, changed.participants);
        this.participants = changed.participants;
        this.schedulePoll();
      } else this.queueRefresh();
      return;
    }
    // A call sent in, hung up or removed.
    if (changed.call?.state === 'conference' || this.participants.some((p) => p.id === changed.id)) this.queueRefresh();
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    try {
      const active = await this.interactionSource.list({ tab: 'active', signal: abort.signal });
      if (abort.signal.aborted) return;
      this.room = active.find((i) => i.conferenceRoom && i.status === 'active');
      if (this.problem?.operation === 'list') this.clearProblem();
    } catch (error) {
      if (!abort.signal.aborted) this.reportError('list', error, () => void this.load());
      return;
    }
    await this.refresh(false);
    this.loaded = true;
  }

  /** One refresh for a burst of changes. */
  private queueRefresh(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    queueMicrotask(() => {
      this.refreshQueued = false;
      void this.refresh(true);
    });
  }

  private async refresh(announce: boolean): Promise<void> {
    const source = this.interactionSource;
    try {
      const next = await source.conferenceParticipants();
      if (source !== this.interactionSource) return;
      if (announce) this.announceMoves(this.participants, next);
      this.participants = next;
      if (this.problem?.operation === 'participants') this.clearProblem();
    } catch (error) {
      if (!isAborted(error)) this.reportError('participants', error, () => void this.refresh(false));
    }
    this.schedulePoll();
  }

  private announceMoves(before: readonly ConferenceParticipant[], after: readonly ConferenceParticipant[]): void {
    const s = this.s;
    const had = new Set(before.map((p) => p.id));
    const has = new Set(after.map((p) => p.id));
    const said = [
      ...after.filter((p) => !had.has(p.id)).map((p) => s.participantJoined(p.name)),
      ...before.filter((p) => !has.has(p.id)).map((p) => s.participantLeft(p.name)),
    ];
    if (said.length) this.announcement = said.join(' ');
  }

  // ---- Who is speaking: read again while anyone is in the room ----

  private schedulePoll(): void {
    this.stopPolling();
    // A room that carries its participants is pushed every change: nothing to poll.
    if (!this.isConnected || !(this.refreshMs > 0) || this.participants.length === 0 || this.room?.participants) return;
    this.pollHandle = this.clock.setTimeout(() => {
      this.pollHandle = undefined;
      void this.refresh(true);
    }, this.refreshMs);
  }

  private stopPolling(): void {
    if (this.pollHandle !== undefined) this.clock.clearTimeout(this.pollHandle);
    this.pollHandle = undefined;
  }

  // ---- Commands ----

  private async run(busy: Busy, operation: string, action: (source: InteractionSource) => Promise<unknown>, said?: string): Promise<void> {
    if (this.busy) return;
    this.busy = busy;
    try {
      await action(this.interactionSource);
      if (this.problem?.operation === operation) this.clearProblem();
      await this.refresh(true);
      if (said) this.announcement = said;
    } catch (error) {
      if (!isAborted(error)) {
        this.reportError(operation, error, (error as CrmError).code === 'unavailable' ? () => void this.run(busy, operation, action, said) : undefined);
      }
    } finally {
      this.busy = undefined;
    }
  }

  private join(): Promise<void> {
    return this.run({ kind: 'join' }, 'join-conference', async (source) => {
      const room = await source.joinConference();
      this.room = room;
    }, this.s.joined);
  }

  private muteAll(): Promise<void> {
    return this.run({ kind: 'mute-all' }, 'mute-all', (source) => source.muteAll(), this.s.allMuted);
  }

  private toggleMute(p: ConferenceParticipant): Promise<void> {
    const s = this.s;
    return this.run(
      { kind: 'mute', id: p.id },
      'mute-participant',
      (source) => source.muteParticipant(p.id, !p.muted),
      p.muted ? s.participantUnmuted(p.name) : s.participantMuted(p.name),
    );
  }

  private removeOne(p: ConferenceParticipant): Promise<void> {
    return this.run({ kind: 'remove', id: p.id }, 'remove-participant', (source) => source.removeParticipant(p.id));
  }

  // ---- Rendering ----

  override render(): TemplateResult {
    const s = this.s;
    const participants = this.participants;
    const joined = this.room?.call?.state === 'connected';
    const count = participants.length;
    return html`<section part="base" aria-labelledby="heading" aria-busy=${this.loaded ? nothing : 'true'}>
      <h3 part="heading" id="heading">
        ${s.conferenceRoom} <span part="count">${count ? `(${s.participants(count)})` : ''}</span>
      </h3>
      ${count === 0
        ? html`<p part="empty">${this.loaded ? s.emptyRoom : ''}</p>`
        : html`<p part="room-state">${joined ? s.joined : s.notJoined}</p>
            <div part="actions">
              ${joined
                ? nothing
                : html`<button type="button" class="primary" part="join-button" aria-describedby="join-hint" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => void this.join()}>
                    ${this.busy?.kind === 'join' ? s.working : s.joinConference}
                  </button>`}
              <button
                type="button"
                part="mute-all-button"
                aria-describedby="mute-all-hint"
                aria-disabled=${this.busy || participants.every((p) => p.muted) ? 'true' : 'false'}
                @click=${() => void (participants.every((p) => p.muted) ? undefined : this.muteAll())}
              >
                ${this.busy?.kind === 'mute-all' ? s.working : s.muteAll}
              </button>
            </div>
            <ul part="list" aria-label=${s.participants(count)}>
              ${repeat(participants, (p) => p.id, (p) => this.renderParticipant(p))}
            </ul>`}
      <div class="visually-hidden" aria-hidden="true">
        <span id="join-hint">${s.joinHint}</span>
        <span id="mute-all-hint">${s.muteAllHint}</span>
        <span id="remove-hint">${s.removeHint}</span>
      </div>
      ${this.renderProblem()}
      <div part="announcer" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }

  private renderParticipant(p: ConferenceParticipant): TemplateResult {
    const s = this.s;
    const busy = this.busy && 'id' in this.busy && this.busy.id === p.id ? this.busy.kind : undefined;
    return html`<li part="participant" data-speaking=${p.speaking ? 'true' : 'false'} data-muted=${p.muted ? 'true' : 'false'}>
      <span part="speaking" class=${p.speaking ? 'on' : ''} aria-hidden="true"></span>
      <span part="name">${p.name}</span>
      ${p.speaking ? html`<span part="speaking-label">${s.speaking}</span>` : nothing}
      ${p.muted ? html`<span part="muted">${s.mutedBadge}</span>` : nothing}
      <span part="participant-actions">
        <button
          type="button"
          part="mute-button"
          aria-pressed=${p.muted ? 'true' : 'false'}
          aria-label=${s.muteParticipant(p.name)}
          aria-busy=${busy === 'mute' ? 'true' : nothing}
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${() => void this.toggleMute(p)}
        >
          ${s.mute}
        </button>
        <button
          type="button"
          part="remove-button"
          aria-label=${s.removeParticipant(p.name)}
          aria-describedby="remove-hint"
          aria-busy=${busy === 'remove' ? 'true' : nothing}
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${() => void this.removeOne(p)}
        >
          ${busy === 'remove' ? s.working : s.remove}
        </button>
      </span>
    </li>`;
  }
}

