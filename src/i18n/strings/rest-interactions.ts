import { defineStrings } from '../localize.js';

const en = {
  listInteractions: 'Loading the inbox',
  getInteraction: 'Loading the interaction',
  history: 'Loading the contact’s interactions',
  take: 'Taking the interaction',
  start: 'Starting the interaction',
  linkContact: 'Linking the contact',
  messages: 'Loading the conversation',
  send: 'Sending the message',
  upload: 'Uploading the attachment',
  activity: 'Telling the others you are in the conversation',
  call: 'Controlling the call',
  transferTargets: 'Loading the transfer targets',
  transfer: 'Transferring the interaction',
  conference: 'Managing the conference',
  saveDisposition: 'Saving the disposition',
  scheduled: 'Loading the rescheduled attempts',
  finish: 'Finishing the interaction',
  close: 'Closing the interaction',
  presence: 'Updating your status',
  views: 'Loading the inbox views',
  saveView: 'Saving the inbox view',
  deleteView: 'Deleting the inbox view',
  batch: 'Updating the interactions',
  filesNotSupported: 'This server does not take attachments or voice messages yet: send text, or a template.',
};

/** The REST interaction source's operation names (its failures reuse the REST source's sentences, rest.ts). */
export type RestInteractionStrings = typeof en;
export type RestInteractionOperation = Exclude<keyof RestInteractionStrings, 'filesNotSupported'>;

export const restInteractionStrings = defineStrings(en, {
  es: () => import('./es/rest-interactions.js'),
  pt: () => import('./pt/rest-interactions.js'),
});
