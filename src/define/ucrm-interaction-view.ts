import './contact-matcher.js';
import './ucrm-contact-card.js';
import './ucrm-contact-form.js';
import { defineElement } from '../components/shared/define-element.js';
import { UcrmInteractionView } from '../components/ucrm-interaction-view/ucrm-interaction-view.js';

defineElement('ucrm-interaction-view', UcrmInteractionView);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-interaction-view': UcrmInteractionView;
  }
}

export { UcrmInteractionView };
