import { UcrmContactDirectory } from '../components/ucrm-contact-directory/ucrm-contact-directory.js';
import { defineElement } from '../components/shared/define-element.js';

defineElement('ucrm-contact-directory', UcrmContactDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-contact-directory': UcrmContactDirectory;
  }
}

export { UcrmContactDirectory };
