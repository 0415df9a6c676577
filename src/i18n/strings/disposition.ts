import { defineStrings } from '../localize.js';

const en = {
  title: 'Disposition',
  firstLevel: 'Level 1',
  level: (n: string, parent: string) => `${parent} (level ${n})`,
  nextLevel: (n: string) => `Level ${n}`,
  choose: 'Choose…',
  chooseAboveFirst: 'Choose the level above first',
  comment: 'Comment',
  optional: '(optional)',
  required: '(required)',
  counter: (used: string, max: string) => `${used} of ${max} characters`,
  save: 'Save',
  saveAndClose: 'Save and close',
  reschedule: 'Reschedule',
  close: 'Close',
  saving: 'Saving…',
  whyNotFinished: 'Available once the interaction is finished.',
  whyIncomplete: 'Choose a disposition down to the last level.',
  whyCommentRequired: 'This campaign requires a comment.',
  whyCommentTooLong: (max: string) => `The comment is longer than ${max} characters.`,
  whyRescheduleTime: 'Choose a future date and time to reschedule.',
  rescheduleAt: 'Call back on',
  timeZoneNote: (name: string, id: string) => `Your time zone: ${name} (${id})`,
  timePast: 'That time has already passed. Choose a future time.',
  timeNonexistent: (zone: string) => `That time does not exist in ${zone}: clocks skip it for daylight saving.`,
  timeMalformed: 'Enter a complete date and time.',
  timeAmbiguous: 'That time happens twice when clocks go back; the first one is used.',
  saved: 'Disposition saved.',
  savedAndClosed: 'Disposition saved and interaction closed.',
  rescheduled: (when: string) => `Disposition saved; call back scheduled for ${when}.`,
  closedDone: 'Interaction closed.',
  noDispositions: 'This campaign has no dispositions: close the interaction once it is finished.',
  loadingCampaign: 'Loading the campaign…',
  campaignNotFound: (id: string) => `The campaign "${id}" was not found.`,
  closedTitle: 'Interaction closed',
  nothingRecorded: 'No disposition was recorded for this interaction.',
  summaryComment: 'Comment',
  summaryReschedule: 'Call back on',
  expectedStatus: 'active, finished or closed',
  expectedTimeZone: 'an IANA time zone such as America/Sao_Paulo',
  expectedMaxLength: 'a whole number greater than 0',
};

/** The English strings; each translation must have the same keys and arguments. */
export type DispositionStrings = typeof en;

/** `<disposition-form>`. Numbers arrive already formatted with `Intl`. */
export const dispositionStrings = defineStrings(en, {
  es: () => import('./es/disposition.js'),
  pt: () => import('./pt/disposition.js'),
});
