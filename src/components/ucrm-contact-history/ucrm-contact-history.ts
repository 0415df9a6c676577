import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { isAborted } from '../../core/errors.js';
import type { Interaction, InteractionChange, Message } from '../../core/interactions/index.js';
import type { Campaign } from '../../core/types.js';
import type { InteractionSource } from '../../data/interactions/source.js';
import { contactHistoryStrings } from '../../i18n/strings/contact-history.js';
import { workspaceStrings } from '../../i18n/strings/workspace.js';
import { UcrmInteractionElement } from '../shared/ucrm-interaction-element.js';
import { renderTranscript } from './history-transcript.js';

/**
 * A contact's communication history (seed 004: "every interaction linked to
 * its contact"): their interactions from the interaction source, newest
 * first, a page at a time (channel, campaign, time, agent, disposition).
 * Opening one shows its conversation read-only, as it was: replies,
 * attachments, voice notes and delivery states.
 *
 * Loaded on demand by `<ucrm-contact-details>` and the contact card's full
 * view, so a screen pop's first paint does not carry it.
 *
 * @summary A contact's interactions, newest first, paged; each conversation read-only.
 *
 * @fires ucrm-error - `{operation, code, message}`: `history`, `messages`.
 *
 * @csspart base - The wrapper.
 * @csspart title - "Interactions".
 * @csspart list - The interactions.
 * @csspart item - One interaction's button (opens its conversation).
 * @csspart item-channel - Its channel.
 * @csspart item-meta - Campaign, time, agent and disposition.
 * @csspart more-button - Loads the next (older) page.
 * @csspart empty - No interactions.
 * @csspart loading - Loading.
 * @csspart transcript - The opened conversation (read-only).
 * @csspart back-button - Back to the list.
 * @csspart message - One message (also `message-in`, `message-out`, `message-internal`).
 * @csspart message-author - Who wrote it.
 * @csspart message-text - Its text.
 * @csspart message-quote - The message it replied to.
 * @csspart message-attachment - An attachment (name and size).
 * @csspart message-status - Its delivery state.
 * @csspart error - A failure, with Retry.
 */
export class UcrmContactHistory extends UcrmInteractionElement {
  static override styles = [
    ...UcrmInteractionElement.styles,
    css`
      @layer ucrm {
        :host {
          display: block;
        }
        [part~='title'] {
          margin: 0 0 var(--_space);
          font-size: 1rem;
        }
        [part~='list'],
        [part~='messages'] {
          display: grid;
          gap: calc(var(--_space) * 0.5);
          margin: 0;
          padding: 0;
          list-style: none;
        }
        [part~='item'] {
          display: grid;
          width: 100%;
          text-align: start;
          gap: 0.15rem;
        }
        [part~='item-meta'],
        [part~='message-meta'] {
          color: var(--_muted);
          font-size: 0.85em;
        }
        [part~='message'] {
          padding: calc(var(--_space) * 0.5) var(--_space);
          border-radius: var(--_radius);
          background: var(--_bg-alt);
          max-width: 85%;
        }
        [part~='message-out'] {
          justify-self: end;
        }
        [part~='message-internal'] {
          border: 1px dashed var(--_border);
        }
        [part~='message'] p {
          margin: 0;
          overflow-wrap: anywhere;
          white-space: pre-line;
        }
        [part~='message-quote'] {
          border-inline-start: 3px solid var(--_border);
          padding-inline-start: calc(var(--_space) * 0.5);
          color: var(--_muted);
        }
        [part~='more-button'],
        [part~='back-button'] {
          margin-top: var(--_space);
        }
      }
    `,
  ];
  static override catalogs = [contactHistoryStrings, workspaceStrings];

  /** The contact whose interactions are listed. */
  @property({ attribute: 'contact-id', reflect: true }) contactId?: string;

  /** Interactions per page (20). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private items: Interaction[] = [];
  @state() private loading = false;
  @state() private loaded = false;
  /** A full page came back: there may be older ones. */
  @state() private hasMore = false;
  @state() private opened?: Interaction;
  @state() private transcript?: Message[];

  private abort?: AbortController;

  private readonly campaignsTask = new Task(this, {
    task: ([source], { signal }) => source.listCampaigns({ signal }),
    args: () => [this.activeSource] as const,
    // Names only: without them the list shows campaign ids.
    onError: () => undefined,
  });

  private get s() {
    return this.strings(contactHistoryStrings);
  }

  private campaignName(id: string): string {
    return (this.campaignsTask.value as Campaign[] | undefined)?.find((c) => c.id === id)?.name ?? id;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('contactId') && changed.get('contactId') !== undefined) void this.reload();
  }

  protected override interactionSourceChanged(_source: InteractionSource): void {
    void this.reload();
  }

  protected override interactionChanged(change: InteractionChange): void {
    if (change.type !== 'interaction' || !this.contactId) return;
    const next = change.interaction;
    const index = this.items.findIndex((i) => i.id === next.id);
    if (index >= 0) this.items = this.items.map((i) => (i.id === next.id ? next : i));
    else if (next.contactId === this.contactId && !next.conferenceRoom) this.items = [next, ...this.items].sort(newestFirst);
  }

  /** Reads the first page again. */
  async reload(): Promise<void> {
    this.items = [];
    this.loaded = false;
    this.opened = undefined;
    await this.loadPage();
  }

  private async loadPage(): Promise<void> {
    const contactId = this.contactId;
    if (!contactId) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const before = this.items.at(-1)?.startedAt;
    this.loading = true;
    try {
      const page = await this.interactionSource.history({ contactId, limit: this.pageSize, ...(before ? { before } : {}) }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      const known = new Set(this.items.map((i) => i.id));
      this.items = [...this.items, ...page.filter((i) => !known.has(i.id))].sort(newestFirst);
      this.hasMore = page.length >= this.pageSize;
      this.loaded = true;
      if (this.problem?.operation === 'history') this.clearProblem();
    } catch (error) {
      if (!abort.signal.aborted && !isAborted(error)) this.reportError('history', error, () => void this.loadPage());
    } finally {
      if (this.abort === abort) this.loading = false;
    }
  }

  private async openTranscript(interaction: Interaction): Promise<void> {
    this.opened = interaction;
    this.transcript = undefined;
    try {
      const messages = await this.interactionSource.messages(interaction.id, { limit: 200 });
      if (this.opened?.id === interaction.id) this.transcript = messages;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="transcript-title"]')?.focus();
    } catch (error) {
      this.reportError('messages', error, () => void this.openTranscript(interaction));
    }
  }

  private closeTranscript(): void {
    const id = this.opened?.id;
    this.opened = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id ?? '')}"]`)?.focus());
  }

  private when(iso: string): string {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }

  override render(): TemplateResult {
    const s = this.s;
    return html`<section part="base" aria-labelledby="history-title">
      <h3 part="title" id="history-title">${s.title}</h3>
      ${this.renderProblem()} ${this.opened ? this.renderOpened(this.opened) : this.renderList()}
    </section>`;
  }

  private renderList(): TemplateResult {
    const s = this.s;
    const w = this.strings(workspaceStrings);
    if (!this.loaded) return html`<p part="loading" role="status">${this.loading ? s.loading : ''}</p>`;
    if (!this.items.length) return html`<p part="empty">${s.empty}</p>`;
    return html`<ul part="list">
        ${this.items.map((i) => {
          const channel = w.channelName(i.channel);
          const when = this.when(i.startedAt);
          return html`<li>
            <button type="button" part="item" data-id=${i.id} @click=${() => void this.openTranscript(i)}>
              <span part="item-channel">${channel} · ${this.campaignName(i.campaign)}</span>
              <span part="item-meta">
                <time datetime=${i.startedAt}>${when}</time> · ${i.assignee ? s.agent(i.assignee) : s.noAgent} ·
                ${i.disposition ? s.disposition(i.disposition.path.join(' › ')) : s.noDisposition}
              </span>
            </button>
          </li>`;
        })}
      </ul>
      ${this.hasMore
        ? html`<button type="button" part="more-button" aria-busy=${this.loading ? 'true' : nothing} @click=${() => void this.loadPage()}>
            ${s.more}
          </button>`
        : nothing}`;
  }

  private renderOpened(interaction: Interaction): TemplateResult {
    const s = this.s;
    const w = this.strings(workspaceStrings);
    return html`<div part="transcript">
      <h4 part="transcript-title" tabindex="-1">${s.conversation(w.channelName(interaction.channel), this.when(interaction.startedAt))}</h4>
      ${this.transcript
        ? renderTranscript(this.transcript, { s, locale: this.locale, when: (iso) => this.when(iso) })
        : html`<p part="loading" role="status">${s.loadingMessages}</p>`}
      <button type="button" part="back-button" @click=${() => this.closeTranscript()}>← ${s.back}</button>
    </div>`;
  }
}

const newestFirst = (a: Interaction, b: Interaction) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0);
