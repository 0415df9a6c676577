/** Which custom sections an interaction shows (DESIGN.md, "Resolution", rule 6). */
import type { CustomSection } from './types.js';

/**
 * The sections enabled for `campaign`: those with an empty `campaigns` list
 * (every campaign) or listing it. With no campaign, only the sections enabled
 * for every campaign. Order is kept.
 */
export function sectionsForCampaign(sections: readonly CustomSection[], campaign?: string): CustomSection[] {
  const id = campaign?.trim();
  return sections.filter((section) => section.campaigns.length === 0 || (!!id && section.campaigns.includes(id)));
}
