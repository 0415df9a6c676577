import { defineElement } from '../components/shared/define-element.js';
import { UcrmInteractionActions } from '../components/ucrm-interaction-actions/ucrm-interaction-actions.js';

defineElement('ucrm-interaction-actions', UcrmInteractionActions);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-interaction-actions': UcrmInteractionActions;
  }
}

export { UcrmInteractionActions };
