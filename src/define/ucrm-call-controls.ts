import { defineElement } from '../components/shared/define-element.js';
import { UcrmCallControls } from '../components/ucrm-call-controls/ucrm-call-controls.js';

defineElement('ucrm-call-controls', UcrmCallControls);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-call-controls': UcrmCallControls;
  }
}

export { UcrmCallControls };
