/**
 * Editing a saved view: rename it, replace its filter with the one shown
 * now, make it private or public, or delete it after a confirmation — each
 * in a `<ucrm-dialog>`. A name another view already has is refused with a
 * message. With the host's `views`, the edit and the delete go out as
 * cancelable events for the host to store; on a source the directory writes
 * them unless the host cancels. The reference server lets only a view's
 * owner change it: its 403 is said as such, in the open dialog.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { CrmError } from '../../core/errors.js';
import { foldForMatch, type ContactFilter, type SavedView } from '../../core/filters/index.js';
import type { StoredView } from '../../data/source.js';
import { UcrmViewDeleteEvent, UcrmViewSaveEvent } from '../../events.js';
import type { DirectoryActionStrings } from '../../i18n/strings/directory-actions.js';
import type { AdminSource } from './directory-data.js';
import { forAgents } from '../shared/agent-message.js';
import { loadDefinition } from '../shared/define-element.js';
import { LazyChunk } from '../shared/lazy-chunk.js';

export interface ViewEditorDeps {
  strings: () => DirectoryActionStrings;
  views: () => readonly SavedView[];
  setViews: (views: SavedView[]) => void;
  /** The filter shown now (what "replace its filter" stores). */
  filter: () => ContactFilter;
  /** The view was deleted or changed: the directory shows "All contacts" or the view's new filter when it was the active one. */
  deleted: (view: SavedView) => void;
  changed: (view: SavedView) => void;
  sourceMode: () => boolean;
  write: (operation: string, work: (admin: AdminSource) => Promise<unknown>, retry: () => void) => Promise<boolean> | undefined;
  /** The element's current error, shown inside the open dialog. */
  problem: () => unknown;
  /** "View name", "Visible to every agent" and Cancel, from the directory's strings. */
  labels: () => { name: string; public: string; cancel: string };
  failed: (error: unknown, retry: () => void) => void;
}

/** True when another view than `except` is called `name` (case and accents aside). */
export function viewNameTaken(views: readonly SavedView[], name: string, except?: string): boolean {
  const folded = foldForMatch(name.trim());
  return views.some((view) => view.id !== except && foldForMatch(view.name.trim()) === folded);
}

/** The server says only the owner may change the view (403): said so, for agents; any other failure as it is. */
function ownerRefusal(error: unknown, message: string): unknown {
  return error instanceof CrmError && (error as CrmError & { status?: number }).status === 403
    ? forAgents(new CrmError('unauthorized', message, { cause: error }))
    : error;
}

export class ViewEditor {
  readonly chunk: LazyChunk<boolean>;
  private editing?: SavedView;
  private confirming?: SavedView;
  private nameError = '';
  private busy = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: ViewEditorDeps,
  ) {
    this.chunk = new LazyChunk(host, () => loadDefinition('ucrm-dialog').then(() => true), { failed: deps.failed });
  }

  edit(view: SavedView): void {
    this.chunk.with(() => {
      this.editing = view;
      this.nameError = '';
      this.host.requestUpdate();
    });
  }

  /** Asks to confirm deleting `view` (from its × or from the edit dialog). */
  confirmDelete(view: SavedView): void {
    this.chunk.with(() => {
      this.editing = undefined;
      this.confirming = view;
      this.host.requestUpdate();
    });
  }

  private close(): void {
    this.editing = undefined;
    this.confirming = undefined;
    this.nameError = '';
    this.host.requestUpdate();
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const view = this.editing;
    if (!view || this.busy) return;
    const form = event.target as HTMLFormElement;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    const name = field('edit-view-name').value.trim();
    if (!name) return;
    if (viewNameTaken(this.deps.views(), name, view.id)) {
      this.nameError = this.deps.strings().viewNameTaken(name);
      this.host.requestUpdate();
      field('edit-view-name').focus();
      return;
    }
    this.nameError = '';
    const edited: SavedView = {
      ...view,
      name,
      public: field('edit-view-public').checked,
      filter: field('edit-view-filter').checked ? this.deps.filter() : view.filter,
    };
    const request = new UcrmViewSaveEvent({ view: edited });
    this.host.dispatchEvent(request);
    if (request.defaultPrevented || !this.deps.sourceMode()) return this.close();
    const stored = await this.run('save-view', (admin) => admin.saveView(edited as StoredView), () => form.requestSubmit());
    if (!stored) return;
    this.deps.setViews(this.deps.views().map((v) => (v.id === stored.id ? stored : v)));
    this.deps.changed(stored);
    this.close();
  }

  private async remove(): Promise<void> {
    const view = this.confirming;
    if (!view || this.busy) return;
    const request = new UcrmViewDeleteEvent({ view });
    this.host.dispatchEvent(request);
    if (request.defaultPrevented || !this.deps.sourceMode()) return this.close();
    const done = await this.run('delete-view', (admin) => admin.deleteView(view.id).then(() => view), () => void this.remove());
    if (!done) return;
    this.deps.setViews(this.deps.views().filter((v) => v.id !== view.id));
    this.deps.deleted(view);
    this.close();
  }

  /** A write on the source; its result, or undefined when it failed (reported, with `retry`). */
  private async run<T>(operation: string, work: (admin: AdminSource) => Promise<T>, retry: () => void): Promise<T | undefined> {
    const refusal = this.deps.strings().viewNotYours;
    let result: T | undefined;
    this.busy = true;
    this.host.requestUpdate();
    const done = await this.deps.write(
      operation,
      async (admin) => {
        try {
          result = await work(admin);
        } catch (error) {
          throw ownerRefusal(error, refusal);
        }
      },
      retry,
    );
    this.busy = false;
    this.host.requestUpdate();
    return done ? result : undefined;
  }

  private renderEdit(view: SavedView | undefined): TemplateResult {
    const s = this.deps.strings();
    const labels = this.deps.labels();
    return html`<ucrm-dialog
      part="view-dialog"
      label=${view ? s.editViewTitle(view.name) : ''}
      .open=${!!view}
      @close=${() => view && this.editing === view && this.close()}
    >
      ${view
        ? html`${this.deps.problem()}
            <form @submit=${(e: SubmitEvent) => void this.save(e)}>
              <label for="edit-view-name">${labels.name}</label>
              <input
                id="edit-view-name"
                name="edit-view-name"
                part="view-name-input"
                required
                autocomplete="off"
                .value=${view.name}
                aria-invalid=${this.nameError ? 'true' : nothing}
                aria-describedby=${this.nameError ? 'edit-view-name-error' : nothing}
              />
              ${this.nameError
                ? html`<p id="edit-view-name-error" part="view-name-error" role="alert">${this.nameError}</p>`
                : nothing}
              <label><input type="checkbox" name="edit-view-filter" part="view-filter-toggle" />${s.useCurrentFilter}</label>
              <label><input type="checkbox" name="edit-view-public" part="view-public-toggle" .checked=${view.public} />${labels.public}</label>
              <div part="dialog-actions">
                <button type="button" part="view-delete-button" @click=${() => this.confirmDelete(view)}>${s.deleteView}</button>
                <button type="button" part="view-cancel" @click=${() => this.close()}>${labels.cancel}</button>
                <button type="submit" class="primary" part="view-save" ?disabled=${this.busy}>${s.saveChanges}</button>
              </div>
            </form>`
        : nothing}
    </ucrm-dialog>`;
  }

  private renderConfirm(view: SavedView | undefined): TemplateResult {
    const s = this.deps.strings();
    return html`<ucrm-dialog
      part="view-delete-dialog"
      label=${view ? s.deleteViewTitle(view.name) : ''}
      .open=${!!view}
      @close=${() => view && this.confirming === view && this.close()}
    >
      ${view
        ? html`${this.deps.problem()}
            <p>${s.deleteViewWarning}</p>
            <div part="dialog-actions">
              <button type="button" part="view-delete-cancel" @click=${() => this.close()}>${this.deps.labels().cancel}</button>
              <button type="button" class="danger" part="view-delete-confirm" ?disabled=${this.busy} @click=${() => void this.remove()}>
                ${s.deleteViewConfirm}
              </button>
            </div>`
        : nothing}
    </ucrm-dialog>`;
  }

  render(): TemplateResult | typeof nothing {
    if (!this.chunk.module) return nothing;
    return html`${this.renderEdit(this.editing)} ${this.renderConfirm(this.confirming)}`;
  }
}
