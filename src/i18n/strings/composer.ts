import { defineStrings } from '../localize.js';

import type { AttachmentCategory } from '../../core/composer/index.js';

import type { ComposerChannel, UnavailableReason } from '../../core/composer/index.js';

import type { ComposerErrorCode, ComposerField } from '../../core/composer/index.js';

/** The errors with one fixed message each; `required`, `invalid-email` with addresses and `missing-variables` take values. */
export type ComposerFieldError = Exclude<ComposerErrorCode, 'required' | 'missing-variables'>;

import type { SmsEncoding } from '../../core/composer/index.js';

/** Encodings are named the same in every language. */
const ENCODING_NAMES: Record<SmsEncoding, string> = { gsm7: 'GSM-7', ucs2: 'Unicode (UCS-2)' };

const enChannels: Record<ComposerChannel, string> = { phone: 'Phone', whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email' };

const enCategories: Record<AttachmentCategory, string> = { image: 'images', audio: 'audio', video: 'videos', document: 'documents' };

const enUnavailable: Record<UnavailableReason, string> = {
  'no-campaigns': 'There are no campaigns to start an interaction from.',
  'no-membership': 'You are not a member of any campaign. Ask your supervisor to add you to one.',
  'no-outbound-channels': 'None of your campaigns has Phone, WhatsApp, SMS or Email enabled for outbound interactions.',
  'no-permission': 'You do not have permission to start outbound interactions in your campaigns. Ask your supervisor or administrator.',
};

const enRequired: Record<ComposerField, string> = {
  campaign: 'Choose a campaign.',
  to: 'Enter the recipient.',
  message: 'Write a message or choose a template.',
  template: 'Choose a template.',
  subject: 'Enter a subject.',
  body: 'Write the email body.',
  cc: 'Enter an address.',
  bcc: 'Enter an address.',
};

const enErrors: Record<ComposerFieldError, string> = {
  'too-few-digits': 'Enter at least 5 digits.',
  'invalid-number': "This is not a valid phone number for the campaign's country. Include the country code if it is from another country.",
  'invalid-email': 'This is not a valid email address.',
  'free-text': 'A WhatsApp conversation must start with an approved template (HSM): free text would not reach the customer. Choose a template.',
  'template-required': 'Choose an approved template (HSM): a WhatsApp conversation must start with one.',
  'unknown-template': 'This template is no longer available in the campaign. Choose another one.',
  'not-approved': 'This template is not approved by Meta yet and cannot start a conversation.',
};

const en = {
  newButton: 'New',
  title: 'New interaction',
  close: 'Close',
  loadingCampaigns: 'Loading campaigns…',
  channel: 'Channel',
  channelName: (channel: ComposerChannel) => enChannels[channel],
  unavailable: (reason: UnavailableReason) => enUnavailable[reason],
  campaign: 'Campaign',
  chooseCampaign: 'Choose a campaign',
  phoneNumber: 'Number to call',
  phoneHint: 'Digits, # and * only; at least 5 digits.',
  mobileNumber: 'Customer number',
  mobileHint: 'National numbers use the campaign country; include + and the country code for others.',
  email: 'To',
  cc: 'CC',
  bcc: 'BCC',
  chipsHint: 'Press Enter or comma after each address; Backspace removes the last one.',
  removeAddress: (address: string) => `Remove ${address}`,
  subject: 'Subject',
  body: 'Message',
  loadingEditor: 'Loading the editor…',
  message: 'Message',
  template: 'Template',
  noTemplate: 'No template',
  notApproved: (name: string) => `${name} (not approved)`,
  hsmHint: 'The first WhatsApp message must be an approved template (HSM).',
  variables: 'Template variables',
  variable: (name: string) => `Variable {{${name}}}`,
  preview: 'Preview',
  smsCounter: (chars: string, segments: string, encoding: SmsEncoding) =>
    `${chars} characters · ${segments} ${segments === '1' ? 'segment' : 'segments'} · ${ENCODING_NAMES[encoding]}`,
  attachments: 'Attachments',
  attach: 'Attach files',
  removeAttachment: (name: string) => `Remove ${name}`,
  rejectedType: (name: string, ext: string) => `${name} was not attached: .${ext || '?'} files are not accepted.`,
  rejectedSize: (name: string, size: string, limit: string, category: AttachmentCategory) =>
    `${name} was not attached: it is ${size}; the limit for ${enCategories[category]} in this campaign is ${limit}.`,
  rejectedChannel: (name: string) => `${name} was not attached: this channel does not take attachments.`,
  voice: 'Voice message',
  record: 'Record voice message',
  stop: 'Stop recording',
  recording: 'Recording…',
  discard: 'Discard voice message',
  voiceReady: 'Voice message recorded; it is sent when the interaction starts.',
  micDenied: 'The browser denied access to the microphone. Allow it in the site settings to record voice messages.',
  micUnavailable: 'Voice messages cannot be recorded in this browser.',
  start: 'Start new interaction',
  starting: 'Starting the interaction…',
  started: 'Interaction started.',
  refused: 'The interaction was not started.',
  failed: (reason: string) => `The interaction could not be started: ${reason}`,
  fixErrors: (n: number) => (n === 1 ? 'Fix 1 field to start.' : `Fix ${n} fields to start.`),
  required: (field: ComposerField) => enRequired[field],
  fieldError: (code: ComposerFieldError) => enErrors[code],
  invalidEmails: (addresses: string) => `Not valid email addresses: ${addresses}.`,
  missingVariables: (names: string) => `Fill in the template variables: ${names}.`,
  toolbar: 'Formatting',
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  strike: 'Strikethrough',
  highlight: 'Highlight',
  bulletList: 'Bullet list',
  orderedList: 'Ordered list',
  blockType: 'Text style',
  paragraph: 'Paragraph',
  heading: (level: number) => `Heading ${level}`,
  alignLeft: 'Align left',
  alignCenter: 'Center',
  alignRight: 'Align right',
  alignJustify: 'Justify',
  horizontalRule: 'Horizontal rule',
  hardBreak: 'Line break',
  insertTable: 'Insert table',
  addRow: 'Add row',
  addColumn: 'Add column',
  deleteRow: 'Delete row',
  deleteColumn: 'Delete column',
  deleteTable: 'Delete table',
};

/** The English strings; each translation must have the same keys and arguments. */
export type ComposerStrings = typeof en;

/** Strings of `<ucrm-new-interaction>`. */
export const composerStrings = defineStrings(en, {
  es: () => import('./es/composer.js'),
  pt: () => import('./pt/composer.js'),
});
