/**
 * The workspace's forms menu (seed 002, "Manual access from the sidebar"):
 * one "Form – Campaign" entry per campaign with a form and manual access;
 * choosing one opens it in its own tab of `<ucrm-forms-panel>`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Campaign } from '../../core/types.js';
import type { FormsStrings } from '../../i18n/strings/forms.js';
import { manualFormEntries } from '../ucrm-forms-panel/manual-forms.js';

export interface FormsMenuContext {
  strings: FormsStrings;
  campaigns: readonly Campaign[];
  open: boolean;
  onToggle(open: boolean): void;
  onChoose(campaignId: string): void;
}

export function renderFormsMenu(c: FormsMenuContext): TemplateResult | typeof nothing {
  const s = c.strings;
  const entries = manualFormEntries(c.campaigns, s.untitledForm);
  if (!entries.length) return nothing;
  return html`<div
    part="forms-menu"
    @keydown=${(event: KeyboardEvent) => {
      if (event.key === 'Escape' && c.open) {
        event.stopPropagation();
        c.onToggle(false);
      }
    }}
  >
    <button
      type="button"
      part="forms-menu-button"
      aria-expanded=${c.open ? 'true' : 'false'}
      aria-controls="forms-menu-list"
      title=${s.formsMenuHint}
      @click=${() => c.onToggle(!c.open)}
    >
      ${s.formsMenu}
    </button>
    <ul part="forms-menu-list" id="forms-menu-list" aria-label=${s.formsMenuHint} ?hidden=${!c.open}>
      ${entries.map(
        (entry) => html`<li>
          <button type="button" part="forms-menu-item" data-campaign=${entry.campaign.id} @click=${() => c.onChoose(entry.campaign.id)}>
            ${s.entry(entry.formName, entry.campaign.name)}
          </button>
        </li>`,
      )}
    </ul>
  </div>`;
}
