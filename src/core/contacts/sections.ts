/** Which custom sections an interaction shows (DESIGN.md, "Resolution", rule 6). */
import type { CustomSection, FieldDef } from '../types.js';

/**
 * The sections enabled for `campaign`: those with an empty `campaigns` list
 * (every campaign) or listing it. With no campaign, only the sections enabled
 * for every campaign. Order is kept.
 */
export function sectionsForCampaign(sections: readonly CustomSection[], campaign?: string): CustomSection[] {
  const id = campaign?.trim();
  return sections.filter((section) => section.campaigns.length === 0 || (!!id && section.campaigns.includes(id)));
}

/** Every custom field across the sections, once per key (the first definition wins): what search indexes. */
export function sectionFields(sections: readonly CustomSection[]): FieldDef[] {
  const byKey = new Map<string, FieldDef>();
  for (const field of sections.flatMap((section) => section.fields)) if (!byKey.has(field.key)) byKey.set(field.key, field);
  return [...byKey.values()];
}
