import { defineStrings } from '../localize.js';

const en = {
  title: 'Interactions',
  loading: 'Loading interactions…',
  empty: 'No interactions with this contact yet.',
  more: 'Show older interactions',
  agent: (name: string) => `Agent: ${name}`,
  noAgent: 'No agent',
  disposition: (path: string) => `Disposition: ${path}`,
  noDisposition: 'No disposition',
  conversation: (channel: string, when: string) => `${channel} conversation of ${when} (read-only)`,
  back: 'Back to the interactions',
  noMessages: 'No messages in this interaction.',
  loadingMessages: 'Loading the conversation…',
  replyTo: (text: string) => `Reply to: ${text}`,
  attachment: (name: string, size: string) => `${name} (${size})`,
  voice: (seconds: string) => `Voice message, ${seconds} s`,
  internal: 'Internal note',
  status: (status: string) =>
    ({ pending: 'Sending', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Not delivered' })[status] ?? status,
};

/** The English strings; each translation must have the same keys and arguments. */
export type ContactHistoryStrings = typeof en;

/** `<ucrm-contact-history>`. Dates and sizes arrive formatted with `Intl`. */
export const contactHistoryStrings = defineStrings(en, {
  es: () => import('./es/contact-history.js'),
  pt: () => import('./pt/contact-history.js'),
});
