import { defineElement } from '../components/shared/define-element.js';
import { UcrmContactDetails } from '../components/ucrm-contact-details/ucrm-contact-details.js';

defineElement('ucrm-contact-details', UcrmContactDetails);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-contact-details': UcrmContactDetails;
  }
}

export { UcrmContactDetails };
