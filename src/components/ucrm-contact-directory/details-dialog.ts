/**
 * The contact details the directory opens when a contact's name is picked
 * (on a source): `<ucrm-contact-details>` in a modal dialog, imported the
 * first time a contact is opened. An edit there updates the row; a block or
 * an edit may move the contact in or out of the filter, so closing reloads;
 * its "potential duplicates" prompt hands the ids to the merge.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { UcrmContactUpdatedEvent, UcrmMergeRequestEvent } from '../../events.js';
import type { DirectoryData } from './directory-data.js';
import { LazyChunk } from '../shared/lazy-chunk.js';

export interface DetailsDeps {
  data: () => DirectoryData | undefined;
  title: () => string;
  closeLabel: () => string;
  agentId: () => string;
  region: () => string | undefined;
  /** The agent asked to merge these contacts (and no listener cancelled). */
  merge: (ids: string[]) => void;
  /** The element could not be imported; `retry` imports again and opens. */
  failed: (error: unknown, retry: () => void) => void;
}

export class DetailsDialog implements ReactiveController {
  readonly chunk: LazyChunk<typeof import('../../define/ucrm-contact-details.js')>;
  /** The contact whose details are open. */
  private id = '';
  /** Set by `open`: the dialog is shown by the update that renders it. */
  private showing = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: DetailsDeps,
  ) {
    host.addController(this);
    this.chunk = new LazyChunk(host, () => import('../../define/ucrm-contact-details.js'), { failed: deps.failed });
  }

  hostUpdated(): void {
    if (!this.showing) return;
    this.showing = false;
    // An element that left the page meanwhile opens nothing.
    if (this.host.isConnected && !this.dialog?.open) this.dialog?.showModal();
  }

  private get dialog(): HTMLDialogElement | null | undefined {
    return this.host.shadowRoot?.querySelector<HTMLDialogElement>('[part="details-dialog"]');
  }

  open(id: string): void {
    this.chunk.with(() => {
      this.id = id;
      this.showing = true;
      this.host.requestUpdate();
    });
  }

  close(): void {
    if (this.dialog?.open) this.dialog.close();
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

  render(): TemplateResult | typeof nothing {
    const data = this.deps.data();
    if (!data) return nothing;
    return html`<dialog
      part="details-dialog"
      aria-label=${this.deps.title()}
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
              <button type="button" part="details-close" @click=${() => this.close()}>${this.deps.closeLabel()}</button>
            </div>`
        : nothing}
    </dialog>`;
  }
}
