/**
 * Messages the simulator makes from an agent's draft or a customer's action:
 * the shared rules are core's (`src/core/interactions/message-factory.ts`,
 * also used by the reference server); here files become object URLs (the
 * simulator has no storage).
 */
import { categoryOf } from '../../core/composer/index.js';
import {
  agentMessage as coreAgentMessage,
  customerMessage as coreCustomerMessage,
  type Interaction,
  type Message,
  type MessageAttachment,
} from '../../core/interactions/index.js';
import type { Campaign } from '../../core/types.js';
import type { SendDraft } from './source.js';

export { botMessage, checkDraft, templateText } from '../../core/interactions/index.js';

export function attachmentOf(file: File): MessageAttachment {
  return {
    name: file.name,
    type: file.type || 'application/octet-stream',
    size: file.size,
    url: URL.createObjectURL(file),
    category: categoryOf(file.name) ?? 'document',
  };
}

/** The agent's outbound message (core's `agentMessage`), its files and voice as object URLs. */
export function agentMessage(input: {
  id: string;
  interaction: Interaction;
  campaign: Campaign | undefined;
  draft: SendDraft;
  agent: { id: string; name: string };
  at: number;
}): Message {
  const { draft } = input;
  return coreAgentMessage({
    ...input,
    ...(draft.files?.length ? { attachments: draft.files.map(attachmentOf) } : {}),
    ...(draft.voice ? { voice: { url: URL.createObjectURL(draft.voice), durationMs: 0 } } : {}),
  });
}

/** The customer's message (core's `customerMessage`), its files as object URLs. */
export function customerMessage(input: {
  id: string;
  interactionId: string;
  name: string;
  text?: string;
  files?: File[];
  replyTo?: string;
  at: number;
}): Message {
  const { files, ...rest } = input;
  return coreCustomerMessage({ ...rest, ...(files?.length ? { attachments: files.map(attachmentOf) } : {}) });
}
