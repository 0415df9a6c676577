import { defineElement } from '../components/shared/define-element.js';
import { UcrmContactCard } from '../components/ucrm-contact-card/ucrm-contact-card.js';

defineElement('ucrm-contact-card', UcrmContactCard);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-contact-card': UcrmContactCard;
  }
}
