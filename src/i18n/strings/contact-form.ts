import { defineStrings } from '../localize.js';

import { contactStrings } from './contact.js';

const en = {
  ...contactStrings.en,
  formTitle: 'New contact',
  firstName: 'First name',
  lastName: 'Last name',
  phoneN: (n: number) => `Phone ${n}`,
  emailN: (n: number) => `Email ${n}`,
  addPhone: 'Add phone',
  addEmail: 'Add email',
  removePhone: (n: number) => `Remove phone ${n}`,
  removeEmail: (n: number) => `Remove email ${n}`,
  channelIdentity: (channel: string) => `${channel} (from this interaction)`,
  choose: 'Choose…',
  requiredMark: '(required)',
  submit: 'Create contact',
  saving: 'Saving…',
  invalidCount: (n: number) => (n === 1 ? '1 field needs attention.' : `${n} fields need attention.`),
  errRequired: 'This field is required.',
  errEmail: 'Enter an email address like name@example.com.',
  errUrl: 'Enter a web address starting with https://.',
  errNumber: 'Enter a number.',
  errPhone: 'Enter a phone number: digits, with an optional leading +.',
  errName: 'Enter a first or last name, or choose “Create without name”.',
  errIdentify: 'A contact without a name needs a phone or an email.',
  createUnnamed: 'Create without name',
  createUnnamedHint: 'Creates the contact with only its phone, email or channel identity.',
};

/** The English strings; each translation must have the same keys and arguments. */
export type ContactFormStrings = typeof en;

/**
 * Strings of the contact form and the shared field inputs and validation
 * (`field-input`, `field-validation`). Apart from the card's (`contact.ts`) so
 * a screen pop that shows no form does not load them; the form loads them
 * with itself, every language at once. Each language also holds the card's
 * strings (field names such as Phone and Email), so the form reads one catalog.
 */
export const contactFormStrings = defineStrings(en, {
  es: () => import('./es/contact-form.js'),
  pt: () => import('./pt/contact-form.js'),
});
