/**
 * How other elements show a contact's history without carrying it: the tag
 * is drawn at once and its definition (the element, its strings) is
 * imported the first time one is drawn — a chunk of its own, so the screen
 * pop's and the contact details' first paint do not grow.
 */
import { html, type TemplateResult } from 'lit';

let requested: Promise<unknown> | undefined;

/** Imports `<ucrm-contact-history>`'s definition once; resolves when it is registered. */
export function loadContactHistory(): Promise<unknown> {
  requested ??= import('../../define/ucrm-contact-history.js').catch((error: unknown) => {
    requested = undefined;
    console.warn('<ucrm-contact-history> could not be loaded:', error);
  });
  return requested;
}

export function renderContactHistory(contactId: string): TemplateResult {
  void loadContactHistory();
  return html`<ucrm-contact-history part="history" contact-id=${contactId}></ucrm-contact-history>`;
}
