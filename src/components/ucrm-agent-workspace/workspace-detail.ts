/**
 * The open interaction's pane: its header (title, channel, campaign, status,
 * actions menu), the screen pop, the conversation (`<ucrm-conversation>`) or
 * the call area, the form note and the disposition form.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Clock } from '../../core/disposition/index.js';
import { contactDraftFromPreChat, type Interaction } from '../../core/interactions/index.js';
import type { Campaign, Contact, InteractionContext } from '../../core/types.js';
import type { InteractionSource } from '../../data/interactions/source.js';
import type { CrmSource } from '../../data/source.js';
import type { UcrmPanelRequestEvent, UcrmResolvedEvent } from '../../events.js';
import type { Locale } from '../../i18n/localize.js';
import type { WorkspaceStrings } from '../../i18n/strings/workspace.js';
import { titleOf } from '../ucrm-inbox/inbox-lists.js';

export interface DetailContext {
  strings: WorkspaceStrings;
  locale: Locale;
  interaction: Interaction;
  popContext: InteractionContext;
  campaign?: Campaign;
  popView: 'reduced' | 'full';
  defaultRegion?: string;
  stacked: boolean;
  interactions?: InteractionSource;
  source?: CrmSource;
  recordingSource: CrmSource;
  onBack(): void;
  onResolved(event: UcrmResolvedEvent): void;
  onContact(contact: Contact): void;
  onPanelRequest(event: UcrmPanelRequestEvent): void;
  onEndCall(): void;
  /** The agent at this desk (call controls: who may unpark). */
  agentId?: string;
  /** The call timer's clock. */
  clock: Clock;
  /** The actions menu asked for Transfer: `<ucrm-transfer>` is shown. */
  showTransfer: boolean;
}

export function renderDetail(c: DetailContext): TemplateResult {
  const s = c.strings;
  const interaction = c.interaction;
  const status = interaction.status;
  return html`
    ${c.stacked
      ? html`<button type="button" part="back-button" @click=${c.onBack}>← ${s.backToInbox}</button>`
      : nothing}
    <header part="detail-header">
      <div part="detail-heading">
        <h3 part="detail-title" tabindex="-1">${titleOf(interaction)}</h3>
        <p part="detail-meta">
          <span>${s.channelName(interaction.channel)}</span>
          <span>${c.campaign?.name ?? interaction.campaign}</span>
          <span part="detail-status" data-status=${status}>${s.statusName(status)}</span>
        </p>
      </div>
      <ucrm-interaction-actions
        part="actions"
        interaction-id=${interaction.id}
        .interaction=${interaction}
        .interactions=${c.interactions}
        .source=${c.source}
        .campaignConfig=${c.campaign}
        @ucrm-panel-request=${c.onPanelRequest}
      ></ucrm-interaction-actions>
    </header>
    ${status === 'finished' ? html`<p part="finished-note" role="note">${s.interactionFinished}</p>` : nothing}
    <div part="detail-body">
      <section part="contact-section" aria-label=${s.contactPanel}>
        <ucrm-interaction-view
          part="pop"
          .interaction=${c.popContext}
          .prefill=${/* The pre-chat form's (and a bot's) fields, offered to the create form. */ guard([interaction.preChat], () => contactDraftFromPreChat(interaction.preChat))}
          .source=${c.source}
          view=${c.popView}
          default-region=${c.defaultRegion ?? nothing}
          @ucrm-resolved=${c.onResolved}
          @ucrm-contact-created=${(e: CustomEvent<{ contact: Contact }>) => c.onContact(e.detail.contact)}
          @ucrm-contact-selected=${(e: CustomEvent<{ contact: Contact }>) => c.onContact(e.detail.contact)}
          @ucrm-client-id-assigned=${(e: CustomEvent<{ contact: Contact; undone?: boolean }>) =>
            e.detail.undone ? undefined : c.onContact(e.detail.contact)}
        ></ucrm-interaction-view>
      </section>
      ${renderConversation(c)}
      ${c.showTransfer
        ? html`<section part="transfer-section" aria-label=${s.transfer}>
            <ucrm-transfer
              part="transfer"
              interaction-id=${interaction.id}
              default-region=${c.defaultRegion ?? nothing}
              .interaction=${interaction}
              .interactions=${c.interactions}
              .source=${c.source}
              .clock=${c.clock}
            ></ucrm-transfer>
          </section>`
        : nothing}
      <section part="disposition-section" aria-label=${s.dispositionPanel}>
        <disposition-form
          part="disposition"
          interaction-id=${interaction.id}
          interaction-status=${status === 'pending' ? 'active' : status}
          campaign=${interaction.campaign}
          .campaignConfig=${c.campaign}
          .source=${c.recordingSource}
        ></disposition-form>
      </section>
    </div>
  `;
}

/** The conversation (text channels) or the call controls (and, in the agent's room, the conference). */
function renderConversation(c: DetailContext): TemplateResult {
  const s = c.strings;
  const interaction = c.interaction;
  if (interaction.channel === 'phone') {
    return html`<section part="conversation call" aria-label=${s.callArea}>
      <ucrm-call-controls
        part="call-controls"
        interaction-id=${interaction.id}
        agent-id=${c.agentId ?? nothing}
        .interaction=${interaction}
        .interactions=${c.interactions}
        .clock=${c.clock}
      ></ucrm-call-controls>
      ${interaction.conferenceRoom ? html`<ucrm-conference part="conference" .interactions=${c.interactions} .clock=${c.clock}></ucrm-conference>` : nothing}
    </section>`;
  }
  return html`<section part="conversation" aria-label=${s.conversation}>
    <ucrm-conversation
      part="conversation-view"
      interaction-id=${interaction.id}
      .interaction=${interaction}
      .interactions=${c.interactions}
      .source=${c.source}
      .campaignConfig=${c.campaign}
    ></ucrm-conversation>
  </section>`;
}
