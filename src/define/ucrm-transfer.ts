import { defineElement } from '../components/shared/define-element.js';
import { UcrmTransfer } from '../components/ucrm-transfer/ucrm-transfer.js';

defineElement('ucrm-transfer', UcrmTransfer);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-transfer': UcrmTransfer;
  }
}

export { UcrmTransfer };
