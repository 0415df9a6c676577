/**
 * The view's "assign the ClientID" UI: the question after the agent picks a
 * search result that does not hold the interaction's ClientID, and the Undo
 * bar after an assignment. Only reachable from the search, so it loads with
 * the search (the view's on-demand chunk), not on the pop path.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Contact, Identity } from '../../core/types.js';
import { translate, type Locale } from '../../i18n/localize.js';
import { interactionAssignStrings } from '../../i18n/strings/interaction-assign.js';
import { identityLabel } from '../contact-matcher/contact-label.js';
import { AssignFlow, type AssignFlowOptions } from './assign-flow.js';

export interface AssignPanelOptions extends Pick<AssignFlowOptions, 'source' | 'undoTimeout' | 'failed'> {
  locale: () => Locale;
  /** A contact's name as the view shows it. */
  nameOf: (contact: Contact) => string;
  /** The label of the Cancel button. */
  cancelLabel: () => string;
  /** The ClientID was assigned (or the assignment undone); `announcement` says so. */
  assigned: (contact: Contact, identity: Identity, announcement: string) => void;
  undone: (contact: Contact, identity: Identity, announcement: string) => void;
  /** "Assign" was pressed (the view clears a previous failure, then calls `flow.confirm()`). */
  confirm: () => void;
  /** "Open without assigning". */
  open: (contact: Contact) => void;
  /** "Cancel": close the search. */
  close: () => void;
}

export class AssignPanel {
  /** Loaded with the panel, before it first shows, so it never shows English first. */
  static readonly catalogs = [interactionAssignStrings];
  readonly flow: AssignFlow;

  constructor(
    host: ReactiveControllerHost & EventTarget,
    private readonly options: AssignPanelOptions,
  ) {
    this.flow = new AssignFlow(host, {
      ...options,
      assigned: (contact, identity) => options.assigned(contact, identity, this.s.assigned(identityLabel(identity), options.nameOf(contact))),
      undone: (contact, identity) => options.undone(contact, identity, this.s.undone(identityLabel(identity), options.nameOf(contact))),
    });
  }

  private get s() {
    return translate(interactionAssignStrings, this.options.locale());
  }

  /** "Assign … to …?", once the check for other owners has answered. */
  renderQuestion(): TemplateResult | typeof nothing {
    const pending = this.flow.pending;
    if (!pending?.owners) return nothing;
    const { owners, contact, busy } = pending;
    const { s, options } = this;
    const clientId = identityLabel(pending.identity);
    const conflict = owners.length > 0;
    return html`<div part="assign" role="group" aria-labelledby="assign-question">
      <p id="assign-question">${s.assignQuestion(clientId, options.nameOf(contact))}</p>
      ${conflict
        ? html`<p class="warning">${s.assignConflict(clientId, owners.map((o) => options.nameOf(o)).join(', '))}</p>`
        : nothing}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${busy} @click=${() => options.confirm()}>
          ${conflict ? s.assignAnyway : s.assign}
        </button>
        <button type="button" ?disabled=${busy} @click=${() => options.open(contact)}>${s.openWithoutAssigning}</button>
        <button type="button" @click=${() => options.close()}>${options.cancelLabel()}</button>
      </div>
    </div>`;
  }

  /** "… assigned to …  Undo", while the Undo is offered. */
  renderUndo(): TemplateResult | typeof nothing {
    const offer = this.flow.undo;
    if (!offer) return nothing;
    return html`<div part="undo">
      <span>${this.s.assigned(identityLabel(offer.identity), this.options.nameOf(offer.contact))}</span>
      <button type="button" @click=${() => void this.flow.undoLast()}>${this.s.undo}</button>
    </div>`;
  }
}
