import './ucrm-inbox.js';
import './ucrm-interaction-actions.js';
import './ucrm-interaction-view.js';
import './disposition-form.js';
import './ucrm-wrap-up-timer.js';
import './ucrm-forms-panel.js';
import './ucrm-conversation.js';
import './ucrm-call-controls.js';
import './ucrm-transfer.js';
import './ucrm-conference.js';
import { defineElement } from '../components/shared/define-element.js';
import { UcrmAgentWorkspace } from '../components/ucrm-agent-workspace/ucrm-agent-workspace.js';

defineElement('ucrm-agent-workspace', UcrmAgentWorkspace);

declare global {
  interface HTMLElementTagNameMap {
    'ucrm-agent-workspace': UcrmAgentWorkspace;
  }
}

export { UcrmAgentWorkspace };
