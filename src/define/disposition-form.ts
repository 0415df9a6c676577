import { defineElement } from '../components/shared/define-element.js';
import { DispositionForm } from '../components/disposition-form/disposition-form.js';

defineElement('disposition-form', DispositionForm);

declare global {
  interface HTMLElementTagNameMap {
    'disposition-form': DispositionForm;
  }
}
