/**
 * The delete confirmation of the contact directory: the user types how many
 * contacts are being deleted before the button works (`confirmDeleteCount`,
 * src/core/bulk.ts). The request is a cancelable event; writing is the
 * host's, or the directory's source's.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { confirmDeleteCount } from '../../core/contacts/index.js';
import { UcrmContactsDeleteEvent } from '../../events.js';
import type { directoryDialogStrings } from '../../i18n/strings/directory-dialogs.js';

type Strings = (typeof directoryDialogStrings)['en'];

export interface DeleteDeps {
  strings: () => Strings;
  cancel: () => string;
  /**
   * Deletes through the directory's source; resolves false when it failed
   * (the dialog stays open, the typed count kept). Undefined: the host deletes.
   */
  apply?: (ids: string[]) => Promise<boolean> | undefined;
  /** Called once the contacts are gone (the host did not cancel, the write succeeded). */
  deleted: (ids: string[]) => void;
  /** The element's current error, shown inside the open dialog. */
  problem?: () => unknown;
}

export class DeleteFlow {
  private ids: string[] = [];
  private typed = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: DeleteDeps,
  ) {
  }

  open(ids: string[]): void {
    this.ids = ids;
    this.typed = '';
    this.host.requestUpdate();
  }

  private close(): void {
    this.ids = [];
    this.typed = '';
    this.host.requestUpdate();
  }

  private async confirm(event: Event): Promise<void> {
    event.preventDefault();
    const ids = this.ids;
    if (!confirmDeleteCount(this.typed, ids.length)) return;
    const request = new UcrmContactsDeleteEvent({ ids });
    this.host.dispatchEvent(request);
    if (request.defaultPrevented) return;
    const written = this.deps.apply?.(ids);
    if (written && !(await written)) return;
    this.close();
    this.deps.deleted(ids);
  }

  render(): TemplateResult {
    const s = this.deps.strings();
    const count = this.ids.length;
    const ok = confirmDeleteCount(this.typed, count);
    return html`<ucrm-dialog part="delete-dialog" label=${s.deleteTitle(count)} .open=${count > 0} @close=${() => this.close()}>
      <form @submit=${(e: Event) => void this.confirm(e)}>
        <p>${s.deleteWarning}</p>
        <label for="delete-count">${s.deleteTypeLabel(count)}</label>
        <input
          id="delete-count"
          part="delete-count-input"
          inputmode="numeric"
          autocomplete="off"
          .value=${live(this.typed)}
          @input=${(e: Event) => {
            this.typed = (e.target as HTMLInputElement).value;
            this.host.requestUpdate();
          }}
        />
        ${count ? (this.deps.problem?.() ?? nothing) : nothing}
        <div part="dialog-actions">
          <button type="button" @click=${() => this.close()}>${this.deps.cancel()}</button>
          <button type="submit" class="primary" part="delete-confirm" ?disabled=${!ok}>${s.deleteConfirm}</button>
        </div>
      </form>
    </ucrm-dialog>`;
  }
}
