import { defineStrings } from '../localize.js';

const en = {
  panelLabel: 'Form',
  /** "Form name – Campaign name" (seed 002); an external form without a name shows its URL. */
  entry: (form: string, campaign: string) => `${form} – ${campaign}`,
  untitledForm: 'Form',
  tabs: 'Open forms',
  closeTab: (name: string) => `Close ${name}`,
  expand: 'Full screen',
  collapse: 'Exit full screen',
  close: 'Close the form',
  mandatory: 'Required by this campaign',
  loading: 'Loading the form…',
  noForm: 'This campaign has no form.',
  noFields: 'This form has no fields yet.',
  noTabs: 'No form is open.',
  save: 'Save form',
  saving: 'Saving…',
  saved: 'Form saved.',
  savedToContact: 'Form saved to the contact.',
  draftHint: 'What you type is kept on this device until you save.',
  fixFields: (count: number) => (count === 1 ? 'Check the highlighted field.' : `Check the ${count} highlighted fields.`),
  frameTitle: (name: string) => `${name} (external form)`,
  externalNote: 'An external page: its owner decides what it asks. Its data comes back when it is sent.',
  badUrl: 'The form address is not a valid web address (https).',
  badMessage: 'The external form sent data the panel cannot read: it was ignored.',
  formsMenu: 'Forms',
  formsMenuHint: 'Forms you can open without an interaction',
  noManualForms: 'No forms to open without an interaction.',
  opened: (name: string) => `${name} opened.`,
};

/** The English strings; each translation must have the same keys and arguments. */
export type FormsStrings = typeof en;

/** `<ucrm-forms-panel>` and the workspace's forms menu. */
export const formsStrings = defineStrings(en, {
  es: () => import('./es/forms.js'),
  pt: () => import('./pt/forms.js'),
});
