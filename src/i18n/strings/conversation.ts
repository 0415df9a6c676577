import { defineStrings } from '../localize.js';

import type { AttachmentCategory } from '../../core/composer/index.js';
import type { MessageStatus } from '../../core/interactions/index.js';

const enStatus: Record<MessageStatus, string> = {
  pending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Not delivered',
};

const enCategory: Record<AttachmentCategory, string> = { image: 'Image', video: 'Video', document: 'Document', audio: 'Audio' };

const en = {
  conversation: 'Conversation',
  messages: 'Messages',
  loading: 'Loading messages…',
  loadingOlder: 'Loading older messages…',
  noMessages: 'No messages yet.',
  startOfConversation: 'Start of the conversation',
  notFound: (id: string) => `There is no interaction "${id}".`,
  noInteraction: 'No interaction is selected.',
  phoneChannel: 'Phone interactions have no messages: use the call controls.',
  statusName: (status: MessageStatus) => enStatus[status],
  you: 'You',
  customer: 'Customer',
  bot: (name: string) => `${name} (bot)`,
  system: 'System',
  internalNote: 'Internal note',
  internalHint: 'Only agents see internal notes.',
  announceMessage: (author: string, text: string) => `New message from ${author}: ${text}`,
  announceFailed: (reason: string) => `A message was not delivered: ${reason}`,
  newMessages: (count: number) => (count === 1 ? '1 new message' : `${count} new messages`),
  attachment: (name: string) => `Attachment ${name}`,
  voiceNote: 'Voice message',
  openAttachment: (name: string) => `Open ${name}`,
  reply: 'Reply',
  replyTo: (author: string) => `Reply to ${author}`,
  replyingTo: (author: string) => `Replying to ${author}`,
  cancelReply: 'Cancel reply',
  quoteOf: (author: string) => `In reply to ${author}`,
  quoteMissing: 'The original message is not loaded.',
  retry: 'Retry',
  notSent: 'Not sent: the message did not reach the server. It is kept here; Retry sends it once.',
  offline: 'Not sent: you are offline. It is sent again when you are back online, or with Retry.',
  refused: (reason: string) => `Refused: ${reason}`,
  failedReason: (reason: string) => `Not delivered: ${reason}`,
  // Composer
  composer: 'Message composer',
  mode: 'Write',
  modeReply: 'Reply to customer',
  modeNote: 'Internal note',
  message: 'Message',
  notePlaceholder: 'Write an internal note (only agents see it)',
  messagePlaceholder: 'Write a message. Enter sends, Shift+Enter adds a line.',
  send: 'Send',
  sending: 'Sending…',
  sendNote: 'Add note',
  emptyMessage: 'Write a message, choose a template, attach a file or record a voice message.',
  firstMessageTemplate: 'WhatsApp: this conversation was started by you, so its first message must be an approved template (HSM). Choose one below.',
  windowClosed: 'WhatsApp: more than 24 hours have passed since the customer’s last message, so only approved templates can be sent. Choose one below.',
  windowCloses: (time: string) => `The WhatsApp window for free text closes at ${time}.`,
  finishedNote: 'This interaction is finished: the customer can no longer be written to. Internal notes can still be added.',
  readOnly: (who: string) => `Assigned to ${who}: you are viewing this conversation.`,
  readOnlyUnassigned: 'This interaction is not assigned to you: take it to write.',
  template: 'Template',
  noTemplate: 'No template',
  notApproved: (name: string) => `${name} (not approved)`,
  removeTemplate: 'Remove template',
  variables: 'Template variables',
  variable: (name: string) => `Variable {{${name}}}`,
  preview: 'Preview',
  missingVariables: (names: string) => `Fill in the template variables: ${names}.`,
  emoji: 'Insert emoji',
  emojiPicker: 'Emoji',
  emojiLoading: 'Loading emoji…',
  emojiFailed: 'The emoji picker could not be loaded.',
  attach: 'Attach a file',
  attachCategory: 'Attachment type',
  category: (category: AttachmentCategory) => enCategory[category],
  voiceConverting: 'Preparing the voice message…',
  voiceFailed: (reason: string) => `The voice message could not be prepared: ${reason}`,
  voiceReady: 'Voice message recorded: Send sends it, the trash discards it.',
  subject: 'Subject',
  // Presence of others
  viewing: (names: string) => `${names} also viewing`,
  typing: (name: string) => `${name} is typing…`,
  customerTyping: (name: string) => `${name} is typing…`,
  // Pre-chat
  preChat: 'Pre-chat form',
  preChatHint: 'What the visitor filled in (and what the bot collected); offered to the new contact form.',
  loadFailed: 'The messages could not be loaded.',
  sent: 'Message sent.',
  noteAdded: 'Internal note added.',
};

/** The English strings; each translation must have the same keys and arguments. */
export type ConversationStrings = typeof en;

/** Strings of `<ucrm-conversation>`. */
export const conversationStrings = defineStrings(en, {
  es: () => import('./es/conversation.js'),
  pt: () => import('./pt/conversation.js'),
});
