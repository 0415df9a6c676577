import { defineElement } from '../components/shared/define-element.js';
import { UcrmDialog } from '../components/ucrm-dialog/ucrm-dialog.js';

defineElement('ucrm-dialog', UcrmDialog);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-dialog': UcrmDialog;
  }
}

export { UcrmDialog };
