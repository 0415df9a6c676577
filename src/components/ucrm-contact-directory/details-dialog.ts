/**
 * The contact details the directory opens when a contact's name is picked
 * (on a source): `<ucrm-contact-details>` in a modal dialog, imported the
 * first time a contact is opened. An edit there updates the row; a block or
 * an edit may move the contact in or out of the filter, so closing reloads
 * (an Unblock there returns the contact to the main list); its "potential
 * duplicates" prompt hands the ids to the merge; New conversation opens the
 * composer on the contact.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Contact } from '../../core/types.js';
import type { UcrmContactUpdatedEvent, UcrmMergeRequestEvent } from '../../events.js';
import { canTalkTo } from './contact-actions.js';
import type { DirectoryData } from './directory-data.js';
import { loadDefinition } from '../shared/define-element.js';
import { LazyChunk } from '../shared/lazy-chunk.js';

export interface DetailsDeps {
  data: () => DirectoryData | undefined;
  title: () => string;
  closeLabel: () => string;
  agentId: () => string;
  region: () => string | undefined;
  /** "New conversation": the label, and opening the composer on the contact (the details close first). */
  conversationLabel: () => string;
  converse: (contact: Contact) => void;
  /** The agent asked to merge these contacts (and no listener cancelled). */
  merge: (ids: string[]) => void;
  /** The element could not be imported; `retry` imports again and opens. */
  failed: (error: unknown, retry: () => void) => void;
}

/** <ucrm-contact-details> and the dialog around it, registered through the define layer (src/define/ucrm-contact-directory.ts). */
const loadDetails = () => Promise.all([loadDefinition('ucrm-contact-details'), loadDefinition('ucrm-dialog')]);

export class DetailsDialog {
  readonly chunk: LazyChunk<[void, void]>;
  /** The contact whose details are open. */
  private id = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: DetailsDeps,
  ) {
    this.chunk = new LazyChunk(host, loadDetails, { failed: deps.failed });
  }

  open(id: string): void {
    this.chunk.with(() => {
      this.id = id;
      this.host.requestUpdate();
    });
  }

  close(): void {
    if (!this.id) return;
    this.id = '';
    this.host.requestUpdate();
    // A block or an edit may move the contact in or out of the current filter.
    void this.deps.data()?.refresh();
  }

  private onMergeRequest(event: UcrmMergeRequestEvent): void {
    // Decided after every listener ran (the host's too), so the host can cancel.
    queueMicrotask(() => {
      if (event.defaultPrevented) return;
      this.close();
      this.deps.merge(event.detail.ids);
    });
  }

  /** New conversation with the contact shown (not offered to a blocked contact, nor one with no phone or email). */
  private renderConverse(contact: Contact | undefined): TemplateResult | typeof nothing {
    if (!contact || !canTalkTo(contact)) return nothing;
    return html`<button
      type="button"
      part="details-conversation"
      @click=${() => {
        this.close();
        this.deps.converse(contact);
      }}
    >
      ${this.deps.conversationLabel()}
    </button>`;
  }

  render(): TemplateResult | typeof nothing {
    const data = this.deps.data();
    if (!data) return nothing;
    return html`<ucrm-dialog
      part="details-dialog"
      label=${this.deps.title()}
      without-header
      .open=${!!this.id}
      @close=${() => this.close()}
      @ucrm-contact-updated=${(e: UcrmContactUpdatedEvent) => data.replace(e.detail.contact)}
      @ucrm-merge-request=${(e: UcrmMergeRequestEvent) => this.onMergeRequest(e)}
    >
      ${this.id
        ? html`<ucrm-contact-details
              .source=${data.admin}
              contact-id=${this.id}
              author=${this.deps.agentId()}
              default-region=${this.deps.region() ?? ''}
            ></ucrm-contact-details>
            <div part="dialog-actions">
              ${this.renderConverse(data.cache.get(this.id))}
              <button type="button" part="details-close" @click=${() => this.close()}>${this.deps.closeLabel()}</button>
            </div>`
        : nothing}
    </ucrm-dialog>`;
  }
}
