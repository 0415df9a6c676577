import { defineElement } from '../components/shared/define-element.js';
import { UcrmWrapUpTimer } from '../components/ucrm-wrap-up-timer/ucrm-wrap-up-timer.js';

defineElement('ucrm-wrap-up-timer', UcrmWrapUpTimer);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-wrap-up-timer': UcrmWrapUpTimer;
  }
}
