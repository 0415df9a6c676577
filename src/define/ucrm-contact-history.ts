import { defineElement } from '../components/shared/define-element.js';
import { UcrmContactHistory } from '../components/ucrm-contact-history/ucrm-contact-history.js';

defineElement('ucrm-contact-history', UcrmContactHistory);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-contact-history': UcrmContactHistory;
  }
}

export { UcrmContactHistory };
