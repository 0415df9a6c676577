import { defineElement } from '../components/shared/define-element.js';
import { UcrmConference } from '../components/ucrm-conference/ucrm-conference.js';

defineElement('ucrm-conference', UcrmConference);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-conference': UcrmConference;
  }
}

export { UcrmConference };
