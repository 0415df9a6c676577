import { defineElement } from '../components/shared/define-element.js';
import { UcrmConversation } from '../components/ucrm-conversation/ucrm-conversation.js';

defineElement('ucrm-conversation', UcrmConversation);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-conversation': UcrmConversation;
  }
}

export { UcrmConversation };
