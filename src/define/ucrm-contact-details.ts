import { defineElement, provideDefinition } from '../components/shared/define-element.js';
import { UcrmContactDetails } from '../components/ucrm-contact-details/ucrm-contact-details.js';

// The contact's interactions, drawn in the details and the card's full view, load when first drawn.
provideDefinition('ucrm-contact-history', () => import('./ucrm-contact-history.js'));
defineElement('ucrm-contact-details', UcrmContactDetails);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-contact-details': UcrmContactDetails;
  }
}

export { UcrmContactDetails };
