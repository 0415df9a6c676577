/**
 * Render helpers of `<disposition-form>` that need no element state: the
 * reschedule field (the library's one field pattern, shared/form-field.ts)
 * and the closed summary. Kept apart so the element file
 * stays about behaviour.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { minimumLocalDateTime, timeZoneDisplayName, type RescheduleCheck } from '../../core/disposition/index.js';
import type { dispositionStrings } from '../../i18n/strings/disposition.js';
import type { DispositionDraft } from '../../state/disposition-drafts.js';
import { renderFormField } from '../shared/form-field.js';

export type DispositionStrings = (typeof dispositionStrings)['en'];

export interface RescheduleFieldOptions {
  strings: DispositionStrings;
  /** The agent's IANA zone: the picker's wall time is read in it. */
  zone: string;
  locale: string;
  now: number;
  value: string;
  check: RescheduleCheck;
  onInput: (event: Event) => void;
}

function problemText(s: DispositionStrings, check: RescheduleCheck, zone: string): string | undefined {
  if (check.ok) return undefined;
  switch (check.problem) {
    case 'empty':
      return undefined; // not an error yet: the Reschedule hint says what is missing
    case 'past':
      return s.timePast;
    case 'nonexistent':
      return s.timeNonexistent(zone);
    default:
      return s.timeMalformed;
  }
}

/** The date-time picker, the agent's time zone, and what is wrong with the time typed. */
export function renderRescheduleField({ strings: s, zone, locale, now, value, check, onInput }: RescheduleFieldOptions) {
  const problem = problemText(s, check, zone);
  return renderFormField({
    id: 'reschedule-at',
    label: s.rescheduleAt,
    // A wall time the clocks pass twice is valid; the hint then says which of the two it means.
    hint: `${s.timeZoneNote(timeZoneDisplayName(zone, locale, now), zone)}${check.ok && check.ambiguous ? ` ${s.timeAmbiguous}` : ''}`,
    hintPart: 'time-zone',
    error: problem,
    fieldPart: 'reschedule',
    control: (aria) => html`<input
      id=${aria.id}
      part="reschedule-input"
      type="datetime-local"
      min=${minimumLocalDateTime(zone, now)}
      aria-invalid=${ifDefined(aria.invalid)}
      aria-describedby=${ifDefined(aria.describedBy)}
      .value=${live(value)}
      @input=${onInput}
      @change=${onInput}
    />`,
  });
}

/** The read-only view of a closed interaction: what was saved, or that nothing was. */
export function renderClosedSummary(
  s: DispositionStrings,
  saved: DispositionDraft['saved'],
  formatInstant: (iso: string) => string,
) {
  const recorded = saved && (saved.path.length > 0 || saved.comment);
  return html`<section part="summary" aria-label=${s.closedTitle}>
    <p class="summary-title">${s.closedTitle}</p>
    ${recorded
      ? html`<dl>
          ${saved.path.length
            ? html`<dt>${s.title}</dt>
                <dd>${saved.path.map((entry) => entry.label).join(' › ')}</dd>`
            : nothing}
          ${saved.comment
            ? html`<dt>${s.summaryComment}</dt>
                <dd>${saved.comment}</dd>`
            : nothing}
          ${saved.rescheduleAt
            ? html`<dt>${s.summaryReschedule}</dt>
                <dd>${formatInstant(saved.rescheduleAt)}</dd>`
            : nothing}
        </dl>`
      : html`<p>${s.nothingRecorded}</p>`}
  </section>`;
}
