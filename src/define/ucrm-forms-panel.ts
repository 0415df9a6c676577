import { defineElement } from '../components/shared/define-element.js';
import { UcrmFormsPanel } from '../components/ucrm-forms-panel/ucrm-forms-panel.js';

defineElement('ucrm-forms-panel', UcrmFormsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-forms-panel': UcrmFormsPanel;
  }
}

export { UcrmFormsPanel };
