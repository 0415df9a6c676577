/**
 * What `<ucrm-interaction-view>` shows only in some states (the candidate
 * list and search, the create form, the search's assign UI), as one chunk
 * the view imports when a state first needs a part of it: one lazy boundary
 * instead of one per piece keeps a bundle that has everything in fewer files.
 */
import '../../define/contact-matcher.js';
import '../../define/ucrm-contact-form.js';

export { AssignPanel } from './assign-panel.js';
