/**
 * How other elements show a contact's history without carrying it: the tag
 * is drawn at once and its registration (the element, its strings) is
 * loaded the first time one is drawn, through the loader the define layer
 * provides (`provideDefinition` in src/define/ucrm-contact-details.ts and
 * ucrm-contact-card.ts) — a chunk of its own, so the screen pop's and the
 * contact details' first paint do not carry it.
 */
import { html, type TemplateResult } from 'lit';
import { loadDefinition } from '../shared/define-element.js';

let requested: Promise<void> | undefined;

/** Registers `<ucrm-contact-history>` once; a failed load is retried on the next draw. */
export function loadContactHistory(): Promise<void> {
  requested ??= loadDefinition('ucrm-contact-history').catch((error: unknown) => {
    requested = undefined;
    console.warn('<ucrm-contact-history> could not be loaded:', error);
  });
  return requested;
}

export function renderContactHistory(contactId: string): TemplateResult {
  void loadContactHistory();
  return html`<ucrm-contact-history part="history" contact-id=${contactId}></ucrm-contact-history>`;
}
