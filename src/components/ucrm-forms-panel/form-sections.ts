/**
 * A campaign form made of this library's custom sections: which sections it
 * holds, its fields drawn with the shared field pattern, and how what was
 * typed is checked and turned into values. The element owns the draft.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Campaign, CustomSection, FieldDef } from '../../core/types.js';
import type { ContactFormStrings } from '../../i18n/strings/contact-form.js';
import type { FormDraft } from '../../state/form-drafts.js';
import { fieldDomId, fromRawValue, renderFieldInput, type FieldRawValue } from '../shared/field-input.js';
import { fieldProblemMessage, validateFieldValue } from '../shared/field-validation.js';

/** The sections of `campaign`'s form: its `sectionIds` in that order, else the sections shown for the campaign. */
export function formSections(campaign: Campaign, sections: readonly CustomSection[]): CustomSection[] {
  const ids = campaign.form?.sectionIds;
  if (ids?.length) return ids.map((id) => sections.find((s) => s.id === id)).filter((s): s is CustomSection => !!s);
  return sections.filter((s) => s.campaigns.length === 0 || s.campaigns.includes(campaign.id));
}

/** What a control shows for a draft value (drafts keep what was typed, as typed). */
export function rawOf(field: FieldDef, value: FormDraft[string] | undefined): FieldRawValue {
  if (field.type === 'checkbox') return value === true;
  return value === undefined || value === null ? '' : String(value);
}

export const fieldId = (key: string) => fieldDomId('form', key);

/** The localized problem of each field that is wrong, by key. `badInput` reads a control's own verdict. */
export function checkSections(
  sections: readonly CustomSection[],
  draft: FormDraft,
  strings: ContactFormStrings,
  badInput: (key: string) => boolean,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of sections.flatMap((s) => s.fields)) {
    const problem = validateFieldValue(field.type, rawOf(field, draft[field.key]), { required: field.required, badInput: badInput(field.key) });
    if (problem) errors[field.key] = fieldProblemMessage(problem, strings);
  }
  return errors;
}

/** The values to send: every field the agent touched, as the contact's custom fields store them (empty → null). */
export function sectionValues(sections: readonly CustomSection[], draft: FormDraft): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of sections.flatMap((s) => s.fields)) {
    if (!(field.key in draft)) continue;
    values[field.key] = fromRawValue(field, rawOf(field, draft[field.key])) ?? null;
  }
  return values;
}

export interface SectionsContext {
  sections: readonly CustomSection[];
  draft: FormDraft;
  errors: Record<string, string>;
  strings: ContactFormStrings;
  onInput(key: string, value: FieldRawValue): void;
}

export function renderSections(c: SectionsContext): TemplateResult[] {
  return c.sections.map(
    (section) => html`<fieldset part="section">
      <legend part="section-title">${section.title}</legend>
      ${section.fields.length
        ? section.fields.map((field) =>
            renderFieldInput({
              field,
              id: fieldId(field.key),
              value: rawOf(field, c.draft[field.key]),
              strings: c.strings,
              error: c.errors[field.key],
              onInput: (value) => c.onInput(field.key, value),
            }),
          )
        : nothing}
    </fieldset>`,
  );
}
