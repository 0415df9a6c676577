/**
 * Messages the simulator makes from an agent's draft or a customer's action.
 * Files become object URLs (the simulator has no storage); categories and
 * channel rules come from the composer's core.
 */
import { categoryOf, channelAcceptsAttachments, channelAcceptsVoiceNotes, fillTemplate } from '../../core/composer/index.js';
import { CrmError } from '../../core/errors.js';
import { canReplyTo, needsTemplate, type Interaction, type Message, type MessageAttachment } from '../../core/interactions/index.js';
import type { Campaign } from '../../core/types.js';
import type { SendDraft } from './source.js';

export function attachmentOf(file: File): MessageAttachment {
  return {
    name: file.name,
    type: file.type || 'application/octet-stream',
    size: file.size,
    url: URL.createObjectURL(file),
    category: categoryOf(file.name) ?? 'document',
  };
}

/** Refuses what the channel cannot carry, with a message the agent can act on. */
export function checkDraft(interaction: Interaction, draft: SendDraft, history: readonly Message[]): void {
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
  draft: SendDraft;
  agent: { id: string; name: string };
  at: number;
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
    ...(draft.files?.length ? { attachments: draft.files.map(attachmentOf) } : {}),
    ...(draft.voice ? { voice: { url: URL.createObjectURL(draft.voice), durationMs: 0 } } : {}),
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
  files?: File[];
  replyTo?: string;
  at: number;
}): Message {
  return {
    id: input.id,
    interactionId: input.interactionId,
    direction: 'in',
    author: { kind: 'customer', name: input.name },
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.files?.length ? { attachments: input.files.map(attachmentOf) } : {}),
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
