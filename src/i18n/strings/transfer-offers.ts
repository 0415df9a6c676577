import { defineStrings } from '../localize.js';

const en = {
  title: 'Transfers for you',
  someone: 'Another agent',
  /** A blind transfer offered to the agent: who sends whom, on which channel and campaign. */
  blind: (from: string, who: string, channel: string, campaign: string) => `${from} is transferring ${who} to you (${channel}, ${campaign}).`,
  /** An attended transfer: the sender wants to consult the agent first. */
  attended: (from: string, who: string, channel: string, campaign: string) => `${from} wants to consult you about ${who} (${channel}, ${campaign}).`,
  timeLeft: (from: string, duration: string) => `Returns to ${from} in ${duration} unless you answer.`,
  timeUp: (from: string) => `Time is up: returning to ${from}.`,
  onConsultation: (from: string) => `You accepted the consultation; ${from} completes or cancels the transfer.`,
  accept: 'Accept',
  decline: 'Decline',
  leaveConsultation: 'Leave consultation',
  answering: 'Answering…',
  arrived: (from: string, who: string, duration: string) => `Transfer offered: ${from} is transferring ${who} to you. ${duration} to answer.`,
  accepted: (who: string) => `You accepted ${who}: it is in your Active tab.`,
  consultationAccepted: (from: string) => `Consultation accepted: ${from} completes the transfer.`,
  declined: (who: string, from: string) => `You declined ${who}: it went back to ${from}.`,
  withdrawn: (who: string) => `The transfer of ${who} is no longer offered to you.`,
  gone: 'This transfer is no longer waiting for you: it timed out or was cancelled, and went back to the agent who sent it.',
};

/** The English strings; each translation must have the same keys and arguments. */
export type TransferOffersStrings = typeof en;

/** `<ucrm-inbox>`'s transfers offered to the agent (issue 21, seed 002). Durations arrive spelled out with `Intl`. */
export const transferOffersStrings = defineStrings(en, {
  es: () => import('./es/transfer-offers.js'),
  pt: () => import('./pt/transfer-offers.js'),
});
