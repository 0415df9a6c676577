/**
 * Messages made from an agent's draft or a customer's action, shared by the
 * simulated carrier and the reference server so both answer the same: the
 * channel's checks on a draft, the outbound message (failed for WhatsApp
 * outside the 24 h window without an approved template), the customer's and
 * the bot's. Files are the caller's job (the simulator makes object URLs,
 * the server stores them): they arrive here as finished attachments.
 */
import { channelAcceptsAttachments, channelAcceptsVoiceNotes, fillTemplate } from '../composer/index.js';
import { CrmError } from '../errors.js';
import type { Campaign } from '../types.js';
import { canReplyTo, needsTemplate } from './message-rules.js';
import type { Interaction, Message, MessageAttachment } from './model.js';

/** What `checkDraft` and `agentMessage` read of a draft (an `InteractionSource` `SendDraft` fits). */
export interface MessageDraft {
  text?: string;
  html?: string;
  subject?: string;
  template?: { id: string; variables?: Record<string, string> };
  /** Only counted: files to attach. */
  files?: readonly unknown[];
  /** Only tested for presence: a voice message. */
  voice?: unknown;
  replyTo?: string;
  internal?: boolean;
}

/** Refuses what the channel cannot carry, with a message the agent can act on (`invalid`). */
export function checkDraft(interaction: Interaction, draft: MessageDraft, history: readonly Message[]): void {
  if (interaction.channel === 'phone') throw new CrmError('invalid', 'Phone interactions have no messages.');
  const empty = !draft.text?.trim() && !draft.html?.trim() && !draft.template && !draft.files?.length && !draft.voice;
  if (empty) throw new CrmError('invalid', 'Write a message, choose a template or attach a file.');
  if (draft.files?.length && !channelAcceptsAttachments(interaction.channel)) {
    throw new CrmError('invalid', `Attachments cannot be sent on ${interaction.channel}.`);
  }
  if (draft.voice && !channelAcceptsVoiceNotes(interaction.channel)) {
    throw new CrmError('invalid', `Voice messages cannot be sent on ${interaction.channel}.`);
  }
  if (draft.replyTo) {
    const quoted = history.find((m) => m.id === draft.replyTo);
    if (!quoted) throw new CrmError('invalid', 'The quoted message is not in this conversation.');
    if (!canReplyTo(quoted)) throw new CrmError('invalid', 'Only delivered or read messages can be replied to.');
  }
}

/** The text a template renders to with its variables. */
export function templateText(campaign: Campaign | undefined, template: { id: string; variables?: Record<string, string> }): string | undefined {
  const found = campaign?.templates?.find((t) => t.id === template.id);
  return found ? fillTemplate(found.body, template.variables ?? {}) : undefined;
}

/**
 * The agent's outbound message: `sent` once the carrier takes it, or
 * `failed` for WhatsApp outside the 24 h window without an approved template
 * (seed 002: "otherwise the message will fail").
 */
export function agentMessage(input: {
  id: string;
  interaction: Interaction;
  campaign: Campaign | undefined;
  draft: MessageDraft;
  agent: { id: string; name: string };
  at: number;
  attachments?: MessageAttachment[];
  voice?: NonNullable<Message['voice']>;
}): Message {
  const { interaction, draft, campaign } = input;
  const template = draft.template ? campaign?.templates?.find((t) => t.id === draft.template!.id) : undefined;
  const approvedTemplate = !!template && (template.channel !== 'whatsapp' || template.approved === true);
  const failed = !draft.internal && needsTemplate(interaction, input.at) && !approvedTemplate;
  const text = draft.text ?? (draft.template ? templateText(campaign, draft.template) : undefined);
  return {
    id: input.id,
    interactionId: interaction.id,
    direction: 'out',
    author: { kind: 'agent', name: input.agent.name, id: input.agent.id },
    ...(text !== undefined ? { text } : {}),
    ...(draft.html ? { html: draft.html } : {}),
    ...(draft.subject ? { subject: draft.subject } : {}),
    ...(draft.template ? { template: { id: draft.template.id, ...(draft.template.variables ? { variables: draft.template.variables } : {}) } } : {}),
    ...(input.attachments?.length ? { attachments: input.attachments } : {}),
    ...(input.voice ? { voice: input.voice } : {}),
    ...(draft.replyTo ? { replyTo: draft.replyTo } : {}),
    ...(draft.internal ? { internal: true } : {}),
    status: failed ? 'failed' : 'sent',
    ...(failed
      ? { error: 'WhatsApp only delivers an approved template outside the 24-hour window after the customer’s last message.' }
      : {}),
    at: new Date(input.at).toISOString(),
  };
}

export function customerMessage(input: {
  id: string;
  interactionId: string;
  name: string;
  text?: string;
  attachments?: MessageAttachment[];
  replyTo?: string;
  at: number;
}): Message {
  return {
    id: input.id,
    interactionId: input.interactionId,
    direction: 'in',
    author: { kind: 'customer', name: input.name },
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.attachments?.length ? { attachments: input.attachments } : {}),
    ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    status: 'delivered',
    at: new Date(input.at).toISOString(),
  };
}

export function botMessage(input: { id: string; interactionId: string; name: string; text: string; at: number }): Message {
  return {
    id: input.id,
    interactionId: input.interactionId,
    direction: 'out',
    author: { kind: 'bot', name: input.name },
    text: input.text,
    status: 'read',
    at: new Date(input.at).toISOString(),
  };
}
