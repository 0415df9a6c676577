import './ucrm-contact-card.js';
// <contact-matcher> and <ucrm-contact-form> are imported by the view when a pop shows them.
import { defineElement } from '../components/shared/define-element.js';
import { UcrmInteractionView } from '../components/ucrm-interaction-view/ucrm-interaction-view.js';

defineElement('ucrm-interaction-view', UcrmInteractionView);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-interaction-view': UcrmInteractionView;
  }
}

export { UcrmInteractionView };
