/**
 * What `<ucrm-interaction-view>` renders in each state, as plain template
 * functions: the element decides the state and passes what each one shows.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { keyed } from 'lit/directives/keyed.js';
import type { Channel, Contact, ContactDraft, CustomSection, Identity, InteractionContext, MatchReason } from '../../core/types.js';
import type { Candidate, CrmSource } from '../../data/source.js';
import type { UcrmContactSelectedEvent, UcrmContactSubmitEvent } from '../../events.js';
import type { interactionViewStrings } from '../../i18n/strings/interaction-view.js';
import type { matchReasonStrings } from '../../i18n/strings/match-reason.js';
import { identityLabel, reasonArgs } from '../contact-matcher/contact-label.js';
import { draftForClientId } from './draft.js';
import type { InteractionViewMode } from './view-state.js';

type ViewStrings = (typeof interactionViewStrings)['en'];
type MatchReasonStrings = (typeof matchReasonStrings)['en'];
type Picked = (event: UcrmContactSelectedEvent) => void;

export interface HeaderProps {
  s: ViewStrings;
  context?: InteractionContext;
  /** The normalized ClientID, shown instead of the raw one when there is one. */
  identity?: Identity;
  searching: boolean;
  canSearch: boolean;
  toggleSearch: () => void;
}

/** The interaction (channel and ClientID) and the search button. */
export function renderHeader(p: HeaderProps): TemplateResult {
  const clientId = p.identity ? identityLabel(p.identity) : p.context?.clientId;
  return html`<header part="header">
    ${p.context
      ? html`<span part="channel">${p.s.channel(p.context.channel)}</span>
          ${clientId ? html`<span part="client-id">${clientId}</span>` : nothing}`
      : html`<span part="channel">${p.s.noInteraction}</span>`}
    ${p.canSearch
      ? html`<button type="button" part="search-button" aria-expanded=${p.searching ? 'true' : 'false'} @click=${p.toggleSearch}>
          ${p.searching ? p.s.closeSearch : p.s.searchAnother}
        </button>`
      : nothing}
  </header>`;
}

/** A placeholder the size of a card, so nothing jumps when the contact arrives. */
export function renderSkeleton(s: ViewStrings): TemplateResult {
  return html`<div part="skeleton" aria-hidden="true">
      <span class="bone title"></span><span class="bone"></span><span class="bone short"></span>
      <span class="bone block"></span>
    </div>
    <span class="visually-hidden">${s.loading}</span>`;
}

/** The contacts that share the ClientID; dismissing the list leaves the view as it is. */
export function renderCandidates(
  s: ViewStrings,
  candidates: Candidate[],
  picked: Picked,
  createInstead: (event: Event) => void,
): TemplateResult {
  return html`<p part="notice">${s.candidatesTitle(candidates.length)}</p>
    <contact-matcher
      part="matcher"
      mode="candidates"
      .candidates=${candidates}
      @ucrm-contact-selected=${picked}
      @ucrm-matcher-create=${createInstead}
      @ucrm-matcher-dismiss=${(event: Event) => event.stopPropagation()}
    ></contact-matcher>`;
}

/** The manual search; `dismissed` only where there is something to go back to. */
export function renderSearchMatcher(source: CrmSource, picked: Picked, dismissed?: (event: Event) => void): TemplateResult {
  return html`<contact-matcher
    part="matcher"
    mode="search"
    .source=${source}
    @ucrm-contact-selected=${picked}
    @ucrm-matcher-dismiss=${dismissed}
  ></contact-matcher>`;
}

export interface ContactProps {
  m: MatchReasonStrings;
  contact: Contact;
  /** How the contact matched; said only when it was not the exact ClientID. */
  reason?: MatchReason;
  sections: CustomSection[];
  view: InteractionViewMode;
  identity?: Identity;
  undo: TemplateResult | typeof nothing;
}

/** The contact's card, with how it matched and the Undo of an assignment. */
export function renderContact(p: ContactProps): TemplateResult {
  return html`${p.undo}
    ${p.reason && p.reason.rule !== 'exact' ? html`<p part="match-reason">${p.m.reason(...reasonArgs(p.reason))}</p>` : nothing}
    <ucrm-contact-card part="card" .contact=${p.contact} .sections=${p.sections} .view=${p.view} .highlight=${p.identity}></ucrm-contact-card>`;
}

export interface CreateProps {
  s: ViewStrings;
  /** A new form per interaction: nothing typed for the last one stays. */
  key: string | undefined;
  channel: Channel;
  clientId?: string;
  /** The ClientID could not be read as its channel's kind of identity. */
  invalid: boolean;
  identity?: Identity;
  sections: CustomSection[];
  busy: boolean;
  submitted: (event: UcrmContactSubmitEvent) => void;
  /** Back to the candidates, when the agent came from them ("None of these"). */
  back?: () => void;
  /** What is known already (pre-chat form, bot): offered to the fields the agent has not filled. */
  prefill?: ContactDraft;
}

/** The create form, pre-filled with the ClientID (also when it was not valid, for the agent to correct). */
export function renderCreate(p: CreateProps): TemplateResult {
  return html`<p part="notice" class=${p.invalid ? 'warning' : ''}>
      ${p.invalid ? p.s.invalidClientId(p.clientId ?? '', p.s.channel(p.channel)) : p.back ? p.s.createInsteadHint : p.s.createHint}
    </p>
    ${p.back ? html`<button type="button" part="back-button" @click=${p.back}>${p.s.backToCandidates}</button>` : nothing}
    ${p.prefill ? html`<p part="notice">${p.s.prefilledHint}</p>` : nothing}
    ${keyed(
      p.key,
      html`<ucrm-contact-form
        part="form"
        .sections=${p.sections}
        .initial=${/* One prefill object per interaction: re-renders (busy, errors) hand the form nothing new to compare. */ guard([p.key, p.identity], () => draftForClientId(p.channel, p.identity, p.clientId))}
        .suggested=${p.prefill}
        .busy=${p.busy}
        @ucrm-contact-submit=${p.submitted}
      ></ucrm-contact-form>`,
    )}`;
}
