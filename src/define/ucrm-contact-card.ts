import { defineElement, provideDefinition } from '../components/shared/define-element.js';
import { UcrmContactCard } from '../components/ucrm-contact-card/ucrm-contact-card.js';

// The contact's interactions, drawn in the details and the card's full view, load when first drawn.
provideDefinition('ucrm-contact-history', () => import('./ucrm-contact-history.js'));
defineElement('ucrm-contact-card', UcrmContactCard);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-contact-card': UcrmContactCard;
  }
}
