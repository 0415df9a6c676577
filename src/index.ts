/**
 * `ucrm-widgets`: registers every element and exports the public API. For
 * the API without registering anything, import `ucrm-widgets/api`; to
 * register one element, `ucrm-widgets/define/<tag>`.
 */
import './define/ucrm-provider.js';
import './define/ucrm-interaction-view.js';
import './define/contact-matcher.js';
import './define/ucrm-contact-card.js';
import './define/ucrm-contact-form.js';
import './define/disposition-form.js';
import './define/ucrm-wrap-up-timer.js';
import './define/ucrm-new-interaction.js';
import './define/ucrm-contact-directory.js';
import './define/ucrm-contact-details.js';
import './define/ucrm-inbox.js';
import './define/ucrm-interaction-actions.js';
import './define/ucrm-agent-workspace.js';
import './define/ucrm-forms-panel.js';
import './define/ucrm-contact-history.js';
import './define/ucrm-conversation.js';
import './define/ucrm-call-controls.js';
import './define/ucrm-transfer.js';
import './define/ucrm-conference.js';

export * from './api.js';
