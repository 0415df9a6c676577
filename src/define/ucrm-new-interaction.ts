import { defineElement } from '../components/shared/define-element.js';
import { UcrmNewInteraction } from '../components/ucrm-new-interaction/ucrm-new-interaction.js';

defineElement('ucrm-new-interaction', UcrmNewInteraction);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-new-interaction': UcrmNewInteraction;
  }
}

export { UcrmNewInteraction };
