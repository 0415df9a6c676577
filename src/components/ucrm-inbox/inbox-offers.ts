/**
 * The transfers offered to the agent, above the inbox's tabs (issue 21):
 * who sends it, the customer, channel and campaign, the time left before it
 * returns to its sender, and Accept / Decline. Above the tabs, not in
 * Pending's grid, because an offer times out: the agent must see it on
 * whichever tab they are.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDuration, secondsLeft } from '../../core/disposition/index.js';
import type { Interaction } from '../../core/interactions/index.js';
import type { TransferOffersStrings } from '../../i18n/strings/transfer-offers.js';
import type { WorkspaceStrings } from '../../i18n/strings/workspace.js';
import { titleOf } from './inbox-lists.js';

export interface OffersContext {
  s: TransferOffersStrings;
  workspace: WorkspaceStrings;
  locale: string;
  now: number;
  campaignNames: Map<string, string>;
  /** Offers being answered (their buttons wait). */
  answering: ReadonlySet<string>;
  onAnswer(interaction: Interaction, answer: 'accept' | 'decline'): void;
}

/** Who sent the offer, as the offer can tell. */
export function senderOf(interaction: Interaction, s: TransferOffersStrings): string {
  return interaction.transfer?.fromName || interaction.transfer?.from || s.someone;
}

/** The sentence that says what is offered (also the buttons' description). */
export function offerSummary(interaction: Interaction, c: Pick<OffersContext, 's' | 'workspace' | 'campaignNames'>): string {
  const from = senderOf(interaction, c.s);
  const who = titleOf(interaction);
  const clientId = interaction.context.clientId;
  const customer = clientId && clientId !== who ? `${who} · ${clientId}` : who;
  const channel = c.workspace.channelName(interaction.channel);
  const campaign = c.campaignNames.get(interaction.campaign) ?? interaction.campaign;
  return interaction.transfer?.mode === 'attended' ? c.s.attended(from, customer, channel, campaign) : c.s.blind(from, customer, channel, campaign);
}

/** Seconds before an unanswered offer returns to its sender; undefined without a deadline (an accepted consultation). */
export function offerSecondsLeft(interaction: Interaction, now: number): number | undefined {
  const deadline = interaction.transfer?.deadline ? Date.parse(interaction.transfer.deadline) : NaN;
  return Number.isFinite(deadline) ? secondsLeft(deadline, now) : undefined;
}

export function renderOffers(offers: readonly Interaction[], c: OffersContext): TemplateResult | typeof nothing {
  if (!offers.length) return nothing;
  return html`<section part="offers" aria-labelledby="offers-title">
    <h3 part="offers-title" id="offers-title">${c.s.title}</h3>
    <ul part="offer-list">
      ${offers.map((offer) => renderOffer(offer, c))}
    </ul>
  </section>`;
}

function renderOffer(offer: Interaction, c: OffersContext): TemplateResult {
  const s = c.s;
  const from = senderOf(offer, s);
  const left = offerSecondsLeft(offer, c.now);
  const busy = c.answering.has(offer.id);
  const onConsultation = !!offer.transfer?.answeredAt;
  const summaryId = `offer-${offer.id}-summary`;
  const status =
    left === undefined ? (onConsultation ? s.onConsultation(from) : '') : left > 0 ? s.timeLeft(from, formatDuration(left, c.locale)) : s.timeUp(from);
  return html`<li part="offer${offer.transfer?.mode === 'attended' ? ' offer-attended' : ''}" data-id=${offer.id}>
    <p part="offer-summary" id=${summaryId}>${offerSummary(offer, c)}</p>
    ${status ? html`<p part="offer-deadline">${status}</p>` : nothing}
    <div part="offer-actions">
      ${onConsultation
        ? nothing
        : html`<button
            type="button"
            part="accept-button"
            class="primary"
            aria-describedby=${summaryId}
            aria-disabled=${busy ? 'true' : nothing}
            @click=${() => (busy ? undefined : c.onAnswer(offer, 'accept'))}
          >
            ${s.accept}
          </button>`}
      <button
        type="button"
        part="decline-button"
        aria-describedby=${summaryId}
        aria-disabled=${busy ? 'true' : nothing}
        @click=${() => (busy ? undefined : c.onAnswer(offer, 'decline'))}
      >
        ${onConsultation ? s.leaveConsultation : s.decline}
      </button>
      ${busy ? html`<span part="offer-answering">${s.answering}</span>` : nothing}
    </div>
  </li>`;
}
