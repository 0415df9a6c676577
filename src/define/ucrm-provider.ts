import { defineElement } from '../components/shared/define-element.js';
import { UcrmProvider } from '../components/ucrm-provider/ucrm-provider.js';

defineElement('ucrm-provider', UcrmProvider);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-provider': UcrmProvider;
  }
}

export { UcrmProvider };
