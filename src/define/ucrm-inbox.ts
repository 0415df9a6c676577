import './ucrm-new-interaction.js';
import { defineElement } from '../components/shared/define-element.js';
import { UcrmInbox } from '../components/ucrm-inbox/ucrm-inbox.js';

defineElement('ucrm-inbox', UcrmInbox);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-inbox': UcrmInbox;
  }
}

export { UcrmInbox };
