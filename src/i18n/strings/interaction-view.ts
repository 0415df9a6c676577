import { defineStrings } from '../localize.js';

import type { Channel } from '../../core/types.js';

const enChannels: Record<Channel, string> = {
  phone: 'Phone', whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email', webchat: 'Web chat',
  instagram: 'Instagram', messenger: 'Messenger', telegram: 'Telegram',
};

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

const en = {
  label: 'Interaction contact',
  channel: (channel: Channel) => enChannels[channel],
  noInteraction: 'No active interaction. Search for a contact.',
  searchAnother: 'Search another contact',
  closeSearch: 'Close search',
  candidatesTitle: (count: number) => `${n(count, 'en')} contacts match this interaction. Pick one.`,
  createHint: 'No contact matches this interaction. Create it, or search for an existing one.',
  createInsteadHint: 'Create a new contact for this interaction, or go back to the matching contacts.',
  prefilledHint: 'Some fields hold what the customer already gave (pre-chat form, bot): check them before creating.',
  backToCandidates: 'Back to the matching contacts',
  invalidClientId: (clientId: string, channel: string) =>
    `“${clientId}” is not a valid ${channel} ClientID. Search for the contact or create it by hand.`,
  persistenceWarning: 'Changes are kept in this tab only: the browser storage is not available.',
  unnamed: '(no name)',
  loading: 'Looking up the contact…',
  announceContact: 'Contact found',
  announceCandidates: (count: number) => `${n(count, 'en')} contacts match`,
  announceCreate: 'New contact',
  announceInvalid: 'Invalid ClientID',
  announceIdle: 'No active interaction',
  announceCreated: 'Contact created',
  announceError: 'The contact could not be loaded',
};

/** The English strings; each translation must have the same keys and arguments. */
export type InteractionViewStrings = typeof en;

/** `<ucrm-interaction-view>`: the screen pop. */
export const interactionViewStrings = defineStrings(en, {
  es: () => import('./es/interaction-view.js'),
  pt: () => import('./pt/interaction-view.js'),
});
