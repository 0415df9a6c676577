import { ContactMatcher } from '../components/contact-matcher/contact-matcher.js';
import { defineElement } from '../components/shared/define-element.js';

defineElement('contact-matcher', ContactMatcher);

declare global {
  interface HTMLElementTagNameMap {
    'contact-matcher': ContactMatcher;
  }
}

export { ContactMatcher };
