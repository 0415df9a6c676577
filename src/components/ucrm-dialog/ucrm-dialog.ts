import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { UcrmRequestCloseEvent, type RequestCloseDetail } from '../../events.js';
import { UcrmElement } from '../shared/ucrm-element.js';
import { dialogStyles } from './ucrm-dialog.styles.js';

/** The element that really has focus, through open shadow roots. */
function focusedElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * The one modal dialog of the library, on the native `<dialog>` (as Web
 * Awesome's `<wa-dialog>`): `showModal()` makes the rest of the page inert
 * and keeps focus inside; focus goes to the first focusable element of the
 * content (or the one with `autofocus`) and back to what had it when the
 * dialog closes. Escape does not close it at once: it fires the cancelable
 * `ucrm-request-close`, so a flow with unsaved work can refuse. The `label`
 * is the dialog's visible title and its accessible name (`aria-labelledby`).
 *
 * Open and close it with the `open` property; the owner learns of a close it
 * did not ask for (Escape) from the `close` event.
 *
 * @summary A modal dialog: inert page, focus in and back, Escape as a cancelable request, a labelled title.
 *
 * @slot - The content: text, a form, its action buttons.
 * @slot label - A title with markup, instead of the `label` text.
 *
 * @fires ucrm-request-close - Escape was pressed or `requestClose()` called: `{source: 'escape' | 'method'}`. Cancelable: cancel it to keep the dialog open.
 * @fires close - The dialog closed, for whatever reason (does not bubble, as the native dialog's).
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The title row.
 * @csspart title - The `<h2>` holding the label.
 * @csspart body - The content around the default slot.
 *
 * @cssproperty --ucrm-dialog-width - The dialog's width (default: its content's).
 * @cssproperty --ucrm-dialog-max-width - Its largest width (default `min(40rem, 95vw)`).
 * @cssproperty --ucrm-dialog-padding - Space inside its border (default `1em`).
 * @cssproperty --ucrm-dialog-backdrop - The backdrop over the page.
 */
export class UcrmDialog extends UcrmElement {
  static override styles = [...UcrmElement.styles, dialogStyles];

  /** Shown, as a modal over an inert page. Escape asks first (`ucrm-request-close`) and then clears it. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The title, shown and used as the dialog's name. The `label` slot overrides the text. */
  @property() label = '';

  /** Hides the title (the content has its own heading); it still names the dialog. */
  @property({ type: Boolean, attribute: 'without-header' }) withoutHeader = false;

  /** What had focus when the dialog opened: it gets it back on close. */
  private opener?: HTMLElement | null;

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /**
   * Asks to close, as Escape does: fires the cancelable `ucrm-request-close`
   * and closes unless a listener cancelled it. Returns whether it closed.
   */
  requestClose(source: RequestCloseDetail['source'] = 'method'): boolean {
    const request = new UcrmRequestCloseEvent({ source });
    this.dispatchEvent(request);
    if (request.defaultPrevented) return false;
    this.open = false;
    return true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.dialog!;
    if (this.open && !dialog.open && this.isConnected) {
      this.opener = focusedElement();
      dialog.showModal();
      this.focusContent();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  /** The native dialog focuses its own shadow content only: focus the slotted content's first control. */
  private focusContent(): void {
    if (this.contains(focusedElement())) return;
    const focusable = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';
    const target =
      this.querySelector<HTMLElement>('[autofocus]') ??
      [...this.querySelectorAll<HTMLElement>(focusable)].find((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
    target?.focus();
  }

  private onKeydown(event: KeyboardEvent): void {
    // A control that handled Escape itself (a combobox clearing its text) prevented it.
    if (event.key !== 'Escape' || event.defaultPrevented || !this.open) return;
    // Prevented, the key fires no native `cancel`: the request decides.
    event.preventDefault();
    this.requestClose('escape');
  }

  private onCancel(event: Event): void {
    // A cancel without the Escape keydown (e.g. a platform's back gesture) asks the same way.
    event.preventDefault();
    if (this.open) this.requestClose('escape');
  }

  private onClose(): void {
    // The native close event comes a task after close(): if the dialog was opened again in between
    // (Cancel, then at once another way to the same dialog), that event is stale and must not close it.
    if (this.dialog?.open) return;
    this.open = false;
    const opener = this.opener;
    this.opener = undefined;
    // Back to the opener, unless it left the page or focus already went somewhere on purpose.
    const focused = focusedElement();
    if (opener?.isConnected && (!focused || focused === document.body || this.contains(focused))) opener.focus();
    this.dispatchEvent(new Event('close'));
  }

  override render() {
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      @keydown=${this.onKeydown}
      @cancel=${this.onCancel}
      @close=${this.onClose}
    >
      <header part="header" class=${this.withoutHeader ? 'visually-hidden' : ''}><h2 part="title" id="title"><slot name="label">${this.label}</slot></h2></header>
      <div part="body"><slot></slot></div>
    </dialog>`;
  }
}
