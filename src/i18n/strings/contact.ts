import { defineStrings } from '../localize.js';

const en = {
  // Card
  unnamed: 'Unnamed contact',
  blocked: 'Blocked',
  identities: 'Contact details',
  phone: 'Phone',
  email: 'Email',
  instagram: 'Instagram',
  messenger: 'Messenger',
  telegram: 'Telegram',
  webchat: 'Web chat',
  currentInteraction: '(this interaction)',
  tags: 'Tags',
  leadStage: 'Lead stage',
  owner: 'Owner',
  unsubscribed: 'Unsubscribed',
  createdAt: 'Created',
  updatedAt: 'Updated',
  properties: 'Properties',
  notes: 'Notes',
  noNotes: 'No notes yet.',
  noteBy: (author: string, time: string) => `${author}, ${time}`,
  fullViewFailed: 'The properties and notes of this contact could not be loaded.',
  stageLead: 'Lead',
  stageProspect: 'Prospect',
  stageCustomer: 'Customer',
  // Field values
  yes: 'Yes',
  no: 'No',
  notSet: 'Not set',
};

/** The English strings; each translation must have the same keys and arguments. */
export type ContactStrings = typeof en;

/**
 * Strings of the contact card and the shared field values (`field-value`).
 * The form's own strings are in `contact-form.ts`, which loads with the form.
 */
export const contactStrings = defineStrings(en, {
  es: () => import('./es/contact.js'),
  pt: () => import('./pt/contact.js'),
});
