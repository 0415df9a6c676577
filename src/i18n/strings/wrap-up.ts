import { defineStrings } from '../localize.js';

import type { Channel } from '../../core/types.js';

const enChannels: Record<Channel, string> = {
  phone: 'Phone', whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email', webchat: 'Web chat',
  instagram: 'Instagram', messenger: 'Messenger', telegram: 'Telegram',
};

const en = {
  label: 'Wrap-up',
  endNow: 'End wrap-up now',
  hint: 'Ends the wrap-up: you become available for new calls.',
  started: (duration: string) => `Wrap-up started: ${duration} to finish your notes.`,
  endedTimeout: 'Wrap-up time is over. You are available again.',
  endedManual: 'Wrap-up ended. You are available again.',
  over: 'Wrap-up over',
  notApplicable: (channel: Channel) => `No wrap-up after ${enChannels[channel]} interactions`,
  expectedSeconds: 'a number of seconds greater than 0',
  expectedDeadline: 'epoch milliseconds or an ISO 8601 date-time',
};

/** The English strings; each translation must have the same keys and arguments. */
export type WrapUpStrings = typeof en;

/** `<ucrm-wrap-up-timer>`. Durations arrive already formatted with `Intl`. */
export const wrapUpStrings = defineStrings(en, {
  es: () => import('./es/wrap-up.js'),
  pt: () => import('./pt/wrap-up.js'),
});
