/**
 * What `<ucrm-interaction-view>` shows only in some states (the candidate
 * list and search, the create form, the search's assign UI), as one chunk
 * the view imports when a state first needs a part of it: one lazy boundary
 * instead of one per piece keeps a bundle that has everything in fewer files.
 * Its elements are registered by the define layer
 * (`src/define/ucrm-interaction-view.ts` provides their definitions from
 * this chunk); the view asks for them with `loadDefinition`.
 */
import { ContactMatcher } from '../contact-matcher/contact-matcher.js';
import { UcrmContactForm } from '../ucrm-contact-form/ucrm-contact-form.js';

/** The chunk's elements by tag. */
export const elements = {
  'contact-matcher': ContactMatcher,
  'ucrm-contact-form': UcrmContactForm,
};

export { AssignPanel } from './assign-panel.js';
