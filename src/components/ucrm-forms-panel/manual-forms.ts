/** Which campaign forms the forms menu lists (seed 002, "Manual access from the sidebar"). No DOM. */
import type { Campaign } from '../../core/types.js';

export interface ManualFormEntry {
  campaign: Campaign;
  /** The form's name, or its URL for an external form without one. */
  formName: string;
}

/** A form's name as the seed writes it: its name, else an external form's URL, else `fallback`. */
export function formNameOf(campaign: Campaign, fallback: string): string {
  const form = campaign.form;
  return form?.name || (form?.kind === 'url' ? form.url : undefined) || fallback;
}

/**
 * One entry per campaign with a form and manual access, in the campaigns'
 * order — also when two campaigns share the same form ("Contact form –
 * Sales", "Contact form – Support").
 */
export function manualFormEntries(campaigns: readonly Campaign[], fallback: string): ManualFormEntry[] {
  return campaigns
    .filter((campaign) => campaign.form && campaign.form.manualAccess)
    .map((campaign) => ({ campaign, formName: formNameOf(campaign, fallback) }));
}
