import './ucrm-contact-card.js';
import { defineElement, provideDefinition } from '../components/shared/define-element.js';
import { UcrmInteractionView } from '../components/ucrm-interaction-view/ucrm-interaction-view.js';

defineElement('ucrm-interaction-view', UcrmInteractionView);

// <contact-matcher> and <ucrm-contact-form> come with the view's on-demand
// chunk, imported when a pop first shows one of them: one chunk for both
// (and the search's assign UI) keeps the pop's files few.
const registerOnDemand = () =>
  import('../components/ucrm-interaction-view/on-demand.js').then(({ elements }) => {
    for (const [tag, element] of Object.entries(elements)) defineElement(tag, element);
  });
provideDefinition('contact-matcher', registerOnDemand);
provideDefinition('ucrm-contact-form', registerOnDemand);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-interaction-view': UcrmInteractionView;
  }
}

export { UcrmInteractionView };
