import { defineElement } from '../components/shared/define-element.js';
import { UcrmContactForm } from '../components/ucrm-contact-form/ucrm-contact-form.js';

defineElement('ucrm-contact-form', UcrmContactForm);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-contact-form': UcrmContactForm;
  }
}
