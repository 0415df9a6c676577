import { UcrmContactDirectory } from '../components/ucrm-contact-directory/ucrm-contact-directory.js';
import { defineElement, provideDefinition } from '../components/shared/define-element.js';

defineElement('ucrm-contact-directory', UcrmContactDirectory);
// Rendered only after a user action (a dialog, a contact's details): registered then, in their own chunks.
provideDefinition('ucrm-dialog', () => import('./ucrm-dialog.js'));
provideDefinition('ucrm-contact-details', () => import('./ucrm-contact-details.js'));
provideDefinition('ucrm-contact-form', () => import('./ucrm-contact-form.js'));
provideDefinition('ucrm-new-interaction', () => import('./ucrm-new-interaction.js'));

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-contact-directory': UcrmContactDirectory;
  }
}

export { UcrmContactDirectory };
